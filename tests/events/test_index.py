"""What's on: upcoming events soonest first, the house's filters, the archive, and the pages that show events."""

import datetime
from http import HTTPStatus

import pytest
from django.utils import timezone

from events.choices import EventKind, EventStatus
from groups.choices import Cost, MeetingFormat
from groups.factories import SupportGroupIndexPageFactory, SupportGroupPageFactory, VenueFactory
from home.factories import TopicFactory
from tests.events.conftest import local

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
HOUR = datetime.timedelta(hours=1)


def in_days(days, hours=2):
    start = (timezone.now() + days * DAY).replace(microsecond=0)
    return [(start, start + hours * HOUR)]


def titles(response):
    return [event.title for event in response.context["events"]]


def test_upcoming_soonest_first_and_past_ones_left_out(client, make_event, events_index):
    make_event(title="Later", dates=in_days(10))
    make_event(title="Sooner", dates=in_days(2))
    make_event(title="Over", dates=in_days(-3))
    response = client.get(events_index.url)
    assert response.status_code == HTTPStatus.OK
    assert titles(response) == ["Sooner", "Later"]
    assert b"Past events" in response.content


def test_the_archive_has_past_events_latest_first_and_is_not_indexed(client, make_event, events_index):
    make_event(title="Long ago", dates=in_days(-30))
    make_event(title="Last week", dates=in_days(-7))
    make_event(title="Next week", dates=in_days(7))
    response = client.get(events_index.url + "past/")
    assert response.status_code == HTTPStatus.OK
    assert titles(response) == ["Last week", "Long ago"]
    assert b'content="noindex, follow"' in response.content


def test_filters_by_kind_topic_free_and_format(client, make_event, events_index):
    calm = TopicFactory(name="Anxiety", slug="anxiety")
    make_event(title="Walk", kind=EventKind.OUTING, dates=in_days(3))
    make_event(title="Paint", kind=EventKind.ART_THERAPY, topics=[calm], cost=Cost.FEE, fee_amount=20, dates=in_days(4))
    make_event(title="Breathe", kind=EventKind.MINDFULNESS, attendance=MeetingFormat.ONLINE, dates=in_days(5))
    make_event(title="Both", kind=EventKind.SEMINAR, attendance=MeetingFormat.HYBRID, dates=in_days(6))
    assert titles(client.get(events_index.url, {"kind": "outing"})) == ["Walk"]
    assert titles(client.get(events_index.url, {"topic": "anxiety"})) == ["Paint"]
    assert titles(client.get(events_index.url, {"free": "1"})) == ["Walk", "Breathe", "Both"]
    assert titles(client.get(events_index.url, {"attendance": "online"})) == ["Breathe", "Both"]
    assert titles(client.get(events_index.url, {"attendance": "in_person"})) == ["Walk", "Paint", "Both"]


def test_month_is_asheville_time(client, make_event, events_index, time_machine):
    """9pm on November 30 in Asheville is December 1 in UTC: it belongs to November."""
    time_machine.move_to(local(2026, 11, 2, 9), tick=False)
    make_event(title="Late November", dates=[(local(2026, 11, 30, 21), local(2026, 11, 30, 22))])
    make_event(title="Early December", dates=[(local(2026, 12, 1, 10), local(2026, 12, 1, 12))])
    assert titles(client.get(events_index.url, {"month": "2026-11"})) == ["Late November"]
    assert titles(client.get(events_index.url, {"month": "2026-12"})) == ["Early December"]


def test_a_series_matches_a_month_once(client, make_event, events_index, time_machine):
    time_machine.move_to(local(2026, 11, 2, 9), tick=False)
    make_event(title="Course", dates=[(local(2026, 11, day, 18), local(2026, 11, day, 20)) for day in (3, 10, 17)])
    assert titles(client.get(events_index.url, {"month": "2026-11"})) == ["Course"]


