"""iCalendar files and subscribable feeds of groups (RFC 5545), built with the icalendar package.

Each meeting rule becomes one recurring event: DTSTART with TZID=America/New_York,
an RRULE, EXDATEs for cancelled meetings and a VTIMEZONE. Online meeting links
are never included: the location of an online group says how the link is sent.
"""

import datetime

from django.utils.html import strip_tags
from icalendar import Calendar, Event, vRecur

from groups import schedule

PRODID = "-//Resilient Mind Counseling//Support groups//EN"


def build_calendar(groups, request, name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", schedule.TIMEZONE_NAME)
    calendar.add("refresh-interval", datetime.timedelta(hours=12), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT12H")
    host = request.get_host().split(":")[0]
    # When the groups last changed, not the time of the request: the same calendar is the same bytes,
    # so its ETag holds and a subscriber's next poll is a 304 (home/http_cache.py).
    published = [group.last_published_at for group in groups if group.last_published_at]
    stamp = (max(published) if published else datetime.datetime.now(datetime.UTC)).replace(microsecond=0)
    for group in groups:
        for event in group_events(group, request, host, stamp):
            calendar.add_component(event)
    # A VTIMEZONE that covers every meeting: from the earliest first date to a few years ahead.
    today = datetime.date.today()
    firsts = [rule.first_date for group in groups for rule in group.active_rules]
    calendar.add_missing_timezones(
        first_date=min([*firsts, today]) - datetime.timedelta(days=366),
        last_date=today + datetime.timedelta(days=5 * 366),
    )
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
            if _rule_meets_on(rule, day)
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


def _rule_meets_on(rule, day):
    start = datetime.datetime.combine(day, datetime.time.min)
    return bool(schedule.occurrences_between(rule, start, start + datetime.timedelta(days=1)))


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
    lines += ["", f"How to join and more details: {url}"]
    return "\n".join(strip_tags(line) for line in lines)


def calendar_response_body(calendar):
    return calendar.to_ical()
