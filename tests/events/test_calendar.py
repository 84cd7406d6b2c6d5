"""Events' calendars, read back with icalendar: a VEVENT per date, RFC 5545 STATUS, stable UIDs, no online link."""

import datetime
from http import HTTPStatus

import pytest
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Site

from events.choices import EventKind, EventStatus
from events.models import EventPage
from groups.choices import MeetingFormat
from tests.events.conftest import local

pytestmark = pytest.mark.django_db


def vevents(client, url, host=None, **params):
    response = client.get(url, params, **({"HTTP_HOST": host} if host else {}))
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["America/New_York"]
    return calendar.walk("VEVENT")


def test_event_uids_name_the_site_whatever_host_the_subscriber_used(client, make_event):
    """Two names for the same site (localhost, 127.0.0.1) must not give every event twice."""
    course = make_event(dates=[(local(2027, 3, day, 18, 30), local(2027, 3, day, 20)) for day in (2, 9)])
    make_event(title="Walk")
    for url in (course.get_calendar_path(), "/events/calendar.ics"):
        uids = [[str(event["UID"]) for event in vevents(client, url, host)] for host in ("localhost", "127.0.0.1")]
        assert uids[0] == uids[1], url
        site_host = Site.objects.get(is_default_site=True).hostname
        assert uids[0] and all(uid.endswith(f"@{site_host}") for uid in uids[0]), url
        assert len(set(uids[0])) == len(uids[0]), url


def test_a_series_is_one_vevent_per_date_in_asheville_time(client, make_event):
    course = make_event(dates=[(local(2027, 3, day, 18, 30), local(2027, 3, day, 20)) for day in (2, 9, 16, 23)])
    events = vevents(client, course.get_calendar_path())
    assert len(events) == 4
    starts = [event.decoded("DTSTART") for event in events]
    assert starts[0] == local(2027, 3, 2, 18, 30)
    # Across the change to daylight saving time (March 14, 2027): still 6:30pm on the wall clock.
    assert starts[3].astimezone(local(2027, 3, 23).tzinfo).hour == 18
    assert events[3]["DTSTART"].params["TZID"] == "America/New_York"
    uids = {str(event["UID"]) for event in events}
    assert len(uids) == 4 and all(uid.endswith("@localhost") for uid in uids)
    assert all(str(event["STATUS"]) == "CONFIRMED" for event in events)
    assert str(events[0]["SUMMARY"]).endswith("(1 of 4)")


@pytest.mark.parametrize(
    ("status", "moved", "expected", "prefix"),
    [
        (EventStatus.SCHEDULED, False, "CONFIRMED", ""),
        (EventStatus.FULL, False, "CONFIRMED", ""),
        (EventStatus.CANCELLED, False, "CANCELLED", "Cancelled: "),
        (EventStatus.POSTPONED, False, "TENTATIVE", "Postponed: "),
        (EventStatus.POSTPONED, True, "CONFIRMED", ""),
    ],
    ids=["scheduled", "full", "cancelled", "postponed", "rescheduled"],
)
def test_status(client, make_event, status, moved, expected, prefix):
    previous = timezone.now() + datetime.timedelta(days=1) if moved else None
    event = make_event(title="Potluck", status=status, previous_start=previous)
    (component,) = vevents(client, event.get_calendar_path())
    assert str(component["STATUS"]) == expected
    assert str(component["SUMMARY"]) == prefix + "Potluck"
    # Published once: nothing for a calendar app to replace yet.
    assert component["SEQUENCE"] == 0


def publish(event, **fields):
    page = event.get_latest_revision_as_object()
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return EventPage.objects.get(pk=event.pk)


def test_sequence_goes_up_with_each_change_of_status_or_dates(client, make_event):
    # RFC 5545 3.8.7.4: a change of DTSTART or STATUS asks for a higher SEQUENCE, never a lower one.
    event = make_event(title="Potluck")
    sequences = [event.sequence]
    event = publish(event, status=EventStatus.POSTPONED)
    sequences.append(event.sequence)
    event = publish(event, status=EventStatus.SCHEDULED)
    sequences.append(event.sequence)
    assert sequences == [0, 1, 2]
    assert publish(event, summary="Bring a dish to share.").sequence == 2
    (component,) = vevents(client, event.get_calendar_path())
    assert component["SEQUENCE"] == 2
    page = event.get_latest_revision_as_object()
    page.dates.first().start -= datetime.timedelta(hours=1)
    page.save_revision().publish()
    assert EventPage.objects.get(pk=event.pk).sequence == 3
    # An older revision published again does not take the number back.
    event.revisions.order_by("created_at", "pk").first().publish()
    assert EventPage.objects.get(pk=event.pk).sequence == 4


def test_no_online_link_in_any_calendar(client, make_event):
    event = make_event(attendance=MeetingFormat.ONLINE, venue=None, online_meeting_url="https://meet.example/secret")
    assert b"meet.example" not in client.get(event.get_calendar_path()).content
    assert b"meet.example" not in client.get("/events/calendar.ics").content


def test_the_feed_leaves_out_past_events_and_follows_the_filter(client, make_event, time_machine):
    time_machine.move_to(local(2026, 11, 2, 9), tick=False)
    make_event(title="Walk", kind=EventKind.OUTING, dates=[(local(2026, 11, 20, 10), local(2026, 11, 20, 13))])
    make_event(title="Talk", kind=EventKind.SEMINAR, dates=[(local(2026, 11, 3, 18), local(2026, 11, 3, 19))])
    make_event(title="Over", dates=[(local(2026, 10, 3, 18), local(2026, 10, 3, 19))])
    assert sorted(str(e["SUMMARY"]) for e in vevents(client, "/events/calendar.ics")) == ["Talk", "Walk"]
    assert [str(e["SUMMARY"]) for e in vevents(client, "/events/calendar.ics", kind="outing")] == ["Walk"]
    # The talk ends: the feed lets go of it by itself, though nothing was published.
    time_machine.move_to(local(2026, 11, 3, 19, 1), tick=False)
    assert [str(e["SUMMARY"]) for e in vevents(client, "/events/calendar.ics")] == ["Walk"]


def test_an_unpublished_event_has_no_calendar(client, make_event):
    event = make_event()
    event.unpublish()
    assert client.get(event.get_calendar_path()).status_code == HTTPStatus.NOT_FOUND
