"""The events' calendars: plain views that read the event pages (Wagtail's page URLs end in a slash).

`calendar.ics` is every upcoming event, or those the index's filter matches (`?kind=outing`),
for calendar apps to subscribe to; `<id>/calendar.ics` is one event's file. Past events leave the
feed by themselves: it is kept in the cache only until the first event in it ends.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.models import Page

from events.calendar import build_calendar
from events.models import EventIndexPage, EventPage
from home.calendar import calendar_response
from home.content_version import for_request, remember_until
from home.models import SiteSettings
from home.near_me import keep_position_out_of_caches

FEED_PREFETCH = ("dates", "leaders__person")


def feed_paths(page):
    """The feeds that show `page` (an event or the index), for the front cache's purges.

    An event's group page lists it, so that page goes too (the group it leaves: `EventPage.save`).
    """
    if isinstance(page, EventPage):
        group_urls = [group.url for group in Page.objects.filter(pk=page.group_id).live() if group.url]
        return [reverse("events:calendar"), page.get_calendar_path(), *group_urls]
    if isinstance(page, EventIndexPage):
        return [reverse("events:calendar")]
    return []


@require_GET
def events_calendar(request):
    """Every upcoming event, or the index's filter: `calendar.ics?kind=mindfulness&free=1`."""
    index = EventIndexPage.objects.for_readers(request).first()
    if index is None:
        raise Http404("There is no events index on this site.")
    form = index.filter_form(request)

    def build():
        events = list(form.filter(index.get_events().upcoming()).prefetch_related(*FEED_PREFETCH))
        practice = SiteSettings.load(request_or_site=request)
        described = form.describe()
        name = f"{practice.practice_name}: what's on" + (f" ({described})" if described else "")
        ends = [event.next_date.end for event in events if event.next_date]
        return build_calendar(events, request, name).to_ical(), min(ends, default=None)

    body = remember_until("events-calendar", build, *for_request(request), form.query_string())
    return keep_position_out_of_caches(request, calendar_response(body, filename=None))


@require_GET
def event_calendar(request, pk):
    event = get_object_or_404(
        EventPage.objects.readable().select_related("venue").prefetch_related(*FEED_PREFETCH), pk=pk
    )
    calendar = build_calendar([event], request, event.title)
    return calendar_response(calendar.to_ical(), filename=f"{event.slug}.ics")
