"""iCalendar files and subscribable feeds of groups (RFC 5545), built with the icalendar package.

Each meeting rule becomes one recurring event: DTSTART with TZID=America/New_York,
an RRULE, EXDATEs for cancelled meetings and a VTIMEZONE. Online meeting links
are never included: the location of an online group says how the link is sent.

The headers, UIDs' host name, DTSTAMP and the embedded VTIMEZONE are the core's, shared with the
events' calendars (home/calendar.py).
"""

import datetime

from django.utils.html import strip_tags
from icalendar import Event, vRecur

from groups import schedule
from home.calendar import eastern_time, host_and_stamp, new_calendar

PRODID = "-//Resilient Mind Counseling//Support groups//EN"


def build_calendar(groups, request, name):
    calendar = new_calendar(name, PRODID)
    host, stamp = host_and_stamp(groups, request)
    for group in groups:
        for event in group_events(group, request, host, stamp):
            calendar.add_component(event)
    # First, as clients expect: the zone the events' TZID names.
    calendar.subcomponents.insert(0, eastern_time())
    return calendar


def group_events(group, request, host, stamp):
    url = group.get_full_url(request)
    cancelled = set(group.cancelled_dates)
    for rule in group.active_rules:
        first = schedule.first_meeting_start(rule)
        if first is None:
            continue
        start = schedule.make_aware(first)
        event = Event()
        event.add("uid", f"group-{group.pk}-rule-{rule.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("summary", group.title)
        event.add("dtstart", start)
        event.add("dtend", schedule.make_aware(first + schedule.rule_duration(rule)))
        event.add("rrule", vRecur(schedule.ical_rrule(rule)))
        exdates = [
            schedule.make_aware(datetime.datetime.combine(day, rule.start_time))
            for day in sorted(cancelled)
            if schedule.meets_on(rule, day)
        ]
        if exdates:
            event.add("exdate", exdates)
        event.add("location", location_text(group))
        event.add("url", url)
        event.add("description", description_text(group, rule, url))
        if group.venue and group.venue.has_coordinates and group.meets_in_person:
            event.add("geo", (float(group.venue.latitude), float(group.venue.longitude)))
        event.add("status", "CANCELLED" if group.status == "paused" else "CONFIRMED")
        event.add("transp", "OPAQUE")
        yield event


def location_text(group):
    online = "Online: the link is sent to members after they join"
    if group.venue and group.meets_in_person:
        place = f"{group.venue.name}, {group.venue.formatted_address}"
        return f"{place} (or online)" if group.meets_online else place
    return online


def description_text(group, rule, url):
    lines = [group.summary, "", rule.describe() + " (Eastern time).", f"Cost: {group.cost_text}."]
    if group.meets_online:
        lines.append("Online: the link is sent to you after you join, never published.")
    if group.last_verified:
        # With its year always: a calendar keeps the text long after it was fetched.
        checked = group.last_verified
        lines.append(f"Details last checked on {checked:%B} {checked.day}, {checked.year}.")
    lines += ["", f"How to join and more details: {url}"]
    return "\n".join(strip_tags(line) for line in lines)


def calendar_response_body(calendar):
    return calendar.to_ical()
