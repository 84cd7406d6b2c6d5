"""Near me on What's on, as in the group finder: from a ZIP code or the browser's position, nearest first.

Each in-person (or hybrid) event shows how far it is; online events come after them, marked online.
The visitor's position is rounded, kept by no cache, in no link the page makes, and only this page
and the finder may ask the browser for it (home/near_me.py). The venues stand at known points
around Asheville; ZIP 28801's centre comes from the `zipcodes` package, as on the site.
"""

import re
from decimal import Decimal
from http import HTTPStatus

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.choices import EventKind
from events.factories import EventDateFactory
from groups.factories import VenueFactory
from home.choices import MeetingFormat
from home.factories import TopicFactory
from home.geo import describe_miles, distance_miles, zip_centroid
from tests.events.test_index import in_days, titles

pytestmark = pytest.mark.django_db

DOWNTOWN = (Decimal("35.59510"), Decimal("-82.55150"))
WEST_ASHEVILLE = (Decimal("35.57890"), Decimal("-82.58760"))
BLACK_MOUNTAIN = (Decimal("35.61780"), Decimal("-82.32210"))
CHARLOTTE = (Decimal("35.22710"), Decimal("-80.84310"))
# The middle of ZIP 28801 itself, as the package gives it.
ZIP_CENTRE = (Decimal("35.59710"), Decimal("-82.55650"))


def at(point):
    return VenueFactory(latitude=point[0], longitude=point[1])


@pytest.fixture
def near_events(make_event, events_index):
    # Soonest first would give another order than nearest first.
    return {
        "black_mountain": make_event(title="Black Mountain walk", venue=at(BLACK_MOUNTAIN), dates=in_days(1)),
        "online": make_event(title="Online talk", attendance=MeetingFormat.ONLINE, venue=None, dates=in_days(2)),
        "west": make_event(
            title="West Asheville workshop",
            attendance=MeetingFormat.HYBRID,
            venue=at(WEST_ASHEVILLE),
            dates=in_days(3),
        ),
        "charlotte": make_event(title="Charlotte day", venue=at(CHARLOTTE), dates=in_days(4)),
        "downtown": make_event(title="Downtown potluck", venue=at(DOWNTOWN), dates=in_days(5)),
    }


def html_of(response):
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def test_zip_28801_lists_events_nearest_first_with_distances_and_online_ones_after(client, near_events, events_index):
    response = client.get(events_index.url, {"zip": "28801"})
    assert titles(response) == ["Downtown potluck", "West Asheville workshop", "Black Mountain walk", "Online talk"]
    distances = [event.distance_miles for event in response.context["events"]]
    assert distances[:3] == sorted(distances[:3]) and distances[3] is None
    assert distances[2] == pytest.approx(distance_miles(zip_centroid("28801"), BLACK_MOUNTAIN), abs=0.01)
    html = html_of(response)
    shown = re.findall(r'<p class="group-card__distance">([^<]+)</p>', html)
    assert shown == [f"{describe_miles(miles)} away" for miles in distances[:3]] + ["Online: join from anywhere"]
    assert re.fullmatch(r"\d\.\d miles away", shown[1]) and re.fullmatch(r"1\d miles away", shown[2])
    assert "Nearest first, in straight-line miles from the middle of ZIP 28801; events within 25 miles" in html
    assert "Online events follow: you can join them from anywhere" in html
    assert "Soonest first" not in html
    assert response.context["filters_text"] == "within 25 miles of ZIP 28801"
    # Kept by shared caches as any ZIP search: it names no one's position.
    assert "public" in response["Cache-Control"]


