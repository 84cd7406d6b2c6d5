"""The dashboard's "Appointment requests awaiting a reply": how many and since when, never who.

One query however many requests there are. Shown only to those who may read the requests (Intake
coordinators and administrators: counselors.view_appointmentrequest); a visitor's name, contact
details and words stay behind the requests' own list.
"""

from django.db.models import Count, Min
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from counselors.appointments import AppointmentRequest
from counselors.choices import AppointmentRequestStatus


def can_see_appointment_requests(user):
    return user.has_perm("counselors.view_appointmentrequest")


class AppointmentRequestsPanel(Component):
    """New requests nobody has answered yet: how many, and when the oldest arrived."""

    name = "appointment_requests_awaiting_reply"
    template_name = "counselors/admin/dashboard/appointment_requests.html"
    # Beside the join requests (groups/dashboard.py, 110), before "Awaiting your review" (120).
    order = 111

    def get_context_data(self, parent_context=None):
        summary = AppointmentRequest.objects.filter(status=AppointmentRequestStatus.NEW).aggregate(
            waiting=Count("pk"), oldest=Min("created_at")
        )
        oldest = summary["oldest"]
        return {
            "waiting": summary["waiting"],
            "oldest": oldest,
            "days": (timezone.localdate() - timezone.localdate(oldest)).days if oldest else None,
            "new_url": reverse("counselors_appointmentrequest_modeladmin_index")
            + f"?status__exact={AppointmentRequestStatus.NEW}",
        }


def add_panels(request, panels):
    if can_see_appointment_requests(request.user):
        panels.append(AppointmentRequestsPanel())
