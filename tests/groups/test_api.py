"""Groups in API v2 and v3: schedule, next meetings, venue, topics, format, status and cost; filters."""

import datetime
from http import HTTPStatus

import pytest

from groups.choices import Cost, MeetingFormat
from groups.factories import VenueFactory
from home.factories import TopicFactory

pytestmark = pytest.mark.django_db

PRIVATE_LINK = "https://video.example/private-room-4821"
GROUP_FIELDS = "schedule,next_meetings,venue,topics,meeting_format,status,cost,cost_details,calendar_url"


@pytest.fixture
def groups(make_group):
    grief = TopicFactory(name="Grief and loss", slug="grief")
    return {
        "grief": make_group(
            title="Tuesday grief circle",
            topics=[grief],
            venue=VenueFactory(name="Laurel Room", latitude="35.59510", longitude="-82.55150"),
            rules=[{"weekday": 1, "start_time": datetime.time(18, 30), "end_time": datetime.time(20, 0)}],
            cost=Cost.FREE,
        ),
        "online": make_group(
            title="Anxiety online",
            meeting_format=MeetingFormat.ONLINE,
            venue=None,
            online_meeting_url=PRIVATE_LINK,
            cost=Cost.SLIDING_SCALE,
            cost_details="$10 to $40",
        ),
    }


def test_v2_lists_groups_with_their_schedule_and_next_meetings(client, groups):
    response = client.get("/api/v2/pages/", {"type": "groups.SupportGroupPage", "fields": GROUP_FIELDS})
    assert response.status_code == HTTPStatus.OK
    items = {item["title"]: item for item in response.json()["items"]}
    grief = items["Tuesday grief circle"]
    assert grief["schedule"] == [
        {
            "description": "Every Tuesday, 6:30pm to 8pm",
            "frequency": "weekly",
            "weekday": 1,
            "week_of_month": None,
            "start_time": "18:30",
            "end_time": "20:00",
            "first_date": groups["grief"].meeting_rules.get().first_date.isoformat(),
            "last_date": None,
            "timezone": "America/New_York",
        }
    ]
    assert len(grief["next_meetings"]) == 4
    first = datetime.datetime.fromisoformat(grief["next_meetings"][0]["start"])
    assert (first.weekday(), first.hour, first.minute) == (1, 18, 30)
    assert grief["venue"]["name"] == "Laurel Room" and grief["venue"]["latitude"] == 35.5951
    assert grief["topics"] == [{"id": groups["grief"].topics.get().pk, "name": "Grief and loss", "slug": "grief"}]
    assert (grief["meeting_format"], grief["status"], grief["cost"]) == ("in_person", "open", "free")
    assert grief["calendar_url"] == f"http://testserver/groups/{groups['grief'].pk}/calendar.ics"
    assert items["Anxiety online"]["venue"] is None
    assert items["Anxiety online"]["cost_details"] == "$10 to $40"


def test_v2_filters_by_topic_and_format(client, groups):
    by_topic = client.get("/api/v2/pages/", {"type": "groups.SupportGroupPage", "topic": "grief"}).json()
    assert [item["title"] for item in by_topic["items"]] == ["Tuesday grief circle"]
    online = client.get("/api/v2/pages/", {"type": "groups.SupportGroupPage", "meeting_format": "online"}).json()
    assert [item["title"] for item in online["items"]] == ["Anxiety online"]


def test_v2_bad_filters_are_a_json_400(client, groups):
    response = client.get("/api/v2/pages/", {"type": "groups.SupportGroupPage", "topic": "no-such-topic"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Unknown topic" in response.json()["message"]


def test_v2_detail_never_gives_the_online_link(client, groups):
    response = client.get(f"/api/v2/pages/{groups['online'].pk}/", {"fields": "*"})
    assert response.status_code == HTTPStatus.OK
    assert PRIVATE_LINK not in response.content.decode()
    assert "online_meeting_url" not in response.json()
    assert response.json()["online_platform"] == ""


def test_v3_detail_and_schema_have_the_same_fields(client, groups):
    response = client.get(f"/api/v3/pages/{groups['grief'].pk}/")
    assert response.status_code == HTTPStatus.OK
    data = response.json()
    for field in ("schedule", "next_meetings", "venue", "topics", "meeting_format", "status", "cost"):
        assert field in data, field
    assert data["schedule"][0]["weekday"] == 1
    assert len(data["next_meetings"]) == 4

    schema = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    properties = schema["SupportGroupPageSchema"]["properties"]
    assert {"schedule", "next_meetings", "venue", "topics", "meeting_format", "status", "cost"} <= set(properties)
    assert schema["RuleData"]["properties"]["start_time"]["type"] == "string"
    assert "online_meeting_url" not in properties


def test_v3_never_gives_the_online_link(client, groups):
    assert PRIVATE_LINK not in client.get(f"/api/v3/pages/{groups['online'].pk}/").content.decode()
    assert PRIVATE_LINK not in client.get("/api/v3/pages/", {"type": "groups.SupportGroupPage"}).content.decode()


def _api_queries(client, query):
    client.get("/api/v2/pages/", query)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        response = client.get("/api/v2/pages/", query)
    assert response.status_code == HTTPStatus.OK
    return len(context.captured_queries)


def test_v2_group_list_query_count_does_not_grow(client, make_group):
    from groups.factories import GroupFacilitatorFactory
    from home.factories import ImageFactory, PersonFactory

    grief = TopicFactory(slug="grief")

    def add(count):
        for _ in range(count):
            group = make_group(topics=[grief], image=ImageFactory(), rules=[{"weekday": 1}, {"weekday": 3}])
            GroupFacilitatorFactory(page=group, person=PersonFactory(photo=ImageFactory()))

    query = {"type": "groups.SupportGroupPage", "fields": "*", "limit": 20}
    add(5)
    before = _api_queries(client, query)
    add(20)  # the page of results grows from 5 groups to 20
    assert _api_queries(client, query) == before
