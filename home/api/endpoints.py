"""The headless APIs, routed from this one module. docs/api.md is the guide for other apps.

- /api/v2/: Wagtail's API v2 (pages, images, documents) plus the practice's details, read-only.
- /api/v3/: Wagtail 8's typed API with its OpenAPI document at /api/v3/openapi.json.
  Anonymous clients may only read; writing needs a staff member's API token.

Both answer bad parameters with a 400 and a JSON message (v3 as application/problem+json),
never a 500, and the OpenAPI document lists the answers each operation can give.
Images reach anonymous clients as renditions only, never as the original upload.
"""

from http import HTTPStatus

from django.core.exceptions import ValidationError
from django.db import DataError
from django.db.models import prefetch_related_objects
from django.http import JsonResponse
from django.views.decorators.http import require_GET
from ninja import Router, Schema
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import ValidationError as PydanticValidationError
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.api.v3.errors import problem_response
from wagtail.api.v3.urls import api as api_v3
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.images.api.v3.router import router as images_v3_router

from home.models import SiteSettings, Topic
from home.streams import LinkTargets, prepare_stream_fields, rich_texts_in

# API v2 ------------------------------------------------------------------------------


class TopicFilter(BaseFilterBackend):
    """`?type=<app.Model>&topic=<slug>`: pages of a type that has topics, on one topic."""

    def filter_queryset(self, request, queryset, view):
        slug = request.GET.get("topic")
        if slug is None:
            return queryset
        model = queryset.model
        if not any(field.name == "topics" for field in model._meta.get_fields()):
            raise BadRequestError(
                "The topic filter needs a page type that has topics, e.g. ?type=blog.ArticlePage&topic=anxiety"
            )
        if not Topic.objects.filter(slug=slug).exists():
            raise BadRequestError(f"Unknown topic '{slug}'. See the topics listed on the site.")
        return queryset.filter(topics__slug=slug).distinct()


class ValidatedFieldsFilter(BaseFilterBackend):
    """`?<field>=<value>` filters (Wagtail's FieldsFilter) checked first: a value the field cannot hold is a 400.

    Wagtail converts booleans, integers and foreign keys itself; a choice it does
    not know (`?meeting_format=nope`) would quietly match nothing, and a malformed
    date (`?last_verified=soon`) would reach the database and fail there.
    """

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        for name, value in request.GET.items():
            if name not in fields or name == "locale":
                continue
            field = queryset.model._meta.get_field(name)
            if field.is_relation:
                continue
            if field.choices:
                allowed = [str(key) for key, _label in field.flatchoices]
                if value not in allowed:
                    raise BadRequestError(f"'{value}' is not a valid {name}. Choose one of: {', '.join(allowed)}.")
                continue
            try:
                field.to_python(value)
            except ValidationError as error:
                raise BadRequestError(f"'{value}' is not a valid {name}: {' '.join(error.messages)}") from error
        return queryset


class NumbersInRangeMixin:
    """A number too large for the database (`?offset=99999999999999999999`, `/pages/99999999999999999999/`) is a 400."""

    def handle_exception(self, exc):
        if isinstance(exc, OverflowError | DataError):
            exc = BadRequestError("A number in the request is out of range.")
        return super().handle_exception(exc)


