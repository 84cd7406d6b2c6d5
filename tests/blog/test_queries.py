"""Listings fetch what they show up front: the same number of queries for 10 articles and for 100.

The cache is emptied before each measured request, so image renditions that a
listing forgot to prefetch would show up as queries rather than hide in the cache.
Article bodies hold an image and a chosen page, which API listings give in full.
(A link to a page inside rich text still costs two queries per article in an API
listing of bodies: Wagtail resolves those links one text at a time.)
"""

from http import HTTPStatus

import pytest
from django.core.cache import cache
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from blog.factories import ArticlePageFactory, RelatedArticleFactory
from blog.models import ArticlePage
from home.factories import ImageFactory, PersonFactory, TopicFactory

pytestmark = pytest.mark.django_db


def body(image, page):
    """A body with what costs queries to show in the API: a chosen image and a chosen page."""
    return [
        {"type": "heading", "value": {"text": "A heading", "size": "h2"}},
        {"type": "paragraph", "value": "<p>Text with <b>bold</b> and <a href='https://example.com/'>a link</a>.</p>"},
        {"type": "image", "value": {"image": {"image": image.pk, "alt_text": "", "decorative": False}, "caption": ""}},
        {
            "type": "call_to_action",
            "value": {"heading": "Talk to us", "text": "", "button_label": "Go", "page": page.pk, "url": ""},
        },
    ]


@pytest.fixture
def add_articles(index, anxiety, grief):
    topics = [anxiety, grief, TopicFactory()]
    people = PersonFactory.create_batch(3)
    images = ImageFactory.create_batch(3)

    def add(count):
        first = ArticlePage.objects.order_by("pk").first()
        for n in range(count):
            article = ArticlePageFactory(
                parent=index,
                topics=topics[: 1 + n % 3],
                people=people[: 1 + n % 3],
                hero_image=images[n % 3],
                body=body(images[(n + 1) % 3], index),
            )
            if first is not None:
                RelatedArticleFactory(page=article, article=first)
            first = first or article

    return add


def count_queries(client, url):
    assert client.get(url).status_code == HTTPStatus.OK  # warm: renditions made, caches filled
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    return len(queries)


def render_tag_queries(source):
    request = RequestFactory().get("/")
    template = Template("{% load blog_tags %}" + source)
    context = Context({"request": request, "topics": ArticlePage.objects.first().topics.all()})
    template.render(context)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        html = template.render(context)
    assert "card__title" in html
    return len(queries)


def measure(client):
    article = ArticlePage.objects.order_by("pk").first()
    urls = [
        "/",
        "/articles/",
        "/articles/?topic=anxiety",
        article.url,
        "/articles/feed/",
        "/articles/feed/anxiety/",
        "/api/v2/pages/?type=blog.ArticlePage&fields=*",
        "/api/v2/pages/?type=blog.ArticlePage&topic=grief&fields=*",
        f"/api/v2/pages/{article.pk}/",
        f"/api/v3/pages/{article.pk}/",
    ]
    counts = {url: count_queries(client, url) for url in urls}
    counts["{% latest_articles %}"] = render_tag_queries("{% latest_articles count=6 %}")
    counts["{% articles_for_topics %}"] = render_tag_queries("{% articles_for_topics topics count=6 %}")
    return counts


def test_query_counts_do_not_grow_with_the_number_of_articles(client, practice, add_articles):
    add_articles(10)
    with_10 = measure(client)
    add_articles(90)
    with_100 = measure(client)
    assert with_100 == with_10
