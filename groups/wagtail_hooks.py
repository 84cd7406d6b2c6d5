"""Admin: venues as a snippet, join requests through wagtail-modeladmin (never a snippet, never in an API),
the groups' dashboard panels, the "needs verifying" mark in the page explorer and the page that
confirms a group's details in one click."""

from django.urls import path, reverse
from django.utils.text import capfirst
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register
from wagtail_modeladmin.views import IndexView, InspectView

from groups import admin_views, dashboard, verification
from groups.models import JoinRequest, SupportGroupPage, Venue
from home.exports import PracticeSpreadsheetMixin, in_words, practice_words


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


def field_in_words(request, name):
    """A request's field as staff read it: a choice by its label, a group by its title, Yes / No / Not given."""
    field = request._meta.get_field(name)
    value = getattr(request, f"get_{name}_display")() if field.choices else getattr(request, name)
    return in_words(value)


def listed(name, heading=None):
    """A column of the list of requests: the field `name` as the export writes it, under its own label
    (or a shorter `heading`, so the columns fit beside the filters), sortable; times as Asheville's
    clock shows them, whatever time zone the staff member chose."""

    def column(model_admin, request):
        return practice_words(field_in_words(request, name))

    column.short_description = heading or capfirst(JoinRequest._meta.get_field(name).verbose_name)
    column.admin_order_field = name
    return column


class JoinRequestIndexView(PracticeSpreadsheetMixin, IndexView):
    """The list of requests; its CSV and XLSX exports read like the request's own page (home.exports)."""

    def to_row_dict(self, item):
        return {name: field_in_words(item, name) for name in self.list_export}


class JoinRequestInspectView(InspectView):
    """One request, in the same words and headings as the list, the export and the edit page."""

    def get_field_label(self, field_name, field=None):
        return capfirst(super().get_field_label(field_name, field))

    def get_field_display_value(self, field_name, field=None):
        if field is None:
            return super().get_field_display_value(field_name, field)
        return field_in_words(self.instance, field_name)


class JoinRequestAdmin(ModelAdmin):
    model = JoinRequest
    menu_label = "Join requests"
    menu_icon = "mail"
    menu_order = 250
    add_to_settings_menu = False
    permission_helper_class = JoinRequestPermissionHelper
    index_view_class = JoinRequestIndexView
    inspect_view_class = JoinRequestInspectView
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
    received = listed("created_at")
    for_group = listed("group")
    their_name = listed("name")
    how_to_contact = listed("contact_method", "Contact by")
    safe_to_leave_message = listed("ok_to_leave_message", "Leave a message?")
    first_session = listed("preferred_session", "First session")
    in_status = listed("status")
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
