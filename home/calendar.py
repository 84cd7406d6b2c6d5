"""What every calendar file of the site shares (RFC 5545), built with the icalendar package.

The groups' and the events' calendars and feeds give the same headers, the same embedded time zone and
the same caching, so a subscriber's calendar app treats them alike.

- UIDs name the site's own host name (its Site record), never the request's: the site answers to
  more than one name (www or not, an IP address), and a subscriber who reached it by two would
  otherwise get every entry twice.
- The VTIMEZONE gives Eastern time by its rules (second Sunday of March, first Sunday of November,
  as in the United States since 2007), not as a list of dates: a group's rule with no end date meets
  for ever, and a client that trusts the embedded zone (as RFC 5545 lets it) places every meeting of
  every year right, however far ahead.
"""

import datetime

from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from icalendar import Calendar, Timezone, TimezoneDaylight, TimezoneStandard, vRecur
from wagtail.models import Site

from home.local_time import TIMEZONE_NAME

# Calendar apps and directories may keep a feed for 15 minutes (docs/api.md).
FEED_MAX_AGE = 60 * 15


def new_calendar(name, prodid):
    """An empty calendar with the headers every feed of the site gives (the events' too)."""
    calendar = Calendar()
    calendar.add("prodid", prodid)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIMEZONE_NAME)
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


def eastern_time():
    """America/New_York by its daylight-saving rules, valid for every year from 2007 on."""
    zone = Timezone()
    zone.add("tzid", TIMEZONE_NAME)
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


def calendar_response(body, filename):
    """An .ics answer any cache may keep for FEED_MAX_AGE; a download when `filename` is given."""
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    return response
