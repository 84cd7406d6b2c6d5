"""The groups' calendar (.ics) and Meeting Guide (JSON) feeds: plain views that read the group pages.

Plain Django views rather than page routes, because Wagtail's page URLs always
end in a slash and feeds end in .ics and .json (groups/urls.py). The finder and
group pages handle their own requests (groups/models/pages.py).
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from groups import schedule
from groups.calendar import build_calendar
from groups.choices import GroupStatus
from groups.meeting_guide import meeting_guide_feed as build_meeting_guide
from groups.models import SupportGroupIndexPage, SupportGroupPage
from home.calendar import FEED_MAX_AGE, calendar_response
from home.content_version import remember
from home.models import SiteSettings
from home.near_me import keep_position_out_of_caches

FEED_CACHE_SECONDS = 60 * 60


def feed_paths(page):
    """The feeds that show `page` (a group or the finder), for the front cache's purges (home/frontend_cache.py)."""
    if isinstance(page, SupportGroupPage):
        return [reverse("groups:calendar"), reverse("groups:meeting_guide"), page.get_calendar_path()]
    if isinstance(page, SupportGroupIndexPage):
        return [reverse("groups:calendar"), reverse("groups:meeting_guide")]
    return []


def _feed_groups(queryset):
    groups = queryset.select_related("venue").prefetch_related("meeting_rules", "cancelled_meetings")
    return [group for group in groups if group.status != GroupStatus.PAUSED]


def _site_finder(request):
    finder = SupportGroupIndexPage.objects.for_readers(request).first()
    if finder is None:
        raise Http404("There is no group finder on this site.")
    return finder


def _cached_feed(request, name, build, *parts):
    """A feed's body, built once until any content changes or the day changes.

    The feeds list every group, so building one takes longer the more groups there are;
    kept in the cache (keyed by home.content_version's generation), a request costs the same
    whatever their number. The day is in the key: a rule that has ended leaves the Meeting
    Guide feed. The feeds hold no next meeting (the calendar gives the rules themselves), so a
    meeting beginning does not change them. The host is in the key, as the feeds' links carry it.
    """
    today = schedule.now_local().date().isoformat()
    return remember(
        f"groups-feed-{name}", build, request.scheme, request.get_host(), today, *parts, timeout=FEED_CACHE_SECONDS
    )


@require_GET
def finder_calendar(request):
    """A calendar of every group, or of the finder's filter: `calendar.ics?topic=grief&day=tuesday`."""
    index = _site_finder(request)
    form = index.filter_form(request)

    def build():
        groups = _feed_groups(form.filter(index.get_groups()))
        practice = SiteSettings.load(request_or_site=request)
        described = form.describe()
        name = f"{practice.practice_name}: support groups" + (f" ({described})" if described else "")
        return build_calendar(groups, request, name).to_ical()

    body = _cached_feed(request, "calendar", build, urlencode(form.query_items()))
    return keep_position_out_of_caches(request, calendar_response(body, filename=None))


@require_GET
def group_calendar(request, pk):
    group = get_object_or_404(
        SupportGroupPage.objects.readable()
        .select_related("venue")
        .prefetch_related("meeting_rules", "cancelled_meetings"),
        pk=pk,
    )
    calendar = build_calendar([group], request, group.title)
    return calendar_response(calendar.to_ical(), filename=f"{group.slug}.ics")


@require_GET
def meeting_guide_feed(request):
    """Meeting Guide JSON: every weekly group; no parameters, as the spec asks."""

    def build():
        groups = _feed_groups(_site_finder(request).get_groups())
        return json.dumps(build_meeting_guide(groups, request), cls=DjangoJSONEncoder, ensure_ascii=False)

    body = _cached_feed(request, "meeting-guide", build)
    response = HttpResponse(body, content_type="application/json")
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    return response
