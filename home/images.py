"""How images are given to the API: renditions, never the original upload."""

from wagtail.api.utils import get_full_url
from wagtail.images.models import SourceImageIOError


def image_api_representation(image, filter_spec="width-1200", request=None):
    """A rendition of `image` as the API gives it: absolute URL, size and alt text.

    URLs are made absolute from WAGTAILAPI_BASE_URL, so other apps can use them as they are.
    """
    if image is None:
        return None
    try:
        rendition = image.get_rendition(filter_spec)
    except (SourceImageIOError, OSError):
        return None
    # An image chosen in a block carries the block's alt text; a decorative one has none.
    if getattr(image, "decorative", False):
        alt = ""
    else:
        alt = getattr(image, "contextual_alt_text", None) or image.default_alt_text
    return {
        "url": get_full_url(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": alt,
    }
