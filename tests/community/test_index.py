"""The Asheville community index: pages by area, the area and topic filter, pagination, query count."""

import re
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from community.factories import CommunityPageFactory
from home.factories import ImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(community_index, areas, topics):
    make = CommunityPageFactory
    return {
        "west": make(
            parent=community_index, title="Recovery in West Asheville", area=areas["west"], topics=[topics["recovery"]]
        ),
        "asheville": make(
            parent=community_index, title="Families in Asheville", area=areas["asheville"], topics=[topics["families"]]
        ),
        "black-mountain": make(
            parent=community_index,
            title="Walks in Black Mountain",
            area=areas["black-mountain"],
            topics=[topics["outdoors"], topics["grief"]],
        ),
        "county": make(
            parent=community_index,
            title="Crisis lines for the county",
            area=areas["county"],
            topics=[topics["grief"], topics["families"]],
        ),
    }


def titles(response):
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_index_lists_live_public_pages_sorted_by_area(client, community_index, pages, areas):
    draft = CommunityPageFactory(parent=community_index, title="A draft", area=areas["west"])
    draft.unpublish()
    private = CommunityPageFactory(parent=community_index, title="Staff only", area=areas["west"])
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    response = client.get(community_index.url)
    html = response.content.decode()

    assert response.status_code == HTTPStatus.OK
    assert titles(response) == [
        "Families in Asheville",
        "Walks in Black Mountain",
        "Crisis lines for the county",
        "Recovery in West Asheville",
    ]
    # One grid, sorted by area; each card says which area it is in.
    areas_shown = re.findall(r'class="card__meta community-card__area">.*?<span>([^<]+)</span>', html)
    assert areas_shown == ["Asheville", "Black Mountain", "Buncombe County", "West Asheville"]
    assert "4 pages." in html
    assert "A draft" not in html and "Staff only" not in html


def test_area_filter_includes_the_areas_inside_it(client, community_index, pages):
    response = client.get(community_index.url, {"area": "asheville"})
    assert titles(response) == ["Families in Asheville", "Recovery in West Asheville"]
    assert "2 pages in Asheville." in response.content.decode()

    assert titles(client.get(community_index.url, {"area": "west-asheville"})) == ["Recovery in West Asheville"]
    assert len(titles(client.get(community_index.url, {"area": "buncombe-county"}))) == 4


def test_topic_filter(client, community_index, pages):
    response = client.get(community_index.url, {"topic": "families-caregivers"})
    assert titles(response) == ["Families in Asheville", "Crisis lines for the county"]
    assert "about Families and caregivers" in response.content.decode()


def test_area_and_topic_together(client, community_index, pages):
    response = client.get(community_index.url, {"area": "asheville", "topic": "families-caregivers"})
    assert titles(response) == ["Families in Asheville"]
    html = response.content.decode()
    assert "1 page in Asheville about Families and caregivers." in html
    assert 'href="/asheville-community/">Show every page</a>' in html


def test_filter_offers_only_areas_and_topics_that_have_pages(client, community_index, pages):
    html = client.get(community_index.url).content.decode()
    area_select = html[html.index('name="area"') : html.index("</select>", html.index('name="area"'))]
    options = re.findall(r'<option value="([^"]*)"', area_select)
    # Weaverville has no pages; Asheville is offered because West Asheville is inside it.
    assert options == ["", "buncombe-county", "asheville", "west-asheville", "black-mountain"]
    assert ">" + "\u00a0" * 6 + "West Asheville</option>" in area_select
    topic_select = html[html.index('name="topic"') : html.index("</select>", html.index('name="topic"'))]
    assert "Grief and loss" in topic_select and "Mindfulness and the outdoors" in topic_select


def test_selected_filters_stay_selected(client, community_index, pages):
    html = client.get(community_index.url, {"area": "asheville", "topic": "grief"}).content.decode()
    assert '<option value="asheville" selected>' in html
    assert '<option value="grief" selected>' in html


