"""Events in API v2 and v3: dates, status, place, cost, no online link; v2 filters (upcoming, kind, topic, from, to)."""

import datetime
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.choices import EventKind, EventStatus
from events.factories import EventLeaderFactory
from groups.choices import MeetingFormat
from home.factories import PersonFactory, TopicFactory
from tests.events.conftest import local

pytestmark = pytest.mark.django_db

PRIVATE_LINK = "https://meet.example/private-room"
TYPE = "events.EventPage"


@pytest.fixture
def events(make_event, time_machine):
    time_machine.move_to(local(2026, 11, 2, 9), tick=False)
    grief = TopicFactory(name="Grief and loss", slug="grief")
    course = make_event(
        title="Course",
        kind=EventKind.MINDFULNESS,
        topics=[grief],
        attendance=MeetingFormat.HYBRID,
        online_meeting_url=PRIVATE_LINK,
        dates=[(local(2026, 11, day, 18, 30), local(2026, 11, day, 20)) for day in (10, 17)],
    )
    walk = make_event(title="Walk", kind=EventKind.OUTING, dates=[(local(2026, 12, 5, 10), local(2026, 12, 5, 13))])
    over = make_event(title="Over", kind=EventKind.SOCIAL, dates=[(local(2026, 10, 1, 18), local(2026, 10, 1, 20))])
    return {"course": course, "walk": walk, "over": over}


def listed(client, **params):
    response = client.get("/api/v2/pages/", {"type": TYPE, **params})
    assert response.status_code == HTTPStatus.OK, response.content
    return [item["title"] for item in response.json()["items"]]


def test_v2_detail_gives_dates_status_place_and_cost(client, events):
    course = events["course"]
    data = client.get(f"/api/v2/pages/{course.pk}/").json()
    assert data["meta"]["type"] == TYPE
    assert data["dates"] == [
        {
            "start": "2026-11-10T18:30:00-05:00",
            "end": "2026-11-10T20:00:00-05:00",
            "note": "",
            "timezone": "America/New_York",
        },
        {
            "start": "2026-11-17T18:30:00-05:00",
            "end": "2026-11-17T20:00:00-05:00",
            "note": "",
            "timezone": "America/New_York",
        },
    ]
    assert (data["kind"], data["status"], data["attendance"], data["cost"]) == (
        "mindfulness",
        "scheduled",
        "hybrid",
        "free",
    )
    assert data["venue"]["name"] == course.venue.name
    assert data["topics"][0]["slug"] == "grief"
    assert data["calendar_url"].endswith(f"/events/{course.pk}/calendar.ics")
    assert "online_meeting_url" not in data
    assert PRIVATE_LINK not in client.get(f"/api/v2/pages/{course.pk}/", {"fields": "*"}).content.decode()


def test_v2_filters(client, events):
    assert listed(client, upcoming="1") == ["Course", "Walk"]
    assert listed(client, upcoming="0") == ["Over"]
    assert listed(client, kind="outing") == ["Walk"]
    assert listed(client, topic="grief") == ["Course"]
    assert listed(client, **{"from": "2026-11-15"}) == ["Course", "Walk"]
    assert listed(client, to="2026-11-10") == ["Course", "Over"]
    assert listed(client, **{"from": "2026-11-11", "to": "2026-11-30"}) == ["Course"]


def test_v2_upcoming_soonest_first(client, events, make_event):
    make_event(title="Sooner", dates=[(local(2026, 11, 3, 10), local(2026, 11, 3, 12))])
    assert listed(client, upcoming="1") == ["Sooner", "Course", "Walk"]


@pytest.mark.parametrize("upcoming", ["1", "0"], ids=["upcoming", "past"])
def test_v2_upcoming_with_a_search(client, events, upcoming):
    # The search backend cannot read the upcoming/past annotations: filter by key.
    expected = ["Walk"] if upcoming == "1" else []
    assert listed(client, upcoming=upcoming, search="walk") == expected


@pytest.mark.parametrize(
    "params",
    [{"upcoming": "maybe"}, {"from": "next week"}, {"to": "2026-13-01"}, {"kind": "rave"}],
    ids=["upcoming", "from", "to", "kind"],
)
def test_v2_bad_filters_are_a_json_400(client, events, params):
    response = client.get("/api/v2/pages/", {"type": TYPE, **params})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "message" in response.json()


