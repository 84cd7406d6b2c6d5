"""The support groups in the Open Referral HSDS feed (/api/hsds/): each group a service, each venue a location.

The feed itself (ids, paging, parameters, the practice as the organization that runs
every group) is the core's, in home/api/hsds.py; this module turns the groups' own
data into HSDS records and is registered from GroupsConfig.ready(). Only live, public
groups of the request's site are read, and never the online meeting link or anything
from a join request. docs/api.md ("Open Referral HSDS") explains each choice.
"""

from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast, Coalesce, Greatest
from wagtail.models import ModelLogEntry

from groups import schedule
from groups.choices import GroupStatus, MeetingFormat
from groups.models import SupportGroupPage, Venue
from home.api import hsds
from home.models import SiteSettings

SERVICE = "group-service"
STATUS_ALERTS = {
    GroupStatus.WAITLIST: "The group is full: new members go on its waiting list.",
    GroupStatus.CLOSED: "A closed cohort: new members go on the waiting list for the next one.",
    GroupStatus.PAUSED: "The group is paused: it is not meeting for now. Ask the practice when it starts again.",
}


def venue_changed():
    """When the group's venue was last edited in the admin (Wagtail logs each snippet edit), as a subquery."""
    return Subquery(
        ModelLogEntry.objects.filter(
            content_type__app_label=Venue._meta.app_label,
            content_type__model=Venue._meta.model_name,
            object_id=Cast(OuterRef("venue_id"), CharField()),
        )
        .order_by("-timestamp")
        .values("timestamp")[:1]
    )


def readable_groups(request):
    """Live, public groups of the request's site, with when each last changed (`hsds_modified`).

    A group changes when it is published, and when the venue it shows is edited: a directory that
    asks for what changed since its last visit gets the group again with the venue's new address.
    """
    published = Coalesce("last_published_at", "first_published_at", "latest_revision_created_at")
    return (
        SupportGroupPage.objects.for_readers(request)
        .annotate(hsds_modified=Greatest(published, Coalesce(venue_changed(), published)))
        .order_by("pk")
    )


def with_schedules(groups):
    return groups.select_related("venue").prefetch_related("meeting_rules", "cancelled_meetings")


def hsds_status(group):
    """HSDS's service status: a paused group is temporarily closed, one whose dates have all passed inactive."""
    if group.status == GroupStatus.PAUSED:
        return "temporarily closed"
    if group.has_ended:
        return "inactive"
    return "active"


def attending(group):
    """How to attend, in words; the online link itself is only ever sent to members."""
    online = f"online ({group.online_platform})" if group.online_platform else "online"
    private = "the link is sent to members once they have joined"
    if group.meeting_format == MeetingFormat.ONLINE:
        return f"Meets {online}: {private}."
    if group.meeting_format == MeetingFormat.HYBRID:
        place = f"at {group.venue.name}" if group.venue else "in person"
        return f"Meets {place} or {online}: {private}."
    return f"Meets in person at {group.venue.name}." if group.venue else "Meets in person."


def cancellation_text(cancelled):
    day = cancelled.date
    text = f"No meeting on {day:%A}, {day:%B} {day.day}, {day.year}"
    return f"{text} ({cancelled.note})." if cancelled.note else f"{text}."


def rule_schedule(group, rule, service_id, request):
    """One meeting rule as an HSDS schedule: its RRULE parts, wall-clock times in Asheville, and first/last dates.

    HSDS 3.0's `timezone` is a fixed UTC offset, which no offset can be for a town with daylight
    saving time: it is left out, the times are Asheville's wall-clock times (what the RRULE means
    with a TZID), and `tzid` (an addition HSDS allows) names the zone.
    """
    recur = schedule.ical_rrule(rule)
    notes = [cancellation_text(c) for c in group.upcoming_cancellations if schedule.meets_on(rule, c.date)]
    if group.status == GroupStatus.PAUSED:
        notes.insert(0, STATUS_ALERTS[GroupStatus.PAUSED])
    return hsds.without_empty(
        {
            "id": hsds.hsds_id("group-rule", rule.pk),
            "service_id": service_id,
            "valid_from": rule.first_date.isoformat(),
            "dtstart": rule.first_date.isoformat(),
            "until": rule.last_date.isoformat() if rule.last_date else None,
            "wkst": "MO",
            "freq": recur["FREQ"],
            "interval": recur.get("INTERVAL", 1),
            "byday": recur["BYDAY"],
            "opens_at": rule.start_time.strftime("%H:%M"),
            "closes_at": rule.end_time.strftime("%H:%M"),
            "tzid": schedule.TIMEZONE_NAME,
            "description": f"{rule.describe()}, Asheville time (Eastern)",
            "attending_type": attending(group),
            "schedule_link": group.get_full_url(request),
            "notes": " ".join(notes),
        }
    )


