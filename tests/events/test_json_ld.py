"""An event's JSON-LD in every state: valid schema.org (tests/schemaorg.py) with Google's required Event fields."""

import datetime
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.choices import EventStatus, Registration, RegistrationStatus
from events.factories import EventLeaderFactory, EventRegistrationFactory
from groups.choices import Cost, MeetingFormat
from home.factories import PersonFactory
from tests import schemaorg
from tests.events.conftest import local

pytestmark = pytest.mark.django_db


def json_ld(client, page):
    response = client.get(page.url)
    assert response.status_code == HTTPStatus.OK
    (block,) = schemaorg.json_ld_blocks(response.content.decode())
    problems = schemaorg.problems(block)
    assert not problems, "\n".join(problems)
    return block


def test_one_date(client, make_event):
    event = make_event(dates=[(local(2027, 1, 9, 13, 30), local(2027, 1, 9, 16))])
    EventLeaderFactory(page=event, person=PersonFactory(name="Priya Natarajan"))
    data = json_ld(client, event)
    assert data["@type"] == "Event"
    assert (data["startDate"], data["endDate"]) == ("2027-01-09T13:30:00-05:00", "2027-01-09T16:00:00-05:00")
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["address"]["addressRegion"] == event.venue.region
    assert data["isAccessibleForFree"] is True
    assert data["offers"]["price"] == "0"
    assert data["organizer"]["@type"] == "Organization"
    assert data["performer"][0]["name"] == "Priya Natarajan"
    assert data["subjectOf"]["lastReviewed"] == event.last_verified.isoformat()
    assert "subEvent" not in data


def test_a_series_spans_its_dates_with_a_sub_event_each(client, make_event):
    course = make_event(dates=[(local(2027, 3, day, 18, 30), local(2027, 3, day, 20)) for day in (2, 9, 16, 23)])
    data = json_ld(client, course)
    assert data["startDate"] == "2027-03-02T18:30:00-05:00"
    assert data["endDate"] == "2027-03-23T20:00:00-04:00"  # daylight saving time by then
    assert [sub["startDate"][:10] for sub in data["subEvent"]] == [
        "2027-03-02",
        "2027-03-09",
        "2027-03-16",
        "2027-03-23",
    ]


def test_a_paid_hybrid_event(client, make_event):
    event = make_event(cost=Cost.FEE, fee_amount=60, attendance=MeetingFormat.HYBRID, capacity=14)
    data = json_ld(client, event)
    assert data["isAccessibleForFree"] is False
    assert (data["offers"]["price"], data["offers"]["priceCurrency"]) == ("60.00", "USD")
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert {place["@type"] for place in data["location"]} == {"Place", "VirtualLocation"}
    assert event.online_meeting_url not in str(data)
    assert data["maximumAttendeeCapacity"] == 14


def test_an_outing_meets_at_its_meeting_point(client, make_event):
    event = make_event(venue=None, meeting_point="Craggy Gardens visitor center, milepost 364")
    assert json_ld(client, event)["location"]["name"] == "Craggy Gardens visitor center, milepost 364"


@pytest.mark.parametrize(
    ("status", "moved", "expected"),
    [
        (EventStatus.CANCELLED, False, "EventCancelled"),
        (EventStatus.POSTPONED, False, "EventPostponed"),
        (EventStatus.POSTPONED, True, "EventRescheduled"),
        (EventStatus.FULL, False, "EventScheduled"),
    ],
    ids=["cancelled", "postponed", "rescheduled", "full"],
)
def test_status(client, make_event, status, moved, expected):
    first = (timezone.now() + datetime.timedelta(days=1)).replace(microsecond=0) if moved else None
    data = json_ld(client, make_event(status=status, previous_start=first))
    assert data["eventStatus"] == f"https://schema.org/{expected}"
    assert ("previousStartDate" in data) == moved
    if status == EventStatus.FULL:
        assert data["offers"]["availability"] == "https://schema.org/SoldOut"


def test_every_place_taken_is_sold_out_as_the_page_says_full(client, make_event):
    event = make_event(registration=Registration.FORM, capacity=2)
    assert json_ld(client, event)["offers"]["availability"] == "https://schema.org/InStock"
    EventRegistrationFactory.create_batch(2, event=event, status=RegistrationStatus.CONFIRMED)
    assert json_ld(client, event)["offers"]["availability"] == "https://schema.org/SoldOut"
    assert "This event is full." in client.get(event.url).content.decode()


def test_places_are_counted_once_for_the_page_and_its_json_ld(client, make_event):
    event = make_event(registration=Registration.FORM, capacity=2)
    client.get(event.url)
    with CaptureQueriesContext(connection) as context:
        client.get(event.url)
    counts = [query["sql"] for query in context.captured_queries if "events_eventregistration" in query["sql"]]
    assert len(counts) == 1


def test_the_index_is_a_collection_page(client, events_index):
    assert json_ld(client, events_index)["@type"] == "CollectionPage"
