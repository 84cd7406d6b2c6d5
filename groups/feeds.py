"""The groups' calendar (.ics) and Meeting Guide (JSON) feeds: plain views that read the group pages.

Plain Django views rather than page routes, because Wagtail's page URLs always
end in a slash and feeds end in .ics and .json (groups/urls.py). The finder and
group pages handle their own requests (groups/models/pages.py).
"""

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from groups.calendar import build_calendar
from groups.choices import GroupStatus
from groups.meeting_guide import meeting_guide_feed as build_meeting_guide
from groups.models import SupportGroupIndexPage, SupportGroupPage
from home.models import SiteSettings

FEED_MAX_AGE = 60 * 15


def feed_paths(page):
    """The feeds that show `page` (a group or the finder), for the front cache's purges (home/frontend_cache.py)."""
    if isinstance(page, SupportGroupPage):
        return [reverse("groups:calendar"), reverse("groups:meeting_guide"), page.get_calendar_path()]
    if isinstance(page, SupportGroupIndexPage):
        return [reverse("groups:calendar"), reverse("groups:meeting_guide")]
    return []


def _feed_groups(queryset):
    return [group for group in queryset.select_related("venue") if group.status != GroupStatus.PAUSED]


def _site_finder(request):
    finder = SupportGroupIndexPage.objects.for_readers(request).first()
    if finder is None:
        raise Http404("There is no group finder on this site.")
    return finder


@require_GET
def finder_calendar(request):
    """A calendar of every group, or of the finder's filter: `calendar.ics?topic=grief&day=tuesday`."""
    index = _site_finder(request)
    form = index.filter_form(request)
    groups = _feed_groups(form.filter(index.get_groups()))
    practice = SiteSettings.load(request_or_site=request)
    described = form.describe()
    name = f"{practice.practice_name}: support groups" + (f" ({described})" if described else "")
    calendar = build_calendar(groups, request, name)
    return _calendar_response(calendar, filename=None)


@require_GET
def group_calendar(request, pk):
    group = get_object_or_404(
        SupportGroupPage.objects.readable()
        .select_related("venue")
        .prefetch_related("meeting_rules", "cancelled_meetings"),
        pk=pk,
    )
    calendar = build_calendar([group], request, group.title)
    return _calendar_response(calendar, filename=f"{group.slug}.ics")


def _calendar_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    return response


@require_GET
def meeting_guide_feed(request):
    """Meeting Guide JSON: every weekly group; no parameters, as the spec asks."""
    groups = _site_finder(request).get_groups()
    response = JsonResponse(build_meeting_guide(groups, request), safe=False, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    return response