class PagesEndpoint(NumbersInRangeMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint, with the topic filter and each page type's own prefetching.

    A page type may declare `api_select_related` and `api_prefetch_related`: the
    relations its `api_fields` read, so a list of such pages with their fields
    costs the same number of queries whatever its length. The locale every
    item's meta shows is always fetched with the page.
    """

    filter_backends = [ValidatedFieldsFilter, TopicFilter, *PagesAPIViewSet.filter_backends]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["topic"])

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
        if pages is None:
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


class ImagesEndpoint(NumbersInRangeMixin, ImagesAPIViewSet):
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


class DocumentsEndpoint(NumbersInRangeMixin, DocumentsAPIViewSet):
    """Documents of public collections; `download_url` is Wagtail's serve view, which checks privacy."""


api_v2 = WagtailAPIRouter("wagtailapi")
api_v2.register_endpoint("pages", PagesEndpoint)
api_v2.register_endpoint("images", ImagesEndpoint)
api_v2.register_endpoint("documents", DocumentsEndpoint)


@require_GET
def site_settings_v2(request):
    """GET /api/v2/site-settings/: the practice's contact details and crisis help."""
    if request.GET:
        unknown = ", ".join(sorted(request.GET))
        return JsonResponse({"message": f"query parameter is not recognised: {unknown}"}, status=400)
    return JsonResponse(SiteSettings.load(request_or_site=request).get_api_representation(request))


# API v3 ------------------------------------------------------------------------------


class AddressSchema(Schema):
    street_address: str
    locality: str
    region: str
    postal_code: str


class SocialLinkSchema(Schema):
    platform: str
    url: str


class CrisisSchema(Schema):
    heading: str
    call_or_text: str
    chat_url: str
    emergency_number: str
    mobile_crisis_name: str
    mobile_crisis_phone: str
    get_help_url: str | None


class SiteSettingsSchema(Schema):
    practice_name: str
    tagline: str
    phone: str
    email: str
    address: AddressSchema
    hours: str
    privacy_url: str | None
    social_links: list[SocialLinkSchema]
    crisis: CrisisSchema


site_settings_router = Router(tags=["site settings"])


@site_settings_router.get("/", response=SiteSettingsSchema, auth=None, summary="The practice's details")
def site_settings_v3(request):
    """Contact details and the crisis block, as every page of the site shows them."""
    return SiteSettings.load(request_or_site=request).get_api_representation(request)


api_v3.add_router("/site-settings/", site_settings_router)


def _validation_error(request, exc):
    """Bad query or path parameters are the client's mistake: 400. Invalid content sent to write: 422."""
    raw = exc.errors if isinstance(exc, NinjaValidationError) else exc.errors()
    errors = [{key: value for key, value in error.items() if key not in {"ctx", "input", "url"}} for error in raw]
    in_parameters = request.method in {"GET", "HEAD"} or all(
        next(iter(error.get("loc") or ["body"])) in {"query", "path"} for error in errors
    )
    if in_parameters:
        return problem_response(status=HTTPStatus.BAD_REQUEST, detail="Invalid parameters", errors=errors)
    return problem_response(status=HTTPStatus.UNPROCESSABLE_ENTITY, detail="Validation failed", errors=errors)


def _out_of_range(request, exc):
    return problem_response(status=HTTPStatus.BAD_REQUEST, detail="A number in the request is out of range.")


api_v3.add_exception_handler(NinjaValidationError, _validation_error)
api_v3.add_exception_handler(PydanticValidationError, _validation_error)
api_v3.add_exception_handler(OverflowError, _out_of_range)
api_v3.add_exception_handler(DataError, _out_of_range)


def _reads_need_a_token(router):
    """Make a v3 router's reads staff-only, like its writes (before the API binds its routers)."""
    for path_view in router.path_operations.values():
        for operation in path_view.operations:
            if "GET" in operation.methods:
                operation.auth_callbacks = [BearerTokenAuth()]


# Wagtail's v3 image schema gives every image's original file (`meta.download_url`):
# for staff tools only. Other apps get images inline with pages, as renditions.
_reads_need_a_token(images_v3_router)

PROBLEM_RESPONSE = {
    "description": "An RFC 7807 problem: what was wrong, in `detail` and `errors`",
    "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/ProblemDetail"}}},
}
PROBLEM_SCHEMA = {
    "title": "ProblemDetail",
    "type": "object",
    "required": ["type", "title", "status"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "object"}},
    },
}
ERRORS_BY_METHOD = {
    "get": {
        "400": "Bad parameters",
        "401": "No token or a token that is not valid",
        "403": "A token without the permission",
        "404": "Not found",
    },
    "post": {
        "400": "Bad parameters",
        "401": "No staff token",
        "403": "Not allowed",
        "404": "Not found",
        "422": "Invalid content",
    },
    "patch": {
        "400": "Bad parameters",
        "401": "No staff token",
        "403": "Not allowed",
        "404": "Not found",
        "422": "Invalid content",
    },
    "put": {
        "400": "Bad parameters",
        "401": "No staff token",
        "403": "Not allowed",
        "404": "Not found",
        "422": "Invalid content",
    },
    "delete": {"400": "Bad parameters", "401": "No staff token", "403": "Not allowed", "404": "Not found"},
}

_stock_openapi_schema = api_v3.get_openapi_schema
# The document depends on the code only: built once per process (about a second each time otherwise).
_openapi_schemas = {}


ANONYMOUS_SCHEME = "AllowAnonymous"


def _drop_operations_nothing_can_call(schema):
    """Leave out operations for content types the site does not have.

    Wagtail types a path's `{type}` as the content types that support the
    operation: snippet revisions and publishing need snippets with revisions, and
    this site has none, so the type can only be "" and no request can reach them.
    """
    for path in list(schema.get("paths", {})):
        operations = schema["paths"][path]
        for method in list(operations):
            parameters = operations[method].get("parameters", [])
            if any(param.get("in") == "path" and param.get("schema", {}).get("const") == "" for param in parameters):
                del operations[method]
        if not operations:
            del schema["paths"][path]


def openapi_schema_with_errors(*args, **kwargs):
    """Wagtail's OpenAPI document, plus the error answers each operation can give.

    Wagtail declares anonymous access as a security scheme of its own, of type
    "http" with no scheme, which OpenAPI does not allow. Said the standard way
    instead: an empty requirement (`{}`) beside the bearer token, "a token or none".
    """
    key = repr((args, sorted(kwargs.items())))
    if key not in _openapi_schemas:
        _openapi_schemas[key] = _with_errors(_stock_openapi_schema(*args, **kwargs))
    return _openapi_schemas[key]


def _with_errors(schema):
    _drop_operations_nothing_can_call(schema)
    components = schema.setdefault("components", {})
    components.setdefault("schemas", {}).setdefault("ProblemDetail", PROBLEM_SCHEMA)
    components.get("securitySchemes", {}).pop(ANONYMOUS_SCHEME, None)
    for operations in schema.get("paths", {}).values():
        for method, operation in operations.items():
            if "security" in operation:
                operation["security"] = [
                    {} if ANONYMOUS_SCHEME in requirement else requirement for requirement in operation["security"]
                ]
            for status, description in ERRORS_BY_METHOD.get(method, {}).items():
                operation["responses"].setdefault(status, {**PROBLEM_RESPONSE, "description": description})
    return schema


api_v3.get_openapi_schema = openapi_schema_with_errors

__all__ = ["api_v2", "api_v3", "site_settings_v2"]
