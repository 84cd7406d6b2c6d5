"""Site search: results, odd and hostile queries, and what never shows up."""

from http import HTTPStatus

import pytest
from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(site_root):
    grief = StandardPageFactory(parent=site_root, slug="grief", title="Living with grief", intro="Grief changes shape.")
    StandardPageFactory(parent=site_root, slug="anxiety", title="Anxiety", intro="Worry that will not settle.")
    draft = StandardPageFactory(parent=site_root, slug="draft", title="Grief draft", intro="Not ready yet.")
    draft.unpublish()
    private = StandardPageFactory(parent=site_root, slug="private", title="Grief private", intro="Staff only.")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return {"grief": grief}


def test_search_finds_live_public_pages_only(client, pages):
    response = client.get("/search/", {"query": "grief"})
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Living with grief" in html
    assert "Grief draft" not in html
    assert "Grief private" not in html
    assert "1 result" in html


def test_empty_search_shows_the_form(client, pages):
    response = client.get("/search/")
    assert response.status_code == HTTPStatus.OK
    assert 'name="query"' in response.content.decode()
    assert response.context["results_page"] is None


def test_search_with_no_results_suggests_what_to_do(client, pages):
    html = client.get("/search/", {"query": "zebra"}).content.decode()
    assert "Nothing matched" in html
    assert "Try a shorter or different word" in html


@pytest.mark.parametrize(
    "query",
    [
        "x" * 10_000,
        "grief " * 500,
        "' OR 1=1 --",
        "<script>alert(1)</script>",
        "%00%ff",
        "\x00\x01\x1f",
        "😊 grief",
        "AND OR NOT",
        '"unbalanced',
        "*",
        "-",
        "   ",
    ],
)
def test_odd_queries_give_a_normal_page(client, pages, query):
    response = client.get("/search/", {"query": query})
    assert response.status_code == HTTPStatus.OK
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_a_long_query_is_shortened_and_the_visitor_told(client, pages):
    response = client.get("/search/", {"query": "grief " * 100})
    assert len(response.context["search_query"]) <= 100
    assert "we searched for its first 100 characters" in response.content.decode()


@pytest.mark.parametrize("page_number", ["abc", "0", "-1", "99999", "1.5"])
def test_bad_page_numbers_give_a_sensible_page(client, pages, page_number):
    response = client.get("/search/", {"query": "grief", "page": page_number})
    assert response.status_code == HTTPStatus.OK
    assert "Living with grief" in response.content.decode()


def test_search_is_not_recorded(client, pages, caplog):
    with caplog.at_level("DEBUG"):
        client.get("/search/", {"query": "private-worry-marker"})
    assert "private-worry-marker" not in caplog.text


def test_search_page_is_not_indexed_by_search_engines(client, pages):
    assert '<meta name="robots" content="noindex">' in client.get("/search/?query=grief").content.decode()


def test_search_only_answers_get(client, pages):
    assert client.post("/search/", {"query": "grief"}).status_code == HTTPStatus.METHOD_NOT_ALLOWED
