"""What the counselors app gives other areas' templates: a link from a person to their counselor page.

`{% load counselors_tags %}{% counselor_url person.pk as url %}` on an article's byline or a group's
facilitators: the address of the person's live, public counselor page, or "" when they have none.
Every counselor's address is read in one query and kept until any content changes, so a page
naming many people costs no query per person (and none at all once warm).
"""

from django import template

from counselors.models import CounselorPage
from home.content_version import for_request, remember

register = template.Library()


def counselor_urls(request=None):
    """{person id: the address of their counselor page} for every live, public counselor page."""

    def build():
        pages = CounselorPage.objects.readable().filter(person__isnull=False).order_by("path")
        urls = {}
        for page in pages.only("id", "path", "depth", "url_path", "person_id"):
            urls.setdefault(page.person_id, page.get_url(request) or "")
        return urls

    return remember("counselor-urls", build, *for_request(request))


@register.simple_tag(takes_context=True)
def counselor_url(context, person_id):
    """The address of this person's counselor page, or ""."""
    if not person_id:
        return ""
    return counselor_urls(context.get("request")).get(person_id, "")