@pytest.mark.parametrize(
    ("params", "note"),
    [
        ({"area": "nowhere"}, "We have no pages for the area “nowhere”, so pages from every area are shown."),
        ({"area": "weaverville"}, "We have no pages for the area “weaverville”"),
        ({"topic": "knitting"}, "We have no pages about “knitting”, so pages on every topic are shown."),
        ({"area": "<script>alert(1)</script>"}, "“&lt;script&gt;alert(1)&lt;/script&gt;”"),
        ({"area": "\x00\x1f"}, "We have no pages for the area “”"),
        ({"area": "x" * 5000}, "“" + "x" * 59 + "…”"),
        ({"topic": "😊"}, "We have no pages about “😊”"),
    ],
)
def test_bad_filter_values_are_ignored_with_a_note(client, community_index, pages, params, note):
    response = client.get(community_index.url, params)
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert note in html
    assert "<script>alert(1)</script>" not in html
    assert len(titles(response)) == 4


def test_a_bad_value_does_not_undo_a_good_one(client, community_index, pages):
    response = client.get(community_index.url, {"area": "asheville", "topic": "knitting"})
    assert titles(response) == ["Families in Asheville", "Recovery in West Asheville"]
    assert "We have no pages about “knitting”" in response.content.decode()


def test_repeated_parameters_use_the_last_value(client, community_index, pages):
    response = client.get(f"{community_index.url}?area=nowhere&area=west-asheville")
    assert titles(response) == ["Recovery in West Asheville"]


def test_empty_state_when_a_combination_has_no_pages(client, community_index, pages):
    response = client.get(community_index.url, {"area": "west-asheville", "topic": "grief"})
    html = response.content.decode()
    assert titles(response) == []
    assert "No pages in West Asheville about Grief and loss." in html
    assert "We have no pages for that combination yet." in html


def test_pagination_keeps_the_filter(client, community_index, areas, topics):
    for number in range(14):
        CommunityPageFactory(
            parent=community_index, title=f"Page {number:02}", area=areas["west"], topics=[topics["grief"]]
        )
    first = client.get(community_index.url, {"topic": "grief"})
    html = first.content.decode()
    assert len(titles(first)) == 12
    assert "14 pages about Grief and loss, page 1 of 2." in html
    assert 'href="?topic=grief&amp;page=2"' in html
    second = client.get(community_index.url, {"topic": "grief", "page": "2"})
    assert titles(second) == ["Page 12", "Page 13"]


@pytest.mark.parametrize("page_number", ["abc", "0", "-1", "99999", "1.5", ""])
def test_bad_page_numbers_give_a_sensible_page(client, community_index, pages, page_number):
    response = client.get(community_index.url, {"page": page_number})
    assert response.status_code == HTTPStatus.OK
    assert len(titles(response)) == 4


def test_filter_form_is_a_plain_get_form(client, community_index, pages):
    html = client.get(community_index.url).content.decode()
    assert re.search(r'<form class="filter-form" method="get" action="/asheville-community/"', html)
    assert '<label for="filter-area">Area</label>' in html
    assert '<select name="area" id="filter-area">' in html
    assert "csrfmiddlewaretoken" not in html
    assert not client.get(community_index.url, {"area": "asheville"}).cookies  # readers get no cookies


def test_index_json_ld_is_a_collection_page(client, community_index, pages):
    html = client.get(community_index.url).content.decode()
    assert '"@type":"CollectionPage"' in html


def count_queries(client, url, params=None):
    # Warm per-process caches; the first request may create the practice details, which makes what
    # it cached stale (home/content_version.py), so a second one.
    client.get(url, params)
    client.get(url, params)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == HTTPStatus.OK
    return len(queries)


FILTERS = [{}, {"area": "asheville"}, {"topic": "grief"}, {"area": "buncombe-county", "topic": "grief", "page": "2"}]


def test_index_query_count_is_the_same_with_10_and_100_pages(client, community_index, areas, topics):
    images = [ImageFactory(description=f"Ridge {n}") for n in range(3)]
    area_cycle = [areas["west"], areas["asheville"], areas["black-mountain"], areas["county"]]
    counts = {}
    for total in (10, 100):
        existing = community_index.get_children().count()
        for number in range(existing, total):
            CommunityPageFactory(
                parent=community_index,
                area=area_cycle[number % 4],
                image=images[number % 3],
                topics=[topics["grief"], topics["families"]] if number % 2 else [topics["outdoors"]],
            )
        counts[total] = [count_queries(client, community_index.url, params) for params in FILTERS]
    assert counts[10] == counts[100]


def test_an_index_without_pages_says_so_kindly(client, community_index):
    response = client.get(community_index.url)
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "No pages." in html and "We are still writing these pages." in html
    assert "Show every page" not in html
