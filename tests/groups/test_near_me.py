"""Near me: the finder by distance from a ZIP code or the browser's position, and venues' coordinates checked.

The venues stand at known points around Asheville; ZIP 28801's centre (downtown Asheville) comes
from the `zipcodes` package, as on the site.
"""

import re
from decimal import Decimal
from http import HTTPStatus
from pathlib import Path

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from groups.choices import MeetingFormat
from groups.factories import VenueFactory
from groups.forms import FinderForm, rounded_position_query
from groups.models import Venue
from home.geo import bounding_box, describe_miles, distance_miles, zip_centroid

pytestmark = pytest.mark.django_db

DOWNTOWN = (Decimal("35.59510"), Decimal("-82.55150"))
WEST_ASHEVILLE = (Decimal("35.57890"), Decimal("-82.58760"))
WEAVERVILLE = (Decimal("35.69700"), Decimal("-82.56070"))
BLACK_MOUNTAIN = (Decimal("35.61780"), Decimal("-82.32210"))
CHARLOTTE = (Decimal("35.22710"), Decimal("-80.84310"))


def venue_at(point, **fields):
    return (
        VenueFactory(latitude=point[0], longitude=point[1], **fields)
        if point
        else VenueFactory(latitude=None, longitude=None, **fields)
    )


@pytest.fixture
def places(make_group):
    # Each meets on another day, so "soonest first" would give another order than "nearest first".
    return {
        "downtown": make_group(title="Downtown circle", venue=venue_at(DOWNTOWN), rules=[{"weekday": 4}]),
        "west": make_group(
            title="West Asheville hybrid",
            venue=venue_at(WEST_ASHEVILLE),
            meeting_format=MeetingFormat.HYBRID,
            rules=[{"weekday": 3}],
        ),
        "weaverville": make_group(title="Weaverville walk", venue=venue_at(WEAVERVILLE), rules=[{"weekday": 2}]),
        "black_mountain": make_group(
            title="Black Mountain group", venue=venue_at(BLACK_MOUNTAIN), rules=[{"weekday": 1}]
        ),
        "charlotte": make_group(title="Charlotte group", venue=venue_at(CHARLOTTE), rules=[{"weekday": 0}]),
        "online": make_group(
            title="Online evening group", meeting_format=MeetingFormat.ONLINE, venue=None, rules=[{"weekday": 0}]
        ),
        "unplaced": make_group(title="Group at a new place", venue=venue_at(None), rules=[{"weekday": 0}]),
    }


def titles(response):
    return [group.title for group in response.context["groups"]]


# Distances ----------------------------------------------------------------------------------------


def test_zip_centroids_come_from_the_package_offline():
    lat, lng = zip_centroid("28801")
    assert abs(lat - 35.597) < 0.05 and abs(lng + 82.556) < 0.05
    assert zip_centroid("00000") is None
    assert (
        zip_centroid("2880") is None
        and zip_centroid("28801-1234") is None
        and zip_centroid("\uff12\uff18\uff18\uff10\uff11") is None
    )


def test_distances_in_python_and_words():
    # Asheville to Charlotte is about 100 miles as the crow flies.
    assert 95 < distance_miles(DOWNTOWN, CHARLOTTE) < 105
    assert describe_miles(0.34) == "0.3 miles"
    assert describe_miles(1.02) == "1 mile"
    assert describe_miles(12.4) == "12 miles"
    assert describe_miles(0.04) == "under 0.1 miles"  # next door: never "0 miles away"
    south, north, west, east = bounding_box((35.6, -82.55), 25)
    assert south < 35.6 - 0.36 < north and west < -82.55 - 0.44 and east > -82.55 + 0.44


def test_zip_28801_lists_groups_nearest_first_with_distances_and_online_groups_after(client, finder, places):
    response = client.get(finder.url, {"zip": "28801"})
    assert response.status_code == HTTPStatus.OK
    assert titles(response) == [
        "Downtown circle",
        "West Asheville hybrid",
        "Weaverville walk",
        "Black Mountain group",
        "Online evening group",
    ]
    distances = [group.distance_miles for group in response.context["groups"]]
    assert distances[:4] == sorted(distances[:4]) and distances[4] is None
    # Checked against the package's haversine from the same centre.
    assert distances[3] == pytest.approx(distance_miles(zip_centroid("28801"), BLACK_MOUNTAIN), abs=0.01)
    html = response.content.decode()
    assert f"{describe_miles(distances[0])} away" in html
    assert f"{describe_miles(distances[3])} away" in html
    assert "Online: join from anywhere" in html
    assert "Nearest first, in straight-line miles from the middle of ZIP 28801" in html
    assert "Online groups follow" in html
    # The group whose venue is not on the map is not in a distance search, and the page says so.
    assert "1 group meets in person at a place we have not put on the map yet" in html
    assert "<title>Support groups: within 25 miles of ZIP 28801 |" in html


