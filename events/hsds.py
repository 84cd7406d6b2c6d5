"""Events in the Open Referral HSDS feed (/api/hsds/): each upcoming event a service the practice runs.

The feed is the core's (home/api/hsds.py). Events meet at the groups' venues, which the groups list
as locations (every venue any area's services meet at, from each provider's `venues_in_use`), so an
event at a venue points at the same location record as a group there. Only live, public
events of the request's site that have a date not yet over; never the online link. Each date is
an HSDS schedule of its own (a single day: `valid_from` and `valid_to` the same, its opening and
closing times in Asheville's wall-clock time, `tzid` naming the zone, as the groups do).
"""

from events.choices import EventStatus, Registration
from events.models import EventPage
from home.api import hsds
from home.choices import MeetingFormat
from home.local_time import TIMEZONE_NAME
from home.models import SiteSettings

SERVICE = "event-service"
STATUS_ALERTS = {
    EventStatus.CANCELLED: "This event is cancelled.",
    EventStatus.POSTPONED: "This event is postponed.",
    EventStatus.FULL: "This event is full.",
}


def readable_events(request):
    return EventPage.objects.for_readers(request).upcoming().select_related("venue").prefetch_related("dates")


def date_schedule(event, date, service_id, request):
    start, end = date.local_start, date.local_end
    return hsds.without_empty(
        {
            "id": hsds.hsds_id("event-date", date.pk),
            "service_id": service_id,
            "valid_from": start.date().isoformat(),
            "valid_to": end.date().isoformat(),
            "dtstart": start.date().isoformat(),
            "opens_at": start.strftime("%H:%M"),
            "closes_at": end.strftime("%H:%M"),
            "tzid": TIMEZONE_NAME,
            "description": f"{start:%A}, {start:%B} {start.day}, {start.year}, Asheville time (Eastern)",
            "schedule_link": event.get_full_url(request),
            "notes": date.note,
        }
    )


def service_summary(event, request):
    service_id = hsds.hsds_id(SERVICE, event.pk)
    minimum_age, maximum_age = hsds.AGES.get(event.audience, (None, None))
    if event.registration == Registration.NONE:
        process = "No need to ask first: just come."
    elif event.registration == Registration.FORM:
        process = "Places are limited: ask for one with the form on the event's page (a waiting list when full)."
    else:
        process = "Places are limited: call the practice to ask for one."
    if event.members_only and event.group:
        process = f"For members of {event.group.title} only. {process}"
    alert = " ".join(part for part in (STATUS_ALERTS.get(event.status, ""), event.status_note) if part)
    modified = event.last_published_at
    return hsds.without_empty(
        {
            "id": service_id,
            "organization_id": hsds.practice_organization_id(),
            "name": event.title,
            "description": event.summary,
            "url": event.get_full_url(request),
            "status": "inactive" if event.status == EventStatus.CANCELLED else "active",
            "application_process": process,
            "fees_description": event.cost_text,
            "eligibility_description": event.get_audience_display(),
            "minimum_age": minimum_age,
            "maximum_age": maximum_age,
            "assured_date": event.last_verified.isoformat() if event.last_verified else None,
            "alert": alert,
            "last_modified": hsds.hsds_datetime(modified) if modified else None,
        }
    )


class EventsProvider(hsds.Provider):
    """Upcoming events as HSDS services of the practice, after the groups."""

    position = 15

    def services(self, request, modified_after=None):
        events = readable_events(request).select_related("group").order_by("pk")
        if modified_after is not None:
            events = events.filter(last_published_at__gte=modified_after)
        organization = hsds.practice_organization(request)
        return hsds.Listing(events, lambda event: {**service_summary(event, request), "organization": organization})

    def service(self, request, service_id):
        events = readable_events(request).select_related("group")
        key = hsds.find_key(SERVICE, events.values_list("pk", flat=True), service_id)
        if key is None:
            return None
        event = events.get(pk=key)
        record = service_summary(event, request)
        details = SiteSettings.load(request_or_site=request)
        record["organization"] = hsds.practice_organization(request)
        record["phones"] = hsds.practice_phones(details, service_id=service_id)
        record["schedules"] = [date_schedule(event, date, service_id, request) for date in event.date_list]
        if event.in_person and event.venue:
            location = hsds.venue_location(event.venue, request)
            record["service_at_locations"] = [
                {
                    "id": hsds.hsds_id("event-at-venue", event.pk),
                    "service_id": service_id,
                    "location_id": location["id"],
                    "location": location,
                }
            ]
        return record

    def services_of(self, request, organization_id):
        if organization_id != hsds.practice_organization_id():
            return []
        return [service_summary(event, request) for event in readable_events(request).select_related("group")]

    def venues_in_use(self, request):
        # Upcoming in-person events' venues: the groups list them as locations with their own.
        return (
            readable_events(request)
            .exclude(attendance=MeetingFormat.ONLINE)
            .filter(venue__isnull=False)
            .values("venue_id")
        )

    def paths_for(self, page):
        if not isinstance(page, EventPage):
            return []
        service_id = hsds.hsds_id(SERVICE, page.pk)
        organization_id = hsds.practice_organization_id()
        return [
            f"/api/hsds/services/{service_id}",
            f"/api/hsds/services/{service_id}/",
            f"/api/hsds/organizations/{organization_id}",
            f"/api/hsds/organizations/{organization_id}/",
        ]
