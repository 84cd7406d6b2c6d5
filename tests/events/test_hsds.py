"""Upcoming events in the Open Referral HSDS feed: valid against HSDS's schemas, never past events or online links."""

import datetime

import pytest
from django.utils import timezone

from events.choices import EventStatus
from events.hsds import EventsProvider
from events.models import EventPage
from groups.choices import MeetingFormat
from home.api import hsds
from tests.test_hsds import assert_valid, envelope_schema, get, location_schema, vendored

pytestmark = pytest.mark.django_db

PRIVATE = "https://meet.example/event-private-link"


def test_upcoming_events_are_valid_hsds_services(client, make_event, practice):
    now = timezone.now().replace(microsecond=0)
    hour = datetime.timedelta(hours=1)
    soon = now + datetime.timedelta(days=3)
    make_event(title="Course", dates=[(soon, soon + hour), (soon + datetime.timedelta(days=7), soon + 8 * hour)])
    make_event(
        title="Online talk",
        attendance=MeetingFormat.ONLINE,
        venue=None,
        online_meeting_url=PRIVATE,
        status=EventStatus.CANCELLED,
    )
    make_event(title="Over", dates=[(now - 48 * hour, now - 47 * hour)])
    data = get(client, "/services?per_page=50")
    assert_valid(data, envelope_schema(vendored("service_list")))
    by_name = {item["name"]: item for item in data["contents"]}
    assert set(by_name) == {"Course", "Online talk"}
    assert by_name["Online talk"]["status"] == "inactive"
    for item in by_name.values():
        detail = get(client, f"/services/{item['id']}")
        assert_valid(detail, vendored("service"))
        assert PRIVATE not in str(detail)
    course = get(client, f"/services/{by_name['Course']['id']}")
    assert len(course["schedules"]) == 2
    assert course["service_at_locations"][0]["location"]["name"]


def test_a_venue_only_events_use_is_in_the_locations_list(client, make_event, practice):
    course = make_event(title="Course")
    make_event(title="Online talk", attendance=MeetingFormat.ONLINE, venue=None, online_meeting_url=PRIVATE)
    data = get(client, "/locations?per_page=50")
    assert_valid(data, envelope_schema(location_schema()))
    listed = {item["id"] for item in data["contents"]}
    detail = get(client, f"/services/{hsds.hsds_id('event-service', course.pk)}")
    pointed = {link["location_id"] for link in detail["service_at_locations"]}
    assert pointed and pointed <= listed
    assert len(data["contents"]) == len(listed)  # each venue once


def test_an_event_purges_the_practice_organization_too():
    paths = EventsProvider().paths_for(EventPage(pk=7))
    organization_id = hsds.practice_organization_id()
    assert f"/api/hsds/organizations/{organization_id}" in paths
