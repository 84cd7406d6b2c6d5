"""Community pages, their area, topics and resources in API v2 and v3."""

from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community.factories import CommunityPageFactory, CommunityResourceFactory
from home.factories import ImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def community_page(community_index, areas, topics):
    page = CommunityPageFactory(
        parent=community_index,
        title="The recovery community",
        intro="Meetings and sober spaces.",
        area=areas["west"],
        topics=[topics["recovery"]],
        image=ImageFactory(description="Mist lifting from the valleys"),
    )
    CommunityResourceFactory(
        page=page,
        organization="Recovery Clubhouse (demo)",
        phone="(828) 555-0171",
        website="https://clubhouse.example.org/",
        street_address="702 Haywood Road",
        town="Asheville",
        postal_code="28806",
        hours="Every day",
        cost="Free",
        topics=[topics["recovery"], topics["families"]],
    )
    return page


def test_api_v2_gives_a_community_page_with_area_topics_and_resources(client, community_page):
    data = client.get(f"/api/v2/pages/{community_page.pk}/").json()
    assert data["meta"]["type"] == "community.CommunityPage"
    assert data["intro"] == "Meetings and sober spaces."
    assert data["area"] == {
        "id": community_page.area.pk,
        "name": "West Asheville",
        "slug": "west-asheville",
        "full_name": "West Asheville, Asheville, Buncombe County",
        "trail": [
            {"id": community_page.area.parent.parent.pk, "name": "Buncombe County", "slug": "buncombe-county"},
            {"id": community_page.area.parent.pk, "name": "Asheville", "slug": "asheville"},
            {"id": community_page.area.pk, "name": "West Asheville", "slug": "west-asheville"},
        ],
    }
    assert [topic["slug"] for topic in data["topics"]] == ["addiction-recovery"]
    assert data["image"]["alt"] == "Mist lifting from the valleys"
    assert data["image"]["url"].endswith(".jpg") and data["image"]["width"] > 0
    (resource,) = data["resources"]
    assert resource["organization"] == "Recovery Clubhouse (demo)"
    assert resource["phone"] == "(828) 555-0171"
    assert resource["website"] == "https://clubhouse.example.org/"
    assert resource["street_address"] == "702 Haywood Road" and resource["postal_code"] == "28806"
    assert [topic["slug"] for topic in resource["topics"]] == ["addiction-recovery", "families-caregivers"]
    assert data["body"][0]["type"] == "heading"


def test_api_v2_topic_filter_works_for_community_pages(client, community_page, community_index, areas, topics):
    CommunityPageFactory(parent=community_index, title="Grief walks", area=areas["west"], topics=[topics["grief"]])
    response = client.get("/api/v2/pages/", {"type": "community.CommunityPage", "topic": "grief"})
    assert [item["title"] for item in response.json()["items"]] == ["Grief walks"]


def test_api_v2_unknown_topic_is_a_bad_request(client, community_page):
    response = client.get("/api/v2/pages/", {"type": "community.CommunityPage", "topic": "nope"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Unknown topic" in response.json()["message"]


def test_api_v2_listing_with_all_fields_costs_the_same_for_10_and_100_pages(client, community_index, areas, topics):
    image = ImageFactory(description="Ridges")
    url = "/api/v2/pages/?type=community.CommunityPage&fields=*&limit=50"
    counts = {}
    for total in (10, 100):
        while community_index.get_children().count() < total:
            page = CommunityPageFactory(
                parent=community_index, area=areas["west"], image=image, topics=[topics["grief"], topics["families"]]
            )
            CommunityResourceFactory(page=page, topics=[topics["grief"]])
            CommunityResourceFactory(page=page, topics=[topics["families"]])
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == HTTPStatus.OK
        assert len(response.json()["items"]) == min(total, 50)
        counts[total] = len(queries)
    assert counts[10] == counts[100]


def test_api_v3_gives_a_community_page_with_its_resources(client, community_page):
    response = client.get(f"/api/v3/pages/{community_page.pk}/")
    assert response.status_code == HTTPStatus.OK
    data = response.json()
    assert data["meta"]["type"] == "community.CommunityPage"
    assert data["area"]["full_name"] == "West Asheville, Asheville, Buncombe County"
    assert [topic["name"] for topic in data["topics"]] == ["Addiction and recovery"]
    assert data["resources"][0]["organization"] == "Recovery Clubhouse (demo)"
    assert len(data["resources"][0]["topics"]) == 2


def test_api_v3_schema_types_community_pages_and_resources(client):
    schemas = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    page = schemas["CommunityPageSchema"]["properties"]
    assert {"intro", "area", "topics", "resources", "body", "image", "resources_checked"} <= set(page)
    resource = schemas["CommunityResourceSchema"]["properties"]
    assert {"organization", "offers", "phone", "website", "street_address", "hours", "cost", "topics"} <= set(resource)
    assert "TopicSummary" in schemas and set(schemas["TopicSummary"]["properties"]) == {"id", "name", "slug"}
    assert set(schemas["AreaSummary"]["properties"]) == {"id", "name", "slug", "full_name", "trail"}
