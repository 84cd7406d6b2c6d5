"""Support groups for other areas' templates, and how meetings read on the page.

    {% load groups_tags %}
    {% upcoming_groups count=3 %}
    {% groups_for_topics topics count=3 heading="Find a group for this" %}

Both render nothing when there is nothing to show, in a fixed number of queries.
"""

from django import template
from django.db.models import prefetch_related_objects

from groups import schedule
from groups.choices import GroupStatus
from groups.models import SupportGroupIndexPage, SupportGroupPage

register = template.Library()


def _groups_soonest_first(queryset, count):
    groups = (
        queryset.readable()
        .exclude(status=GroupStatus.PAUSED)
        .select_related("venue", "image")
        .prefetch_related("meeting_rules", "cancelled_meetings")
    )
    upcoming = sorted((g for g in groups if g.next_meeting), key=lambda g: (g.next_meeting.start, g.title))[:count]
    prefetch_related_objects(upcoming, "topics", "image__renditions")
    return upcoming


def _finder():
    return SupportGroupIndexPage.objects.readable().only("id", "url_path", "path", "depth", "title").first()


@register.inclusion_tag("groups/tags/upcoming_groups.html", takes_context=True)
def upcoming_groups(context, count=3):
    """The groups meeting soonest, for the home page."""
    groups = _groups_soonest_first(SupportGroupPage.objects.all(), count)
    return {"groups": groups, "finder": _finder() if groups else None, "request": context.get("request")}


@register.inclusion_tag("groups/tags/groups_for_topics.html", takes_context=True)
def groups_for_topics(context, topics, count=3, heading="Find a group for this"):
    """Groups on any of `topics` (Topic objects or ids), soonest first: for articles and community pages."""
    if hasattr(topics, "get_queryset"):  # a related manager, e.g. page.topics
        topics = topics.all()
    # A queryset is iterated as it is: calling .all() on a prefetched one would drop its filter.
    ids = [getattr(topic, "pk", topic) for topic in (topics or [])]
    groups = []
    if ids:
        queryset = SupportGroupPage.objects.filter(pk__in=SupportGroupPage.objects.filter(topics__in=ids).values("pk"))
        groups = _groups_soonest_first(queryset, count)
    return {"groups": groups, "heading": heading, "request": context.get("request")}


@register.filter
def meeting_when(meeting):
    """'Tuesday, March 4, 6:30pm to 8pm'."""
    return schedule.format_meeting(meeting) if meeting else ""


@register.filter
def friendly_date(value):
    return schedule.format_date(value) if value else ""
