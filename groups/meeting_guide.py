"""The Meeting Guide JSON feed (code4recovery's spec) of the practice's weekly groups.

The spec is for weekly meetings, so groups that meet every other week or monthly
are left out (they are in the calendar feeds). Online meeting links stay
private: `conference_url` is never sent; an online group has an approximate
address (its town) and notes that say the link comes after joining. Each meeting's
`feedback_url` is its group's "Report a problem with this listing" page (home/listing_reports.py),
on the site's own root URL as `url` is. See README.md.

How its readers show it (code4recovery/tsml-ui, src/helpers/load-meeting-data.ts):
- No `O` or `C`: the spec's "Open" and "Closed" carry Alcoholics Anonymous' meanings (TSML UI
  prints "Closed meetings are for A.A. members only…"), and no group here is an A.A. meeting.
  Whether a group takes new members is in its notes; the neutral codes stay (wheelchair access,
  young people, LGBTQ, seniors).
- A meeting is "active" in TSML UI only with a street address or a way to join online (a known
  video provider's link, or a `conference_phone` of ten digits or more). With no link to publish,
  an online or hybrid group gives the practice's phone as `conference_phone`, with notes that
  say the link is sent after joining: it shows as online and active, not "Inactive".
"""

import datetime

from django.utils.html import strip_tags

from groups import schedule
from groups.choices import Audience, Frequency, GroupStatus
from home.models import SiteSettings

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
    types = []
    if group.venue and group.meets_in_person and group.venue.wheelchair_accessible:
        types.append("X")
    if group.audience in AUDIENCE_TYPES:
        types.append(AUDIENCE_TYPES[group.audience])
    return types


def meeting_entries(group, request, phone=""):
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
        if url:
            # The spec's per-meeting address for corrections: the group's "Report a problem" page.
            entry["feedback_url"] = url + group.reverse_subpage("report")
        entry["updated"] = updated.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S")
        entry.update(address_fields(group))
        if group.meets_online and phone:
            entry["conference_phone"] = phone
            entry["conference_phone_notes"] = (
                "Call the practice to ask to join: the video link is sent to members, never published."
            )
        yield entry


def notes(group):
    lines = [strip_tags(group.summary), f"Cost: {group.cost_text}."]
    if group.meets_online:
        lines.append("Online: the meeting link is sent after you ask to join on our website.")
    if group.status == GroupStatus.OPEN:
        lines.append("Open to new members: ask to join on our website.")
    else:
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
    phone = SiteSettings.load(request_or_site=request).phone
    entries = []
    for group in groups:
        if group.status == GroupStatus.PAUSED:
            continue
        entries.extend(meeting_entries(group, request, phone))
    return entries
