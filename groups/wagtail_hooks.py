"""Admin: venues as a snippet, join requests through wagtail-modeladmin (never a snippet, never in an API)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from groups.models import JoinRequest, Venue


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    menu_label = "Venues"
    list_display = ["name", "locality", "area", "wheelchair_accessible"]
    list_filter = ["locality", "wheelchair_accessible"]
    search_fields = ["name", "locality", "area"]
    add_to_admin_menu = False


register_snippet(VenueViewSet)


# What staff read and export about each request.
REQUEST_FIELDS = (
    "created_at",
    "group",
    "name",
    "contact_method",
    "email",
    "phone",
    "ok_to_leave_message",
    "preferred_session",
    "note",
    "status",
    "staff_notes",
)


class JoinRequestPermissionHelper(PermissionHelper):
    """Staff answer requests; nobody adds them by hand. Only coordinators and superusers see them at all."""

    def user_can_create(self, user):
        return False

    def user_can_delete_obj(self, user, obj):
        return user.is_superuser


class JoinRequestAdmin(ModelAdmin):
    model = JoinRequest
    menu_label = "Join requests"
    menu_icon = "mail"
    menu_order = 250
    add_to_settings_menu = False
    permission_helper_class = JoinRequestPermissionHelper
    inspect_view_enabled = True
    list_display = ("created_at", "group", "name", "contact_method", "status")
    list_filter = ("status", "group", "created_at")
    search_fields = ("name", "email", "phone", "group__title")
    list_export = REQUEST_FIELDS
    export_filename = "join-requests"
    list_per_page = 50
    inspect_view_fields = (*REQUEST_FIELDS, "consented_at")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("group")


modeladmin_register(JoinRequestAdmin)
