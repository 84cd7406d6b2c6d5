"""The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE): Wagtail's, with a plainer refusal of huge images.

Every way of uploading an image (the Add an image form, multiple upload, the
chooser's upload tab, API v3) builds its form on this base, so each refuses an
image of more than WAGTAILIMAGES_MAX_IMAGE_PIXELS with the same message.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image as PILImage
from wagtail.images.forms import BaseImageForm


def too_many_pixels_message():
    limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    # Wagtail fills in %(num_pixels)s; the limit is written out here, readably.
    return (
        "This image is too large to use on the site: it has %(num_pixels)s pixels (every frame of an "
        f"animation counts), and the most we take is {limit:,} (for example 8000 by 5000). Make it "
        "smaller in a photo editor "
        "(2400 pixels on the longer side is plenty for the site) and upload it again."
    )


class SiteImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].error_messages["file_too_many_pixels"] = too_many_pixels_message()

    def clean_file(self):
        """Count every frame of an animated PNG or WebP against the limit, as Wagtail means to.

        Wagtail multiplies by the frame count Willow gives, and Willow's Pillow
        plugin always says one; cleaning such an upload of its metadata
        (home/images.py) holds every frame in memory. GIFs are cleaned byte by
        byte without decoding, so they are left to Wagtail's check.
        """
        file = self.cleaned_data.get("file")
        limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
        if not file or limit is None or not hasattr(file, "seek"):
            return file
        try:
            file.seek(0)
            with PILImage.open(file) as picture:
                frames = getattr(picture, "n_frames", 1) if picture.format in {"PNG", "WEBP"} else 1
                pixels = picture.width * picture.height * frames
        except (OSError, ValueError):  # Willow took it (an SVG, …): Wagtail's checks are enough
            frames, pixels = 1, 0
        finally:
            file.seek(0)
        if frames > 1 and pixels > limit:
            raise ValidationError(
                self.fields["file"].error_messages["file_too_many_pixels"]
                % {"num_pixels": f"{pixels:,}", "max_pixels_count": limit},
                code="file_too_many_pixels",
            )
        return file
