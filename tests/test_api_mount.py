"""Both APIs are mounted, read-only for anonymous clients."""

from http import HTTPStatus

import pytest

from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_api_v2_lists_live_pages(client, site_root):
    StandardPageFactory(parent=site_root, slug="about", title="About us")
    response = client.get("/api/v2/pages/", {"type": "home.StandardPage", "fields": "intro"})
    assert response.status_code == HTTPStatus.OK
    assert [item["title"] for item in response.json()["items"]] == ["About us"]


def test_api_v2_images_and_documents_are_mounted(client):
    assert client.get("/api/v2/images/").status_code == HTTPStatus.OK
    assert client.get("/api/v2/documents/").status_code == HTTPStatus.OK


def test_api_v3_publishes_its_openapi_document(client):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == HTTPStatus.OK
    assert response.json()["openapi"].startswith("3.")


def test_api_v3_reads_pages_anonymously(client, site_root):
    StandardPageFactory(parent=site_root, slug="about", title="About us")
    response = client.get("/api/v3/pages/")
    assert response.status_code == HTTPStatus.OK


def test_api_v3_refuses_anonymous_writes(client, site_root):
    response = client.post(
        "/api/v3/pages/",
        data={"type": "home.StandardPage", "title": "Spam", "parent": site_root.pk},
        content_type="application/json",
    )
    assert response.status_code in {HTTPStatus.UNAUTHORIZED, HTTPStatus.FORBIDDEN}
    assert "Spam" not in str(client.get("/api/v2/pages/").json())


def test_api_v2_topic_filter_needs_a_type_with_topics(client, site_root):
    response = client.get("/api/v2/pages/", {"type": "home.StandardPage", "topic": "anxiety"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "topic filter needs a page type that has topics" in response.json()["message"]


def test_api_v2_unknown_parameters_are_a_bad_request(client, site_root):
    response = client.get("/api/v2/pages/", {"colour": "blue"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "colour" in response.json()["message"]


def test_the_v3_additions_are_installed_once(client):
    """`HomeAPIConfig.ready()` installed them; installing again changes neither the routes nor the document."""
    from home.api import v3

    document = client.get("/api/v3/openapi.json").content
    v3.install()
    assert client.get("/api/v3/openapi.json").content == document
    assert client.get("/api/v3/site-settings/").status_code == HTTPStatus.OK
