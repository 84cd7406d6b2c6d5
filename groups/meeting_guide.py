"""The Meeting Guide JSON feed (code4recovery's spec) of the practice's weekly groups.

The spec is for weekly meetings, so groups that meet every other week or monthly
are left out (they are in the calendar feeds). Online meeting links stay
private: `conference_url` is never sent; an online group has an approximate
address (its town) and notes that say the link comes after joining. See README.md.
"""

import datetime

from django.utils.html import strip_tags

from groups import schedule
from groups.choices import Audience, Frequency, GroupStatus

# Our audiences in the spec's reserved type codes.
AUDIENCE_TYPES = {
    Audience.YOUNG_ADULTS: "Y",
    Audience.TEENS: "Y",
    Audience.LGBTQ: "LGBTQ",
    Audience.SENIORS: "SEN",
}
DEFAULT_AREA = ("Asheville", "NC")


def day_number(rule):
    """Spec days run from Sunday (0) to Saturday (6); ours from Monday (0)."""
    return (rule.weekday + 1) % 7


def meeting_types(group):
    types = ["O" if group.status == GroupStatus.OPEN else "C"]
    if group.venue and group.meets_in_person and group.venue.wheelchair_accessible:
        types.append("X")
    if group.audience in AUDIENCE_TYPES:
        types.append(AUDIENCE_TYPES[group.audience])
    return types


def meeting_entries(group, request):
    url = group.get_full_url(request)
    updated = group.last_published_at or schedule.make_aware(
        datetime.datetime.combine(group.last_verified, datetime.time.min)
    )
    weekly = [rule for rule in group.active_rules if rule.frequency == Frequency.WEEKLY]
    today = schedule.now_local().date()
    weekly = [rule for rule in weekly if not rule.last_date or rule.last_date >= today]
    for index, rule in enumerate(weekly, start=1):
        entry = {
            "name": group.title[:255],
            "slug": group.slug if len(weekly) == 1 else f"{group.slug}-{index}",
            "day": day_number(rule),
            "time": rule.start_time.strftime("%H:%M"),
            "end_time": rule.end_time.strftime("%H:%M"),
            "timezone": schedule.TIMEZONE_NAME,
            "types": meeting_types(group),
            "url": url,
            "notes": notes(group),
            "group": group.title,
        }
        entry["updated"] = updated.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S")
        entry.update(address_fields(group))
        yield entry


def notes(group):
    lines = [strip_tags(group.summary), f"Cost: {group.cost_text}."]
    if group.meets_online:
        lines.append("Online: the meeting link is sent after you ask to join on our website.")
    if group.status != GroupStatus.OPEN:
        lines.append(f"{group.get_status_display()}: ask on our website to be added to the list.")
    return "\n".join(lines)


def address_fields(group):
    venue = group.venue
    if venue and group.meets_in_person:
        fields = {
            "location": venue.name,
            "address": venue.street_address,
            "city": venue.locality,
            "state": venue.region,
            "postal_code": venue.postal_code,
            "country": "US",
            "approximate": "no",
        }
        if venue.area:
            fields["region"] = venue.area
        if venue.has_coordinates:
            fields["latitude"] = round(float(venue.latitude), 5)
            fields["longitude"] = round(float(venue.longitude), 5)
        notes = " ".join(part for part in (venue.entrance, venue.accessibility) if part)
        if notes:
            fields["location_notes"] = notes
        return fields
    # Online only: the area the group belongs to, never a street address or a link.
    city, state = (venue.locality, venue.region) if venue else DEFAULT_AREA
    return {"formatted_address": f"{city}, {state}, USA", "approximate": "yes", "region": "Online"}


def meeting_guide_feed(groups, request):
    entries = []
    for group in groups:
        if group.status == GroupStatus.PAUSED:
            continue
        entries.extend(meeting_entries(group, request))
    return entries
