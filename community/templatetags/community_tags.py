"""Community content for other pages: `{% load community_tags %}`.

`{% community_highlights count=3 %}`: the latest Asheville community pages as
cards, for the home page. Renders nothing when there are none; a fixed number
of queries whatever the count.

`{% local_crisis_help %}`: every area's crisis help, by area (the Get help now
page); `{% local_crisis_help area_id=page.area_id %}`: the crisis help of an area
and of the larger areas it sits in, nearest first (a community page). Two queries
however many areas and services, kept as HTML until content changes.
"""

from django import template
from django.template.loader import render_to_string

from community.models import CommunityIndexPage, CommunityPage, crisis_help_by_area
from home.content_version import for_request, remember

register = template.Library()

HIGHLIGHTS_MAX = 12


@register.simple_tag(takes_context=True)
def community_highlights(context, count=3):
    """The section's HTML, kept until any content changes: the home page renders it from the cache."""
    request = context.get("request")
    count = max(1, min(int(count), HIGHLIGHTS_MAX))

    def build():
        pages = CommunityPage.objects.for_readers(request)
        index = CommunityIndexPage.objects.for_readers(request)
        # The pictures' renditions come from Wagtail's rendition cache, without a query.
        items = list(pages.select_related("area", "image").order_by("-first_published_at", "-pk")[:count])
        section = {"request": request, "items": items, "index_url": _index_url(request, index) if items else ""}
        return render_to_string("community/tags/community_highlights.html", section, request=request)

    return remember("community-highlights", build, *for_request(request), count)


def _index_url(request, indexes):
    """The community index's URL (asked only while the section is built: the section is what is kept)."""
    index = indexes.first()
    return index.get_url(request) if index else ""


@register.simple_tag(takes_context=True)
def local_crisis_help(context, area_id=None, heading=""):
    """Local crisis help as HTML; nothing when no area (or none on the trail) has any."""
    request = context.get("request")

    def build():
        title = heading or ("Crisis help around here" if area_id else "Local crisis help")
        section = {"areas": crisis_help_by_area(area_id), "heading": title, "prefix": "crisis-help"}
        return render_to_string("community/tags/local_crisis_help.html", section, request=request)

    return remember("local-crisis-help", build, *for_request(request), area_id or "", heading)
