"""The API's HTTP contract: 400s for bad parameters, caching headers, 304s, CORS and the practice's details."""

from http import HTTPStatus

import pytest
from django.test import override_settings

from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(site_root, practice):
    return StandardPageFactory(parent=site_root, slug="about", title="About us")


@pytest.mark.parametrize(
    "query",
    [
        "limit=abc",
        "limit=1000",
        "offset=-1",
        "colour=blue",
        "type=nope.Nope",
        "child_of=abc",
        "order=nope",
        "fields=title",
    ],
)
def test_api_v3_bad_parameters_are_a_400_with_a_json_message(client, pages, query):
    response = client.get(f"/api/v3/pages/?{query}")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 400 and body["detail"]


@pytest.mark.parametrize(
    "query",
    [
        "limit=abc",
        "limit=1000",
        "offset=-1",
        "colour=blue",
        "type=nope.Nope",
        "child_of=abc",
        "order=nope",
        "fields=nope",
    ],
)
def test_api_v2_bad_parameters_are_a_400_with_a_json_message(client, pages, query):
    response = client.get(f"/api/v2/pages/?{query}")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json()["message"]


def test_openapi_document_lists_error_answers(client):
    schema = client.get("/api/v3/openapi.json").json()
    listing = schema["paths"]["/api/v3/pages/"]["get"]["responses"]
    assert {"200", "400", "404"} <= listing.keys()
    create = schema["paths"]["/api/v3/pages/"]["post"]["responses"]
    assert {"401", "403", "422"} <= create.keys()
    assert "ProblemDetail" in schema["components"]["schemas"]


def test_api_reads_are_cacheable_and_revalidate_with_304(client, pages):
    response = client.get("/api/v2/pages/")
    assert response.status_code == HTTPStatus.OK
    assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]
    assert response["ETag"] and response["Last-Modified"]
    assert "Origin" in response["Vary"]

    again = client.get("/api/v2/pages/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == HTTPStatus.NOT_MODIFIED
    assert again.content == b""

    since = client.get("/api/v3/pages/", HTTP_IF_MODIFIED_SINCE=client.get("/api/v3/pages/")["Last-Modified"])
    assert since.status_code == HTTPStatus.NOT_MODIFIED


def test_a_change_to_the_content_changes_the_validators(client, pages):
    first = client.get("/api/v2/pages/")
    pages.title = "About the practice"
    pages.save_revision().publish()
    second = client.get("/api/v2/pages/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == HTTPStatus.OK
    assert second["ETag"] != first["ETag"]


def test_requests_with_a_token_are_never_cached(client, pages):
    response = client.get("/api/v3/pages/", HTTP_AUTHORIZATION="Bearer not-a-real-token")
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


@override_settings(CORS_ALLOWED_ORIGINS=["https://app.example.org"])
def test_cors_allows_listed_origins_only(client, pages):
    allowed = client.get("/api/v2/pages/", HTTP_ORIGIN="https://app.example.org")
    assert allowed["Access-Control-Allow-Origin"] == "https://app.example.org"
    refused = client.get("/api/v2/pages/", HTTP_ORIGIN="https://evil.example.com")
    assert "Access-Control-Allow-Origin" not in refused
    page = client.get("/about/", HTTP_ORIGIN="https://app.example.org")
    assert "Access-Control-Allow-Origin" not in page


def test_site_settings_are_readable_on_both_versions(client, pages):
    v2 = client.get("/api/v2/site-settings/").json()
    v3 = client.get("/api/v3/site-settings/").json()
    assert v2 == v3
    assert v2["phone"] == "(828) 555-0142"
    assert v2["crisis"]["call_or_text"] == "988" and v2["crisis"]["emergency_number"] == "911"
    assert client.get("/api/v2/site-settings/?colour=blue").status_code == HTTPStatus.BAD_REQUEST
    schema = client.get("/api/v3/openapi.json").json()
    assert "/api/v3/site-settings/" in schema["paths"]


def test_v2_list_queries_do_not_grow_with_limit(client, site_root):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for number in range(12):
        StandardPageFactory(parent=site_root, slug=f"page-{number}")
    counts = []
    for limit in (2, 10):
        client.get(f"/api/v2/pages/?limit={limit}")  # warm: site root paths are cached after the first request
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/api/v2/pages/?limit={limit}").status_code == HTTPStatus.OK
        counts.append(len(queries))
    assert counts[0] == counts[1]