def test_events_at_a_place_not_on_the_map_are_counted_not_lost(client, near_events, make_event, events_index):
    make_event(title="Unmapped class", venue=VenueFactory(latitude=None, longitude=None), dates=in_days(6))
    make_event(
        title="Parkway outing",
        kind=EventKind.OUTING,
        venue=None,
        meeting_point="Craggy Gardens visitor center",
        dates=in_days(7),
    )
    html = html_of(client.get(events_index.url, {"zip": "28801"}))
    assert "Unmapped class" not in html and "Parkway outing" not in html
    assert "2 events happen in person at a place we have not put on the map yet, so they are not in this list." in html
    # Said too when nothing on the map is near.
    html = html_of(client.get(events_index.url, {"zip": "28801", "kind": EventKind.OUTING}))
    assert "1 event happens in person at a place we have not put on the map yet, so it is not in this list." in html
    # Without a place to measure from, every event is listed and nothing is said.
    html = html_of(client.get(events_index.url))
    assert "Unmapped class" in html and "Parkway outing" in html and "put on the map" not in html


def test_an_event_next_door_is_under_a_tenth_of_a_mile(client, make_event, events_index):
    make_event(title="At the centre", venue=at(ZIP_CENTRE), dates=in_days(2))
    html = html_of(client.get(events_index.url, {"zip": "28801"}))
    assert '<p class="group-card__distance">under 0.1 miles away</p>' in html


@pytest.mark.parametrize(
    ("within", "expected"),
    [
        ("5", ["Downtown potluck", "West Asheville workshop", "Online talk"]),
        ("50", ["Downtown potluck", "West Asheville workshop", "Black Mountain walk", "Online talk"]),
    ],
    ids=["5", "50"],
)
def test_within_keeps_events_in_range_and_online_ones(client, near_events, events_index, within, expected):
    assert titles(client.get(events_index.url, {"zip": "28801", "within": within})) == expected


def test_distance_combines_with_a_topic_and_in_person_only(client, near_events, events_index, make_event):
    grief = TopicFactory(name="Grief and loss", slug="grief")
    make_event(title="Grief walk far out", topics=[grief], venue=at(BLACK_MOUNTAIN), dates=in_days(6))
    make_event(title="Grief circle downtown", topics=[grief], venue=at(DOWNTOWN), dates=in_days(7))
    make_event(title="Grief online", topics=[grief], attendance=MeetingFormat.ONLINE, venue=None, dates=in_days(1))
    response = client.get(events_index.url, {"zip": "28801", "topic": "grief"})
    assert titles(response) == ["Grief circle downtown", "Grief walk far out", "Grief online"]
    assert all(event.distance_miles is not None for event in response.context["events"][:2])
    in_person = client.get(events_index.url, {"zip": "28801", "attendance": "in_person", "within": "10"})
    assert titles(in_person) == ["Downtown potluck", "Grief circle downtown", "West Asheville workshop"]


def test_without_a_place_the_list_is_soonest_first_with_no_distances(client, near_events, events_index):
    response = client.get(events_index.url, {"within": "5"})
    assert titles(response)[0] == "Black Mountain walk" and len(titles(response)) == 5
    html = html_of(response)
    assert "group-card__distance" not in html and "Soonest first" in html


# The browser's position ---------------------------------------------------------------------------


def test_the_browsers_position_sorts_by_distance_and_is_never_kept_by_a_cache(client, near_events, events_index):
    response = client.get(events_index.url, {"lat": "35.60", "lng": "-82.55"})
    assert titles(response) == ["Downtown potluck", "West Asheville workshop", "Black Mountain walk", "Online talk"]
    html = html_of(response)
    assert "Nearest first, in straight-line miles from your location" in html
    assert "within 25 miles of your location" in html
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives and "public" not in directives
    # The calendar's links never carry the position, and the page says so.
    assert "calendar.ics" in html and "calendar.ics?" not in html
    assert "It does not use your location" in html


def test_a_precise_position_is_rounded_before_use_by_a_redirect(client, near_events, events_index):
    response = client.get(events_index.url, {"lat": "35.595123", "lng": "-82.551456", "kind": ""})
    assert response.status_code == HTTPStatus.FOUND
    assert "35.595123" not in response["Location"] and "lat=35.60" in response["Location"]
    assert "lng=-82.55" in response["Location"] and "no-store" in response["Cache-Control"]
    assert "35.595" not in html_of(client.get(response["Location"]))


