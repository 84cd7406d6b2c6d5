"""API v2's query-parameter filters: a value the endpoint cannot use is a 400, never a quiet empty list.

Used by the pages endpoint (home/api/endpoints.py) before Wagtail's own filters.
"""

from django import forms
from django.core.exceptions import ValidationError
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError
from wagtail.fields import StreamField

from home.filters import IndexFilterForm
from home.models import Topic


class TopicFilterForm(IndexFilterForm):
    """The index-filter base (home/filters.py) on the API's side: a topic given must exist, or it is a 400."""

    topic = forms.ModelChoiceField(Topic.objects.all(), to_field_name="slug")

    lookups = {"topic": "topics"}


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
        form = TopicFilterForm(request.GET)
        if form.ignored:
            _label, value = form.ignored[0]
            raise BadRequestError(f"Unknown topic '{value}'. See the topics listed on the site.")
        return form.filter(queryset).distinct()


class PageTypeFilter(BaseFilterBackend):
    """`?type=<app.Model>&<name>=<value>`: filters a page type declares for itself (`api_filter_form`).

    The core knows no area: a page type names an IndexFilterForm whose fields are the extra query
    parameters it understands (events: `upcoming`, `from`, `to`). A value the form cannot use is a
    400, as for the topic filter; the same parameters without that type are refused as unknown
    (`PagesEndpoint.check_query_parameters`).
    """

    def filter_queryset(self, request, queryset, view):
        form_class = getattr(queryset.model, "api_filter_form", None)
        if form_class is None or not any(name in request.GET for name in form_class.base_fields):
            return queryset
        form = form_class(request.GET)
        if form.ignored:
            label, value = form.ignored[0]
            raise BadRequestError(f"'{value}' is not a valid {label}.")
        return form.filter(queryset)


class ValidatedFieldsFilter(BaseFilterBackend):
    """`?<field>=<value>` filters (Wagtail's FieldsFilter) checked first: a value the field cannot hold is a 400.

    Wagtail converts booleans, integers and foreign keys itself; a choice it does
    not know (`?meeting_format=nope`) would quietly match nothing, and a malformed
    date (`?last_verified=soon`) would reach the database and fail there. So would
    a relation given something other than an id (`?authors=abc`, `?topics=abc`):
    Wagtail passes many-to-many and child relations to the database as they are.
    """

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        for name, value in request.GET.items():
            if name not in fields or name == "locale":
                continue
            field = queryset.model._meta.get_field(name)
            if field.is_relation:
                # An id of the related item (`?topics=3`); tags (by name) have no such field and are Wagtail's.
                field = getattr(field, "target_field", None)
                if field is None:
                    continue
            if isinstance(field, StreamField):
                raise BadRequestError(f"cannot filter by {name}: it is a body of blocks, not a value.")
            if field.choices:
                allowed = [str(key) for key, _label in field.flatchoices]
                if value not in allowed:
                    raise BadRequestError(f"'{value}' is not a valid {name}. Choose one of: {', '.join(allowed)}.")
                continue
            try:
                field.to_python(value)
            except ValidationError as error:
                raise BadRequestError(f"'{value}' is not a valid {name}: {' '.join(error.messages)}") from error
            except (TypeError, ValueError) as error:
                raise BadRequestError(f"'{value}' is not a valid {name}.") from error
        return queryset