def service_summary(group, request):
    """A group's one-to-one fields: what /services lists, and the base of its full record."""
    service_id = hsds.hsds_id(SERVICE, group.pk)
    minimum_age, maximum_age = hsds.AGES.get(group.audience, (None, None))
    how_to_join = hsds.plain_text(group.how_to_join)
    join = f"Ask to join on the group's page: {group.get_full_url(request)}{group.reverse_subpage('join')}"
    if group.intro_session_required:
        join += " New members meet the facilitator for a short introductory chat first."
    alerts = [STATUS_ALERTS.get(group.status, "")]
    alerts += [cancellation_text(cancelled) for cancelled in group.upcoming_cancellations[:3]]
    modified = getattr(group, "hsds_modified", None) or group.last_published_at
    return hsds.without_empty(
        {
            "id": service_id,
            "organization_id": hsds.practice_organization_id(),
            "name": group.title,
            "description": group.summary,
            "url": group.get_full_url(request),
            "status": hsds_status(group),
            "application_process": " ".join(part for part in (how_to_join, join) if part),
            "fees_description": " ".join(part for part in (group.cost_text, group.insurance_note) if part),
            "eligibility_description": f"{group.get_audience_display()}. {group.get_led_by_display()}.",
            "minimum_age": minimum_age,
            "maximum_age": maximum_age,
            "assured_date": group.last_verified.isoformat() if group.last_verified else None,
            "alert": " ".join(alert for alert in alerts if alert),
            "last_modified": hsds.hsds_datetime(modified) if modified else None,
        }
    )


class GroupsProvider(hsds.Provider):
    """Support groups as HSDS services run by the practice, and the venues they meet at as locations."""

    position = 10

    def list_record(self, request):
        organization = hsds.practice_organization(request)

        def record(group):
            return {**service_summary(group, request), "organization": organization}

        return record

    def services(self, request, modified_after=None):
        groups = readable_groups(request)
        if modified_after is not None:
            groups = groups.filter(hsds_modified__gte=modified_after)
        # The rules and cancellations say whether a group has ended and which dates are off.
        return hsds.Listing(with_schedules(groups), self.list_record(request))

    def service(self, request, service_id):
        groups = readable_groups(request)
        key = hsds.find_key(SERVICE, groups.values_list("pk", flat=True), service_id)
        if key is None:
            return None
        group = with_schedules(groups).get(pk=key)
        record = service_summary(group, request)
        details = SiteSettings.load(request_or_site=request)
        record["organization"] = hsds.practice_organization(request)
        record["phones"] = hsds.practice_phones(details, service_id=service_id)
        if details.email:
            record["email"] = details.email
        record["schedules"] = [rule_schedule(group, rule, service_id, request) for rule in group.active_rules]
        if group.meets_in_person and group.venue:
            location = hsds.venue_location(group.venue, request)
            record["service_at_locations"] = [
                {
                    "id": hsds.hsds_id("group-at-venue", group.pk),
                    "service_id": service_id,
                    "location_id": location["id"],
                    "location": location,
                }
            ]
        return record

    def services_of(self, request, organization_id):
        if organization_id != hsds.practice_organization_id():
            return []
        groups = with_schedules(readable_groups(request))
        return [service_summary(group, request) for group in groups]

    def venues_in_use(self, request):
        # The places groups meet in person: an online group's venue (its approximate area) is not a location.
        return readable_groups(request).exclude(meeting_format=MeetingFormat.ONLINE).values("venue_id")

    def locations(self, request):
        # The venues are the groups' own model: every venue any area's services meet at in person, once.
        venues = Venue.objects.filter(hsds.venue_ids_in_use(request)).order_by("pk")
        return hsds.Listing(venues, lambda venue: hsds.venue_location(venue, request))

    def paths_for(self, page):
        if not isinstance(page, SupportGroupPage):
            return []
        service_id = hsds.hsds_id(SERVICE, page.pk)
        organization_id = hsds.practice_organization_id()
        return [
            f"/api/hsds/services/{service_id}",
            f"/api/hsds/services/{service_id}/",
            f"/api/hsds/organizations/{organization_id}",
            f"/api/hsds/organizations/{organization_id}/",
        ]
