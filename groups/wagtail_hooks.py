"""Admin: venues as a snippet, join requests through wagtail-modeladmin (never a snippet, never in an API),
the groups' dashboard panels, the "needs verifying" mark in the page explorer and the page that
confirms a group's details in one click."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from groups import admin_views, dashboard, verification
from groups.models import JoinRequest, SupportGroupPage, Venue
from home.private_admin import (
    InWordsIndexView,
    InWordsInspectView,
    RequestDeleteView,
    RequestEditView,
    VisitorRequestPermissionHelper,
    listed,
)


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


class JoinRequestAdmin(ModelAdmin):
    model = JoinRequest
    menu_label = "Join requests"
    menu_icon = "mail"
    menu_order = 250
    add_to_settings_menu = False
    # Coordinators and administrators read requests (groups/permissions.py); only administrators delete.
    permission_helper_class = VisitorRequestPermissionHelper
    index_view_class = InWordsIndexView
    inspect_view_class = InWordsInspectView
    edit_view_class = RequestEditView
    delete_view_class = RequestDeleteView
    inspect_view_enabled = True
    # Columns in words (listed()); a model field's own name would show Python's values.
    list_display = (
        "received",
        "for_group",
        "their_name",
        "how_to_contact",
        "safe_to_leave_message",
        "first_session",
        "in_status",
    )
    received = listed(JoinRequest, "created_at")
    for_group = listed(JoinRequest, "group")
    their_name = listed(JoinRequest, "name")
    how_to_contact = listed(JoinRequest, "contact_method", "Contact by")
    safe_to_leave_message = listed(JoinRequest, "ok_to_leave_message", "Leave a message?")
    first_session = listed(JoinRequest, "preferred_session", "First session")
    in_status = listed(JoinRequest, "status")
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


# Confirming that a group's details did not change (groups/verification.py) -------------------


@hooks.register("register_admin_urls")
def confirm_details_url():
    return [path("groups/<id:page_id>/confirm-details/", admin_views.confirm_details, name="groups_confirm_details")]


@hooks.register("register_log_actions")
def confirm_details_log_action(actions):
    actions.register_action(
        verification.CONFIRMED_ACTION, "Details confirmed", "Details checked with the facilitator: nothing changed"
    )
