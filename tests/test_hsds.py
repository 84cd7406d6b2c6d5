"""The Open Referral HSDS 3.0 feed (/api/hsds/): every answer valid against HSDS's published schemas.

The schemas are vendored in tests/vendor/hsds/ (README there: source, commit, licence).
Besides validity: paging and `modified_after`, 400s for bad parameters, 404s for
unknown or private ids, privacy (drafts, private pages, online links and join
requests never appear), cache headers, each kind of meeting rule read back as an
RRULE giving the same meetings as the site, and queries that do not grow with items.
"""

import datetime
import functools
import json
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from dateutil.rrule import rrulestr
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from jsonschema import Draft202012Validator, FormatChecker
from wagtail.log_actions import log
from wagtail.models import PageViewRestriction

from community.factories import CommunityIndexPageFactory, CommunityPageFactory, CommunityResourceFactory
from community.models import CommunityPage
from groups import schedule
from groups.choices import Audience, Frequency, GroupStatus, MeetingFormat
from groups.factories import (
    CancelledMeetingFactory,
    JoinRequestFactory,
    MeetingRuleFactory,
    SupportGroupIndexPageFactory,
    SupportGroupPageFactory,
    VenueFactory,
)
from groups.models import SupportGroupPage
from home.api import hsds

pytestmark = pytest.mark.django_db

VENDOR = Path(__file__).parent / "vendor" / "hsds"
BASE = "/api/hsds"
ONLINE_MARKER = "https://meet.example/online-link-marker-5d1c"
JOIN_MARKER = "join-request-marker-77ab"


@functools.cache
def vendored(name):
    return json.loads((VENDOR / f"{name}.json").read_text())


format_checker = FormatChecker()


@format_checker.checks("uri")
def is_uri(value):
    parts = urlsplit(value)
    return bool(parts.scheme in {"http", "https"} and parts.netloc)


def location_schema():
    return vendored("organization")["properties"]["locations"]["items"]


def envelope_schema(item_schema):
    """HSDS's paged list: the OpenAPI document's `Page`, every part of it given, `contents` of `item_schema`."""
    page = vendored("openapi")["components"]["schemas"]["Page"]
    return {
        "allOf": [page],
        "type": "object",
        "required": [*page["properties"], "contents"],
        "properties": {"contents": {"type": "array", "items": item_schema}},
    }


def assert_valid(data, schema):
    errors = sorted(Draft202012Validator(schema, format_checker=format_checker).iter_errors(data), key=str)
    assert not errors, "\n".join(f"{list(error.absolute_path)}: {error.message}" for error in errors[:10])


def get(client, path, status=HTTPStatus.OK):
    response = client.get(BASE + path)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


