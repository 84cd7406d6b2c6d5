"""Articles shown on other areas' pages: `{% load blog_tags %}`.

- `{% latest_articles count=3 %}`: the newest articles, for the home page.
- `{% articles_for_topics topics count=3 exclude=None heading="Read more" %}`: the newest
  articles on any of `topics` (Topic objects or their ids, a list or a queryset),
  leaving out `exclude` (an article or its id, or a list of them).

Each renders a full-width section, or nothing when there is no article to show,
and costs the same few queries however many articles there are.
"""

from django import template
from django.utils.text import slugify
from wagtail.models import Site

from blog.models import ArticleIndexPage, ArticlePage
from blog.queries import prefetch_cards
from home.content_version import remember

register = template.Library()

MAX_COUNT = 12


def _count(value, default=3):
    try:
        return min(max(int(value), 1), MAX_COUNT)
    except (TypeError, ValueError):
        return default


def _index_url(request):
    """The articles index's URL, from the cache until any content changes (home/content_version.py)."""
    site = Site.find_for_request(request) if request is not None else None

    def build():
        indexes = ArticleIndexPage.objects.live()
        if site is not None:
            indexes = indexes.in_site(site)
        index = indexes.first()
        return index.get_url(request) if index else ""

    return remember("articles-index-url", build, site.pk if site else "", request.get_host() if request else "")


def _article_list(request, articles, heading, heading_id):
    articles = prefetch_cards(list(articles))
    return {
        "request": request,
        "articles": articles,
        "heading": heading,
        "heading_id": heading_id,
        "more_url": _index_url(request) if articles else "",
    }


@register.inclusion_tag("blog/tags/article_list.html", takes_context=True)
def latest_articles(context, count=3, heading="Latest articles"):
    request = context.get("request")
    articles = ArticlePage.objects.for_readers(request).for_cards().newest_first()[: _count(count)]
    return _article_list(request, articles, heading, "latest-articles")


@register.inclusion_tag("blog/tags/article_list.html", takes_context=True)
def articles_for_topics(context, topics, count=3, exclude=None, heading="Read more"):
    request = context.get("request")
    articles = (
        ArticlePage.objects.for_readers(request)
        .for_cards()
        .on_topics(topics)
        .excluding(exclude)
        .newest_first()[: _count(count)]
    )
    return _article_list(request, articles, heading, f"articles-{slugify(heading) or 'read-more'}")
