"""The API's HTTP contract: 400s for bad parameters, caching headers, 304s, CORS and the practice's details."""

import datetime
from http import HTTPStatus

import pytest
from django.test import override_settings
from django.utils.http import http_date

from blog.factories import ArticleIndexPageFactory, ArticlePageFactory
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
        "offset=99999999999999999999",
        "offset=" + "9" * 5000,
        "colour=blue",
        "type=nope.Nope",
        "child_of=abc",
        "child_of=99999999999999999999",
        "order=nope",
        "fields=nope",
        "rich_text_format=nope",
        "type=home.StandardPage&fields=nope",
        "type=home.StandardPage&topic=anxiety",
        "type=blog.ArticlePage&fields=nope",
        "type=blog.ArticlePage&topic=nope",
        "type=blog.ArticlePage&date=yesterday",
        "type=blog.ArticlePage&reading_time=long",
        "type=groups.SupportGroupPage&meeting_format=nope",
        "type=groups.SupportGroupPage&status=nope",
        "type=groups.SupportGroupPage&cost=nope",
        "type=groups.SupportGroupPage&led_by=nope",
        "type=groups.SupportGroupPage&audience=nope",
        "type=groups.SupportGroupPage&capacity=many",
        "type=groups.SupportGroupPage&intro_session_required=perhaps",
        "type=groups.SupportGroupPage&last_verified=soon",
        "type=groups.SupportGroupPage&topic=nope",
        "type=groups.SupportGroupPage&fields=nope",
        "type=community.CommunityPage&topic=nope",
        "type=community.CommunityPage&resources_checked=2026-13-45",
        "type=community.CommunityPage&fields=nope",
        "type=home.ContactPage&fields=nope",
    ],
)
def test_api_v2_bad_parameters_are_a_400_with_a_json_message(client, pages, query):
    response = client.get(f"/api/v2/pages/?{query}")
    assert response.status_code == HTTPStatus.BAD_REQUEST, response.content
    assert response.json()["message"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/images/?limit=1000",
        "/api/v2/images/?offset=99999999999999999999",
        "/api/v2/images/?fields=nope",
        "/api/v2/images/?colour=blue",
        "/api/v2/documents/?limit=abc",
        "/api/v2/documents/?fields=nope",
        "/api/v2/site-settings/?colour=blue",
    ],
)
def test_api_v2_other_endpoints_answer_bad_parameters_with_a_400(client, pages, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.BAD_REQUEST, response.content
    assert response.json()["message"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v3/pages/?offset=99999999999999999999",
        "/api/v3/pages/?limit=0",
        "/api/v3/pages/?type=groups.SupportGroupPage&meeting_format=nope",
        "/api/v3/pages/?type=blog.ArticlePage&topic=anxiety",
        "/api/v3/pages/?rich_text_format=nope",
        "/api/v3/pages/?version=draft",
        "/api/v3/pages/find/?html_path=/&version=nope",
        "/api/v3/pages/find/?id=abc",
        "/api/v3/redirects/?limit=1000",
        "/api/v3/documents/?order=nope",
        "/api/v3/site-settings/?colour=blue",
    ],
)
def test_api_v3_other_bad_parameters_are_a_400(client, pages, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.BAD_REQUEST, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"]


def test_a_page_id_too_large_for_the_database_is_not_found(client, pages):
    for url in ("/api/v2/pages/99999999999999999999/", "/api/v3/pages/99999999999999999999/"):
        assert client.get(url).status_code in {HTTPStatus.NOT_FOUND, HTTPStatus.BAD_REQUEST}


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


def vary(response):
    return {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/",
        "/api/v2/pages/?type=home.StandardPage&fields=intro",
        "/api/v3/pages/",
        "/api/v2/site-settings/",
        "/api/v3/site-settings/",
        "/api/v3/openapi.json",
        "/api/v2/pages/?colour=blue",
        "/api/v3/pages/?limit=abc",
    ],
    ids=["v2-list", "v2-list-typed", "v3-list", "v2-settings", "v3-settings", "openapi", "v2-400", "v3-400"],
)
def test_api_answers_vary_on_origin_and_accept_as_the_docs_say(client, pages, url):
    """docs/api.md: "Answers are `Vary: Origin, Accept`" (a cache must not give JSON to a browser asking for HTML)."""
    response = client.get(url)
    assert {"origin", "accept"} <= vary(response), response["Vary"]
    for detail in (f"/api/v2/pages/{pages.pk}/", f"/api/v3/pages/{pages.pk}/"):
        answer = client.get(detail)
        assert answer.status_code == HTTPStatus.OK
        assert {"origin", "accept"} <= vary(answer), detail
        not_modified = client.get(detail, HTTP_IF_NONE_MATCH=answer["ETag"])
        assert not_modified.status_code == HTTPStatus.NOT_MODIFIED
        assert {"origin", "accept"} <= vary(not_modified), detail


