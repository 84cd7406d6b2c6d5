"""Event registrations in the admin, through wagtail-modeladmin as join requests are (home/private_admin.py):
never a snippet, so never in an API, a chooser or search. Group coordinators and administrators read,
filter, search and export them (events/permissions.py); only administrators delete one.
Registered from events/wagtail_hooks.py, beside "Join requests" in the menu."""

from wagtail_modeladmin.options import ModelAdmin

from events.registration_forms import EventRegistrationForm
from events.registrations import EventRegistration
from home.private_admin import (
    InWordsIndexView,
    InWordsInspectView,
    RequestDeleteView,
    RequestEditView,
    VisitorRequestPermissionHelper,
    listed,
)

# What staff read and export about each request: when it came, the event, what the form asked in its order,
# the follow-up.
REGISTRATION_FIELDS = ("created_at", "event", *EventRegistrationForm.Meta.fields, "status", "staff_notes")


class EventRegistrationAdmin(ModelAdmin):
    model = EventRegistration
    menu_label = "Event registrations"
    menu_icon = "date"
    # Just after "Join requests" (250), before "Appointment requests" (255).
    menu_order = 251
    add_to_settings_menu = False
    permission_helper_class = VisitorRequestPermissionHelper
    index_view_class = InWordsIndexView
    inspect_view_class = InWordsInspectView
    edit_view_class = RequestEditView
    delete_view_class = RequestDeleteView
    inspect_view_enabled = True
    # Columns in words (listed()); a model field's own name would show Python's values.
    list_display = (
        "received",
        "for_event",
        "their_name",
        "how_to_contact",
        "safe_to_leave_message",
        "in_status",
    )
    received = listed(EventRegistration, "created_at")
    for_event = listed(EventRegistration, "event")
    their_name = listed(EventRegistration, "name")
    how_to_contact = listed(EventRegistration, "contact_method", "Contact by")
    safe_to_leave_message = listed(EventRegistration, "ok_to_leave_message", "Leave a message?")
    in_status = listed(EventRegistration, "status")
    list_filter = ("status", "event", "created_at")
    search_fields = ("name", "email", "phone", "event__title")
    list_export = REGISTRATION_FIELDS
    export_filename = "event-registrations"
    list_per_page = 50
    inspect_view_fields = (*REGISTRATION_FIELDS, "consented_at")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event")
