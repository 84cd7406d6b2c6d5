"""Near me in a real browser: "Use my location" with the permission granted, a ZIP code, and axe-core on both,
in the group finder and on What's on.

The browser's position is set by Playwright (no location service is asked); the page may ask for it
because the finder's and What's on's Permissions-Policy allows geolocation to the site itself.
"""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from groups.choices import MeetingFormat
from groups.factories import MeetingRuleFactory, SupportGroupIndexPageFactory, SupportGroupPageFactory, VenueFactory
from groups.schedule import now_local

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def near_groups(site_root, practice):
    finder = SupportGroupIndexPageFactory(parent=site_root, slug="support-groups")
    start = now_local().date() - datetime.timedelta(days=30)
    places = {
        "Black Mountain circle (demo)": (Decimal("35.61780"), Decimal("-82.32210"), MeetingFormat.IN_PERSON),
        "Downtown circle (demo)": (Decimal("35.59510"), Decimal("-82.55150"), MeetingFormat.IN_PERSON),
        "Online evening group (demo)": (None, None, MeetingFormat.ONLINE),
    }
    for weekday, (title, (lat, lng, meeting_format)) in enumerate(places.items()):
        venue = VenueFactory(latitude=lat, longitude=lng) if lat is not None else None
        group = SupportGroupPageFactory(parent=finder, title=title, venue=venue, meeting_format=meeting_format)
        MeetingRuleFactory(page=group, weekday=weekday, first_date=start)
    return finder


def result_titles(page):
    return page.locator(".finder-results .card__title").all_inner_texts()


def test_use_my_location_sorts_by_distance_and_passes_axe(page, live_server, near_groups, axe_check, offsite_requests):
    page.context.grant_permissions(["geolocation"], origin=live_server.url)
    page.context.set_geolocation({"latitude": 35.596123, "longitude": -82.552987})
    page.goto(live_server.url + "/support-groups/")
    button = page.get_by_role("button", name="Use my location")
    expect(button).to_be_visible()
    button.click()
    page.wait_for_url(re.compile(r"lat=35\.60"))
    # Rounded in the browser before it left: the precise position is nowhere in the URL.
    assert "lng=-82.55" in page.url and "35.596" not in page.url and "82.552" not in page.url
    expect(page.get_by_role("heading", name=re.compile("within 25 miles of your location"))).to_be_visible()
    assert result_titles(page) == [
        "Downtown circle (demo)",
        "Black Mountain circle (demo)",
        "Online evening group (demo)",
    ]
    cards = page.locator(".finder-results .group-card__distance")
    expect(cards.nth(0)).to_have_text(re.compile(r"^0\.\d miles away$"))
    expect(cards.nth(1)).to_have_text(re.compile(r"^1\d miles away$"))
    expect(cards.nth(2)).to_have_text("Online: join from anywhere")
    axe_check(page)
    assert offsite_requests == []


def test_a_zip_code_without_javascript_needs_no_permission(page, live_server, near_groups, axe_check):
    page.goto(live_server.url + "/support-groups/")
    page.get_by_label("ZIP code").fill("28711")  # Black Mountain
    page.get_by_label("Within").select_option("5")
    page.get_by_role("button", name="Show groups").click()
    page.wait_for_url(re.compile(r"zip=28711"))
    assert result_titles(page) == ["Black Mountain circle (demo)", "Online evening group (demo)"]
    axe_check(page)


def test_a_refused_permission_says_what_to_do_instead(page, live_server, near_groups):
    page.goto(live_server.url + "/support-groups/")  # no permission granted: the browser refuses
    page.get_by_role("button", name="Use my location").click()
    expect(page.get_by_role("status").filter(has_text="type your ZIP code instead")).to_be_visible()
    assert "lat=" not in page.url


@pytest.fixture
def near_events(site_root, practice):
    from events.factories import EventDateFactory, EventIndexPageFactory, EventPageFactory

    index = EventIndexPageFactory(parent=site_root, title="What's on", slug="whats-on")
    start = timezone.now().replace(microsecond=0)
    places = {
        "Black Mountain walk (demo)": (Decimal("35.61780"), Decimal("-82.32210"), MeetingFormat.IN_PERSON),
        "Downtown potluck (demo)": (Decimal("35.59510"), Decimal("-82.55150"), MeetingFormat.IN_PERSON),
        "Online talk (demo)": (None, None, MeetingFormat.ONLINE),
    }
    for days, (title, (lat, lng, attendance)) in enumerate(places.items(), start=1):
        venue = VenueFactory(latitude=lat, longitude=lng) if lat is not None else None
        event = EventPageFactory(parent=index, title=title, venue=venue, attendance=attendance)
        EventDateFactory(page=event, start=start + datetime.timedelta(days=days))
    return index


def test_use_my_location_on_whats_on_sorts_events_by_distance_and_passes_axe(
    page, live_server, near_events, axe_check, offsite_requests
):
    page.context.grant_permissions(["geolocation"], origin=live_server.url)
    page.context.set_geolocation({"latitude": 35.596123, "longitude": -82.552987})
    page.goto(live_server.url + "/whats-on/")
    button = page.get_by_role("button", name="Use my location")
    expect(button).to_be_visible()
    axe_check(page)
    button.click()
    page.wait_for_url(re.compile(r"lat=35\.60"))
    assert "lng=-82.55" in page.url and "35.596" not in page.url and "82.552" not in page.url
    expect(page.get_by_role("heading", name=re.compile("within 25 miles of your location"))).to_be_visible()
    assert page.locator(".event-card .card__title").all_inner_texts() == [
        "Downtown potluck (demo)",
        "Black Mountain walk (demo)",
        "Online talk (demo)",
    ]
    distances = page.locator(".event-card .group-card__distance")
    expect(distances.nth(0)).to_have_text(re.compile(r"^0\.\d miles away$"))
    expect(distances.nth(1)).to_have_text(re.compile(r"^1\d miles away$"))
    expect(distances.nth(2)).to_have_text("Online: join from anywhere")
    axe_check(page)
    assert offsite_requests == []
