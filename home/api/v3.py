"""What the site adds to Wagtail 8's typed API (/api/v3/), put in place once by `install()`.

- /api/v3/site-settings/: the practice's details, as in API v2.
- Bad parameters are a 400 and invalid content sent to write a 422, both as
  application/problem+json; a number too large for the database is a 400, never a 500.
- Image reads need a staff token: Wagtail's image schema gives each original upload.
- The OpenAPI document lists the error answers (home/api/openapi.py).
- A page type's own filters (`api_filter_form`, as in API v2: the events' `upcoming`, `from`, `to`)
  work on `/api/v3/pages/?type=<that type>` too, with the type's fields that Wagtail's v3 filters by
  value (`kind`, `status`, …). Wagtail's v3 pages list has no hook for them, so `install()` wraps the
  queryset function it calls (`_with_page_type_filters`): check it on a Wagtail upgrade.

Wagtail's v3 `api` is one object shared by every app, which Wagtail's own apps add
their routes to from their `ready()`. `install()` changes it from `HomeAPIConfig.ready()`
(home/api/apps.py), after them, and never when a module is imported. Anonymous clients
may only read; writing needs a staff member's API token.
"""

import logging
from http import HTTPStatus

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, DataError
from ninja import Router, Schema
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import ValidationError as PydanticValidationError
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.api.v3.errors import problem_response
from wagtail.api.v3.registry import registry
from wagtail.api.v3.urls import api as api_v3
from wagtail.images import get_image_model
from wagtail.models import Page

from home.api.endpoints import SEARCH_FAILED, is_unparsable_search
from home.api.openapi import with_error_answers
from home.models import SiteSettings
from home.serializers import LocalCrisisService

logger = logging.getLogger(__name__)


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
    local: list[LocalCrisisService]


class SiteSettingsSchema(Schema):
    practice_name: str
    tagline: str
    phone: str
    email: str
    address: AddressSchema
    hours: str
    privacy_url: str | None
    accessibility_url: str | None
    social_links: list[SocialLinkSchema]
    crisis: CrisisSchema


site_settings_router = Router(tags=["site settings"])


@site_settings_router.get(
    "/",
    response=SiteSettingsSchema,
    auth=None,
    summary="The practice's details",
    # The id it was published with when it lived in config/api.py; generated clients name their method after it.
    operation_id="config_api_site_settings_v3",
)
def site_settings_v3(request):
    """Contact details and the crisis block, as every page of the site shows them."""
    return SiteSettings.load(request_or_site=request).get_api_representation(request)


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


def _search_failed(request, exc):
    """A search the search engine cannot parse (SQLite's, given a lone `"`) is a 400.

    Other database errors stay 500s: raised again, Django handles them.
    """
    if not is_unparsable_search(request, exc):
        raise exc
    logger.warning("An API search could not be run (query not logged): %s", type(exc).__name__)
    return problem_response(status=HTTPStatus.BAD_REQUEST, detail=SEARCH_FAILED)


def _reads_need_a_token(router):
    """Make a v3 router's reads staff-only, like its writes (before the API binds its routers)."""
    for path_view in router.path_operations.values():
        for operation in path_view.operations:
            if "GET" in operation.methods:
                operation.auth_callbacks = [BearerTokenAuth()]


def _filtered_page_type(request):
    """The page type `?type=` names on the v3 pages list, when it is one type with filters of its own."""
    names = request.GET.getlist("type")
    if len(names) != 1:
        return None
    try:
        model = apps.get_model(names[0])
    except (LookupError, ValueError):
        return None
    if not issubclass(model, Page) or getattr(model, "api_filter_form", None) is None:
        return None
    return model


def page_type_parameters(request):
    """The query parameters `/api/v3/pages/?type=<type>` knows beyond the OpenAPI document's: the type's
    own filters and the fields Wagtail's v3 filters by value (home/api/middleware.py asks)."""
    model = _filtered_page_type(request)
    if model is None:
        return set()
    value_fields = {field.name for field in model.api_fields if field.name in getattr(model, "api_value_filters", ())}
    return set(model.api_filter_form.base_fields) | value_fields


def _bad_parameter(name, value):
    error = {"loc": ["query", name], "msg": f"'{value}' is not a valid {name}.", "type": "value_error"}
    return NinjaValidationError([error])


def _with_page_type_filters(get_pages_queryset):
    """Wagtail's v3 pages queryset, then the page type's own filters when the request gives any; a value
    they cannot use is a 400, as in API v2, and so is a choice the type's value filters do not have."""

    def get_queryset(request, model=Page):
        queryset = get_pages_queryset(request, model)
        form_class = getattr(model, "api_filter_form", None)
        if form_class is None:
            return queryset
        for name in getattr(model, "api_value_filters", ()):
            choices = {str(key) for key, _label in model._meta.get_field(name).flatchoices}
            if name in request.GET and choices and request.GET[name] not in choices:
                raise _bad_parameter(name, request.GET[name])
        if not any(name in request.GET for name in form_class.base_fields):
            return queryset
        form = form_class(request.GET)
        if form.ignored:
            label, value = form.ignored[0]
            name = next((name for name in form.fields if form[name].label == label), label)
            raise _bad_parameter(name, value)
        return form.filter(queryset)

    return get_queryset


_installed = False


def install():
    """Add the site's route, error handlers, image-read rule and document changes to the v3 API, once.

    Called from `HomeAPIConfig.ready()`; calling it again changes nothing. It
    must run after wagtail.images' `ready()`, which registers the image schemas
    its v3 router is built from, and before the API's URLs are read.
    """
    global _installed
    if _installed:
        return
    if not registry.has(get_image_model()._meta.label):
        raise ImproperlyConfigured("List 'home.api' after 'wagtail.images' in INSTALLED_APPS.")
    from wagtail.api.v3.routers import pages as pages_router
    from wagtail.images.api.v3.router import router as images_v3_router

    pages_router.get_pages_queryset = _with_page_type_filters(pages_router.get_pages_queryset)

    api_v3.add_router("/site-settings/", site_settings_router)
    api_v3.add_exception_handler(NinjaValidationError, _validation_error)
    api_v3.add_exception_handler(PydanticValidationError, _validation_error)
    api_v3.add_exception_handler(OverflowError, _out_of_range)
    api_v3.add_exception_handler(DataError, _out_of_range)
    api_v3.add_exception_handler(DatabaseError, _search_failed)
    # Wagtail's v3 image schema gives every image's original file (`meta.download_url`):
    # for staff tools only. Other apps get images inline with pages, as renditions.
    _reads_need_a_token(images_v3_router)
    api_v3.get_openapi_schema = with_error_answers(api_v3.get_openapi_schema)
    _installed = True


def read_operations():
    """Each GET operation of the v3 OpenAPI document: (path template, its query parameters by name)."""
    schema = api_v3.get_openapi_schema(path_prefix="/api/v3/")
    for path, methods in schema["paths"].items():
        if (operation := methods.get("get")) is not None:
            parameters = operation.get("parameters", [])
            yield path, {param["name"]: param for param in parameters if param.get("in") == "query"}
