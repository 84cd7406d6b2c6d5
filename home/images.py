"""Images: what the API gives (renditions, never the original upload), and uploads cleaned of metadata."""

from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageOps
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


# Formats whose uploads may carry camera metadata (EXIF, XMP), which Wagtail would copy
# into every rendition: where a photo was taken, with what, when.
_METADATA_FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP"}


def without_metadata(file):
    """The uploaded image `file` with its EXIF and XMP metadata removed, turned upright.

    Returns `file` itself when there is nothing to remove or it is not a photo format
    (GIF, SVG, AVIF, …), and a new in-memory file with the same name otherwise.
    """
    file.open()
    file.seek(0)
    try:
        picture = PILImage.open(file)
        picture.load()
    except (OSError, ValueError):
        file.seek(0)
        return file
    target = _METADATA_FORMATS.get(picture.format)
    has_metadata = bool(picture.getexif()) or any(key in picture.info for key in ("exif", "xmp", "XML:com.adobe.xmp"))
    if target is None or not has_metadata:
        file.seek(0)
        return file
    upright = ImageOps.exif_transpose(picture)
    options = {"icc_profile": picture.info["icc_profile"]} if picture.info.get("icc_profile") else {}
    if target in {"JPEG", "WEBP"}:
        options["quality"] = 95
        if upright.mode not in {"RGB", "L"} and target == "JPEG":
            upright = upright.convert("RGB")
    output = BytesIO()
    upright.save(output, target, **options)  # no exif= and no pnginfo: nothing but pixels and colour profile
    return ImageFile(output, name=file.name)