@pytest.fixture
def content(site_root, practice):
    """Groups of every kind of rule and format, a community page with resources, and what must never show."""
    finder = SupportGroupIndexPageFactory(parent=site_root)
    first = datetime.date(2026, 1, 6)
    weekly = SupportGroupPageFactory(parent=finder, title="Weekly grief circle", audience=Audience.ADULTS)
    MeetingRuleFactory(page=weekly, frequency=Frequency.WEEKLY, weekday=1, first_date=first)
    CancelledMeetingFactory(page=weekly, date=datetime.date.today() + datetime.timedelta(days=7 - 1), note="Holiday")
    fortnightly = SupportGroupPageFactory(
        parent=finder,
        title="Every other week",
        meeting_format=MeetingFormat.HYBRID,
        online_platform="Zoom",
        online_meeting_url=ONLINE_MARKER,
        audience=Audience.TEENS,
        status=GroupStatus.WAITLIST,
    )
    MeetingRuleFactory(page=fortnightly, frequency=Frequency.FORTNIGHTLY, weekday=3, first_date=first)
    monthly = SupportGroupPageFactory(
        parent=finder,
        title="Second Monday",
        meeting_format=MeetingFormat.ONLINE,
        venue=None,
        online_platform="Doxy.me",
        online_meeting_url=ONLINE_MARKER,
    )
    MeetingRuleFactory(page=monthly, frequency=Frequency.MONTHLY, weekday=0, week_of_month=2, first_date=first)
    last_friday = SupportGroupPageFactory(parent=finder, title="Last Friday", status=GroupStatus.PAUSED)
    MeetingRuleFactory(page=last_friday, frequency=Frequency.MONTHLY, weekday=4, week_of_month=-1, first_date=first)
    ended = SupportGroupPageFactory(parent=finder, title="Eight weeks in spring")
    MeetingRuleFactory(
        page=ended, weekday=2, first_date=datetime.date(2025, 3, 5), last_date=datetime.date(2025, 4, 23)
    )
    JoinRequestFactory(group=weekly, name=JOIN_MARKER, note=JOIN_MARKER)

    draft = SupportGroupPageFactory(parent=finder, title="Draft group", live=False)
    MeetingRuleFactory(page=draft, first_date=first)
    private = SupportGroupPageFactory(parent=finder, title="Private group")
    MeetingRuleFactory(page=private, first_date=first)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")

    community = CommunityIndexPageFactory(parent=site_root)
    local = CommunityPageFactory(parent=community, resources_checked=datetime.date(2026, 10, 1))
    food = CommunityResourceFactory(page=local, organization="Haywood Road Food Pantry")
    phone_only = CommunityResourceFactory(page=local, organization="Warm line", street_address="", town="")
    private_page = CommunityPageFactory(parent=community)
    hidden = CommunityResourceFactory(page=private_page, organization="Hidden resource")
    PageViewRestriction.objects.create(page=private_page, restriction_type="password", password="x")
    return {
        "weekly": weekly,
        "fortnightly": fortnightly,
        "monthly": monthly,
        "last_friday": last_friday,
        "ended": ended,
        "draft": draft,
        "private": private,
        "food": food,
        "phone_only": phone_only,
        "hidden": hidden,
    }


def group_id(group):
    return hsds.hsds_id("group-service", group.pk)


def all_services(client):
    return get(client, "/services?per_page=50")["contents"]


# Every endpoint is valid HSDS -------------------------------------------------------------------


