"""Admin: venues as a snippet, join requests through wagtail-modeladmin (never a snippet, never in an API),
the groups' dashboard panels and the "needs verifying" mark in the page explorer."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from groups import dashboard
from groups.models import JoinRequest, SupportGroupPage, Venue


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


@hooks.register("construct_homepage_panels")
def add_group_panels(request, panels):
    dashboard.add_panels(request, panels)


@hooks.register("register_page_listing_buttons")
def needs_verifying_button(page, user, next_url=None):
    """A 'Needs verifying' button beside a group in the page explorer, to its edit page.

    The explorer lists specific pages, so reading `last_verified` costs no query.
    """
    if isinstance(page, SupportGroupPage) and page.needs_verifying:
        yield ListingButton(
            "Needs verifying",
            url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
            icon_name="warning",
            priority=5,
            attrs={
                "title": f"Details last checked on {page.last_verified:%B} {page.last_verified.day}, "
                f"{page.last_verified.year}: check them with the facilitator"
            },
        )
