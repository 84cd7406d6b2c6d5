"""The admin's lists of what visitors sent (join requests, listing reports, appointment requests):
one set of pieces, so every such list reads, exports and guards the same way.

Each is a wagtail-modeladmin `ModelAdmin`, never a snippet, so never in an API, a chooser or
search. Its columns come from `listed()`, its index view is `InWordsIndexView` (the CSV and XLSX
exports of home.exports), its inspect view `InWordsInspectView` and its edit and delete views
`RequestEditView` and `RequestDeleteView` (a 404 for an id that is not one), all reading each value
through `field_in_words`: a choice by its label, a list of choices by theirs, a page or plan by
its name, Yes / No, "Not given" for an empty answer, times on Asheville's clock. Nobody adds a
request by hand, and only administrators delete one (`VisitorRequestPermissionHelper`).
"""

from django.contrib import messages
from django.contrib.admin import RelatedFieldListFilter
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseBadRequest, HttpResponseRedirect
from django.utils.text import capfirst
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.views import DeleteView, EditView, IndexView, InspectView

from home.exports import PracticeSpreadsheetMixin, in_words, practice_words


def field_in_words(obj, name):
    """A stored field as staff read it (see the module's docstring)."""
    field = obj._meta.get_field(name)
    choices_class = getattr(field, "choices_class", None)
    if choices_class is not None:  # a list of choices (counselors.fields.ChoiceListField)
        labels = dict(choices_class.choices)
        value = ", ".join(str(labels.get(item, item)) for item in getattr(obj, name) or [])
    elif field.choices:
        value = getattr(obj, f"get_{name}_display")()
    elif field.is_relation:
        related = getattr(obj, name)
        value = None if related is None else str(related)
    else:
        value = getattr(obj, name)
    return in_words(value)


def listed(model, name, heading=None):
    """A sortable column of the list: the field `name` as the export writes it, under its own label (or a
    shorter `heading`, so the columns fit beside the filters); times as Asheville's clock shows them,
    whatever time zone the staff member chose."""

    def column(model_admin, obj):
        return practice_words(field_in_words(obj, name))

    column.short_description = heading or capfirst(model._meta.get_field(name).verbose_name)
    column.admin_order_field = name
    return column


def empty_choice_filter(label):
    """A filter of an optional relation whose "empty" choice says what empty means ("No preference"),
    not Django's "-"."""

    class EmptyChoiceNamed(RelatedFieldListFilter):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.empty_value_display = label

    return EmptyChoiceNamed


class VisitorRequestPermissionHelper(PermissionHelper):
    """Staff read and answer what visitors sent; nobody adds it by hand; only administrators delete it."""

    def user_can_create(self, user):
        return False

    def user_can_delete_obj(self, user, obj):
        return user.is_superuser


class InWordsIndexView(PracticeSpreadsheetMixin, IndexView):
    """The list; its CSV and XLSX exports read like the list (home.exports).

    A filter it cannot read (a field that does not exist, "abc" for a date or an id: wagtail-modeladmin
    raises IncorrectLookupParameters) leads back to the whole list with `?e=1`, as Django's admin does,
    and a message saying so; if even that cannot be read, a 400. Never a 500.
    """

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except IncorrectLookupParameters:
            if self.ERROR_FLAG in request.GET:
                return HttpResponseBadRequest("This list cannot be filtered that way.", content_type="text/plain")
            messages.warning(request, "That filter could not be read, so the whole list is shown.")
            return HttpResponseRedirect(f"{request.path}?{self.ERROR_FLAG}=1")

    def to_row_dict(self, item):
        return {name: field_in_words(item, name) for name in self.list_export}


class IdOr404Mixin:
    """An id in the address that is not one ("abc": a ValueError in wagtail-modeladmin's lookup) is a 404,
    as an id nobody has is. For every view of one item: inspect, edit, delete."""

    def __init__(self, model_admin, instance_pk):
        try:
            super().__init__(model_admin, instance_pk)
        except (ValueError, TypeError, OverflowError, ValidationError) as error:
            raise Http404("No such request.") from error


class RequestEditView(IdOr404Mixin, EditView):
    """wagtail-modeladmin's edit page, with a 404 for an id that is not one."""


class RequestDeleteView(IdOr404Mixin, DeleteView):
    """wagtail-modeladmin's delete page (administrators only), with a 404 for an id that is not one."""


class InWordsInspectView(IdOr404Mixin, InspectView):
    """One item, in the same words and headings as the list, the export and the edit page."""

    def get_field_label(self, field_name, field=None):
        return capfirst(super().get_field_label(field_name, field))

    def get_field_display_value(self, field_name, field=None):
        if field is None:
            return super().get_field_display_value(field_name, field)
        return field_in_words(self.instance, field_name)
