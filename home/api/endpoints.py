"""API v2's endpoints (/api/v2/): pages, images and documents, and the practice's details.

Wagtail's viewsets, made to answer a number too large for the database with a 400,
to fetch what each page type's fields read with the page, and to give images as
renditions only, never the original upload. config/api.py registers them with the
v2 router; docs/api.md is the guide for other apps.
"""

import logging

from django.db import DatabaseError, DataError
from django.db.models import prefetch_related_objects
from django.http import JsonResponse
from django.views.decorators.http import require_GET
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.v2.views import ImagesAPIViewSet

from home.api.filters import PageTypeFilter, TopicFilter, ValidatedFieldsFilter
from home.models import SiteSettings
from home.streams import LinkTargets, prepare_stream_fields, rich_texts_in

logger = logging.getLogger(__name__)
SEARCH_FAILED = "The search could not be run: try plainer words (quotes and brackets are not understood)."
# What SQLite's full-text search says of a query it cannot parse (a lone double quote).
UNPARSABLE_SEARCH = ("unterminated string", "fts5: syntax error", "malformed match")


def is_unparsable_search(request, exc):
    """True for the search engine refusing the words of `?search=`; not for any other database error.

    A locked database or a lost connection during a search stays a server error: as a 400 it would
    blame the client, and the API cache would keep it.
    """
    return (
        "search" in request.GET
        and isinstance(exc, DatabaseError)
        and any(message in str(exc).lower() for message in UNPARSABLE_SEARCH)
    )


class NumbersInRangeMixin:
    """A number too large for the database (`?offset=99999999999999999999`, `/pages/99999999999999999999/`) is a 400.

    So is a search the search engine cannot parse (SQLite's, given a lone `"`),
    as on the site's own search page; the query itself is never logged.
    """

    def handle_exception(self, exc):
        if isinstance(exc, OverflowError | DataError):
            exc = BadRequestError("A number in the request is out of range.")
        elif is_unparsable_search(self.request, exc):
            logger.warning("An API search could not be run (query not logged): %s", type(exc).__name__)
            exc = BadRequestError(SEARCH_FAILED)
        return super().handle_exception(exc)


class KnownDetailParametersMixin:
    """A detail refuses a parameter it does not know with a 400, as the listings do (docs/api.md):
    `?colour=blue` or `?version=draft` (v2 has no drafts) is not silently ignored."""

    detail_query_parameters = frozenset({"fields", "rich_text_format", "format"})

    def detail_view(self, request, pk):
        unknown = sorted(set(request.GET) - self.detail_query_parameters)
        if unknown:
            raise BadRequestError(f"query parameter is not recognised: {', '.join(unknown)}")
        return super().detail_view(request, pk)


class FindByIdMixin:
    """`find/?id=` takes a page's (image's, document's) id: anything else is a 400, not a ValueError."""

    def find_object(self, queryset, request):
        value = request.GET.get("id")
        if value is not None and not (value.isascii() and value.isdigit()):
            raise BadRequestError("id must be a positive integer.")
        return super().find_object(queryset, request)


class PagesEndpoint(NumbersInRangeMixin, FindByIdMixin, KnownDetailParametersMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint, with the topic filter and each page type's own prefetching.

    A page type may declare `api_select_related` and `api_prefetch_related`: the
    relations its `api_fields` read, so a list of such pages with their fields
    costs the same number of queries whatever its length. The locale every
    item's meta shows is always fetched with the page.
    """

    filter_backends = [ValidatedFieldsFilter, TopicFilter, PageTypeFilter, *PagesAPIViewSet.filter_backends]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["topic"])

    def check_query_parameters(self, queryset):
        """As Wagtail's, with the parameters of the page type's own filters (`api_filter_form`) known too."""
        form_class = getattr(queryset.model, "api_filter_form", None)
        if form_class is not None:
            self.known_query_parameters = type(self).known_query_parameters.union(form_class.base_fields)
        super().check_query_parameters(queryset)

    def get_queryset(self):
        queryset = super().get_queryset()
        model = queryset.model
        # Each item's meta names its locale: fetch it with the page, not once per item.
        queryset = queryset.select_related("locale", *getattr(model, "api_select_related", ()))
        if prefetch_related := getattr(model, "api_prefetch_related", None):
            queryset = queryset.prefetch_related(*prefetch_related)
        return queryset

    def get_object(self):
        page = super().get_object()
        if prefetch_related := getattr(page, "api_prefetch_related", None):
            prefetch_related_objects([page], *prefetch_related)
        return page

    def get_serializer_class(self):
        # Asked for twice in a listing (below and by DRF); each time costs a query.
        if not hasattr(self, "_serializer_class"):
            self._serializer_class = super().get_serializer_class()
        return self._serializer_class

    def paginate_queryset(self, queryset):
        """The StreamFields a listing gives (e.g. `body` with `fields=*`) are read for all its pages together.

        Wagtail reads each page's StreamField on its own, with a query per kind of
        image or page chosen in it; `prepare_stream_fields` makes that one query for the list.
        So do the pages and documents that rich text links to (`LinkTargets`).
        """
        pages = super().paginate_queryset(queryset)
        if pages is None or queryset.model is None:  # no model: a search that cannot match anything
            return pages
        listed = set(self.get_serializer_class().Meta.fields)
        fields = [field for field in queryset.model._meta.get_fields() if field.name in listed]
        stream_fields = [field.name for field in fields if isinstance(field, StreamField)]
        rich_text_fields = [field.name for field in fields if isinstance(field, RichTextField)]
        if not (stream_fields or rich_text_fields):
            return pages
        pages = prepare_stream_fields(list(pages), stream_fields)
        # The pages and documents their rich text links to, in a query each for the whole list.
        sources = [
            *(source for page in pages for name in stream_fields for source in rich_texts_in(getattr(page, name))),
            *(getattr(page, name) for page in pages for name in rich_text_fields),
        ]
        self.request._request.api_link_targets = LinkTargets(sources, self.request)
        return pages


def _without(fields, name):
    return [field for field in fields if field != name]


class ImagesEndpoint(NumbersInRangeMixin, FindByIdMixin, KnownDetailParametersMixin, ImagesAPIViewSet):
    """The image library's public collections, each image as a rendition (`SiteImage.api_fields`).

    No `download_url`: the original upload may be very large, and uploads that no
    published page uses yet would be listed with it. Pages give their own images,
    as renditions, inline. No `tags` either: the library's own labels, not what
    visitors see, and Wagtail reads them with a query per image.
    """

    meta_fields = _without(_without(ImagesAPIViewSet.meta_fields, "download_url"), "tags")
    listing_default_fields = [
        *_without(_without(ImagesAPIViewSet.listing_default_fields, "download_url"), "tags"),
        "rendition",
    ]
    nested_default_fields = [*_without(ImagesAPIViewSet.nested_default_fields, "download_url"), "rendition"]

    def get_queryset(self):
        return super().get_queryset().prefetch_related("renditions")


class DocumentsEndpoint(NumbersInRangeMixin, FindByIdMixin, KnownDetailParametersMixin, DocumentsAPIViewSet):
    """Documents of public collections; `download_url` is Wagtail's serve view, which checks privacy."""


@require_GET
def site_settings_v2(request):
    """GET /api/v2/site-settings/: the practice's contact details and crisis help."""
    if request.GET:
        unknown = ", ".join(sorted(request.GET))
        return JsonResponse({"message": f"query parameter is not recognised: {unknown}"}, status=400)
    return JsonResponse(SiteSettings.load(request_or_site=request).get_api_representation(request))
