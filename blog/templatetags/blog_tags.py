"""Articles shown on other areas' pages: `{% load blog_tags %}`.

- `{% latest_articles count=3 %}`: the newest articles, for the home page.
- `{% articles_for_topics topics count=3 exclude=None heading="Read more" %}`: the newest
  articles on any of `topics` (Topic objects or their ids, a list or a queryset),
  leaving out `exclude` (an article or its id, or a list of them).
- `{% articles_by person_id count=3 heading="Articles they wrote" %}`: the newest articles a
  person (a Person's id) wrote, for a counselor's page.

Each renders a full-width section, or nothing when there is no article to show,
and costs the same few queries however many articles there are.
"""

from django import template
from django.template.loader import render_to_string
from django.utils.text import slugify
from wagtail.models import Site

from blog.models import ArticleIndexPage, ArticlePage
from blog.queries import ids_of, prefetch_cards
from home.content_version import for_request, remember

register = template.Library()

MAX_COUNT = 12


def _count(value, default=3):
    try:
        return min(max(int(value), 1), MAX_COUNT)
    except (TypeError, ValueError):
        return default


def _index_url(request):
    """The articles index's URL (asked only while a section is built: the section is what is kept)."""
    site = Site.find_for_request(request) if request is not None else None
    indexes = ArticleIndexPage.objects.live()
    if site is not None:
        indexes = indexes.in_site(site)
    index = indexes.first()
    return index.get_url(request) if index else ""


def _article_list(request, articles, heading, heading_id, *parts):
    """The section's HTML, kept until any content changes: the home page and the pages that list
    articles on their topics render it from the cache rather than from the database."""

    def build():
        cards = prefetch_cards(list(articles))
        context = {
            "request": request,
            "articles": cards,
            "heading": heading,
            "heading_id": heading_id,
            "more_url": _index_url(request) if cards else "",
        }
        return render_to_string("blog/tags/article_list.html", context, request=request)

    return remember("article-list", build, *for_request(request), heading, *parts)


@register.simple_tag(takes_context=True)
def latest_articles(context, count=3, heading="Latest articles"):
    request = context.get("request")
    count = _count(count)
    articles = ArticlePage.objects.for_readers(request).for_cards().newest_first()[:count]
    return _article_list(request, articles, heading, "latest-articles", "latest", count)


@register.simple_tag(takes_context=True)
def articles_for_topics(context, topics, count=3, exclude=None, heading="Read more"):
    request = context.get("request")
    count = _count(count)
    topic_ids, excluded = sorted(set(ids_of(topics))), sorted(set(ids_of(exclude)))
    articles = (
        ArticlePage.objects.for_readers(request)
        .for_cards()
        .on_topics(topic_ids)
        .excluding(excluded)
        .newest_first()[:count]
    )
    parts = ("topics", count, ",".join(map(str, topic_ids)), ",".join(map(str, excluded)))
    return _article_list(request, articles, heading, f"articles-{slugify(heading) or 'read-more'}", *parts)


@register.simple_tag(takes_context=True)
def articles_by(context, person_id, count=3, heading="Articles they wrote"):
    request = context.get("request")
    count = _count(count)
    try:
        person_id = int(person_id)
    except (TypeError, ValueError):
        return ""
    written = ArticlePage.objects.filter(authors__person_id=person_id).values("pk")
    articles = ArticlePage.objects.for_readers(request).for_cards().filter(pk__in=written).newest_first()[:count]
    return _article_list(request, articles, heading, f"articles-{slugify(heading) or 'by'}", "by", count, person_id)
