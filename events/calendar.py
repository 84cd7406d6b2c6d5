"""iCalendar files of events (RFC 5545): one VEVENT per date, with the site's VTIMEZONE (home/calendar.py).

- UIDs name the site's own host name (its Site record), never the request's, as home/calendar.py
  explains: `event-<page>-date-<row>@<host>`, so a date keeps its UID when its time changes.
- STATUS (RFC 5545 3.8.1.11 gives TENTATIVE, CONFIRMED, CANCELLED for a VEVENT):
  going ahead or full: CONFIRMED. Cancelled: CANCELLED, which calendar apps show struck through or
  remove. Postponed without a new date: TENTATIVE, the only status that says "not firm" without
  telling the app to delete it (the event will happen, later). Postponed with its new dates:
  CONFIRMED at the new time. The summary starts with "Cancelled:" or "Postponed:" as well, since
  not every app shows STATUS.
- SEQUENCE is the page's `sequence`, raised on publishing whenever the dates or the status change
  (3.8.7.4), so apps that kept the old version replace it; it never goes down.
- Never an online meeting link: an online event's location says how the link is sent.
"""

from django.utils.html import strip_tags
from icalendar import Event

from events.choices import EventStatus
from home.calendar import eastern_time, host_and_stamp, new_calendar
from home.local_time import TIMEZONE

PRODID = "-//Resilient Mind Counseling//What's on//EN"
ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.FULL: "CONFIRMED",
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.POSTPONED: "TENTATIVE",
}


def build_calendar(events, request, name):
    calendar = new_calendar(name, PRODID)
    host, stamp = host_and_stamp(events, request)
    calendar.add_component(eastern_time())
    for event in events:
        for component in event_components(event, request, host, stamp):
            calendar.add_component(component)
    return calendar


def ical_status(event):
    if event.is_rescheduled:
        return "CONFIRMED"
    return ICAL_STATUS[event.status]


def event_components(event, request, host, stamp):
    url = event.get_full_url(request)
    dates = event.date_list
    prefix = {"CANCELLED": "Cancelled: ", "TENTATIVE": "Postponed: "}.get(ical_status(event), "")
    for number, date in enumerate(dates, start=1):
        component = Event()
        component.add("uid", f"event-{event.pk}-date-{date.pk}@{host}")
        component.add("dtstamp", stamp)
        title = event.title if len(dates) == 1 else f"{event.title} ({number} of {len(dates)})"
        component.add("summary", prefix + title)
        component.add("dtstart", date.start.astimezone(TIMEZONE))
        component.add("dtend", date.end.astimezone(TIMEZONE))
        component.add("status", ical_status(event))
        component.add("sequence", event.sequence)
        component.add("location", location_text(event))
        component.add("url", url)
        component.add("description", description_text(event, date, url))
        if event.venue and event.venue.has_coordinates and event.in_person:
            component.add("geo", (float(event.venue.latitude), float(event.venue.longitude)))
        component.add("transp", "OPAQUE")
        yield component


def location_text(event):
    online = "Online: the link is sent to you before the event"
    if event.in_person:
        place = f"{event.venue.name}, {event.venue.formatted_address}" if event.venue else event.meeting_point
        return f"{place} (or online)" if event.online else place
    return online


def description_text(event, date, url):
    lines = [event.summary, ""]
    if event.status_note:
        lines.append(event.status_note)
    if event.is_rescheduled:
        moved = event.previous_start.astimezone(TIMEZONE)
        lines.append(f"Moved from {moved:%B} {moved.day}, {moved.year}.")
    if date.note:
        lines.append(date.note)
    if event.meeting_point:
        lines.append(f"Meeting point: {event.meeting_point}")
    if event.what_to_bring:
        lines.append(f"What to bring: {event.what_to_bring}")
    lines.append(f"Cost: {event.cost_text}.")
    if event.online:
        lines.append("Online: the link is sent to you before the event, never published.")
    checked = event.last_verified
    if checked:
        lines.append(f"Details last checked on {checked:%B} {checked.day}, {checked.year}.")
    lines += ["", f"How to come and more details: {url}"]
    return "\n".join(strip_tags(line) for line in lines)
