"""Odd and hostile parameter values: each a 400 with the API's own error message, never a 500.

Every case here was a 500 once (issue 12): NUL in a search ends SQLite's string
early, an empty search gives results with no model, an unknown search operator
and a relation given a word are ValueErrors, and so is a `site` whose port is not
a number. tests/test_api_fuzz.py drives every parameter with arbitrary text.
"""

from http import HTTPStatus
from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.test import Client, RequestFactory

from home.api.endpoints import is_unparsable_search
from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

RELATION_FILTERS = [
    "type=blog.ArticlePage&authors={}",
    "type=blog.ArticlePage&topics={}",
    "type=blog.ArticlePage&hero_image={}",
    "type=groups.SupportGroupPage&facilitators={}",
    "type=groups.SupportGroupPage&topics={}",
    "type=groups.SupportGroupPage&venue={}",
    "type=groups.SupportGroupPage&image={}",
    "type=community.CommunityPage&resources={}",
    "type=community.CommunityPage&topics={}",
    "type=community.CommunityPage&area={}",
    "type=home.ContactPage&form_fields={}",
    "type=home.HomePage&cta_page={}",
]


@pytest.fixture
def pages(site_root, practice):
    return StandardPageFactory(parent=site_root, slug="about", title="About the practice")


def v2_error(response):
    assert response.status_code == HTTPStatus.BAD_REQUEST, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()["message"]


def v3_error(response):
    assert response.status_code == HTTPStatus.BAD_REQUEST, response.content
    assert response["Content-Type"] == "application/problem+json"
    return response.json()["detail"]


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize("value", ["%00", "a%00b", "grief%0A", "%09", "%C2%85", "%7F"])
def test_v2_search_with_a_control_character_is_refused(client, pages, endpoint, value):
    assert "control characters" in v2_error(client.get(f"/api/v2/{endpoint}/?search={value}"))


@pytest.mark.parametrize("value", ["%00", "a%00b", "grief%0A", "%09"])
def test_v3_search_with_a_control_character_is_refused_with_the_same_message(client, pages, value):
    assert "control characters" in v3_error(client.get(f"/api/v3/pages/?search={value}"))


@pytest.mark.parametrize("value", ["", "%20%20"])
def test_an_empty_search_is_refused_in_both_versions(client, pages, value):
    for endpoint in ["pages", "images", "documents"]:
        assert "search is empty" in v2_error(client.get(f"/api/v2/{endpoint}/?search={value}"))
    assert "search is empty" in v3_error(client.get(f"/api/v3/pages/?search={value}"))


def test_an_overlong_search_is_refused(client, pages):
    words = "grief+" * 40
    assert "too long" in v2_error(client.get(f"/api/v2/pages/?search={words}"))
    assert "too long" in v3_error(client.get(f"/api/v3/pages/?search={words}"))


def test_an_unknown_search_operator_is_refused(client, pages):
    for endpoint in ["pages", "images", "documents"]:
        message = v2_error(client.get(f"/api/v2/{endpoint}/?search=a&search_operator=nope"))
        assert "search_operator must be one of: and, or" in message
    assert v3_error(client.get("/api/v3/pages/?search=a&search_operator=nope"))


@pytest.mark.parametrize(
    ("error", "unparsable"),
    [("unterminated string", True), ('fts5: syntax error near "("', True), ("database is locked", False)],
)
def test_only_words_the_search_engine_cannot_parse_are_the_clients_fault(error, unparsable):
    request = RequestFactory().get("/api/v2/pages/", {"search": "a"})
    assert is_unparsable_search(request, OperationalError(error)) is unparsable
    assert not is_unparsable_search(RequestFactory().get("/api/v2/pages/"), OperationalError(error))


def test_a_database_fault_during_a_search_stays_a_server_error(pages):
    """Not a 400 that blames the client (and that the API cache would keep for a minute)."""
    client = Client(raise_request_exception=False)
    with mock.patch(
        "wagtail.api.v2.filters.SearchFilter.filter_queryset", side_effect=OperationalError("database is locked")
    ):
        response = client.get("/api/v2/pages/?search=grief")
    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR


@pytest.mark.parametrize("operator", ["and", "OR", "And", ""])
def test_v2_reads_the_search_operator_in_any_case_and_an_empty_one_as_its_default(client, pages, operator):
    assert client.get(f"/api/v2/pages/?search=grief&search_operator={operator}").status_code == HTTPStatus.OK


@pytest.mark.parametrize("value", ["%22", "%22grief", "(%22", "a%20%22b%22%22"])
def test_a_search_the_engine_cannot_parse_is_a_400(client, pages, value):
    """SQLite's full-text search refuses a lone double quote; PostgreSQL's reads it as a word."""
    v2, v3 = client.get(f"/api/v2/pages/?search={value}"), client.get(f"/api/v3/pages/?search={value}")
    if connection.vendor != "sqlite":
        assert (v2.status_code, v3.status_code) == (HTTPStatus.OK, HTTPStatus.OK)
        return
    assert "could not be run" in v2_error(v2)
    assert "could not be run" in v3_error(v3)


def test_searches_that_can_run_still_do(client, pages):
    assert client.get("/api/v2/pages/?search=practice").json()["meta"]["total_count"] == 1
    assert client.get("/api/v2/pages/?search=practice&search_operator=or").status_code == HTTPStatus.OK
    assert client.get("/api/v2/images/?search=mist").status_code == HTTPStatus.OK
    assert client.get("/api/v3/pages/?search=practice").status_code == HTTPStatus.OK


