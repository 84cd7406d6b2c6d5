"""The RSS feeds: valid, absolute links, every published article and nothing else."""

import datetime
from http import HTTPStatus
from xml.etree import ElementTree

import feedparser
import pytest
from wagtail.models import PageViewRestriction

from blog.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    ElementTree.fromstring(response.content)  # well-formed XML
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.fixture
def published(index, anxiety, grief, jordan, priya):
    return [
        ArticlePageFactory(
            parent=index,
            slug="worry",
            title="When worry won't switch off",
            intro="Anxiety is an alarm without a fire & it wears you out.",
            date=datetime.date(2026, 3, 2),
            topics=[anxiety],
            people=[priya, jordan],
        ),
        ArticlePageFactory(
            parent=index, slug="grief", title="Grief has no timetable", date=datetime.date(2026, 2, 1), topics=[grief]
        ),
        ArticlePageFactory(parent=index, slug="plain", title="No topic at all", date=datetime.date(2026, 1, 1)),
    ]


def test_feed_carries_every_published_article_newest_first(client, practice, published):
    feed = parse(client.get("/articles/feed/"))
    assert feed.version == "rss20"
    assert feed.feed.title == "Resilient Mind Counseling: articles"
    assert feed.feed.link == "http://localhost/articles/"
    assert [entry.title for entry in feed.entries] == [
        "When worry won't switch off",
        "Grief has no timetable",
        "No topic at all",
    ]
    first = feed.entries[0]
    assert first.link == "http://localhost/articles/worry/"
    assert first.id == "http://localhost/articles/worry/"
    assert first.summary == "Anxiety is an alarm without a fire & it wears you out."
    assert first.author == "Priya Natarajan, Jordan Reyes"
    assert [tag.term for tag in first.tags] == ["Anxiety"]
    assert first.published_parsed[:3] == (2026, 3, 2)


def test_every_link_in_the_feed_is_absolute(client, published):
    feed = parse(client.get("/articles/feed/"))
    links = [feed.feed.link, *(link.href for link in feed.feed.links)]
    links += [entry.link for entry in feed.entries]
    assert links and all(link.startswith("http://localhost/") for link in links)
    assert any(link.rel == "self" and link.href == "http://localhost/articles/feed/" for link in feed.feed.links)


def test_topic_feed_carries_only_that_topic(client, published):
    feed = parse(client.get("/articles/feed/anxiety/"))
    assert feed.feed.title == "Resilient Mind Counseling: articles on Anxiety"
    assert feed.feed.link == "http://localhost/articles/?topic=anxiety"
    assert feed.feed.description == "Worry that will not settle."
    assert [entry.title for entry in feed.entries] == ["When worry won't switch off"]


def test_an_unknown_topic_has_no_feed(client, published):
    assert client.get("/articles/feed/nope/").status_code == HTTPStatus.NOT_FOUND


def test_drafts_and_private_articles_stay_out_of_the_feeds(client, index, anxiety, published):
    draft = ArticlePageFactory(parent=index, title="Draft on anxiety", topics=[anxiety])
    draft.unpublish()
    private = ArticlePageFactory(parent=index, title="Private on anxiety", topics=[anxiety])
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="pw")
    for url in ["/articles/feed/", "/articles/feed/anxiety/"]:
        titles = [entry.title for entry in parse(client.get(url)).entries]
        assert "Draft on anxiety" not in titles
        assert "Private on anxiety" not in titles


def test_an_empty_feed_is_still_valid(client, index):
    feed = parse(client.get("/articles/feed/"))
    assert feed.entries == []


def test_the_feed_of_a_private_index_asks_for_the_password(client, index, published):
    PageViewRestriction.objects.create(page=index, restriction_type="password", password="pw")
    response = client.get("/articles/feed/")
    assert response.status_code == HTTPStatus.OK
    assert b"<rss" not in response.content
    assert b"password" in response.content.lower()


def test_the_feed_is_public_for_fifteen_minutes_and_answers_if_modified_since(client, published):
    response = client.get("/articles/feed/")
    assert response.status_code == HTTPStatus.OK
    assert {"public", "max-age=900"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    last_modified = response["Last-Modified"]
    assert client.get("/articles/feed/", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == HTTPStatus.NOT_MODIFIED
    earlier = "Mon, 01 Dec 2025 00:00:00 GMT"
    assert client.get("/articles/feed/", HTTP_IF_MODIFIED_SINCE=earlier).status_code == HTTPStatus.OK
