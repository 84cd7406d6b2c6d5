"""Each area shows the others' content on the same topics, through the owners' template tags."""

import datetime

import pytest

from blog.factories import ArticleIndexPageFactory, ArticlePageFactory
from community.factories import CommunityIndexPageFactory, CommunityPageFactory
from groups.factories import MeetingRuleFactory, SupportGroupIndexPageFactory, SupportGroupPageFactory
from groups.schedule import now_local
from home.factories import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(site_root, practice):
    grief = TopicFactory(name="Grief and loss", slug="grief")
    anxiety = TopicFactory(name="Anxiety", slug="anxiety")
    articles = ArticleIndexPageFactory(parent=site_root, slug="articles")
    finder = SupportGroupIndexPageFactory(parent=site_root, slug="support-groups")
    community = CommunityIndexPageFactory(parent=site_root, slug="asheville-community")
    article = ArticlePageFactory(parent=articles, title="Living alongside grief", topics=[grief])
    ArticlePageFactory(parent=articles, title="When worry will not switch off", topics=[anxiety])
    group = SupportGroupPageFactory(parent=finder, title="Tuesday grief circle", topics=[grief])
    MeetingRuleFactory(page=group, weekday=1, first_date=now_local().date() - datetime.timedelta(days=7))
    other = SupportGroupPageFactory(parent=finder, title="Calm minds online", topics=[anxiety])
    MeetingRuleFactory(page=other, weekday=3, first_date=now_local().date() - datetime.timedelta(days=7))
    place = CommunityPageFactory(parent=community, title="Grief support around town", topics=[grief])
    return {"article": article, "group": group, "place": place}


def test_an_article_offers_groups_on_its_topics(client, content):
    html = client.get(content["article"].url).content.decode()
    assert "Find a group for this" in html
    assert "Tuesday grief circle" in html
    assert "Calm minds online" not in html


def test_a_group_page_offers_reading_on_its_topics(client, content):
    html = client.get(content["group"].url).content.decode()
    assert "Living alongside grief" in html
    assert "When worry will not switch off" not in html


def test_a_community_page_offers_groups_and_articles_on_its_topics(client, content):
    html = client.get(content["place"].url).content.decode()
    assert "Tuesday grief circle" in html and "Living alongside grief" in html
    assert "Calm minds online" not in html and "When worry will not switch off" not in html


def test_the_home_page_shows_groups_articles_and_community(client, content):
    html = client.get("/").content.decode()
    assert "Tuesday grief circle" in html
    assert "Living alongside grief" in html
    assert "Grief support around town" in html
    assert html.index("Tuesday grief circle") < html.index("Living alongside grief")
