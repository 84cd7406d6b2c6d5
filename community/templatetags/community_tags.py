"""Community content for other pages: `{% load community_tags %}`.

`{% community_highlights count=3 %}`: the latest Asheville community pages as
cards, for the home page. Renders nothing when there are none; a fixed number
of queries whatever the count.
"""

from django import template
from django.template.loader import render_to_string

from community.models import CommunityIndexPage, CommunityPage
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
