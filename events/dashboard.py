"""The dashboard's "Places at upcoming events": per event that asks with the form, places taken of
those there are, how many wait on the waiting list and how many requests nobody has answered yet.

Two queries however many events or requests there are (the events, then every count at once).
Shown only to those who may read the requests (Group coordinators and administrators:
events.view_eventregistration); counts and dates only, never a visitor's name, contact details or
note, which stay behind the registrations' own list.
"""

from urllib.parse import urlencode

from django.db.models import Count, Q
from django.urls import reverse
from wagtail.admin.ui.components import Component

from events.choices import PLACE_HOLDING_STATUSES, Registration, RegistrationStatus
from events.models import EventPage
from events.registrations import EventRegistration

# How many events the panel lists before saying how many more there are.
PANEL_ROWS = 10


def can_see_registrations(user):
    """Superusers and the group coordinators (events.view_eventregistration): see events/permissions.py."""
    return user.has_perm("events.view_eventregistration")


def registrations_url(**filters):
    url = reverse("events_eventregistration_modeladmin_index")
    return f"{url}?{urlencode(filters)}" if filters else url


class PlacesPanel(Component):
    """Upcoming events that ask with the form, soonest first, with their places and waiting lists."""

    name = "event_places"
    template_name = "events/admin/dashboard/places.html"
    # After the join requests (110) and appointment requests (111), before "Awaiting your review" (120).
    order = 112

    def get_context_data(self, parent_context=None):
        upcoming = EventPage.objects.live().upcoming().filter(registration=Registration.FORM)
        events = list(upcoming.only("pk", "title", "capacity", "status")[: PANEL_ROWS + 1])
        more = 0
        if len(events) > PANEL_ROWS:
            more = upcoming.count() - PANEL_ROWS
            events = events[:PANEL_ROWS]
        counts = {
            row["event_id"]: row
            for row in EventRegistration.objects.filter(event_id__in=[event.pk for event in events])
            .values("event_id")
            .annotate(
                taken=Count("pk", filter=Q(status__in=PLACE_HOLDING_STATUSES)),
                waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
                new=Count("pk", filter=Q(status=RegistrationStatus.NEW)),
            )
            .order_by()
        }
        rows = []
        for event in events:
            row = counts.get(event.pk, {})
            taken = row.get("taken", 0)
            rows.append(
                {
                    "title": event.title,
                    "next_start": event.next_start,
                    "capacity": event.capacity,
                    "taken": taken,
                    "full": event.capacity is not None and taken >= event.capacity,
                    "waiting": row.get("waiting", 0),
                    "new": row.get("new", 0),
                    "url": registrations_url(event__page_ptr__exact=event.pk),
                    "new_url": registrations_url(event__page_ptr__exact=event.pk, status__exact=RegistrationStatus.NEW),
                }
            )
        return {"rows": rows, "more": more, "all_url": registrations_url()}


def add_panels(request, panels):
    if can_see_registrations(request.user):
        panels.append(PlacesPanel())
