"""Appointment requests in the admin, through wagtail-modeladmin as join requests are (home/private_admin.py):
never a snippet, so never in an API, a chooser or search. Intake coordinators and administrators read,
filter, search and export them (counselors/permissions.py); only administrators delete one.
Registered from counselors/wagtail_hooks.py."""

from wagtail_modeladmin.options import ModelAdmin

from counselors.appointment_forms import AppointmentRequestForm
from counselors.appointments import AppointmentRequest
from home.private_admin import (
    InWordsIndexView,
    InWordsInspectView,
    RequestDeleteView,
    RequestEditView,
    VisitorRequestPermissionHelper,
    empty_choice_filter,
    listed,
)

# What staff read and export about each request: when it came, what the form asked in its order, the follow-up.
REQUEST_FIELDS = ("created_at", *AppointmentRequestForm.Meta.fields, "status", "staff_notes")


class AppointmentRequestAdmin(ModelAdmin):
    model = AppointmentRequest
    menu_label = "Appointment requests"
    menu_icon = "mail"
    menu_order = 255
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
        "their_name",
        "how_to_contact",
        "safe_to_leave_message",
        "with_counselor",
        "how_to_meet",
        "paying",
        "in_status",
    )
    received = listed(AppointmentRequest, "created_at")
    their_name = listed(AppointmentRequest, "name")
    how_to_contact = listed(AppointmentRequest, "contact_method", "Contact by")
    safe_to_leave_message = listed(AppointmentRequest, "ok_to_leave_message", "Leave a message?")
    with_counselor = listed(AppointmentRequest, "counselor", "Counselor")
    how_to_meet = listed(AppointmentRequest, "meeting_preference", "Meeting")
    paying = listed(AppointmentRequest, "payment", "Paying")
    in_status = listed(AppointmentRequest, "status")
    list_filter = (
        "status",
        ("counselor", empty_choice_filter("No preference")),
        "meeting_preference",
        "payment",
        ("insurance_plan", empty_choice_filter("No plan given")),
        "created_at",
    )
    search_fields = ("name", "email", "phone")
    list_export = REQUEST_FIELDS
    export_filename = "appointment-requests"
    list_per_page = 50
    inspect_view_fields = REQUEST_FIELDS

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("counselor", "insurance_plan")
