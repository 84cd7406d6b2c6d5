"""Images: what the API gives (renditions, never the original upload), and uploads cleaned of metadata."""

from io import BytesIO

from django.core.files.images import ImageFile
from PIL import ExifTags, ImageOps
from PIL import Image as PILImage
from PIL.PngImagePlugin import Blend, Disposal
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


# Formats whose uploads may carry camera metadata (EXIF, XMP) or comments, which Wagtail would
# copy into every rendition: where a photo was taken, with what, when, by whom.
_METADATA_FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP"}
_METADATA_KEYS = ("exif", "xmp", "XML:com.adobe.xmp", "comment")


def _has_metadata(picture):
    # PNG text chunks (tEXt, zTXt, iTXt: "Comment", "Author", …) are in `text`.
    return (
        bool(picture.getexif())
        or any(key in picture.info for key in _METADATA_KEYS)
        or bool(getattr(picture, "text", None))
    )


def without_metadata(file):
    """The uploaded image `file` with its EXIF, XMP and comments removed, turned upright.

    Returns `file` itself when there is nothing to remove or it is not a format we
    clean (SVG, AVIF, …), and a new in-memory file with the same name otherwise.
    What is kept: the pixels, transparency (a PNG's tRNS as well as alpha), the
    colour profile and, for an animated PNG or WebP, every frame with its timing.
    GIFs keep every byte of their frames: only their comment and XMP blocks are
    taken out (`gif_without_metadata`), so an animation stays as it was drawn.
    """
    file.open()
    file.seek(0)
    try:
        picture = PILImage.open(file)
        picture.load()
    except (OSError, ValueError):
        file.seek(0)
        return file
    if picture.format == "GIF":
        file.seek(0)
        cleaned = gif_without_metadata(file.read())
        file.seek(0)
        return file if cleaned is None else ImageFile(BytesIO(cleaned), name=file.name)
    target = _METADATA_FORMATS.get(picture.format)
    if target is None or not _has_metadata(picture):
        file.seek(0)
        return file
    options = {"icc_profile": picture.info["icc_profile"]} if picture.info.get("icc_profile") else {}
    if target == "PNG" and "transparency" in picture.info:
        # A palette entry, grey level or colour that is see-through (tRNS): a logo's background.
        options["transparency"] = picture.info["transparency"]
    if target in {"JPEG", "WEBP"}:
        options["quality"] = 95
    output = BytesIO()
    if target in {"PNG", "WEBP"} and getattr(picture, "is_animated", False):
        _save_animation(picture, output, target, options)
    else:
        upright = ImageOps.exif_transpose(picture)
        # Pillow writes some of what it read (a JPEG's comment, a WebP's XMP) back unless told otherwise.
        upright.info = {}
        if upright.mode not in {"RGB", "L"} and target == "JPEG":
            upright = upright.convert("RGB")
        # No exif= and no pnginfo: nothing but pixels, transparency and colour profile.
        upright.save(output, target, **options)
    return ImageFile(output, name=file.name)


_TURNS = {
    2: PILImage.Transpose.FLIP_LEFT_RIGHT,
    3: PILImage.Transpose.ROTATE_180,
    4: PILImage.Transpose.FLIP_TOP_BOTTOM,
    5: PILImage.Transpose.TRANSPOSE,
    6: PILImage.Transpose.ROTATE_270,
    7: PILImage.Transpose.TRANSVERSE,
    8: PILImage.Transpose.ROTATE_90,
}


def _save_animation(picture, output, target, options):
    """Write every frame of the animated PNG or WebP `picture` to `output`, with its timing and no metadata.

    Pillow gives each frame as it is shown (earlier frames and their disposal already
    drawn in), so the frames are written whole: each replaces the one before
    (APNG: disposal none, blend source) and Pillow stores only what changed.
    Every frame is held at once; the upload form has counted every frame against
    WAGTAILIMAGES_MAX_IMAGE_PIXELS (home/image_forms.py), which bounds that.
    """
    turn = _TURNS.get(picture.getexif().get(ExifTags.Base.Orientation, 1))
    loop = picture.info.get("loop", 0)
    background = picture.info.get("background")
    default_image = target == "PNG" and bool(picture.info.get("default_image"))
    frames, durations = [], []
    for number in range(picture.n_frames):
        picture.seek(number)
        picture.load()  # a WebP frame's duration is known once it is read
        durations.append(picture.info.get("duration") or 0)
        frame = picture.copy()
        frame.info = {}
        frames.append(frame.transpose(turn) if turn is not None else frame)
    if default_image:
        # An APNG's still image for viewers without animation, shown before (not as) frame one.
        durations = durations[1:]
    options |= {"save_all": True, "append_images": frames[1:], "duration": durations, "loop": loop}
    if target == "PNG":
        options |= {"default_image": default_image, "disposal": Disposal.OP_NONE, "blend": Blend.OP_SOURCE}
    elif isinstance(background, tuple) and len(background) == 4:
        options["background"] = background
    frames[0].save(output, target, **options)


_GIF_COMMENT = 0xFE
_GIF_APPLICATION = 0xFF
_GIF_XMP = b"XMP DataXMP"


def _gif_sub_blocks_end(data, position):
    """Where the data sub-blocks starting at `position` end (after their zero-length terminator)."""
    while True:
        size = data[position]
        position += 1 + size
        if size == 0:
            return position


def gif_without_metadata(data):
    """A GIF's bytes without its comment and XMP blocks, or None when it has none (or cannot be read).

    Pillow would keep a GIF's comment when saving it again, and saving it again
    would redraw its frames; taking the blocks out of the file leaves the rest
    byte for byte. Looping (NETSCAPE2.0) and every other block are kept.
    """
    try:
        if data[:6] not in {b"GIF87a", b"GIF89a"}:
            return None
        packed = data[10]
        position = 13 + (3 * 2 ** ((packed & 7) + 1) if packed & 0x80 else 0)
        kept = [data[:position]]
        removed = False
        while True:
            introducer = data[position]
            if introducer == 0x3B:  # trailer
                kept.append(data[position : position + 1])
                break
            if introducer == 0x21:  # an extension: label, then sub-blocks
                label = data[position + 1]
                end = _gif_sub_blocks_end(data, position + 2)
                identifier = data[position + 3 : position + 3 + data[position + 2]]
                if label == _GIF_COMMENT or (label == _GIF_APPLICATION and identifier == _GIF_XMP):
                    removed = True
                else:
                    kept.append(data[position:end])
                position = end
            elif introducer == 0x2C:  # an image: descriptor, local colour table, LZW code size, sub-blocks
                packed = data[position + 9]
                start = position + 10 + (3 * 2 ** ((packed & 7) + 1) if packed & 0x80 else 0)
                end = _gif_sub_blocks_end(data, start + 1)
                kept.append(data[position:end])
                position = end
            else:
                return None
    except IndexError:
        return None
    return b"".join(kept) if removed else None
