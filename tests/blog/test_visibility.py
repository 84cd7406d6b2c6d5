"""Drafts, private and scheduled articles: never in the index, feeds, sitemap, search or APIs before their time."""

import datetime
from http import HTTPStatus
from xml.etree import ElementTree

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from blog.factories import ArticlePageFactory
from blog.models import ArticlePage

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def in_index(client, article):
    return article.title in client.get("/articles/").content.decode()


def in_feed(client, article):
    return article.title in client.get("/articles/feed/").content.decode()


def in_sitemap(client, article):
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    return article.get_full_url() in {loc.text for loc in root.findall(".//sm:loc", SITEMAP_NS)}


def in_search(client, article):
    return article.title in client.get("/search/", {"query": "Zephyrine"}).content.decode()


def in_api(version):
    def in_api_version(client, article):
        listing = client.get(f"/api/{version}/pages/", {"type": "blog.ArticlePage"}).json()["items"]
        listed = article.title in [item["title"] for item in listing]
        found = client.get(f"/api/{version}/pages/{article.pk}/").status_code == HTTPStatus.OK
        assert listed == found
        return listed

    in_api_version.__name__ = f"in_api_{version}"
    return in_api_version


CHANNELS = [in_index, in_feed, in_sitemap, in_search, in_api("v2"), in_api("v3")]


@pytest.fixture
def live_article(index):
    return ArticlePageFactory(parent=index, slug="live", title="Zephyrine live article")


@pytest.mark.parametrize("channel", CHANNELS, ids=lambda channel: channel.__name__)
def test_a_live_public_article_is_everywhere(client, live_article, channel):
    assert channel(client, live_article)


@pytest.mark.parametrize("channel", CHANNELS, ids=lambda channel: channel.__name__)
def test_drafts_are_nowhere(client, index, live_article, channel):
    draft = ArticlePageFactory.build(slug="draft", title="Zephyrine draft article", live=False, people=[])
    index.add_child(instance=draft)
    draft.save_revision()
    assert not channel(client, draft)


@pytest.mark.parametrize("restriction_type", ["password", "login"])
@pytest.mark.parametrize("channel", CHANNELS, ids=lambda channel: channel.__name__)
def test_private_articles_are_nowhere(client, index, live_article, channel, restriction_type):
    private = ArticlePageFactory(parent=index, slug="private", title="Zephyrine private article")
    PageViewRestriction.objects.create(page=private, restriction_type=restriction_type, password="pw")
    assert not channel(client, private)


def test_a_scheduled_article_appears_only_once_publish_scheduled_runs_after_its_time(client, index, live_article):
    go_live = timezone.now() + datetime.timedelta(hours=3)
    article = ArticlePageFactory.build(
        slug="scheduled", title="Zephyrine scheduled article", live=False, date=None, people=[]
    )
    article.go_live_at = go_live
    index.add_child(instance=article)
    article.save_revision().publish()
    article.refresh_from_db()
    assert not article.live
    assert not any(channel(client, article) for channel in CHANNELS)

    call_command("publish_scheduled")  # before its time: nothing changes
    article.refresh_from_db()
    assert not article.live
    assert not any(channel(client, article) for channel in CHANNELS)

    after = go_live + datetime.timedelta(minutes=5)
    with time_machine.travel(after, tick=False):
        call_command("publish_scheduled")

    article = ArticlePage.objects.get(pk=article.pk)
    assert article.live
    assert article.date == timezone.localdate(after)
    assert [channel.__name__ for channel in CHANNELS if not channel(client, article)] == []


def test_a_private_articles_section_lists_its_articles_to_those_let_in(client, django_user_model, index, live_article):
    """A login restriction on the index: signed-in readers see its articles there, others are sent to sign in.

    The index lists `readable(within=index)`: a restriction on the index itself was
    checked before the page was served, so only the articles' own ones count.
    """
    private = ArticlePageFactory(parent=index, slug="private", title="Zephyrine private article")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    PageViewRestriction.objects.create(page=index, restriction_type="login")

    assert client.get("/articles/").status_code == HTTPStatus.FOUND
    client.force_login(django_user_model.objects.create_user("reader", password="x"))
    page = client.get("/articles/").content.decode()
    assert live_article.title in page
    assert private.title not in page
    assert list(ArticlePage.objects.child_of(index).readable(within=index)) == [live_article.specific]
    assert not ArticlePage.objects.child_of(index).readable().exists()
