"""The group finder: every filter, combinations, bad values, the empty state and a constant query count."""

import datetime
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groups.choices import Audience, Cost, GroupStatus, LedBy, MeetingFormat
from groups.factories import SupportGroupPageFactory
from groups.schedule import now_local
from home.factories import ImageFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def groups(make_group):
    grief = TopicFactory(name="Grief and loss", slug="grief")
    anxiety = TopicFactory(name="Anxiety", slug="anxiety")
    return {
        "grief_tuesday": make_group(
            title="Tuesday grief circle",
            topics=[grief],
            rules=[{"weekday": 1, "start_time": datetime.time(18, 30)}],
            led_by=LedBy.PROFESSIONAL,
            audience=Audience.ADULTS,
            cost=Cost.FREE,
            status=GroupStatus.OPEN,
        ),
        "anxiety_online": make_group(
            title="Anxiety skills online",
            topics=[anxiety],
            rules=[{"weekday": 2, "start_time": datetime.time(12, 0), "end_time": datetime.time(13, 0)}],
            meeting_format=MeetingFormat.ONLINE,
            venue=None,
            led_by=LedBy.PROFESSIONAL,
            cost=Cost.SLIDING_SCALE,
            status=GroupStatus.OPEN,
        ),
        "young_hybrid": make_group(
            title="Young adults hybrid",
            topics=[anxiety, grief],
            rules=[{"weekday": 3, "start_time": datetime.time(17, 30)}],
            meeting_format=MeetingFormat.HYBRID,
            audience=Audience.YOUNG_ADULTS,
            led_by=LedBy.PEER,
            cost=Cost.FREE,
            status=GroupStatus.WAITLIST,
        ),
        "peer_morning": make_group(
            title="Peer morning walk",
            rules=[{"weekday": 5, "start_time": datetime.time(9, 0), "end_time": datetime.time(10, 30)}],
            led_by=LedBy.PEER,
            cost=Cost.FEE,
            status=GroupStatus.CLOSED,
        ),
    }


def titles(response):
    return [group.title for group in response.context["groups"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, {"Tuesday grief circle", "Anxiety skills online", "Young adults hybrid", "Peer morning walk"}),
        ({"topic": "grief"}, {"Tuesday grief circle", "Young adults hybrid"}),
        ({"meeting_format": "online"}, {"Anxiety skills online", "Young adults hybrid"}),
        ({"meeting_format": "in_person"}, {"Tuesday grief circle", "Young adults hybrid", "Peer morning walk"}),
        ({"meeting_format": "hybrid"}, {"Young adults hybrid"}),
        ({"led_by": "peer"}, {"Young adults hybrid", "Peer morning walk"}),
        ({"day": "tuesday"}, {"Tuesday grief circle"}),
        ({"time_of_day": "morning"}, {"Peer morning walk"}),
        ({"time_of_day": "afternoon"}, {"Anxiety skills online"}),
        ({"time_of_day": "evening"}, {"Tuesday grief circle", "Young adults hybrid"}),
        ({"audience": "young_adults"}, {"Young adults hybrid"}),
        ({"free": "1"}, {"Tuesday grief circle", "Young adults hybrid"}),
        ({"open": "1"}, {"Tuesday grief circle", "Anxiety skills online"}),
        ({"topic": "grief", "day": "tuesday", "time_of_day": "evening"}, {"Tuesday grief circle"}),
        ({"topic": "anxiety", "meeting_format": "online", "free": "1"}, {"Young adults hybrid"}),
        ({"free": "1", "open": "1", "led_by": "professional"}, {"Tuesday grief circle"}),
        ({"day": "tuesday", "time_of_day": "morning"}, set()),
    ],
)
def test_filters_alone_and_combined(client, finder, groups, query, expected):
    response = client.get(finder.url, query)
    assert response.status_code == HTTPStatus.OK
    assert set(titles(response)) == expected
    assert response.context["ignored"] == []


def test_day_and_time_must_match_the_same_meeting_time(client, finder, make_group):
    make_group(
        title="Two meetings",
        rules=[
            {"weekday": 0, "start_time": datetime.time(19, 0), "end_time": datetime.time(20, 0)},
            {"weekday": 3, "start_time": datetime.time(7, 30), "end_time": datetime.time(8, 30)},
        ],
    )
    assert titles(client.get(finder.url, {"day": "monday", "time_of_day": "evening"})) == ["Two meetings"]
    assert titles(client.get(finder.url, {"day": "monday", "time_of_day": "morning"})) == []


def test_ended_meeting_times_do_not_match_a_day(client, finder, make_group):
    today = now_local().date()
    make_group(title="Finished", rules=[{"weekday": 4, "last_date": today - datetime.timedelta(days=3)}])
    assert titles(client.get(finder.url, {"day": "friday"})) == []


