"""Asking for a place at an event in a real browser on a phone: from the event page to "we have your request",
the waiting list once the places are taken, a mistake explained at the top, and axe on each page."""

import datetime

import pytest
from django.utils import timezone

from events.choices import EventKind, Registration, RegistrationStatus
from events.factories import EventDateFactory, EventIndexPageFactory, EventPageFactory, EventRegistrationFactory
from events.models import EventRegistration
from tests.browser.conftest import Steps

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# From the event page to the thank-you page: open it, ask, a name, a way to reach them and the
# address, whether a message may be left, consent, send.
MOST_STEPS = 8


@pytest.fixture
def site(site_root, practice):
    index = EventIndexPageFactory(parent=site_root, title="What's on", slug="whats-on")
    start = (timezone.now() + datetime.timedelta(days=9)).replace(microsecond=0)
    events = {}
    for slug, title, capacity in (("art", "An afternoon of art", 8), ("potluck", "Holiday potluck", 1)):
        event = EventPageFactory(
            parent=index,
            slug=slug,
            title=title,
            kind=EventKind.ART_THERAPY,
            registration=Registration.FORM,
            capacity=capacity,
        )
        EventDateFactory(page=event, start=start, end=start + datetime.timedelta(hours=2))
        events[slug] = event
    EventRegistrationFactory(event=events["potluck"], status=RegistrationStatus.CONFIRMED)
    return events


def test_a_visitor_on_a_phone_asks_for_a_place_and_is_told_what_happens_next(page, live_server, site):
    step = Steps()
    step(page.goto, live_server.url + "/whats-on/art/")
    step(page.get_by_role("link", name="Ask for a place").click)
    page.wait_for_url("**/whats-on/art/register/")
    assert page.get_by_text("This form is not an emergency line.").is_visible()
    step(page.get_by_label("Your name").fill, "Marisol")
    step(page.get_by_label("Email", exact=True).check)
    step(page.get_by_label("Email address").fill, "marisol@example.org")
    step(page.get_by_label("No, please do not leave a message").check)
    step(page.get_by_label("I agree that").check)
    step(page.get_by_role("button", name="Ask for my place").click)

    page.wait_for_url("**/whats-on/art/register/thank-you/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Thank you")
    assert page.get_by_role("heading", name="What happens next").is_visible()
    assert step.count <= MOST_STEPS, f"{step.count} steps"
    saved = EventRegistration.objects.get(name="Marisol")
    assert saved.status == RegistrationStatus.NEW and saved.event_id == site["art"].pk
    assert "Marisol" not in page.content()


def test_a_full_event_puts_the_visitor_on_the_waiting_list(page, live_server, site):
    page.goto(live_server.url + "/whats-on/potluck/")
    assert page.get_by_text("This event is full.").is_visible()
    page.get_by_role("link", name="Join the waiting list").click()
    page.wait_for_url("**/whats-on/potluck/register/")
    page.get_by_label("Your name").fill("Sam")
    page.get_by_label("Text message").check()
    page.get_by_label("Phone number").fill("828 555 0123")
    page.get_by_label("Yes, you can leave a message").check()
    page.get_by_label("I agree that").check()
    page.get_by_role("button", name="Put me on the waiting list").click()
    page.wait_for_url("**/whats-on/potluck/register/thank-you/?list=waiting")
    assert "you are on its waiting list" in page.locator(".notice--success").inner_text()
    assert EventRegistration.objects.get(name="Sam").status == RegistrationStatus.WAITLISTED


def test_a_mistake_is_shown_at_the_top_and_explained_without_losing_anything(page, live_server, site):
    page.goto(live_server.url + "/whats-on/art/register/")
    page.get_by_label("Your name").fill("Marisol")
    page.get_by_label("Anything you would like us to know").fill("I use a wheelchair.")
    page.get_by_role("button", name="Ask for my place").click()
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert "how we should contact you" in summary.inner_text()
    assert page.get_by_label("Anything you would like us to know").input_value() == "I use a wheelchair."
    assert EventRegistration.objects.filter(name="Marisol").count() == 0


@pytest.mark.parametrize(
    "path",
    [
        "/whats-on/art/",
        "/whats-on/art/register/",
        "/whats-on/potluck/register/",
        "/whats-on/art/register/thank-you/",
        "/whats-on/art/register/thank-you/?list=waiting",
    ],
)
def test_the_registration_pages_have_no_accessibility_violations(
    page, live_server, site, axe_check, offsite_requests, path
):
    response = page.goto(live_server.url + path)
    assert response.status == 200
    axe_check(page)
    assert offsite_requests == []
