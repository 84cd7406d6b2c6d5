"""Events for other areas' templates, and how dates read on the page.

    {% load events_tags %}
    {% upcoming_events count=3 %}            the home page's section
    {% events_for_group page.pk count=4 %}   a group page's events

Both render nothing when there is nothing to show, in a fixed number of queries, and are kept as
HTML until content changes or the first event shown ends (then it leaves the section by itself).
Groups never import this app: the group's template loads the tag (DESIGN.md, "Which way imports go").
"""

from django import template
from django.template.loader import render_to_string

from events.models import CARD_SELECT_RELATED, EventIndexPage, EventPage
from home.content_version import for_request, remember_until
from home.local_time import TIMEZONE, format_date, format_meeting, format_time

register = template.Library()

MAX_COUNT = 12


def _count(value, default):
    try:
        return max(1, min(int(value), MAX_COUNT))
    except (TypeError, ValueError):
        return default


def _index_url(request):
    index = EventIndexPage.objects.for_readers(request).only("id", "url_path", "path", "depth", "title").first()
    return index.get_url(request) if index else ""


def _section(name, events_for, request, *parts, **words):
    """The section's HTML (events/tags/events_section.html, with its `heading`, `heading_id` and `link_label`)."""

    def build():
        events = list(events_for().select_related(*CARD_SELECT_RELATED))
        context = {"events": events, "index_url": _index_url(request) if events else "", "request": request, **words}
        html = render_to_string("events/tags/events_section.html", context, request=request)
        ends = [event.next_date.end for event in events if event.next_date]
        return html, min(ends, default=None)

    return remember_until(name, build, *for_request(request), *parts)


@register.simple_tag(takes_context=True)
def upcoming_events(context, count=3):
    """The events coming up soonest, for the home page."""
    request = context.get("request")
    count = _count(count, 3)
    return _section(
        "upcoming-events",
        lambda: EventPage.objects.for_readers(request).upcoming().prefetch_related("dates")[:count],
        request,
        count,
        heading="Coming up: workshops, classes and get-togethers",
        heading_id="upcoming-events-heading",
        link_label="See what's on",
    )


@register.simple_tag(takes_context=True)
def events_for_group(context, group_id, count=4, heading="Coming up with this group"):
    """A group's upcoming events, soonest first: for the group's page."""
    request = context.get("request")
    try:
        group_id = int(group_id)
    except (TypeError, ValueError):
        return ""
    count = _count(count, 4)
    return _section(
        "events-for-group",
        lambda: (
            EventPage.objects.for_readers(request)
            .filter(group_id=group_id)
            .upcoming()
            .prefetch_related("dates")[:count]
        ),
        request,
        group_id,
        count,
        heading,
        heading=heading,
        heading_id="group-events-heading",
        link_label="See everything on",
    )


@register.filter
def event_when(date):
    """'Tuesday, March 4, 6:30pm to 8pm' in Asheville's time (an EventDate); both days when it runs past midnight."""
    if not date:
        return ""
    start, end = date.local_start, date.local_end
    if start.date() == end.date():
        return format_meeting(date)
    return f"{format_date(start)}, {format_time(start.time())} to {format_date(end)}, {format_time(end.time())}"


@register.filter
def event_day(value):
    """'Tuesday, March 4' of an aware datetime, in Asheville's time."""
    return format_date(value.astimezone(TIMEZONE)) if value else ""
