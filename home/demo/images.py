"""Pictures for the demo content, drawn here rather than downloaded.

Each is a calm Blue Ridge landscape: a sky, layered ridges fading into the
distance and sometimes a sun. The same title always gives the same picture.
"""

import math
import random
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFilter

from home.models import SiteImage

PALETTES = {
    "dawn": {
        "sky": ((247, 214, 180), (200, 222, 232)),
        "ridges": ((152, 170, 196), (30, 60, 84)),
        "sun": (251, 232, 196),
    },
    "morning": {
        "sky": ((214, 236, 240), (170, 205, 222)),
        "ridges": ((143, 178, 186), (22, 72, 78)),
        "sun": (255, 246, 220),
    },
    "dusk": {
        "sky": ((236, 186, 160), (120, 112, 160)),
        "ridges": ((128, 110, 150), (38, 34, 64)),
        "sun": (255, 210, 170),
    },
    "forest": {"sky": ((226, 238, 226), (186, 214, 200)), "ridges": ((136, 170, 146), (28, 66, 48)), "sun": None},
    "mist": {"sky": ((240, 240, 236), (210, 220, 224)), "ridges": ((184, 194, 200), (64, 84, 96)), "sun": None},
    "autumn": {
        "sky": ((250, 226, 196), (226, 206, 186)),
        "ridges": ((202, 150, 110), (96, 52, 36)),
        "sun": (255, 240, 210),
    },
}


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def draw_landscape(seed, palette="morning", size=(1600, 1000)):
    """A JPEG of layered ridges, as bytes."""
    rng = random.Random(seed)  # noqa: S311 (shapes of hills, not secrets)
    colours = PALETTES[palette]
    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    top, bottom = colours["sky"]
    for y in range(height):
        draw.line([(0, y), (width, y)], fill=_mix(top, bottom, y / height))
    if colours["sun"]:
        cx, cy, r = rng.randint(width // 5, 4 * width // 5), rng.randint(height // 6, height // 3), height // 12
        glow = Image.new("L", size, 0)
        ImageDraw.Draw(glow).ellipse([cx - 3 * r, cy - 3 * r, cx + 3 * r, cy + 3 * r], fill=90)
        glow = glow.filter(ImageFilter.GaussianBlur(r))
        image.paste(Image.new("RGB", size, colours["sun"]), mask=glow)
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=colours["sun"])
    layers = 5
    far, near = colours["ridges"]
    for layer in range(layers):
        t = layer / (layers - 1)
        base = height * (0.42 + 0.12 * layer)
        amplitude = height * (0.05 + 0.03 * layer)
        waves = [(rng.uniform(0.6, 3.2), rng.uniform(0, math.tau), rng.uniform(0.3, 1.0)) for _ in range(4)]
        points = [(0, height)]
        for x in range(0, width + 8, 8):
            offset = sum(w * math.sin(f * x / width * math.tau + p) for f, p, w in waves) / 2
            points.append((x, base - amplitude * offset))
        points.append((width, height))
        draw.polygon(points, fill=_mix(far, near, t))
    buffer = BytesIO()
    image.save(buffer, format="JPEG", quality=82, optimize=True, progressive=True)
    return buffer.getvalue()


def get_or_create_image(title, description, palette="morning", collection=None):
    """The demo image with this title, drawn and saved the first time it is asked for."""
    existing = SiteImage.objects.filter(title=title).first()
    if existing:
        return existing
    data = draw_landscape(seed=title, palette=palette)
    filename = "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-")[:60] + ".jpg"
    image = SiteImage(title=title, description=description, credit="Illustration made for this website")
    if collection is not None:
        image.collection = collection
    image.file = ImageFile(BytesIO(data), name=filename)
    image.save()
    return image
