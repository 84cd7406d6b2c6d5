"""StreamField values of many pages, converted together.

Wagtail turns each page's StreamField from JSON into blocks on its own, with one
query per kind of chosen object (images, pages) in that page's stream. A listing
that gives each page's body (the API with `fields=*`) would cost those queries
once per page; `convert_streams` costs them once for all the pages.

Nothing here is specific to one page type: home/api/endpoints.py uses it for every
page type's API listing.
"""

import re
from collections import defaultdict

from django.db.models import Prefetch, prefetch_related_objects
from django.utils.html import escape
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import Page
from wagtail.rich_text import RichText


def convert_streams(streams):
    """New, fully converted StreamValues for `streams` (lazy ones straight from the database).

    Blocks of the same type across all the streams go through one `bulk_to_python`, as
    Wagtail does within one stream, so their chosen images and pages come in one query.
    """
    streams = list(streams)
    raw = [list(stream.raw_data) for stream in streams]
    # (the stream block's identity, block type) -> [(stream number, position)]; blocks are not hashable.
    groups = defaultdict(list)
    for number, (stream, items) in enumerate(zip(streams, raw, strict=True)):
        for position, item in enumerate(items):
            groups[(id(stream.stream_block), item["type"])].append((number, position))

    values = {}
    for (_, type_name), places in groups.items():
        block = streams[places[0][0]].stream_block.child_blocks[type_name]
        converted = block.bulk_to_python([raw[number][position]["value"] for number, position in places])
        values.update(zip(places, converted, strict=True))

    return [
        blocks.StreamValue(
            stream.stream_block,
            [(item["type"], values[(number, position)], item.get("id")) for position, item in enumerate(items)],
            is_lazy=False,
        )
        for number, (stream, items) in enumerate(zip(streams, raw, strict=True))
    ]


def leaves(value):
    """Every value at the bottom of a block value: through streams, structs and lists."""
    if isinstance(value, blocks.StreamValue):
        for child in value:
            yield from leaves(child.value)
    elif isinstance(value, blocks.StructValue):
        for child in value.values():
            yield from leaves(child)
    elif isinstance(value, blocks.list_block.ListValue | list | tuple):
        for child in value:
            yield from leaves(child)
    else:
        yield value


def images_in(value):
    """Every image chosen anywhere in a block value: a stream, a struct, a list or a single block."""
    return (leaf for leaf in leaves(value) if isinstance(leaf, AbstractImage))


def prepare_stream_fields(pages, field_names):
    """Convert the StreamFields `field_names` of `pages` (a list) together, images' renditions included.

    For a listing about to show those fields: the chosen images, pages and every
    rendition of those images cost a query each for the whole list.
    """
    for name in field_names:
        for page, value in zip(pages, convert_streams(getattr(page, name) for page in pages), strict=True):
            setattr(page, name, value)
    images = [image for page in pages for name in field_names for image in images_in(getattr(page, name))]
    renditions = get_image_model().get_rendition_model().objects.all()
    prefetch_related_objects(images, Prefetch("renditions", queryset=renditions, to_attr="prefetched_renditions"))
    return pages


# A link as rich text is stored: <a linktype="page" id="12">, attributes in any order.
STORED_LINK = re.compile(r"<a\b(?=[^>]*\blinktype=\"(?P<type>page|document)\")(?=[^>]*\bid=\"(?P<id>\d+)\")[^>]*>")


def rich_texts_in(value):
    """The database HTML of every rich text in a block value (a stream, a struct, a list or a RichText)."""
    return (leaf.source for leaf in leaves(value) if isinstance(leaf, RichText))


class LinkTargets:
    """The pages and documents that rich texts link to, fetched together: a query per kind.

    Wagtail looks them up one rich text at a time; a listing whose bodies link to
    pages would cost a query per item. `expand` gives the same anchors as Wagtail.
    """

    def __init__(self, sources, request=None):
        wanted = defaultdict(set)
        for source in sources:
            for match in STORED_LINK.finditer(source or ""):
                wanted[match["type"]].add(int(match["id"]))
        pages = Page.objects.filter(pk__in=wanted["page"]).defer_streamfields() if wanted["page"] else []
        documents = get_document_model().objects.filter(pk__in=wanted["document"]) if wanted["document"] else []
        self.urls = {("page", page.pk): page.get_url(request) for page in pages}
        self.urls.update({("document", document.pk): document.url for document in documents})
        self.known = {(kind, pk) for kind, ids in wanted.items() for pk in ids}

    def expand(self, source):
        """`source` with the links it knows resolved to `<a href="…">` (an unknown target: `<a>`)."""

        def anchor(match):
            key = (match["type"], int(match["id"]))
            if key not in self.known:
                return match[0]
            url = self.urls.get(key)
            return f'<a href="{escape(url)}">' if url else "<a>"

        return STORED_LINK.sub(anchor, source)
