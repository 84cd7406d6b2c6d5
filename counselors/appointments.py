"""Requests for a first appointment: health information, read by staff in the admin and nowhere else.

Like a join request (groups.models.join), an appointment request is not a page, a snippet, an API
resource or a search result, is left out of Wagtail's reference index, and its `__str__` carries
no personal detail (Wagtail's audit log and the admin's messages store it). It asks only what the
intake coordinator needs to call back: a name, how and when to reach them, whether a message may
be left, what they would like help with (optional), a counselor or none, how they would like to
meet, when sessions could be, and how they expect to pay. Read and answered by the "Intake
coordinators" role (counselors/permissions.py) and administrators; purged after
APPOINTMENT_REQUEST_RETENTION_DAYS (`purge_appointment_requests`).

The page that asks for it is `counselors.appointment_page.AppointmentRequestPage`; the form is
`counselors.appointment_forms.AppointmentRequestForm`.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from counselors.choices import AppointmentRequestStatus, ContactTime, MeetingPreference, Payment, SessionTime
from counselors.fields import ChoiceListField
from home.contact_details import PHONE_MAX_LENGTH, ContactMethod
from home.panels import ReadOnlyPanel

HELP_WITH_MAX_LENGTH = 1000


class AppointmentRequestQuerySet(models.QuerySet):
    def past_retention(self, days=None):
        days = settings.APPOINTMENT_REQUEST_RETENTION_DAYS if days is None else days
        return self.filter(created_at__lt=timezone.now() - datetime.timedelta(days=days))


class AppointmentRequest(models.Model):
    # Not in Wagtail's reference index: a counselor's "Usage" would list the requests naming them.
    wagtail_reference_index_ignore = True

    name = models.CharField(max_length=80, help_text="The name they chose to give: it may be a first name only.")
    contact_method = models.CharField("how to contact them", max_length=10, choices=ContactMethod.choices)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=PHONE_MAX_LENGTH, blank=True)
    contact_times = ChoiceListField(
        "when to contact them",
        choices_class=ContactTime,
        blank=True,
        help_text="Empty when any time in office hours suits them.",
    )
    ok_to_leave_message = models.BooleanField(
        "safe to leave a message",
        default=False,
        help_text="If No, do not leave a voicemail or a message that says who is calling.",
    )
    help_with = models.TextField("what they would like help with", blank=True, max_length=HELP_WITH_MAX_LENGTH)
    counselor = models.ForeignKey(
        "counselors.CounselorPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="preferred counselor",
        help_text="Empty when they had no preference.",
    )
    meeting_preference = models.CharField(
        "in person or telehealth", max_length=12, choices=MeetingPreference.choices, default=MeetingPreference.EITHER
    )
    session_times = ChoiceListField(
        "times that suit them for sessions", choices_class=SessionTime, blank=True, help_text="Empty when not given."
    )
    payment = models.CharField("how they expect to pay", max_length=16, choices=Payment.choices)
    insurance_plan = models.ForeignKey(
        "counselors.InsurancePlan",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="With insurance: their plan, or empty when it is not one we list.",
    )
    status = models.CharField(
        max_length=20,
        choices=AppointmentRequestStatus.choices,
        default=AppointmentRequestStatus.NEW,
        help_text=(
            "New: nobody has replied yet (these show on the dashboard). Change it to 'Contacted' once you have "
            "been in touch, then to what was agreed."
        ),
    )
    staff_notes = models.TextField(
        blank=True, help_text="For the team only: when you called, what was agreed. Deleted with the request."
    )
    # The form's hidden key (home.forms.StoredOnceMixin): the same form posted twice is one request.
    submission_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    created_at = models.DateTimeField("received", auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AppointmentRequestQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                ReadOnlyPanel("name"),
                FieldRowPanel([ReadOnlyPanel("contact_method"), ReadOnlyPanel("ok_to_leave_message")]),
                FieldRowPanel([ReadOnlyPanel("email"), ReadOnlyPanel("phone")]),
                ReadOnlyPanel("contact_times"),
                ReadOnlyPanel("help_with"),
                FieldRowPanel([ReadOnlyPanel("counselor"), ReadOnlyPanel("meeting_preference")]),
                ReadOnlyPanel("session_times"),
                FieldRowPanel([ReadOnlyPanel("payment"), ReadOnlyPanel("insurance_plan")]),
                ReadOnlyPanel("created_at"),
            ],
            heading="What they sent",
        ),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("staff_notes")], heading="Follow-up"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "appointment request"
        verbose_name_plural = "appointment requests"

    def __str__(self):
        return f"Appointment request #{self.pk}" if self.pk else "Appointment request"

    def choice_labels(self, name):
        """A list-of-choices answer as its labels, for staff."""
        field = self._meta.get_field(name)
        labels = dict(field.choices_class.choices)
        return [labels[value] for value in getattr(self, name) or [] if value in labels]