def test_near_a_zip_code_keeps_close_events_and_online_ones(client, make_event, events_index):
    downtown = VenueFactory(latitude="35.59510", longitude="-82.55150", postal_code="28801")
    far = VenueFactory(latitude="35.22710", longitude="-80.84310", postal_code="28202")  # Charlotte
    make_event(title="Downtown", venue=downtown, dates=in_days(2))
    make_event(title="Charlotte", venue=far, dates=in_days(3))
    make_event(title="Online", attendance=MeetingFormat.ONLINE, venue=None, dates=in_days(4))
    response = client.get(events_index.url, {"zip": "28801", "within": "25"})
    assert titles(response) == ["Downtown", "Online"]
    assert "within 25 miles of ZIP 28801" in response.context["filters_text"]


def test_bad_values_are_left_out_with_a_note(client, make_event, events_index):
    make_event(title="Walk", kind=EventKind.OUTING, dates=in_days(3))
    response = client.get(events_index.url, {"kind": "rave", "month": "1999-01", "free": "maybe"})
    assert response.status_code == HTTPStatus.OK
    assert titles(response) == ["Walk"]
    assert {label for label, _value in response.context["ignored"]} == {"Kind of event", "Month", "Free events only"}


def test_pagination(client, make_event, events_index):
    for number in range(12):
        make_event(title=f"Event {number:02d}", dates=in_days(number + 1))
    first = client.get(events_index.url)
    second = client.get(events_index.url, {"page": "2"})
    assert len(titles(first)) == 10
    assert titles(second) == ["Event 10", "Event 11"]
    assert client.get(events_index.url, {"page": "nope"}).status_code == HTTPStatus.OK


def test_event_page_shows_every_date_status_and_how_to_come(client, make_event, practice):
    course = make_event(
        title="Mindfulness course",
        registration="phone",
        capacity=12,
        dates=[(local(2027, 3, day, 18, 30), local(2027, 3, day, 20)) for day in (2, 9, 16, 23)],
    )
    response = client.get(course.url)
    text = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert text.count("<time") >= 4
    assert "Tuesday, March 2, 2027, 6:30pm to 8pm" in text
    assert "(828) 555-0142" in text
    assert "Report a problem with this listing" in text
    assert "Details last checked on" in text
    assert course.online_meeting_url not in text or not course.online_meeting_url


def test_cancelled_and_postponed_read_clearly(client, make_event):
    cancelled = make_event(status=EventStatus.CANCELLED, status_note="The leader is unwell.", dates=in_days(3))
    moved = make_event(status=EventStatus.POSTPONED, previous_start=timezone.now() + DAY, dates=in_days(9))
    waiting = make_event(status=EventStatus.POSTPONED, dates=in_days(2))
    assert "This event is cancelled." in client.get(cancelled.url).content.decode()
    assert "This event has moved to a new date." in client.get(moved.url).content.decode()
    assert "This event is postponed." in client.get(waiting.url).content.decode()


def test_online_link_is_never_on_the_page(client, make_event):
    event = make_event(
        attendance=MeetingFormat.ONLINE, venue=None, online_meeting_url="https://meet.example/secret-room"
    )
    assert b"secret-room" not in client.get(event.url).content


def test_a_group_page_and_the_home_page_show_upcoming_events(client, make_event, site_root):
    finder = SupportGroupIndexPageFactory(parent=site_root)
    group = SupportGroupPageFactory(parent=finder)
    make_event(title="Walk for the group", group=group, dates=in_days(5))
    make_event(title="Over already", group=group, dates=in_days(-5))
    group_page = client.get(group.url).content.decode()
    assert "Walk for the group" in group_page
    assert "Over already" not in group_page
    assert "Walk for the group" in client.get(site_root.url).content.decode()


def test_a_group_without_events_shows_no_section(client, site_root, events_index):
    finder = SupportGroupIndexPageFactory(parent=site_root)
    group = SupportGroupPageFactory(parent=finder)
    assert b"group-events-heading" not in client.get(group.url).content
