"""What a page takes from the cache while it renders: never stale, and no more trips than it needs.

The sections other areas show (latest articles, community highlights, groups meeting soon, groups
and articles on a page's topics), an article's body and its "Discover more" choice are kept until
any content changes (home/content_version.py); the groups' sections also until their first
meeting begins (tests/groups/test_next_meeting.py).
"""

from http import HTTPStatus
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Filter

from blog.factories import ArticleIndexPageFactory, ArticlePageFactory
from home import content_version
from home.factories import ImageFactory
from home.models import SiteRendition

pytestmark = pytest.mark.django_db


def test_a_rendition_read_from_the_cache_is_not_written_back():
    """Wagtail wrote every rendition it found in the cache back to it: a write per picture per request."""
    image = ImageFactory()
    first = image.get_rendition("fill-100x100")
    backend = SiteRendition.cache_backend
    with mock.patch.object(backend, "set") as set_one, mock.patch.object(backend, "set_many") as set_many:
        again = type(image).objects.get(pk=image.pk).get_rendition("fill-100x100")
        renditions = type(image).objects.get(pk=image.pk).get_renditions("fill-100x100", "fill-50x50")
    assert again.pk == first.pk == renditions["fill-100x100"].pk
    assert not set_one.called
    # Only the one just made goes to the cache.
    made = SiteRendition.construct_cache_key(image, Filter("fill-50x50").get_cache_key(image), "fill-50x50")
    assert [list(call.args[0]) for call in set_many.call_args_list] == [[made]]


def test_the_content_generation_is_read_once_per_request(client, demo_site):
    client.get("/")
    reads = []
    real_get = cache.get

    def counting_get(key, *args, **kwargs):
        if key == content_version.GENERATION_KEY:
            reads.append(key)
        return real_get(key, *args, **kwargs)

    with mock.patch.object(cache, "get", counting_get):
        client.get("/articles/finding-strength-together/")
    assert len(reads) == 1


def test_a_section_shows_new_content_at_once(client, site_root):
    index = ArticleIndexPageFactory(parent=site_root, slug="articles")
    ArticlePageFactory(parent=index, title="The first article")
    assert "The first article" in client.get("/").content.decode()
    with CaptureQueriesContext(connection) as context:
        client.get("/")
    assert not any('"blog_articlepage"' in query["sql"] for query in context.captured_queries)

    ArticlePageFactory(parent=index, title="A second article")
    assert "A second article" in client.get("/").content.decode()


def test_an_article_body_and_its_discover_more_follow_the_content(client, site_root):
    index = ArticleIndexPageFactory(parent=site_root, slug="articles")
    article = ArticlePageFactory(parent=index, slug="kept")
    client.get(article.url)
    ArticlePageFactory(parent=index, title="Published after")
    assert "Published after" in client.get(article.url).content.decode()

    page = type(article).objects.get(pk=article.pk)
    page.body = [("paragraph", "<p>A sentence written later.</p>")]
    page.save_revision().publish()
    assert "A sentence written later." in client.get(article.url).content.decode()


def test_with_the_cache_silent_a_request_asks_for_the_generation_once(client, demo_site):
    """Redis that does not answer costs its timeout at each question: a page asks once, then builds
    every part from the database (`remember` without a generation)."""
    asked = []

    def silent_get(key, default=None, *args, **kwargs):
        asked.append(key)
        return default

    with mock.patch.object(cache, "get", silent_get), mock.patch.object(cache, "add", return_value=False):
        response = client.get("/articles/finding-strength-together/")
    assert response.status_code == HTTPStatus.OK
    assert asked.count(content_version.GENERATION_KEY) == 2  # asked, not there, asked again after the add