@pytest.mark.parametrize(
    ("within", "expected"),
    [
        ("5", ["Downtown circle", "West Asheville hybrid", "Online evening group"]),
        ("10", ["Downtown circle", "West Asheville hybrid", "Weaverville walk", "Online evening group"]),
        ("50", ["Downtown circle", "West Asheville hybrid", "Weaverville walk", "Black Mountain group"]),
    ],
)
def test_within_keeps_groups_in_range_and_online_ones(client, finder, places, within, expected):
    found = titles(client.get(finder.url, {"zip": "28801", "within": within}))
    assert found[: len(expected)] == expected
    assert "Charlotte group" not in found and "Online evening group" in found


def test_distance_combines_with_the_other_filters(client, finder, places):
    found = titles(client.get(finder.url, {"zip": "28801", "meeting_format": "in_person", "within": "10"}))
    assert found == ["Downtown circle", "West Asheville hybrid", "Weaverville walk"]


def test_within_without_a_place_is_no_filter(client, finder, places):
    response = client.get(finder.url, {"zip": "", "within": "5"})
    assert len(titles(response)) == 7
    assert response.context["filtered"] is False
    assert "group-card__distance" not in response.content.decode()


@pytest.mark.parametrize("zip_code", ["00000", "99999", "2880", "288011", "abcde", "28801\x00", "2" * 200])
def test_an_unknown_or_malformed_zip_is_left_out_with_a_message_never_a_500(client, finder, places, zip_code):
    response = client.get(finder.url, {"zip": zip_code, "within": "5"})
    assert response.status_code == HTTPStatus.OK
    assert len(titles(response)) == 7  # not sorted, not narrowed: the rest of the search applies
    html = response.content.decode()
    assert "We left out part of your search" in html
    assert "We could not find that ZIP code, so the groups are not sorted by distance" in html
    assert response.context["near"] is None


def test_a_zip_plus_four_is_read_as_its_zip_code(client, finder, places):
    assert client.get(finder.url, {"zip": "28801-1234"}).context["near"].zip_code == "28801"


def test_the_distance_shown_chosen_is_25_miles_until_another_is_chosen(client, finder, places):
    assert '<option value="25" selected>' in client.get(finder.url, {"topic": ""}).content.decode()
    assert '<option value="10" selected>' in client.get(finder.url, {"within": "10"}).content.decode()


def test_an_unknown_within_falls_back_to_25_miles(client, finder, places):
    response = client.get(finder.url, {"zip": "28801", "within": "7"})
    assert "Black Mountain group" in titles(response)
    assert ("Within", "7") in response.context["ignored"]


# The browser's position ---------------------------------------------------------------------------


def test_the_browsers_position_sorts_by_distance_and_is_never_kept_by_a_cache(client, finder, places):
    response = client.get(finder.url, {"lat": "35.60", "lng": "-82.55"})
    assert response.status_code == HTTPStatus.OK
    assert titles(response)[:2] == ["Downtown circle", "West Asheville hybrid"]
    assert titles(response)[-1] == "Online evening group"
    html = response.content.decode()
    assert "Nearest first, in straight-line miles from your location" in html
    assert "within 25 miles of your location" in html
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives and "public" not in directives
    # The calendar feed's links never carry the position, and the page says so.
    assert re.findall(r'calendar\.ics[^"]*"', html) == ['calendar.ics"'] * 3
    assert "It does not use your location" in html


def test_a_zip_search_may_be_kept_by_shared_caches(client, finder, places):
    response = client.get(finder.url, {"zip": "28801"})
    assert "public" in response["Cache-Control"]


def test_a_precise_position_is_rounded_before_use_by_a_redirect(client, finder, places):
    response = client.get(finder.url, {"lat": "35.595123", "lng": "-82.551456", "topic": ""})
    assert response.status_code == HTTPStatus.FOUND
    assert "35.595123" not in response["Location"] and "lat=35.60" in response["Location"]
    assert "lng=-82.55" in response["Location"] and "no-store" in response["Cache-Control"]
    rounded = client.get(response["Location"])
    assert rounded.status_code == HTTPStatus.OK and "35.595" not in rounded.content.decode()


def test_rounded_position_query_leaves_rounded_and_unreadable_values_alone(rf):
    assert rounded_position_query(rf.get("/", {"lat": "35.60", "lng": "-82.55"}).GET) is None
    assert rounded_position_query(rf.get("/", {"lat": "north", "lng": "nan"}).GET) is None
    assert rounded_position_query(rf.get("/", {"lat": "35.6"}).GET)["lat"] == "35.60"


