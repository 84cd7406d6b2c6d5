"""What's on in a real browser on a phone: axe-core, no third parties, finding an event by kind and month."""

import datetime

import pytest

from events.choices import EventKind, EventStatus, Registration
from events.factories import EventDateFactory, EventIndexPageFactory, EventPageFactory
from events.models import EventPage, EventRegistration
from home.factories import TopicFactory
from home.local_time import TIMEZONE, now_local

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _local(days, hour):
    day = now_local().date() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=TIMEZONE)


@pytest.fixture
def site(site_root, practice):
    calm = TopicFactory(name="Mindfulness and the outdoors", slug="mindfulness-outdoors")
    index = EventIndexPageFactory(parent=site_root, title="What's on", slug="whats-on")
    walk = EventPageFactory(
        parent=index, slug="parkway-walk", title="A slow walk", kind=EventKind.OUTING, topics=[calm]
    )
    EventDateFactory(page=walk, start=_local(10, 10), end=_local(10, 13))
    course = EventPageFactory(
        parent=index, slug="course", title="Four weeks of mindfulness", kind=EventKind.MINDFULNESS
    )
    for week in range(4):
        EventDateFactory(page=course, start=_local(3 + 7 * week, 18), end=_local(3 + 7 * week, 20))
    cancelled = EventPageFactory(parent=index, slug="cancelled", title="Writing workshop", status=EventStatus.CANCELLED)
    EventDateFactory(page=cancelled, start=_local(5, 10), end=_local(5, 12))
    over = EventPageFactory(parent=index, slug="over", title="Last month's potluck", kind=EventKind.SOCIAL)
    EventDateFactory(page=over, start=_local(-30, 17), end=_local(-30, 20))
    return index


@pytest.mark.parametrize(
    "path",
    [
        "/whats-on/",
        "/whats-on/?kind=outing&topic=mindfulness-outdoors",
        "/whats-on/?kind=rave&month=1999-01",
        "/whats-on/?kind=social",
        "/whats-on/past/",
        "/whats-on/parkway-walk/",
        "/whats-on/course/",
        "/whats-on/cancelled/",
    ],
)
def test_pages_have_no_accessibility_violations(page, live_server, site, axe_check, offsite_requests, path):
    response = page.goto(live_server.url + path)
    assert response.status == 200
    axe_check(page)
    assert offsite_requests == []


def test_a_visitor_finds_an_outing_by_kind_and_month(page, live_server, site):
    page.goto(live_server.url + "/whats-on/")
    page.get_by_label("Kind of event").select_option("outing")
    page.get_by_label("Month").select_option(index=1 if _local(10, 10).month == now_local().month else 2)
    page.get_by_role("button", name="Show events").click()
    page.wait_for_url("**/whats-on/?*kind=outing*")
    titles = page.locator(".event-card .card__title").all_inner_texts()
    assert titles == ["A slow walk"]


def test_on_a_phone_a_visitor_finds_an_outing_adds_it_to_a_calendar_and_asks_for_a_place(page, live_server, site):
    """Issue 15's journey end to end: by kind and month, the .ics, the form, a clear answer."""
    EventPage.objects.filter(slug="parkway-walk").update(registration=Registration.FORM, capacity=12)
    page.goto(live_server.url + "/whats-on/")
    page.get_by_label("Kind of event").select_option("outing")
    page.get_by_label("Month").select_option(index=1 if _local(10, 10).month == now_local().month else 2)
    page.get_by_role("button", name="Show events").click()
    page.get_by_role("link", name="A slow walk").click()
    page.wait_for_url("**/whats-on/parkway-walk/")

    calendar_link = page.get_by_role("link", name="Add to my calendar")
    calendar = page.request.get(live_server.url + calendar_link.get_attribute("href"))
    assert calendar.headers["content-type"].startswith("text/calendar")
    assert "BEGIN:VEVENT" in calendar.text() and "SUMMARY:A slow walk" in calendar.text()

    page.get_by_role("link", name="Ask for a place").click()
    page.wait_for_url("**/whats-on/parkway-walk/register/")
    page.get_by_label("Your name").fill("Robin")
    page.get_by_label("Email", exact=True).check()
    page.get_by_label("Email address").fill("robin@example.org")
    page.get_by_label("No, please do not leave a message").check()
    page.get_by_label("I agree that").check()
    page.get_by_role("button", name="Ask for my place").click()
    page.wait_for_url("**/whats-on/parkway-walk/register/thank-you/")
    assert page.get_by_role("heading", name="What happens next").is_visible()
    assert EventRegistration.objects.get(name="Robin").event.slug == "parkway-walk"
