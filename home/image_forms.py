"""The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE): Wagtail's, with a plainer refusal of huge images.

Every way of uploading an image (the Add an image form, multiple upload, the
chooser's upload tab, API v3) builds its form on this base, so each refuses an
image of more than WAGTAILIMAGES_MAX_IMAGE_PIXELS with the same message.
"""

from django.conf import settings
from wagtail.images.forms import BaseImageForm


def too_many_pixels_message():
    limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    # Wagtail fills in %(num_pixels)s; the limit is written out here, readably.
    return (
        "This image is too large to use on the site: it has %(num_pixels)s pixels, and the most we "
        f"take is {limit:,} (for example 8000 by 5000). Make it smaller in a photo editor "
        "(2400 pixels on the longer side is plenty for the site) and upload it again."
    )


class SiteImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].error_messages["file_too_many_pixels"] = too_many_pixels_message()
