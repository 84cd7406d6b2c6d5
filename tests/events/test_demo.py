"""The events' demo: seven events in the practice's voice, marked as demo, upcoming whatever the day, loaded once."""

from http import HTTPStatus

import pytest

from events import demo
from events.choices import EventKind, EventStatus
from events.models import EventIndexPage, EventPage

pytestmark = pytest.mark.django_db


def test_the_demo_events_are_all_upcoming_and_marked(client, demo_site):
    index = EventIndexPage.objects.get()
    events = EventPage.objects.child_of(index).live()
    assert events.count() == 7
    assert events.upcoming().count() == 7
    for event in events:
        assert demo.DEMO_NOTE in str(event.description), event.title
    assert {event.kind for event in events} >= {
        EventKind.ART_THERAPY,
        EventKind.MINDFULNESS,
        EventKind.SEMINAR,
        EventKind.OUTING,
        EventKind.SOCIAL,
    }
    assert events.filter(status=EventStatus.CANCELLED).count() == 1
    postponed = events.get(status=EventStatus.POSTPONED)
    assert postponed.previous_start is not None
    course = events.get(slug="four-week-mindfulness-course")
    assert len(course.date_list) == 4
    walk = events.get(slug="blue-ridge-parkway-walk")
    assert walk.members_only and walk.group is not None and walk.meeting_point
    assert index.show_in_menus
    response = client.get(index.url)
    assert response.status_code == HTTPStatus.OK
    assert len(response.context["events"]) == 7


def test_the_walk_shows_on_its_group_page_and_events_on_the_home_page(client, demo_site):
    walk = EventPage.objects.get(slug="blue-ridge-parkway-walk")
    assert walk.title in client.get(walk.group.url).content.decode()
    assert "upcoming-events-heading" in client.get("/").content.decode()


def test_loading_again_changes_nothing(demo_site):
    count = EventPage.objects.count()
    demo.load(lambda message: None)
    assert EventPage.objects.count() == count


def test_multiply_and_bench_urls(demo_site):
    demo.multiply(2, log=lambda message: None)
    assert EventPage.objects.count() == 14
    assert demo.bench_urls()