@pytest.mark.parametrize(
    "query",
    [
        {"lat": "35.60"},
        {"lng": "-82.55"},
        {"lat": "95.00", "lng": "-82.55"},
        {"lat": "35.60", "lng": "-190.00"},
        {"lat": "north", "lng": "-82.55"},
        {"lat": "nan", "lng": "inf"},
        {"lat": "35.60\x00", "lng": "-82.55"},
    ],
)
def test_a_position_that_cannot_be_read_is_left_out_and_never_echoed(client, finder, places, query):
    response = client.get(finder.url, query)
    assert response.status_code == HTTPStatus.OK
    assert len(titles(response)) == 7
    assert response.context["ignored"] == [("Your location", "could not be read")]
    html = response.content.decode()
    assert "We could not read your location" in html
    assert "-82.55" not in html and "35.60" not in html and "35.6<" not in html


def test_a_zip_code_wins_over_the_browsers_position(client, finder, places):
    response = client.get(finder.url, {"zip": "28711", "lat": "35.60", "lng": "-82.55"})
    assert response.context["near"].zip_code == "28711"  # Black Mountain
    assert titles(response)[0] == "Black Mountain group"


def test_feeds_ignore_the_browsers_position_but_follow_a_zip_code(client, finder, places):
    # The test's groups were never published, so each calendar is stamped with the time it was made:
    # both are made in the same frozen second.
    with time_machine.travel(timezone.now(), tick=False):
        everything = client.get("/groups/calendar.ics").content.decode()
        with_position = client.get("/groups/calendar.ics", {"lat": "35.60", "lng": "-82.55", "within": "5"})
    assert with_position.content.decode() == everything
    # A feed URL naming a position (pasted, made by hand) is kept by no cache in front.
    assert "no-store" in with_position["Cache-Control"] and "public" not in with_position["Cache-Control"]
    near = client.get("/groups/calendar.ics", {"zip": "28801", "within": "5"}).content.decode()
    assert "Downtown circle" in near and "Online evening group" in near and "Weaverville walk" not in near


def test_the_finder_may_ask_for_the_position_and_other_pages_may_not(client, finder, places):
    def policy(response):
        return dict(item.strip().split("=", 1) for item in response["Permissions-Policy"].split(","))

    assert policy(client.get(finder.url))["geolocation"] == "(self)"
    assert policy(client.get(finder.url))["camera"] == "()"
    assert policy(client.get("/"))["geolocation"] == "()"


def test_the_form_offers_zip_within_and_the_location_button_for_javascript(client, finder, places):
    html = client.get(finder.url).content.decode()
    assert 'name="zip"' in html and 'inputmode="numeric"' in html and 'autocomplete="postal-code"' in html
    assert '<option value="25" selected>25 miles</option>' in html
    assert 'type="hidden" name="lat"' in html and 'type="hidden" name="lng"' in html
    assert "data-near-me-controls hidden" in html  # shown by near-me.js only
    assert '/static/js/near-me.js" defer' in html


def test_the_form_never_links_the_position():
    form = FinderForm({"lat": "35.60", "lng": "-82.55", "topic": "", "within": "10"})
    assert dict(form.query_items()) == {"topic": "", "within": "10"}
    assert form.describe() == "within 10 miles of your location"


# Queries ------------------------------------------------------------------------------------------


def _queries(client, url, query):
    client.get(url, query)
    client.get(url, query)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, query)
    assert response.status_code == HTTPStatus.OK
    return len(context.captured_queries)


def test_a_distance_search_costs_the_same_queries_however_many_groups(client, finder, make_group):
    def add(count):
        for number in range(count):
            point = (DOWNTOWN[0] + Decimal(number) / 1000, DOWNTOWN[1])
            make_group(venue=venue_at(point), rules=[{"weekday": 1}, {"weekday": 3}])
            make_group(meeting_format=MeetingFormat.ONLINE, venue=None)
            make_group(venue=venue_at(None))

    searches = {"zip": {"zip": "28801"}, "position": {"lat": "35.60", "lng": "-82.55", "page": "2"}}
    add(4)
    before = {name: _queries(client, finder.url, query) for name, query in searches.items()}
    add(20)
    assert {name: _queries(client, finder.url, query) for name, query in searches.items()} == before


# Venues' coordinates ------------------------------------------------------------------------------


def venue(**fields):
    values = {"name": "Laurel Room (demo venue)", "street_address": "14 Oak Street", "postal_code": "28801"}
    return Venue(**{**values, **fields})


def errors(venue):
    with pytest.raises(ValidationError) as caught:
        venue.full_clean()
    return caught.value.message_dict


def test_a_venue_near_its_zip_code_or_without_coordinates_is_fine():
    venue(latitude=DOWNTOWN[0], longitude=DOWNTOWN[1]).full_clean()
    venue().full_clean()
    venue(postal_code="", latitude=DOWNTOWN[0], longitude=DOWNTOWN[1]).full_clean()
    venue(postal_code="00000", latitude=DOWNTOWN[0], longitude=DOWNTOWN[1]).full_clean()  # unknown ZIP: no check