@pytest.mark.parametrize("query", RELATION_FILTERS)
@pytest.mark.parametrize("value", ["abc", "1.5", "%00", "-"])
def test_a_relation_filter_given_something_other_than_an_id_is_refused(client, pages, query, value):
    assert v2_error(client.get("/api/v2/pages/?" + query.format(value)))


@pytest.mark.parametrize("query", RELATION_FILTERS)
def test_a_relation_filter_given_an_id_still_filters(client, pages, query):
    assert client.get("/api/v2/pages/?" + query.format(1)).status_code == HTTPStatus.OK


@pytest.mark.parametrize(
    "query",
    [
        "type=home.StandardPage&body=5",
        "type=blog.ArticlePage&body=%5B%5D",
        "type=groups.SupportGroupPage&description=x",
    ],
)
def test_a_body_of_blocks_is_no_filter(client, pages, query):
    assert "body of blocks" in v2_error(client.get(f"/api/v2/pages/?{query}"))


@pytest.mark.parametrize("query", ["type=blog.ArticlePage&authors=abc", "type=blog.ArticlePage&topics=abc"])
def test_v3_relation_filters_given_a_word_are_a_400(client, pages, query):
    response = client.get(f"/api/v3/pages/?{query}")
    assert response.status_code == HTTPStatus.BAD_REQUEST, response.content


def test_the_find_request_schemathesis_found_is_a_400(client, pages):
    site = "%3A%C2%B3%C2%95%C3%8A%0A%09%C2%9D%C2%B4%F3%A2%B4%95%C2%BD"
    message = v3_error(client.get(f"/api/v3/pages/find/?html_path=__proto__&site={site}&id=33326"))
    assert message.startswith("site may not contain control characters")


@pytest.mark.parametrize("site", ["a:b", ":", "localhost:", "local%20host", "localhost:123456"])
def test_a_site_that_is_not_a_host_and_port_is_a_400(client, pages, site):
    assert "site must be a host name" in v2_error(client.get(f"/api/v2/pages/?site={site}"))
    assert "site must be a host name" in v3_error(client.get(f"/api/v3/pages/find/?html_path=/about/&site={site}"))
    assert "site must be a host name" in v3_error(client.get(f"/api/v3/pages/?site={site}"))


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize("value", ["", "abc", "-1", "1.5", "%D9%A3"])
def test_v2_find_by_an_id_that_is_not_a_number_is_a_400(client, pages, endpoint, value):
    assert "id must be a positive integer" in v2_error(client.get(f"/api/v2/{endpoint}/find/?id={value}"))


def test_v2_find_by_id_still_redirects(client, pages):
    assert client.get(f"/api/v2/pages/find/?id={pages.pk}").status_code == HTTPStatus.FOUND


def test_a_site_with_a_port_still_finds_the_page(client, pages):
    assert client.get("/api/v3/pages/find/?html_path=/about/&site=localhost:80").status_code == HTTPStatus.FOUND
    assert client.get("/api/v2/pages/?site=localhost").status_code == HTTPStatus.OK


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/find/?html_path=/about%00/",
        "/api/v2/pages/?type=home.StandardPage&title=a%00",
        "/api/v2/pages/?%00=1",
        "/api/v3/pages/?locale=%00",
        "/api/v3/pages/find/?html_path=%00",
        "/api/v3/pages/?order=%01title",
        "/api/v3/documents/?search=a%0D",
    ],
)
def test_a_control_character_in_any_parameter_is_a_400(client, pages, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.BAD_REQUEST, response.content
    assert "control characters" in response.content.decode()


@pytest.mark.parametrize("query", ["colour=blue", "version=draft", "limit=5"])
def test_a_v2_detail_refuses_a_parameter_it_does_not_know_as_listings_do(client, pages, query):
    assert v2_error(client.get(f"/api/v2/pages/{pages.pk}/?{query}")) == (
        f"query parameter is not recognised: {query.split('=')[0]}"
    )


def test_a_v2_detail_still_takes_its_own_parameters(client, pages):
    response = client.get(f"/api/v2/pages/{pages.pk}/?fields=title&rich_text_format=html")
    assert response.status_code == HTTPStatus.OK
    # And find/ still leads to it with what it keeps of the query.
    assert client.get("/api/v2/pages/find/?html_path=/about/&fields=title", follow=True).json()["id"] == pages.pk


def test_v3_drafts_need_a_token_rather_than_giving_the_live_page(client, pages):
    response = client.get(f"/api/v3/pages/{pages.pk}/?version=draft")
    assert response.status_code == HTTPStatus.UNAUTHORIZED
    assert response["Content-Type"] == "application/problem+json"
    assert "needs a token" in response.json()["detail"]
    assert client.get(f"/api/v3/pages/{pages.pk}/?version=live").status_code == HTTPStatus.OK


def test_the_openapi_document_gives_the_limit_the_api_enforces(client, pages):
    document = client.get("/api/v3/openapi.json").json()
    limits = [
        parameter["schema"]
        for operations in document["paths"].values()
        for operation in operations.values()
        for parameter in operation.get("parameters", [])
        if parameter["name"] == "limit"
    ]
    assert limits and all(schema["maximum"] == 50 for schema in limits)
    assert "cannot be higher than 50" in v3_error(client.get("/api/v3/pages/?limit=51"))
