"""Support groups for other areas' templates, and how meetings read on the page.

    {% load groups_tags %}
    {% upcoming_groups count=3 %}
    {% groups_for_topics topics count=3 heading="Find a group for this" %}
    {% groups_led_by person_id count=6 heading="Groups they lead" %}

Both render nothing when there is nothing to show, in a fixed number of queries.
"""

from django import template
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import timezone

from groups import next_meetings, schedule
from groups.choices import GroupStatus
from groups.models import SupportGroupIndexPage, SupportGroupPage
from groups.next_meetings import STALE
from home.content_version import for_request, remember_until

register = template.Library()


def _groups_soonest_first(queryset, count):
    """The `count` groups of `queryset` meeting soonest, sorted by their stored next meeting in the database."""

    def soonest(after=None):
        groups = (
            queryset.readable()
            .exclude(status=GroupStatus.PAUSED)
            .filter(next_meeting_start__isnull=False)
            .select_related("venue", "image")
            .order_by("next_meeting_start", "title")
        )
        if after is not None:
            groups = groups.filter(next_meeting_start__gte=after)
        return list(groups[:count])

    upcoming = soonest()
    if upcoming and upcoming[0].stored_next_meeting() is STALE:
        # A meeting has begun since it was stored: store the next ones, then ask again.
        next_meetings.refresh_stale()
        upcoming = soonest(after=timezone.now())
    # A card without a picture shows its first topic instead.
    prefetch_related_objects([group for group in upcoming if not group.image_id], "topics")
    return upcoming


def groups_meeting_soonest(count=3):
    """The `count` groups meeting soonest (the home page's section)."""
    return _groups_soonest_first(SupportGroupPage.objects.all(), count)


def _finder(request):
    """The finder's URL (asked only while a section is built: the section is what is kept)."""
    finder = SupportGroupIndexPage.objects.readable().only("id", "url_path", "path", "depth", "title").first()
    return finder.get_url(request) if finder else ""


def _cached_section(name, template_name, context_for, request, *parts):
    """The section's HTML, kept until content changes or the first meeting it shows begins
    (then that group's next meeting is another, and the order may change): the home page,
    articles and community pages render it from the cache rather than from the database."""

    def build():
        context = {**context_for(), "request": request}
        html = render_to_string(template_name, context, request=request)
        starts = [group.next_meeting_start for group in context["groups"] if group.next_meeting_start]
        return html, min(starts, default=None)

    return remember_until(name, build, *for_request(request), *parts)


@register.simple_tag(takes_context=True)
def upcoming_groups(context, count=3):
    """The groups meeting soonest, for the home page."""
    request = context.get("request")

    def section():
        groups = groups_meeting_soonest(count)
        return {"groups": groups, "finder_url": _finder(request) if groups else ""}

    return _cached_section("upcoming-groups", "groups/tags/upcoming_groups.html", section, request, count)


@register.simple_tag(takes_context=True)
def groups_for_topics(context, topics, count=3, heading="Find a group for this"):
    """Groups on any of `topics` (Topic objects or ids), soonest first: for articles and community pages."""
    if hasattr(topics, "get_queryset"):  # a related manager, e.g. page.topics
        topics = topics.all()
    # A queryset is iterated as it is: calling .all() on a prefetched one would drop its filter.
    ids = sorted({getattr(topic, "pk", topic) for topic in (topics or [])})
    if not ids:
        return ""

    def section():
        queryset = SupportGroupPage.objects.filter(pk__in=SupportGroupPage.objects.filter(topics__in=ids).values("pk"))
        return {"groups": _groups_soonest_first(queryset, count), "heading": heading}

    return _cached_section(
        "groups-for-topics",
        "groups/tags/groups_for_topics.html",
        section,
        context.get("request"),
        count,
        heading,
        ",".join(str(pk) for pk in ids),
    )


@register.simple_tag(takes_context=True)
def groups_led_by(context, person_id, count=6, heading="Groups they lead"):
    """Groups a person (a Person's id) facilitates, soonest first: for a counselor's page."""
    try:
        person_id = int(person_id)
    except (TypeError, ValueError):
        return ""

    def section():
        led = SupportGroupPage.objects.filter(facilitators__person_id=person_id).values("pk")
        return {"groups": _groups_soonest_first(SupportGroupPage.objects.filter(pk__in=led), count), "heading": heading}

    template_name = "groups/tags/groups_for_topics.html"
    return _cached_section("groups-led-by", template_name, section, context.get("request"), count, heading, person_id)


@register.filter
def meeting_when(meeting):
    """'Tuesday, March 4, 6:30pm to 8pm'."""
    return schedule.format_meeting(meeting) if meeting else ""


@register.filter
def friendly_date(value):
    return schedule.format_date(value) if value else ""
