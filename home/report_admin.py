"""The admin's list of visitors' reports of problems with listings, through wagtail-modeladmin as join
requests are (groups/wagtail_hooks.py): never a snippet, so never in an API, a chooser or search.

Staff read it in the same words as every other list and export (home.exports): choices by their
labels, "Not given" for an empty answer, times on Asheville's clock. Each person sees the
reports on pages they may edit (ListingReport.objects.for_user): Moderators all of them, Group
coordinators their groups'. Registered from home/wagtail_hooks.py.
"""

from django.contrib.admin import SimpleListFilter
from wagtail_modeladmin.options import ModelAdmin

from home.models.reports import ListingReport
from home.private_admin import (
    InWordsIndexView,
    InWordsInspectView,
    RequestDeleteView,
    RequestEditView,
    VisitorRequestPermissionHelper,
    listed,
)

# What staff read and export about each report.
REPORT_FIELDS = ("created_at", "page", "resource", "problem", "note", "contact", "status", "staff_note")


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


class ListingReportPermissionHelper(VisitorRequestPermissionHelper):
    """Staff read and answer reports on pages they may edit; nobody adds one by hand."""

    def _may_read(self, user, obj):
        return ListingReport.objects.for_user(user).filter(pk=obj.pk).exists()

    def user_can_inspect_obj(self, user, obj):
        return super().user_can_inspect_obj(user, obj) and self._may_read(user, obj)

    def user_can_edit_obj(self, user, obj):
        return super().user_can_edit_obj(user, obj) and self._may_read(user, obj)


class ListingReportAdmin(ModelAdmin):
    model = ListingReport
    menu_label = "Listing reports"
    menu_icon = "warning"
    menu_order = 260
    add_to_settings_menu = False
    permission_helper_class = ListingReportPermissionHelper
    index_view_class = InWordsIndexView
    inspect_view_class = InWordsInspectView
    edit_view_class = RequestEditView
    delete_view_class = RequestDeleteView
    inspect_view_enabled = True
    list_display = ("received", "for_listing", "which_resource", "what_is_wrong", "in_status")
    received = listed(ListingReport, "created_at")
    for_listing = listed(ListingReport, "page")
    which_resource = listed(ListingReport, "resource", "Resource")
    what_is_wrong = listed(ListingReport, "problem")
    in_status = listed(ListingReport, "status")
    list_filter = ("status", "problem", ListingFilter, "created_at")
    search_fields = ("page__title", "resource")
    list_export = REPORT_FIELDS
    export_filename = "listing-reports"
    list_per_page = 50
    inspect_view_fields = REPORT_FIELDS

    def get_queryset(self, request):
        return ListingReport.objects.for_user(request.user).select_related("page")
