"""Pictures for the demo content, drawn here rather than downloaded.

Each picture is a flat illustration of what its page is about (home/demo/scenes.py): a
circle of chairs for the home page, waves for anxiety, a candle and falling leaves for
grief, a window letting light in for depression, the river in the Blue Ridge for the
community, and so on. The same title always gives the same picture.

They are drawn with Pillow and saved as JPEG, like a photo an editor uploads, rather than
kept as SVG files: every place the site shows an image makes a raster rendition of it
(`{% picture %}` in WebP and JPEG at cropped sizes, the 1200 x 630 og:image that social
sites need as a raster, the API's renditions), and Wagtail can only crop, resize and
convert a raster. An SVG would need `preserve-svg` in every template and still give no
social card. The drawing is fast (the demo loads in every test process) and each file is
a few tens of kilobytes.
"""

import functools
import random
from io import BytesIO

from django.core.files.images import ImageFile

from home.models import SiteImage

from .drawing import Canvas
from .scenes import SCENES

CREDIT = "Illustration made for this website (demo)"


@functools.cache
def draw(scene, seed):
    """The picture of `scene` (a name in SCENES), as JPEG bytes.

    Kept for the life of the process: the same arguments always draw the same picture, and a test
    process loads the demo many times (each browser test builds its own)."""
    canvas = Canvas()
    SCENES[scene](canvas, random.Random(seed))  # noqa: S311 (shapes of hills, not secrets)
    return canvas.jpeg()


def get_or_create_image(title, description, scene, collection=None):
    """The demo image with this title, drawn and saved the first time it is asked for."""
    existing = SiteImage.objects.filter(title=title).first()
    if existing:
        return existing
    filename = "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-")[:60] + ".jpg"
    image = SiteImage(title=title, description=description, credit=CREDIT)
    if collection is not None:
        image.collection = collection
    image.file = ImageFile(BytesIO(draw(scene, seed=title)), name=filename)
    image.save()
    return image
