"""Local crisis help on areas: edited by moderators on the Area, shown nearest first on community
pages, all of it on Get help now, and in the API beside each community page."""

from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from community.choices import CrisisKind
from community.factories import CommunityPageFactory, CrisisResourceFactory
from community.models import Area, CrisisResource
from home.factories import StandardPageFactory
from home.models import SiteSettings
from home.roles import EDITORS, MODERATORS
from tests.staff import sign_in, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def crisis_help(areas):
    return {
        "line": CrisisResourceFactory(area=areas["county"], name="County crisis line (demo)", phone="(828) 555-0144"),
        "walk_in": CrisisResourceFactory(
            area=areas["asheville"],
            kind=CrisisKind.WALK_IN,
            name="City walk-in center (demo)",
            phone="",
            street_address="40 Riverbend Way",
            town="Asheville",
            postal_code="28801",
        ),
        "elsewhere": CrisisResourceFactory(area=areas["black-mountain"], name="Valley urgent care (demo)"),
    }


def text_of(client, page):
    response = client.get(page.url)
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def test_a_community_page_shows_its_areas_crisis_help_nearest_first(client, community_index, areas, crisis_help):
    page = CommunityPageFactory(parent=community_index, area=areas["west"])
    html = text_of(client, page)
    assert "Crisis help around here" in html
    assert html.index("City walk-in center (demo)") < html.index("County crisis line (demo)")
    assert "Walk-in crisis center" in html and 'href="tel:+18285550144"' in html
    assert "40 Riverbend Way" in html
    assert "Valley urgent care (demo)" not in html  # another town's


def test_a_page_in_an_area_without_crisis_help_shows_none(client, community_index, areas):
    page = CommunityPageFactory(parent=community_index, area=areas["weaverville"])
    assert "Crisis help around here" not in text_of(client, page)


def test_get_help_now_shows_every_areas_crisis_help_larger_areas_first(client, site_root, crisis_help):
    help_page = StandardPageFactory(parent=site_root, title="Get help now", slug="get-help-now")
    settings_ = SiteSettings.load()
    settings_.get_help_page = help_page
    settings_.save()
    html = text_of(client, help_page)
    assert "Local crisis help" in html
    county, asheville = html.index(">Buncombe County<"), html.index(">Asheville<")
    assert county < html.index("County crisis line (demo)") < asheville < html.index("City walk-in center (demo)")
    assert "Valley urgent care (demo)" in html
    other = StandardPageFactory(parent=site_root, title="About us", slug="about")
    assert "Local crisis help" not in text_of(client, other)


def test_the_section_costs_the_same_for_few_and_many_services(client, community_index, areas):
    page = CommunityPageFactory(parent=community_index, area=areas["west"])
    text_of(client, page)  # the site and the page's route, found once and kept
    counts = {}
    for total in (2, 20):
        while CrisisResource.objects.count() < total:
            CrisisResourceFactory(area=areas["county" if CrisisResource.objects.count() % 2 else "asheville"])
        with CaptureQueriesContext(connection) as queries:
            html = text_of(client, page)
        assert html.count("resource--crisis") == total
        counts[total] = len(queries)
    assert counts[2] == counts[20]


def test_a_change_to_crisis_help_shows_at_once(client, community_index, areas, crisis_help):
    page = CommunityPageFactory(parent=community_index, area=areas["west"])
    assert "County crisis line (demo)" in text_of(client, page)  # the section is now kept
    crisis_help["line"].name = "County crisis line, new name (demo)"
    crisis_help["line"].save()
    assert "County crisis line, new name (demo)" in text_of(client, page)


def test_a_crisis_service_needs_a_way_to_reach_it(areas):
    service = CrisisResource(area=areas["county"], kind=CrisisKind.CRISIS_LINE, name="Nowhere")
    with pytest.raises(ValidationError, match="at least one way to reach them"):
        service.full_clean()
    service.phone = "call us"
    with pytest.raises(ValidationError, match="a number people can dial"):
        service.full_clean()