def test_making_an_image_rendition_leaves_the_apis_last_modified_alone(client, site_root, time_machine):
    """Renditions are made while rendering (here by the API itself): no change of content (home/content_version.py)."""
    published = datetime.datetime(2026, 11, 2, 15, tzinfo=datetime.UTC)
    time_machine.move_to(published, tick=False)
    index = ArticleIndexPageFactory(parent=site_root, slug="articles")
    article = ArticlePageFactory(parent=index, with_image=True)
    image = article.hero_image
    assert image.renditions.count() == 0
    url = f"/api/v2/pages/{article.pk}/"

    time_machine.move_to(published + datetime.timedelta(minutes=5), tick=False)
    first = client.get(url)  # makes the hero image's rendition
    assert first.status_code == HTTPStatus.OK
    assert image.renditions.count() == 1
    assert first["Last-Modified"] == http_date(published.timestamp())

    time_machine.move_to(published + datetime.timedelta(minutes=10), tick=False)
    image.get_rendition("fill-10x10")  # made elsewhere (a page's picture), still no change of content
    for path in (url, "/api/v3/pages/", "/api/v2/pages/"):
        answer = client.get(path)
        assert answer["Last-Modified"] == first["Last-Modified"], path
    assert client.get(url)["ETag"] == first["ETag"]
    since = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == HTTPStatus.NOT_MODIFIED

    # A change of content does move it: the test could fail.
    time_machine.move_to(published + datetime.timedelta(minutes=15), tick=False)
    article.title = "A new title"
    article.save_revision().publish()
    assert client.get(url)["Last-Modified"] == http_date((published + datetime.timedelta(minutes=15)).timestamp())


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


@override_settings(CORS_ALLOWED_ORIGINS=["https://app.example.org"])
def test_cors_covers_the_feeds_other_apps_read(client, pages):
    from blog.factories import ArticleIndexPageFactory, ArticlePageFactory
    from groups.factories import MeetingRuleFactory, SupportGroupIndexPageFactory, SupportGroupPageFactory

    index = ArticleIndexPageFactory(parent=pages.get_parent(), slug="articles")
    ArticlePageFactory(parent=index)
    group = SupportGroupPageFactory(parent=SupportGroupIndexPageFactory(parent=pages.get_parent()))
    MeetingRuleFactory(page=group)
    feeds = ["/articles/feed/", "/groups/calendar.ics", f"/groups/{group.pk}/calendar.ics"]
    for url in feeds:
        allowed = client.get(url, HTTP_ORIGIN="https://app.example.org")
        assert allowed.status_code == HTTPStatus.OK, url
        assert allowed["Access-Control-Allow-Origin"] == "https://app.example.org", url
        assert "origin" in allowed["Vary"].lower(), url
        refused = client.get(url, HTTP_ORIGIN="https://evil.example.com")
        assert "Access-Control-Allow-Origin" not in refused, url
    # The Meeting Guide feed is for any meeting finder: open to every origin, without credentials.
    meeting_guide = client.get("/groups/meetings.json", HTTP_ORIGIN="https://evil.example.com")
    assert meeting_guide["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in meeting_guide
    # A preflight for a feed or the API: reads only, from listed origins only.
    preflight = client.options(
        "/api/v2/pages/", HTTP_ORIGIN="https://app.example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert preflight["Access-Control-Allow-Origin"] == "https://app.example.org"
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    refused = client.options(
        "/api/v2/pages/", HTTP_ORIGIN="https://evil.example.com", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert "Access-Control-Allow-Origin" not in refused


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