def test_v2_event_filters_need_the_event_type(client, events):
    assert client.get("/api/v2/pages/", {"upcoming": "1"}).status_code == HTTPStatus.BAD_REQUEST


def test_v2_status_of_a_postponed_event(client, make_event):
    first = (timezone.now() + datetime.timedelta(days=2)).replace(microsecond=0)
    moved = make_event(status=EventStatus.POSTPONED, previous_start=first)
    data = client.get(f"/api/v2/pages/{moved.pk}/").json()
    assert data["status"] == "postponed"
    assert data["previous_start"] == first.astimezone(local(2026, 1, 1).tzinfo).isoformat()


def test_v3_detail_and_schema(client, events):
    course = events["course"]
    response = client.get(f"/api/v3/pages/{course.pk}/")
    assert response.status_code == HTTPStatus.OK
    data = response.json()
    for field in ("dates", "venue", "topics", "kind", "status", "cost", "registration", "capacity"):
        assert field in data, field
    assert PRIVATE_LINK not in response.content.decode()
    assert PRIVATE_LINK not in client.get("/api/v3/pages/", {"type": TYPE}).content.decode()
    schema = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    properties = schema["EventPageSchema"]["properties"]
    assert {"dates", "venue", "kind", "status", "previous_start", "leaders", "calendar_url"} <= set(properties)
    assert "online_meeting_url" not in properties
    assert schema["DateData"]["properties"]["start"]["type"] == "string"


def _queries(client, params):
    client.get("/api/v2/pages/", params)
    with CaptureQueriesContext(connection) as context:
        response = client.get("/api/v2/pages/", params)
    assert response.status_code == HTTPStatus.OK
    return len(context.captured_queries)


def test_v2_list_query_count_does_not_grow(client, make_event):
    params = {"type": TYPE, "fields": "*", "upcoming": "1"}
    for _ in range(2):
        event = make_event()
        EventLeaderFactory(page=event, person=PersonFactory())
    before = _queries(client, params)
    for _ in range(4):
        event = make_event()
        EventLeaderFactory(page=event, person=PersonFactory())
    assert _queries(client, params) == before


def listed_v3(client, **params):
    response = client.get("/api/v3/pages/", {"type": TYPE, **params})
    assert response.status_code == HTTPStatus.OK, response.content
    return [item["title"] for item in response.json()["items"]]


def test_v3_lists_filter_events_as_v2_does(client, events):
    grief = events["course"].topics.get()
    assert listed_v3(client, upcoming="1") == ["Course", "Walk"]
    assert listed_v3(client, upcoming="0") == ["Over"]
    assert listed_v3(client, **{"from": "2026-12-01"}) == ["Walk"]
    assert listed_v3(client, to="2026-11-30") == ["Course", "Over"]
    assert listed_v3(client, **{"from": "2026-11-17", "to": "2026-11-17"}) == ["Course"]
    assert listed_v3(client, kind=EventKind.OUTING) == ["Walk"]
    assert listed_v3(client, topics=grief.pk, upcoming="1") == ["Course"]
    assert listed_v3(client, attendance=MeetingFormat.HYBRID) == ["Course"]
    assert listed_v3(client, status=EventStatus.CANCELLED) == []


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"upcoming": "soon"}, "upcoming"),
        ({"from": "next week"}, "from"),
        ({"to": "2026-13-40"}, "to"),
        ({"kind": "rave"}, "kind"),
        ({"status": "maybe"}, "status"),
    ],
    ids=["upcoming", "from", "to", "kind", "status"],
)
def test_v3_a_filter_value_it_cannot_use_is_a_400_problem(client, events, params, name):
    response = client.get("/api/v3/pages/", {"type": TYPE, **params})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["errors"][0]["loc"] == ["query", name]


def test_v3_event_filters_without_the_event_type_are_unknown_parameters(client, events):
    for params in ({"upcoming": "1"}, {"type": "home.HomePage", "upcoming": "1"}, {"kind": "outing"}):
        response = client.get("/api/v3/pages/", params)
        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "Unknown query parameter" in response.json()["detail"]