def test_moderators_edit_crisis_help_on_the_area_and_editors_cannot(client, areas):
    area = areas["county"]
    url = reverse("wagtailsnippets_community_area:edit", args=[area.pk])
    sign_in(client, staff_user(EDITORS, "editor"))
    assert client.get(url).status_code != HTTPStatus.OK
    client.logout()
    sign_in(client, staff_user(MODERATORS, "moderator"))
    form = client.get(url).content.decode()
    assert "Local crisis help" in form
    data = {
        "name": area.name,
        "slug": area.slug,
        "parent": "",
        "crisis_resources-TOTAL_FORMS": "1",
        "crisis_resources-INITIAL_FORMS": "0",
        "crisis_resources-MIN_NUM_FORMS": "0",
        "crisis_resources-MAX_NUM_FORMS": "1000",
        "crisis_resources-0-kind": CrisisKind.MOBILE_CRISIS,
        "crisis_resources-0-name": "Mobile team (demo)",
        "crisis_resources-0-description": "They come to you.",
        "crisis_resources-0-phone": "(828) 555-0199",
        "crisis_resources-0-website": "",
        "crisis_resources-0-street_address": "",
        "crisis_resources-0-town": "",
        "crisis_resources-0-postal_code": "",
        "crisis_resources-0-hours": "24 hours",
        "crisis_resources-0-ORDER": "1",
        "crisis_resources-0-id": "",
        "crisis_resources-0-DELETE": "",
    }
    response = client.post(url, data)
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:3000]
    (service,) = Area.objects.get(pk=area.pk).crisis_resources.all()
    assert service.name == "Mobile team (demo)" and service.kind == CrisisKind.MOBILE_CRISIS


def test_api_gives_a_community_pages_crisis_help_nearest_first(client, community_index, areas, crisis_help):
    page = CommunityPageFactory(parent=community_index, area=areas["west"])
    v2 = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert [(item["area"], item["name"], item["kind"]) for item in v2["crisis_help"]] == [
        ("Asheville", "City walk-in center (demo)", "walk_in"),
        ("Buncombe County", "County crisis line (demo)", "crisis_line"),
    ]
    assert v2["crisis_help"][0]["kind_label"] == "Walk-in crisis center"
    assert v2["crisis_help"][0]["postal_code"] == "28801"
    v3 = client.get(f"/api/v3/pages/{page.pk}/").json()
    assert [item["name"] for item in v3["crisis_help"]] == ["City walk-in center (demo)", "County crisis line (demo)"]
    schemas = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    assert {"area", "kind", "kind_label", "name", "phone", "hours"} <= set(schemas["LocalCrisisService"]["properties"])


def test_api_listing_with_crisis_help_costs_the_same_for_few_and_many_pages(client, community_index, areas):
    for level in ("county", "asheville", "west"):
        CrisisResourceFactory(area=areas[level])
    url = "/api/v2/pages/?type=community.CommunityPage&fields=crisis_help&limit=50"
    counts = {}
    for total in (3, 30):
        while community_index.get_children().count() < total:
            CommunityPageFactory(parent=community_index, area=areas["west"])
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert all(len(item["crisis_help"]) == 3 for item in response.json()["items"])
        counts[total] = len(queries)
    assert counts[3] == counts[30]


def test_site_settings_api_gives_every_areas_crisis_help_beside_the_national_lines(client, crisis_help):
    v2 = client.get("/api/v2/site-settings/").json()["crisis"]
    assert v2["call_or_text"] == "988"
    assert [(item["area"], item["name"]) for item in v2["local"]] == [
        ("Buncombe County", "County crisis line (demo)"),
        ("Asheville", "City walk-in center (demo)"),
        ("Black Mountain", "Valley urgent care (demo)"),
    ]
    v3 = client.get("/api/v3/site-settings/").json()["crisis"]
    assert v3["local"] == v2["local"]
    crisis = client.get("/api/v3/openapi.json").json()["components"]["schemas"]["CrisisSchema"]
    assert crisis["properties"]["local"]["items"] == {"$ref": "#/components/schemas/LocalCrisisService"}
