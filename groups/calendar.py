"""iCalendar files and subscribable feeds of groups (RFC 5545), built with the icalendar package.

Each meeting rule becomes one recurring event: DTSTART with TZID=America/New_York,
an RRULE, EXDATEs for cancelled meetings and a VTIMEZONE. Online meeting links
are never included: the location of an online group says how the link is sent.

- UIDs name the site's own host name (its Site record), never the request's: the site answers to
  more than one name (www or not, an IP address), and a subscriber who reached it by two would
  otherwise get every meeting twice.
- The VTIMEZONE gives Eastern time by its rules (second Sunday of March, first Sunday of November,
  as in the United States since 2007), not as a list of dates: a rule with no end date meets for
  ever, and a client that trusts the embedded zone (as RFC 5545 lets it) places every meeting of
  every year right, however far ahead.
"""

import datetime

from django.utils.html import strip_tags
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vRecur
from wagtail.models import Site

from groups import schedule

PRODID = "-//Resilient Mind Counseling//Support groups//EN"


def new_calendar(name, prodid=PRODID):
    """An empty calendar with the headers every feed of the site gives (the events' too)."""
    calendar = Calendar()
    calendar.add("prodid", prodid)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", schedule.TIMEZONE_NAME)
    calendar.add("refresh-interval", datetime.timedelta(hours=12), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT12H")
    return calendar


def host_and_stamp(pages, request):
    """The site's own host name for UIDs, and DTSTAMP: when the pages last changed, not the time of the
    request, so the same calendar is the same bytes, its ETag holds and a subscriber's next poll is a 304
    (home/http_cache.py)."""
    site = Site.find_for_request(request)
    host = site.hostname if site else request.get_host().split(":")[0]
    published = [page.last_published_at for page in pages if page.last_published_at]
    stamp = (max(published) if published else datetime.datetime.now(datetime.UTC)).replace(microsecond=0)
    return host, stamp


def build_calendar(groups, request, name):
    calendar = new_calendar(name)
    host, stamp = host_and_stamp(groups, request)
    for group in groups:
        for event in group_events(group, request, host, stamp):
            calendar.add_component(event)
    # First, as clients expect: the zone the events' TZID names.
    calendar.subcomponents.insert(0, eastern_time())
    return calendar


def eastern_time():
    """America/New_York by its daylight-saving rules, valid for every year from 2007 on."""
    zone = Timezone()
    zone.add("tzid", schedule.TIMEZONE_NAME)
    for part, name, month, day, offset_from, offset_to in (
        (TimezoneDaylight, "EDT", 3, "2SU", -5, -4),
        (TimezoneStandard, "EST", 11, "1SU", -4, -5),
    ):
        observance = part()
        observance.add("tzname", name)
        observance.add("dtstart", datetime.datetime(2007, month, 11 if month == 3 else 4, 2, 0))
        observance.add("rrule", vRecur({"FREQ": "YEARLY", "BYMONTH": month, "BYDAY": day}))
        observance.add("tzoffsetfrom", datetime.timedelta(hours=offset_from))
        observance.add("tzoffsetto", datetime.timedelta(hours=offset_to))
        zone.add_component(observance)
    return zone


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
