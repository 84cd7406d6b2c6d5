"""The tags other areas call: upcoming groups for the home page, groups for topics on articles and pages."""

import datetime

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from groups.choices import GroupStatus
from groups.schedule import now_local
from home.factories import ImageFactory, TopicFactory
from home.models import Topic

pytestmark = pytest.mark.django_db


def render(source, **context):
    request = RequestFactory().get("/")
    return Template("{% load groups_tags %}" + source).render(Context({"request": request, **context}))


def test_upcoming_groups_shows_the_soonest_and_links_to_the_finder(finder, make_group):
    today = now_local().date()
    for offset, title in [(3, "Third"), (1, "First"), (2, "Second"), (4, "Fourth")]:
        day = today + datetime.timedelta(days=offset)
        make_group(title=title, rules=[{"weekday": day.weekday(), "first_date": day}])
    make_group(title="Resting", status=GroupStatus.PAUSED)
    html = render("{% upcoming_groups count=3 %}")
    assert html.index("First") < html.index("Second") < html.index("Third")
    assert "Fourth" not in html and "Resting" not in html
    assert 'href="/support-groups/"' in html


def test_upcoming_groups_renders_nothing_without_groups(finder):
    assert render("{% upcoming_groups count=3 %}").strip() == ""


def test_groups_for_topics_takes_topics_or_ids(finder, make_group):
    grief = TopicFactory(name="Grief", slug="grief")
    anxiety = TopicFactory(name="Anxiety", slug="anxiety")
    make_group(title="Grief circle", topics=[grief])
    make_group(title="Anxiety skills", topics=[anxiety])
    html = render('{% groups_for_topics topics heading="Groups for this" %}', topics=[grief])
    assert "Groups for this" in html and "Grief circle" in html and "Anxiety skills" not in html
    html = render("{% groups_for_topics topics count=3 %}", topics=[grief.pk, anxiety.pk])
    assert "Grief circle" in html and "Anxiety skills" in html and "Find a group for this" in html
    html = render("{% groups_for_topics topics %}", topics=Topic.objects.filter(slug="anxiety"))
    assert "Anxiety skills" in html and "Grief circle" not in html


def test_groups_for_topics_renders_nothing_when_no_group_matches(finder, make_group):
    make_group(topics=[TopicFactory(slug="grief")])
    assert render("{% groups_for_topics topics %}", topics=[TopicFactory(slug="trauma")]).strip() == ""
    assert render("{% groups_for_topics topics %}", topics=[]).strip() == ""


def _queries(source, **context):
    render(source, **context)
    with CaptureQueriesContext(connection) as captured:
        render(source, **context)
    return len(captured.captured_queries)


def test_tags_query_count_does_not_grow_with_groups(finder, make_group):
    grief = TopicFactory(slug="grief")

    def add(count):
        for _ in range(count):
            make_group(topics=[grief], image=ImageFactory(), rules=[{"weekday": 2}, {"weekday": 4}])

    add(10)
    before = (_queries("{% upcoming_groups count=3 %}"), _queries("{% groups_for_topics topics %}", topics=[grief]))
    add(90)
    after = (_queries("{% upcoming_groups count=3 %}"), _queries("{% groups_for_topics topics %}", topics=[grief]))
    assert after == before


def test_home_page_shows_upcoming_groups(client, site_root, make_group):
    make_group(title="Tuesday grief circle")
    html = client.get("/").content.decode()
    assert "Support groups meeting soon" in html and "Tuesday grief circle" in html