def test_a_venue_needs_both_coordinates_or_neither():
    assert "Add the longitude too" in errors(venue(latitude=DOWNTOWN[0]))["longitude"][0]
    assert "Add the latitude too" in errors(venue(longitude=DOWNTOWN[1]))["latitude"][0]


def test_coordinates_out_of_range_are_refused():
    assert "latitude" in errors(venue(latitude=Decimal("91"), longitude=DOWNTOWN[1]))
    assert "longitude" in errors(venue(latitude=DOWNTOWN[0], longitude=Decimal("-181")))


@pytest.mark.parametrize(
    ("latitude", "longitude"),
    [(DOWNTOWN[0], -DOWNTOWN[1]), (DOWNTOWN[1], DOWNTOWN[0]), (Decimal("51.5"), Decimal("-0.12"))],
)
def test_coordinates_outside_the_united_states_are_refused(latitude, longitude):
    message = errors(venue(latitude=latitude, longitude=longitude))["longitude"][0]
    assert "outside the United States" in message and "minus sign" in message


def test_coordinates_far_from_the_venues_zip_code_are_refused():
    message = errors(venue(latitude=CHARLOTTE[0], longitude=CHARLOTTE[1]))["latitude"][0]
    assert "from the middle of ZIP code 28801" in message and "mistyped" in message


def test_the_demo_venues_are_on_the_map_near_their_zip_codes():
    from groups.demo import VENUES

    for fields in VENUES:
        assert fields["latitude"] and fields["longitude"], fields["name"]
        Venue(**fields).full_clean()


def test_the_venue_editor_shows_the_coordinate_errors_beside_the_fields(admin_client):
    data = {
        "name": "Laurel Room (demo venue)",
        "street_address": "14 Oak Street",
        "locality": "Asheville",
        "region": "NC",
        "postal_code": "28801",
        "latitude": "35.22710",
        "longitude": "-80.84310",
    }
    response = admin_client.post("/admin/snippets/groups/venue/add/", data)
    assert response.status_code == HTTPStatus.OK  # the form again, with its errors
    assert "from the middle of ZIP code 28801" in response.content.decode()
    assert not Venue.objects.exists()
    response = admin_client.post("/admin/snippets/groups/venue/add/", {**data, "latitude": "35.59510", "longitude": ""})
    assert "Add the longitude too" in response.content.decode()
    response = admin_client.post(
        "/admin/snippets/groups/venue/add/", {**data, "latitude": "35.59510", "longitude": "-82.55150"}
    )
    assert response.status_code == HTTPStatus.FOUND and Venue.objects.get().latitude == DOWNTOWN[0]


def test_no_log_line_carries_a_position():
    from home.logging import redact

    line = redact('"GET /support-groups/?lat=35.60&lng=-82.55&within=10 HTTP/1.1" 200 /support-groups/?zip=28801')
    assert "35.60" not in line and "-82.55" not in line and "28801" not in line
    # gunicorn's access log writes the path without its query string (%(U)s), and no referrer.
    gunicorn_conf = (Path(__file__).resolve().parents[2] / "gunicorn.conf.py").read_text()
    assert "%(U)s" in gunicorn_conf and "%(q)s" not in gunicorn_conf and "%(f)s" not in gunicorn_conf


# The printed list ----------------------------------------------------------------------------------


def test_a_zip_search_prints_the_nearest_groups(client, finder, places, monkeypatch):
    monkeypatch.setattr(type(finder), "print_limit", 2)
    html = client.get(finder.url, {"zip": "28801", "within": "10"}).content.decode()
    assert 'href="/support-groups/print/?within=10&amp;zip=28801">Print this list</a>' in html
    sheet = client.get(finder.url + "print/", {"zip": "28801", "within": "10"})
    # The two nearest of the four within ten miles (and the online group), then by day of the week.
    assert [entry.title for entry in sheet.context["entries"]] == ["West Asheville hybrid", "Downtown circle"]
    assert "within 10 miles of ZIP 28801" in sheet.content.decode()


def test_a_search_from_the_browsers_position_offers_no_printed_list(client, finder, places):
    html = client.get(finder.url, {"lat": "35.60", "lng": "-82.55", "within": "10"}).content.decode()
    assert "Print this list" not in html
    assert "search by your ZIP code: a printed list never uses your location" in html
    sheet = client.get(finder.url + "print/", {"lat": "35.60", "lng": "-82.55"})
    assert sheet.status_code == HTTPStatus.OK and "35.60" not in sheet.content.decode()
    assert "no-store" in sheet["Cache-Control"] and "private" in sheet["Cache-Control"]
