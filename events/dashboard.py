"""The dashboard's "Places at upcoming events": per event that asks with the form, where it stands
(cancelled or postponed: those who asked need a call), places taken of those there are ("full" as
the event's page says it: events.registrations.full_with), how many wait on the waiting list and
how many requests nobody has answered yet.

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
from events.registrations import EventRegistration, full_with

# How many events the panel lists before saying how many more there are.
PANEL_ROWS = 10


def can_see_registrations(user):
    """Superusers and the group coordinators (events.view_eventregistration): see events/permissions.py."""
    return user.has_perm("events.view_eventregistration")


def status_in_words(event):
    """Where the event stands, for staff: a cancelled or postponed event means calling those who asked."""
    if event.is_rescheduled:
        return "Moved to a new date"
    if event.is_postponed:
        return "Postponed: no new date yet"
    return event.get_status_display()


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
        fields = ("pk", "title", "capacity", "status", "registration", "previous_start")
        events = list(upcoming.only(*fields)[: PANEL_ROWS + 1])
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
                    "full": full_with(event, taken),
                    "status": status_in_words(event),
                    "call_them": (event.is_cancelled or event.is_postponed) and bool(taken or row.get("waiting")),
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