def test_root_says_which_hsds(client):
    data = get(client, "/")
    assert data == {"version": "3.0", "profile": hsds.HSDS_PROFILE, "openapi_url": hsds.HSDS_OPENAPI}
    assert_valid(
        data, vendored("openapi")["paths"]["/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    )


def test_services_list_is_valid_and_lists_groups_then_resources(client, content):
    data = get(client, "/services")
    assert_valid(data, envelope_schema(vendored("service_list")))
    names = [item["name"] for item in data["contents"]]
    assert names == [
        "Weekly grief circle",
        "Every other week",
        "Second Monday",
        "Last Friday",
        "Eight weeks in spring",
        "Haywood Road Food Pantry",
        "Warm line",
    ]
    assert data["total_items"] == 7 and data["first_page"] and data["last_page"] and not data["empty"]


def test_every_service_detail_is_valid(client, content):
    for item in all_services(client):
        detail = get(client, f"/services/{item['id']}")
        assert_valid(detail, vendored("service"))
        assert detail["id"] == item["id"]
        # The one-to-one fields agree with the list.
        assert {key: detail[key] for key in item if key != "organization"} == {
            key: value for key, value in item.items() if key != "organization"
        }


def test_organizations_are_valid_in_list_and_detail(client, content):
    data = get(client, "/organizations")
    assert_valid(data, envelope_schema(vendored("organization_list")))
    names = [item["name"] for item in data["contents"]]
    assert names == ["Resilient Mind Counseling", "Haywood Road Food Pantry", "Warm line"]
    for item in data["contents"]:
        detail = get(client, f"/organizations/{item['id']}")
        assert_valid(detail, vendored("organization"))
    practice = get(client, f"/organizations/{hsds.practice_organization_id()}")
    assert {service["name"] for service in practice["services"]} == {
        "Weekly grief circle",
        "Every other week",
        "Second Monday",
        "Last Friday",
        "Eight weeks in spring",
    }
    assert practice["phones"][0]["number"] == "(828) 555-0142"
    assert practice["locations"][0]["addresses"][0]["address_1"] == "22 Laurel Ridge Road"


def test_locations_are_valid_and_are_the_venues_and_resource_addresses(client, content):
    data = get(client, "/locations")
    assert_valid(data, envelope_schema(location_schema()))
    names = [item["name"] for item in data["contents"]]
    venues = [content[name].venue.name for name in ("weekly", "fortnightly", "last_friday", "ended")]
    assert sorted(names) == sorted([*venues, "Haywood Road Food Pantry"])  # the warm line has no address


def test_an_online_groups_venue_is_not_a_location(client, content):
    """An online group may name a venue for its rough area (the Meeting Guide gives only its town): not a place."""
    online = content["monthly"]
    online.venue = VenueFactory(name="Online group's area marker")
    online.save_revision().publish()
    names = [item["name"] for item in get(client, "/locations?per_page=50")["contents"]]
    assert "Online group's area marker" not in names


# Mapping ----------------------------------------------------------------------------------------


def test_a_group_maps_to_a_service_of_the_practice(client, content):
    group = content["weekly"]
    service = get(client, f"/services/{group_id(group)}")
    assert service["organization"]["id"] == hsds.practice_organization_id() == service["organization_id"]
    assert service["name"] == group.title and service["description"] == group.summary
    assert service["url"] == group.get_full_url()
    assert service["assured_date"] == group.last_verified.isoformat()
    assert service["status"] == "active"
    assert service["minimum_age"] == 18 and "maximum_age" not in service
    assert service["phones"][0]["number"] == "(828) 555-0142"
    assert service["email"] == "hello@resilientmind.example"
    assert "Holiday" in service["alert"]
    location = service["service_at_locations"][0]["location"]
    assert location["name"] == group.venue.name
    assert location["addresses"][0]["address_1"] == group.venue.street_address
    assert location["latitude"] == float(group.venue.latitude)


def test_statuses_of_paused_ended_and_waitlisted_groups(client, content):
    by_name = {item["name"]: item for item in all_services(client)}
    assert by_name["Last Friday"]["status"] == "temporarily closed"
    assert "paused" in by_name["Last Friday"]["alert"]
    assert by_name["Eight weeks in spring"]["status"] == "inactive"
    assert by_name["Every other week"]["status"] == "active"
    assert "waiting list" in by_name["Every other week"]["alert"]
    assert by_name["Every other week"]["minimum_age"] == 13 and by_name["Every other week"]["maximum_age"] == 17


def test_a_resource_is_its_own_organization_and_service(client, content):
    food = content["food"]
    service = get(client, f"/services/{hsds.hsds_id('resource-service', food.pk)}")
    assert service["name"] == food.organization and service["description"] == food.offers
    assert service["organization"]["name"] == food.organization
    assert service["organization"]["id"] != hsds.practice_organization_id()
    assert service["assured_date"] == "2026-10-01"
    assert service["fees_description"] == food.cost
    assert service["schedules"][0]["description"] == food.hours
    assert service["phones"][0]["number"] == food.phone
    assert service["service_at_locations"][0]["location"]["addresses"][0]["address_1"] == food.street_address
    warm = get(client, f"/services/{hsds.hsds_id('resource-service', content['phone_only'].pk)}")
    assert "service_at_locations" not in warm


# Schedules as RRULEs ----------------------------------------------------------------------------


def rrule_of(item):
    """An HSDS schedule read back as an RRULE, the way a directory would."""
    parts = [f"FREQ={item['freq']}", f"INTERVAL={item['interval']}", f"BYDAY={item['byday']}", f"WKST={item['wkst']}"]
    if "until" in item:
        parts.append(f"UNTIL={item['until'].replace('-', '')}T235959")
    start = datetime.datetime.combine(
        datetime.date.fromisoformat(item["dtstart"]), datetime.time.fromisoformat(item["opens_at"])
    )
    return rrulestr("RRULE:" + ";".join(parts), dtstart=start)


@pytest.mark.parametrize(
    ("name", "freq", "interval", "byday"),
    [
        ("weekly", "WEEKLY", 1, "TU"),
        ("fortnightly", "WEEKLY", 2, "TH"),
        ("monthly", "MONTHLY", 1, "2MO"),
        ("last_friday", "MONTHLY", 1, "-1FR"),
        ("ended", "WEEKLY", 1, "WE"),
    ],
)
def test_each_kind_of_rule_is_an_rrule_with_the_sites_own_meetings(client, content, name, freq, interval, byday):
    group = content[name]
    rule = group.meeting_rules.get()
    (item,) = get(client, f"/services/{group_id(group)}")["schedules"]
    assert (item["freq"], item["interval"], item["byday"], item["wkst"]) == (freq, interval, byday, "MO")
    assert item["dtstart"] == item["valid_from"] == rule.first_date.isoformat()
    assert (item["opens_at"], item["closes_at"]) == ("18:30", "20:00")
    assert item["tzid"] == "America/New_York" and "timezone" not in item
    span = (datetime.datetime(2025, 1, 1), datetime.datetime(2027, 12, 31))
    ours = schedule.occurrences_between(rule, *span)
    assert ours and rrule_of(item).between(*span, inc=True) == ours
    if name == "ended":
        assert item["until"] == "2025-04-23" and ours[-1].date() == datetime.date(2025, 4, 23)
    else:
        assert "until" not in item


def test_online_groups_say_how_to_attend_without_the_link(client, content):
    monthly = get(client, f"/services/{group_id(content['monthly'])}")
    assert "service_at_locations" not in monthly
    assert "online (Doxy.me)" in monthly["schedules"][0]["attending_type"]
    hybrid = get(client, f"/services/{group_id(content['fortnightly'])}")
    assert "Zoom" in hybrid["schedules"][0]["attending_type"]
    assert hybrid["service_at_locations"][0]["location"]["location_type"] == "physical"


# Privacy ----------------------------------------------------------------------------------------


def every_answer(client, content):
    paths = ["/", "/services?per_page=50", "/organizations?per_page=50", "/locations?per_page=50"]
    services = all_services(client)
    paths += [f"/services/{item['id']}" for item in services]
    paths += [f"/organizations/{item['id']}" for item in get(client, "/organizations?per_page=50")["contents"]]
    return {path: client.get(BASE + path).content.decode() for path in paths}


def test_no_draft_private_page_online_link_or_join_request_anywhere(client, content):
    answers = every_answer(client, content)
    for path, body in answers.items():
        for marker in (ONLINE_MARKER, JOIN_MARKER, "Draft group", "Private group", "Hidden resource"):
            assert marker not in body, (path, marker)


@pytest.mark.parametrize("name", ["draft", "private"])
def test_a_draft_or_private_group_is_not_found(client, content, name):
    get(client, f"/services/{group_id(content[name])}", HTTPStatus.NOT_FOUND)


def test_a_resource_of_a_private_page_is_not_found(client, content):
    get(client, f"/services/{hsds.hsds_id('resource-service', content['hidden'].pk)}", HTTPStatus.NOT_FOUND)
    get(client, f"/organizations/{hsds.hsds_id('resource-organization', content['hidden'].pk)}", HTTPStatus.NOT_FOUND)


@pytest.mark.parametrize(
    # Fixed ids, never made at import: pytest-xdist's workers must collect the same tests.
    "path",
    [
        "/services/6bb0a8a1-6371-450d-bbab-4630689b767d",
        "/services/not-a-uuid",
        "/organizations/ce4c94bb-6a3a-4fcb-8283-28b40371cd43",
    ],
)
def test_unknown_ids_are_a_404_with_a_json_message(client, content, path):
    assert "message" in get(client, path, HTTPStatus.NOT_FOUND)


# Paging, modified_after and bad parameters ------------------------------------------------------


def test_pages_cut_the_groups_and_resources_in_one_order(client, content):
    everything = [item["id"] for item in all_services(client)]
    seen = []
    for number in (1, 2, 3):
        data = get(client, f"/services?per_page=3&page={number}")
        assert_valid(data, envelope_schema(vendored("service_list")))
        assert (data["page_number"], data["total_pages"], data["total_items"]) == (number, 3, 7)
        assert data["first_page"] == (number == 1) and data["last_page"] == (number == 3)
        assert data["size"] == len(data["contents"])
        seen += [item["id"] for item in data["contents"]]
    assert seen == everything
    get(client, "/services?per_page=3&page=4", HTTPStatus.NOT_FOUND)


def test_modified_after_keeps_what_changed_since(client, content):
    long_ago = timezone.now() - datetime.timedelta(days=30)
    recently = timezone.now() - datetime.timedelta(days=1)
    changed = [content[name].pk for name in ("weekly", "monthly")]
    SupportGroupPage.objects.filter(pk__in=changed).update(last_published_at=recently)
    SupportGroupPage.objects.exclude(pk__in=changed).update(last_published_at=long_ago)
    CommunityPage.objects.filter(pk=content["food"].page_id).update(last_published_at=long_ago)
    since = (timezone.now() - datetime.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    data = get(client, f"/services?modified_after={since}")
    assert_valid(data, envelope_schema(vendored("service_list")))
    assert [item["name"] for item in data["contents"]] == ["Weekly grief circle", "Second Monday"]
    assert all(item["last_modified"] >= since for item in data["contents"])
    # The same moment with its offset, and a date alone (midnight in Asheville), read the same way.
    eastern = (timezone.now() - datetime.timedelta(days=2)).astimezone(schedule.TIMEZONE).isoformat()
    assert get(client, "/services?" + urlencode({"modified_after": eastern}))["total_items"] == 2
    assert get(client, "/services?modified_after=2999-01-01")["empty"] is True


def test_an_edited_venue_counts_as_a_change_to_its_groups(client, content):
    long_ago = timezone.now() - datetime.timedelta(days=30)
    SupportGroupPage.objects.update(last_published_at=long_ago)
    CommunityPage.objects.update(last_published_at=long_ago)
    since = (timezone.now() - datetime.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert get(client, f"/services?modified_after={since}")["empty"] is True
    log(instance=content["fortnightly"].venue, action="wagtail.edit")  # what the snippet editor records
    data = get(client, f"/services?modified_after={since}")
    assert [item["name"] for item in data["contents"]] == ["Every other week"]
    assert data["contents"][0]["last_modified"] >= since


@pytest.mark.parametrize(
    "query",
    [
        "modified_after=yesterday",
        "modified_after=2026-13-01",
        "modified_after=2026-02-30T10:00:00",
        "page=0",
        "page=-1",
        "page=two",
        "per_page=0",
        "per_page=51",
        "per_page=1.5",
        "format=ndjson",
        "search=grief",
        "colour=blue",
        "page=99999999999999999999999",
    ],
)
def test_bad_parameters_are_a_400_with_a_json_message(client, content, query):
    assert "message" in get(client, f"/services?{query}", HTTPStatus.BAD_REQUEST)


@pytest.mark.parametrize("path", ["/organizations?modified_after=2026-01-01", "/locations?per_page=100", "/?page=1"])
def test_other_endpoints_refuse_what_they_do_not_take(client, content, path):
    assert "message" in get(client, path, HTTPStatus.BAD_REQUEST)


def test_answers_are_publicly_cacheable_and_revalidate(client, content):
    response = client.get(BASE + "/services")
    cache_control = response["Cache-Control"]
    assert "public" in cache_control and "s-maxage" in cache_control
    assert response["ETag"] and response["Last-Modified"]
    again = client.get(BASE + "/services", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == HTTPStatus.NOT_MODIFIED


def test_trailing_slashes_are_accepted(client, content):
    assert get(client, "/services/")["total_items"] == 7


def test_reads_only(client, content):
    assert client.head(BASE + "/services").status_code == HTTPStatus.OK
    assert client.post(BASE + "/services").status_code == HTTPStatus.METHOD_NOT_ALLOWED


# Queries ----------------------------------------------------------------------------------------


def count_queries(client, path):
    client.get(BASE + path)  # warm: the site and its settings are read once
    with CaptureQueriesContext(connection) as captured:
        response = client.get(BASE + path)
    assert response.status_code == HTTPStatus.OK, response.content
    return len(captured)


def test_queries_do_not_grow_with_the_number_of_items(client, content):
    paths = ["/services?per_page=50", "/organizations?per_page=50", "/locations?per_page=50"]
    before = {path: count_queries(client, path) for path in paths}
    practice_detail = f"/organizations/{hsds.practice_organization_id()}"
    before[practice_detail] = count_queries(client, practice_detail)
    finder = content["weekly"].get_parent()
    for _ in range(10):
        group = SupportGroupPageFactory(parent=finder)
        MeetingRuleFactory(page=group)
        MeetingRuleFactory(page=group, frequency=Frequency.MONTHLY, week_of_month=-1)
        CancelledMeetingFactory(page=group)
        CommunityResourceFactory(page=content["food"].page)
    after = {path: count_queries(client, path) for path in before}
    assert after == before
    assert max(after.values()) <= 8


# Front cache and incomplete addresses -----------------------------------------------------------


def test_a_changed_group_or_community_page_purges_the_feed_and_its_entries(content, site_root):
    paths = hsds.feed_paths(content["weekly"])
    assert {"/api/hsds/services", "/api/hsds/services/", "/api/hsds/locations"} <= set(paths)
    assert f"/api/hsds/services/{group_id(content['weekly'])}" in paths
    community = hsds.feed_paths(content["food"].page)
    assert f"/api/hsds/services/{hsds.hsds_id('resource-service', content['food'].pk)}" in community
    assert f"/api/hsds/organizations/{hsds.hsds_id('resource-organization', content['food'].pk)}" in community
    assert hsds.feed_paths(site_root) == []


def test_an_address_without_its_zip_code_is_given_in_words_never_half_empty(client, content):
    content["food"].postal_code = ""
    content["food"].save()
    service = get(client, f"/services/{hsds.hsds_id('resource-service', content['food'].pk)}")
    assert_valid(service, vendored("service"))
    location = service["service_at_locations"][0]["location"]
    assert "addresses" not in location and content["food"].street_address in location["description"]


def test_the_demo_sites_feed_is_valid_hsds_throughout(client, demo_site):
    """The demo's own groups and resources, as staff wrote them, with every kind of rule and place."""
    for kind, item_schema in (
        ("services", vendored("service_list")),
        ("organizations", vendored("organization_list")),
        ("locations", location_schema()),
    ):
        number, last = 1, False
        while not last:
            data = get(client, f"/{kind}?per_page=50&page={number}")
            assert_valid(data, envelope_schema(item_schema))
            for item in data["contents"] if kind != "locations" else []:
                assert_valid(get(client, f"/{kind}/{item['id']}"), vendored(kind[:-1]))
            number, last = number + 1, data["last_page"]
        assert data["total_items"] > 0
