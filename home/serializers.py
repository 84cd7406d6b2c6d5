"""API fields shared by the site's page types, for API v2 and v3 alike.

API v3 types a custom serializer from the return annotation of its
`to_representation`, so each returns a TypedDict (from typing_extensions, as
pydantic requires on Python 3.11) rather than a bare dict.

What other apps get is usable as it is, from another origin:

- images are renditions (never the original upload) with an absolute URL from
  WAGTAILAPI_BASE_URL, their width, height and alt text (`RenditionField`);
- links to pages are absolute (`PageLinkField`), and so are the links inside
  rich text (`api_rich_text`, `RichTextAPIField`): Wagtail's "html" format
  gives root-relative ones, which another site would resolve against itself.
"""

import re

from django.urls import reverse
from rest_framework.fields import Field
from typing_extensions import TypedDict
from wagtail.api.rich_text import APIRichText
from wagtail.api.utils import get_full_url

from home.images import image_api_representation

# A root-relative URL in an attribute (href="/articles/") or a Markdown link ((/articles/)),
# not a protocol-relative one (//cdn.example).
_RELATIVE_HTML_URL = re.compile(r'(?P<attr>\b(?:href|src)=")(?P<path>/(?!/)[^"]*)"')
_RELATIVE_MARKDOWN_URL = re.compile(r"\]\((?P<path>/(?!/)[^)\s]*)")


def absolute_urls(text, rich_text_format, request=None):
    """Rich text with its root-relative links made absolute from WAGTAILAPI_BASE_URL."""
    if rich_text_format == APIRichText.FORMAT_HTML:
        return _RELATIVE_HTML_URL.sub(lambda m: f'{m["attr"]}{get_full_url(request, m["path"])}"', text)
    if rich_text_format == APIRichText.FORMAT_MARKDOWN:
        return _RELATIVE_MARKDOWN_URL.sub(lambda m: f"]({get_full_url(request, m['path'])}", text)
    return text


def requested_rich_text_format(request=None):
    """`?rich_text_format=` when given (validated), else WAGTAILAPI_RICH_TEXT_FORMAT."""
    raw = request.GET.get("rich_text_format") if request is not None else None
    return APIRichText.resolve_format(raw)


def api_rich_text(source, request=None, features=None):
    """Rich text from the database as the API gives it: by default HTML with real, absolute links.

    A listing fetches the pages and documents its rich texts link to at once
    (`home.streams.LinkTargets`, kept on the request as `api_link_targets`).
    """
    if source is None:
        return None
    source = str(source)
    rich_text_format = requested_rich_text_format(request)
    link_targets = getattr(request, "api_link_targets", None)
    if link_targets is not None and rich_text_format == APIRichText.FORMAT_HTML:
        source = link_targets.expand(source)
    text = APIRichText.serialize(source, format=rich_text_format, features=features)
    return absolute_urls(text, rich_text_format, request)


class ReadOnlyField(Field):
    """A field the API computes and only reads (source="*" where it needs the whole object)."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)


class RenditionData(TypedDict):
    url: str
    width: int
    height: int
    alt: str


class RenditionField(ReadOnlyField):
    """An image as one rendition: absolute URL, width, height and alt text."""

    def __init__(self, filter_spec, **kwargs):
        self.filter_spec = filter_spec
        super().__init__(**kwargs)

    def to_representation(self, image) -> RenditionData | None:
        return image_api_representation(image, self.filter_spec, request=self.context.get("request"))


class PageLinkData(TypedDict):
    id: int
    title: str
    url: str


class PageLinkField(ReadOnlyField):
    """A link to another page of the site: its id, title and absolute URL (none when it is not live)."""

    def to_representation(self, page) -> PageLinkData | None:
        if not page.live:
            return None
        return PageLinkData(id=page.pk, title=page.title, url=page.get_full_url(self.context.get("request")))


class RichTextAPIField(ReadOnlyField):
    """A RichTextField as the API gives rich text: HTML with absolute links (or `?rich_text_format=`)."""

    def to_representation(self, value) -> str:
        return api_rich_text(value, self.context.get("request"))


class TopicSummary(TypedDict):
    id: int
    name: str
    slug: str


class TopicListField(ReadOnlyField):
    """A `topics` many-to-many field as a list of {id, name, slug}.

    Reads `.all()`, so a queryset with `prefetch_related("topics")` costs no
    query per item.
    """

    def to_representation(self, value) -> list[TopicSummary]:
        return [TopicSummary(id=topic.pk, name=topic.name, slug=topic.slug) for topic in value.all()]


class LocalCrisisService(TypedDict):
    """A local crisis service (an area app provides them): on its pages and in the site settings'
    crisis block (home/models/settings.py `provide_local_crisis_help`)."""

    area: str
    kind: str
    kind_label: str
    name: str
    description: str
    phone: str
    website: str
    street_address: str
    town: str
    postal_code: str
    hours: str


# Shared by the areas that list people and places (the groups and the events) -------------------


class PersonData(TypedDict):
    name: str
    role: str
    credentials: str
    short_bio: str
    photo: RenditionData | None


# A meeting place (groups.Venue, where groups and events meet) as `as_api_dict()` gives it. A comment,
# not a docstring: pydantic would put a docstring in API v3's OpenAPI document.
class VenueData(TypedDict):
    name: str
    street_address: str
    locality: str
    region: str
    postal_code: str
    area: str
    wheelchair_accessible: bool
    accessibility: str
    entrance: str
    parking: str
    transit: str
    latitude: float | None
    longitude: float | None
    directions_url: str


def person_data(person, request) -> PersonData:
    """A person who leads something (a group's facilitator, an event's leader) as other apps read them."""
    return {
        "name": person.name,
        "role": person.role,
        "credentials": person.credentials,
        "short_bio": person.short_bio,
        "photo": image_api_representation(person.photo, "fill-300x300", request=request),
    }


class VenueField(ReadOnlyField):
    def to_representation(self, venue) -> VenueData:
        return venue.as_api_dict()


class FeedUrlField(ReadOnlyField):
    """The absolute URL of one of an area's feeds, by its URL name ("groups:calendar", "events:calendar")."""

    def __init__(self, url_name, **kwargs):
        self.url_name = url_name
        super().__init__(**kwargs)

    def to_representation(self, page) -> str:
        return get_full_url(self.context.get("request"), reverse(self.url_name))
