"""The admin's list of visitors' reports of problems with listings, through wagtail-modeladmin as join
requests are (groups/wagtail_hooks.py): never a snippet, so never in an API, a chooser or search.

Staff read it in the same words as every other list and export (home.exports): choices by their
labels, "Not given" for an empty answer, times on Asheville's clock. Each person sees the
reports on pages they may edit (ListingReport.objects.for_user): Moderators all of them, Group
coordinators their groups'. Registered from home/wagtail_hooks.py.
"""

from django.contrib.admin import SimpleListFilter
from django.utils.text import capfirst
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView, InspectView

from home.exports import PracticeSpreadsheetMixin, in_words, practice_words
from home.models.reports import ListingReport

# What staff read and export about each report.
REPORT_FIELDS = ("created_at", "page", "resource", "problem", "note", "contact", "status", "staff_note")


def report_field_in_words(report, name):
    """A report's field as staff read it: a choice by its label, the listing by its title, "Not given"."""
    field = report._meta.get_field(name)
    if name == "page":
        value = report.page.title if report.page_id else None
    elif field.choices:
        value = getattr(report, f"get_{name}_display")()
    else:
        value = getattr(report, name)
    return in_words(value)


def listed(name, heading=None):
    """A sortable column of the list: the field as the export writes it, under its label or `heading`."""

    def column(model_admin, report):
        return practice_words(report_field_in_words(report, name))

    column.short_description = heading or capfirst(ListingReport._meta.get_field(name).verbose_name)
    column.admin_order_field = name
    return column


class ListingFilter(SimpleListFilter):
    """By listing: only the pages that have reports this person may read (never every page of the site)."""

    title = "listing"
    parameter_name = "listing"

    def lookups(self, request, model_admin):
        rows = (
            model_admin.get_queryset(request)
            .order_by("page__title", "page_id")
            .values_list("page_id", "page__title")
            .distinct()
        )
        return [(str(pk), title) for pk, title in rows]

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        return queryset.filter(page_id=value) if value.isdigit() else queryset.none()


class ListingReportPermissionHelper(PermissionHelper):
    """Staff read and answer reports on pages they may edit; nobody adds one by hand."""

    def user_can_create(self, user):
        return False

    def _may_read(self, user, obj):
        return ListingReport.objects.for_user(user).filter(pk=obj.pk).exists()

    def user_can_inspect_obj(self, user, obj):
        return super().user_can_inspect_obj(user, obj) and self._may_read(user, obj)

    def user_can_edit_obj(self, user, obj):
        return super().user_can_edit_obj(user, obj) and self._may_read(user, obj)

    def user_can_delete_obj(self, user, obj):
        return user.is_superuser


class ListingReportIndexView(PracticeSpreadsheetMixin, IndexView):
    """The list of reports; its CSV and XLSX exports read like the list (home.exports)."""

    def to_row_dict(self, item):
        return {name: report_field_in_words(item, name) for name in self.list_export}


class ListingReportInspectView(InspectView):
    def get_field_label(self, field_name, field=None):
        return capfirst(super().get_field_label(field_name, field))

    def get_field_display_value(self, field_name, field=None):
        if field is None:
            return super().get_field_display_value(field_name, field)
        return report_field_in_words(self.instance, field_name)


class ListingReportAdmin(ModelAdmin):
    model = ListingReport
    menu_label = "Listing reports"
    menu_icon = "warning"
    menu_order = 260
    add_to_settings_menu = False
    permission_helper_class = ListingReportPermissionHelper
    index_view_class = ListingReportIndexView
    inspect_view_class = ListingReportInspectView
    inspect_view_enabled = True
    list_display = ("received", "for_listing", "which_resource", "what_is_wrong", "in_status")
    received = listed("created_at")
    for_listing = listed("page")
    which_resource = listed("resource", "Resource")
    what_is_wrong = listed("problem")
    in_status = listed("status")
    list_filter = ("status", "problem", ListingFilter, "created_at")
    search_fields = ("page__title", "resource")
    list_export = REPORT_FIELDS
    export_filename = "listing-reports"
    list_per_page = 50
    inspect_view_fields = REPORT_FIELDS

    def get_queryset(self, request):
        return ListingReport.objects.for_user(request.user).select_related("page")
