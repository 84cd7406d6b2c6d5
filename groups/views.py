"""What the finder and group pages do with a request: filter, join, thank, and give calendars and feeds."""

import datetime

from django.conf import settings
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import urlencode
from django.views.decorators.http import require_GET
from wagtail.models import Site

from groups import schedule
from groups.calendar import build_calendar
from groups.choices import GroupStatus, JoinRequestStatus
from groups.forms import FinderForm, JoinRequestForm
from groups.meeting_guide import meeting_guide_feed as build_meeting_guide
from groups.models import GroupFacilitator, SupportGroupIndexPage, SupportGroupPage
from home.forms import too_many_submissions
from home.models import SiteSettings, Topic
from home.notifications import notify_staff
from home.pagination import get_page_number

FEED_MAX_AGE = 60 * 15


def _finder_form(request, index):
    topics = Topic.objects.filter(support_groups__in=index.get_groups().values("pk")).distinct().order_by("name")
    bound = any(name in request.GET for name in FinderForm.base_fields)
    return FinderForm(request.GET if bound else None, topics=topics)


def _without_ignored(form):
    """The form as shown again: the values that were not understood are dropped, not flagged as errors."""
    if not form.errors:
        return form
    data = form.data.copy()
    for name in form.errors:
        data.pop(name, None)
    return FinderForm(data, topics=form.fields["topic"].queryset)


def _sort_key(group):
    meeting = group.next_meeting
    far = datetime.datetime.max.replace(tzinfo=datetime.UTC)
    return (meeting is None, meeting.start if meeting else far, group.title.lower())


def _filtered_groups(form, index):
    groups = index.get_groups()
    if form.is_bound:
        groups = form.filter_queryset(groups)
    return groups


def finder(request, index):
    """The finder: filters in the query string, results soonest first, paginated.

    Next meetings are computed in Python from rules prefetched for every match,
    then topics and image renditions are prefetched for the page shown: the
    number of queries does not grow with the number of groups.
    """
    form = _finder_form(request, index)
    groups = sorted(_filtered_groups(form, index), key=_sort_key)
    page_obj = get_page_number(request, Paginator(groups, index.groups_per_page))
    prefetch_related_objects(page_obj.object_list, "topics", "image__renditions")
    query = urlencode(
        sorted((k, v) for k, v in request.GET.items() if k in FinderForm.base_fields and k not in form.errors)
    )
    calendar_path = reverse("groups:calendar") + (f"?{query}" if query else "")
    response = index.render(
        request,
        context_overrides={
            "form": _without_ignored(form),
            "filtered": bool(form.filters),
            "filters_text": form.describe(),
            "ignored": form.ignored,
            "more_filters": any(name in form.filters for name in ("audience", "led_by", "free", "open")),
            "page_obj": page_obj,
            "groups": page_obj.object_list,
            "total": len(groups),
            "calendar_url": request.build_absolute_uri(calendar_path),
            "webcal_url": "webcal://" + request.get_host() + calendar_path,
            "meeting_guide_url": request.build_absolute_uri(reverse("groups:meeting_guide")),
        },
    )
    return response


def _feed_groups(queryset):
    return [group for group in queryset.select_related("venue") if group.status != GroupStatus.PAUSED]


def _site_finder(request):
    site = Site.find_for_request(request)
    finders = SupportGroupIndexPage.objects.live().public()
    if site is not None:
        finders = finders.in_site(site)
    finder = finders.first()
    if finder is None:
        raise Http404("There is no group finder on this site.")
    return finder


@require_GET
def finder_calendar(request):
    """A calendar of every group, or of the finder's filter: `calendar.ics?topic=grief&day=tuesday`."""
    index = _site_finder(request)
    form = _finder_form(request, index)
    groups = _feed_groups(_filtered_groups(form, index))
    practice = SiteSettings.load(request_or_site=request)
    described = form.describe()
    name = f"{practice.practice_name}: support groups" + (f" ({described})" if described else "")
    calendar = build_calendar(groups, request, name)
    return _calendar_response(calendar, filename=None)


@require_GET
def group_calendar(request, pk):
    group = get_object_or_404(
        SupportGroupPage.objects.live()
        .public()
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


def group_page(request, group):
    """The group page; its join form posts back here and, once saved, redirects to the thank-you page."""
    if not getattr(request, "is_preview", False):
        prefetch_related_objects(
            [group],
            "topics",
            "meeting_rules",
            "cancelled_meetings",
            Prefetch("facilitators", queryset=GroupFacilitator.objects.select_related("person", "person__photo")),
        )
    status = 200
    rate_limited = False
    form = JoinRequestForm(group=group) if group.accepts_requests else None
    if request.method == "POST" and group.accepts_requests:
        form = JoinRequestForm(request.POST, group=group)
        if too_many_submissions(request, "join"):
            rate_limited = True
            status = 429
        elif form.is_spam():
            # Look like success to the bot; save nothing and tell no one.
            return redirect(group.url + group.reverse_subpage("thank_you"))
        elif form.is_valid():
            join_request = form.save_request()
            transaction.on_commit(_notify)
            url = group.url + group.reverse_subpage("thank_you")
            if join_request.status == JoinRequestStatus.WAITLISTED:
                url += "?" + urlencode({"list": "waiting"})
            return redirect(url)
        else:
            status = 400
    response = group.render(
        request,
        context_overrides={
            "form": form,
            "rate_limited": rate_limited,
            "retention_days": settings.JOIN_REQUEST_RETENTION_DAYS,
            "calendar_url": group.get_calendar_path(),
            "webcal_url": "webcal://" + request.get_host() + group.get_calendar_path(),
        },
    )
    response.status_code = status
    # A page with a form and a CSRF token is never cached by a shared cache.
    patch_cache_control(response, private=True, no_cache=True)
    patch_vary_headers(response, ["Cookie"])
    return response


def _notify():
    notify_staff(
        "New request to join a support group",
        "A request to join a support group",
        reverse("groups_joinrequest_modeladmin_index"),
    )


def thank_you(request, group):
    waitlisted = request.GET.get("list") == "waiting"
    reply_by = add_working_days(schedule.now_local().date(), 2)
    return group.render(
        request,
        template="groups/thank_you.html",
        context_overrides={"waitlisted": waitlisted, "reply_by": reply_by},
    )


def add_working_days(start, days):
    """The date `days` working days (Monday to Friday) after `start`."""
    current = start
    while days:
        current += datetime.timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current