@pytest.mark.parametrize(
    "query",
    [
        {"lat": "35.60"},
        {"lat": "95.00", "lng": "-82.55"},
        {"lat": "north", "lng": "-82.55"},
        {"lat": "nan", "lng": "inf"},
    ],
    ids=["half", "out-of-range", "words", "nan"],
)
def test_a_position_that_cannot_be_read_is_left_out_and_never_echoed(client, near_events, events_index, query):
    response = client.get(events_index.url, query)
    assert len(titles(response)) == 5
    assert response.context["ignored"] == [("Your location", "could not be read")]
    html = html_of(response)
    assert "We could not read your location, so the events are not sorted by distance" in html
    assert "-82.55" not in html and "35.60" not in html and "95.00" not in html


def test_a_zip_code_wins_over_the_browsers_position(client, near_events, events_index):
    response = client.get(events_index.url, {"zip": "28711", "lat": "35.60", "lng": "-82.55"})
    assert response.context["near"].zip_code == "28711"  # Black Mountain
    assert titles(response)[0] == "Black Mountain walk"


def test_the_calendar_ignores_the_browsers_position_but_follows_a_zip_code(client, near_events):
    with time_machine.travel(timezone.now(), tick=False):
        everything = client.get("/events/calendar.ics").content
        with_position = client.get("/events/calendar.ics", {"lat": "35.60", "lng": "-82.55", "within": "5"})
    assert with_position.content == everything
    # A feed URL naming a position (pasted, made by hand) is kept by no cache in front.
    assert "no-store" in with_position["Cache-Control"] and "public" not in with_position["Cache-Control"]
    near = client.get("/events/calendar.ics", {"zip": "28801", "within": "5"}).content.decode()
    assert "Downtown potluck" in near and "Online talk" in near and "Black Mountain walk" not in near


def test_only_whats_on_and_the_finder_may_ask_for_the_position(client, near_events, events_index):
    def geolocation(response):
        return dict(item.strip().split("=", 1) for item in response["Permissions-Policy"].split(","))["geolocation"]

    assert geolocation(client.get(events_index.url)) == "(self)"
    assert geolocation(client.get(events_index.url, {"zip": "28801"})) == "(self)"
    assert geolocation(client.get(near_events["downtown"].url)) == "()"
    assert geolocation(client.get(events_index.url + "past/")) == "()"
    assert geolocation(client.get("/")) == "()"


def test_the_form_offers_zip_within_and_the_location_button_for_javascript(client, near_events, events_index):
    html = html_of(client.get(events_index.url))
    assert 'name="zip"' in html and 'autocomplete="postal-code"' in html
    assert '<option value="25" selected>25 miles</option>' in html
    assert 'type="hidden" name="lat"' in html and 'type="hidden" name="lng"' in html
    assert "data-near-me-controls hidden" in html  # shown by near-me.js only
    assert '/static/js/near-me.js" defer' in html
    assert "Use my location" in html and "never keep it" in html


def test_no_log_line_carries_a_position():
    from home.logging import redact

    line = redact('"GET /whats-on/?lat=35.60&lng=-82.55&within=10 HTTP/1.1" 200')
    assert "35.60" not in line and "-82.55" not in line


# Queries ------------------------------------------------------------------------------------------


def _queries(client, url, query):
    client.get(url, query)
    client.get(url, query)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, query)
    assert response.status_code == HTTPStatus.OK
    return len(context.captured_queries)


def test_a_distance_search_costs_the_same_queries_however_many_events(client, make_event, events_index):
    def add(count):
        for number in range(count):
            point = (DOWNTOWN[0] + Decimal(number) / 1000, DOWNTOWN[1])
            event = make_event(venue=at(point), dates=in_days(number + 1))
            EventDateFactory(page=event)
            make_event(attendance=MeetingFormat.ONLINE, venue=None, dates=in_days(number + 2))

    searches = {"zip": {"zip": "28801"}, "position": {"lat": "35.60", "lng": "-82.55", "page": "2"}}
    add(6)
    before = {name: _queries(client, events_index.url, query) for name, query in searches.items()}
    add(12)
    assert {name: _queries(client, events_index.url, query) for name, query in searches.items()} == before