def test_results_show_next_meeting_and_format_soonest_first(client, finder, groups):
    response = client.get(finder.url)
    html = response.content.decode()
    starts = [group.next_meeting.start for group in response.context["groups"]]
    assert starts == sorted(starts)
    assert "Next meeting: " in html and "<time datetime=" in html
    assert "Online" in html and "In person" in html


@pytest.mark.parametrize(
    "query",
    [
        {"day": "funday"},
        {"topic": "no-such-topic"},
        {"meeting_format": "carrier-pigeon"},
        {"free": "maybe"},
        {"time_of_day": "<script>alert(1)</script>"},
        {"audience": "\x00"},
        {"page": "lots"},
        {"page": "999"},
        {"led_by": ["peer", "professional"]},
    ],
)
def test_bad_values_are_ignored_with_a_note_never_a_500(client, finder, groups, query):
    response = client.get(finder.url, query)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    if set(query) - {"page", "led_by"}:
        assert "We left out part of your search" in html
        assert len(titles(response)) == 4
    assert "<script>alert(1)</script>" not in html


def test_a_bad_value_leaves_the_other_filters_working(client, finder, groups):
    response = client.get(finder.url, {"topic": "grief", "day": "funday"})
    assert set(titles(response)) == {"Tuesday grief circle", "Young adults hybrid"}
    assert response.context["ignored"] == [("Day", "funday")]


def test_empty_state_suggests_widening_and_contacting_the_practice(client, finder, groups, practice):
    html = client.get(finder.url, {"audience": "veterans"}).content.decode()
    assert "No groups match" in html
    assert "remove one filter" in html
    assert 'href="tel:+18285550142"' in html and "mailto:hello@resilientmind.example" in html


def test_help_choosing_a_group_links_the_office_phone_from_practice_details(client, finder, groups, practice):
    practice.phone = "(828) 555-0199"
    practice.save()
    html = client.get(finder.url).content.decode()
    help_section = html[html.index('id="finder-help-heading"') :]
    help_section = help_section[: help_section.index("</section>")]
    assert "Not sure which group is right?" in help_section
    assert 'call the office on <a href="tel:+18285550199">(828) 555-0199</a>' in help_section


def test_the_form_is_a_plain_get_form_with_shareable_urls(client, finder, groups):
    html = client.get(finder.url, {"topic": "grief"}).content.decode()
    assert '<form class="filter-form finder-form" method="get"' in html
    assert '<option value="grief" selected>' in html
    assert 'name="csrfmiddlewaretoken"' not in html


def test_finder_advertises_the_meeting_guide_and_calendar_feeds(client, finder, groups):
    html = client.get(finder.url, {"topic": "grief"}).content.decode()
    assert (
        '<link rel="alternate" type="application/json" title="Meetings Feed" '
        'href="http://testserver/groups/meetings.json">' in html
    )
    assert 'href="webcal://testserver/groups/calendar.ics?topic=grief"' in html


def test_results_paginate(client, finder, make_group):
    for number in range(finder.page_size + 3):
        make_group(title=f"Group {number:02d}")
    first = client.get(finder.url)
    second = client.get(finder.url, {"page": 2})
    assert len(first.context["groups"]) == finder.page_size
    assert len(second.context["groups"]) == 3
    assert 'rel="next" href="?page=2"' in first.content.decode()


def test_paused_groups_are_listed_without_meetings(client, finder, make_group):
    make_group(title="Resting group", status=GroupStatus.PAUSED)
    html = client.get(finder.url).content.decode()
    assert "Resting group" in html and "Meetings are paused" in html


def _finder_queries(client, finder, query):
    # Warm caches (site root paths, settings); the first request may create the settings, which
    # makes what it cached stale (home/content_version.py), so a second one.
    client.get(finder.url, query)
    client.get(finder.url, query)
    with CaptureQueriesContext(connection) as context:
        response = client.get(finder.url, query)
    assert response.status_code == HTTPStatus.OK
    return len(context.captured_queries)


def test_finder_query_count_does_not_grow_with_the_number_of_groups(client, finder, make_group):
    grief = TopicFactory(name="Grief and loss", slug="grief")

    def add(count):
        for _ in range(count):
            group = make_group(topics=[grief], image=ImageFactory(), rules=[{"weekday": 1}, {"weekday": 3}])
            group.cancelled_meetings.create(date=now_local().date() + datetime.timedelta(days=7))

    add(10)
    queries = {name: _finder_queries(client, finder, query) for name, query in _QUERIES.items()}
    add(90)
    assert {name: _finder_queries(client, finder, query) for name, query in _QUERIES.items()} == queries


_QUERIES = {"all": {}, "filtered": {"topic": "grief", "day": "tuesday", "free": "1"}, "page 3": {"page": 3}}


def test_unpublished_groups_are_not_listed(client, finder, groups):
    draft = SupportGroupPageFactory(parent=finder, title="Draft group")
    draft.unpublish()
    assert "Draft group" not in titles(client.get(finder.url))
