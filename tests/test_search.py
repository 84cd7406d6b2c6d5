"""Site search: what a result shows, the order, what is found, odd and hostile queries, and what never shows up."""

import datetime
from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from blog.factories import ArticleIndexPageFactory, ArticlePageFactory
from community.factories import CommunityIndexPageFactory, CommunityPageFactory, CommunityResourceFactory
from groups.choices import Cost, GroupStatus, MeetingFormat
from groups.factories import (
    CancelledMeetingFactory,
    MeetingRuleFactory,
    SupportGroupIndexPageFactory,
    SupportGroupPageFactory,
)
from groups.models import SupportGroupPage
from groups.schedule import format_meeting, now_local
from home.factories import StandardPageFactory, TopicFactory

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


# What a result shows ------------------------------------------------------------------------


def found(client, query):
    """The results a visitor sees for `query`, in order: title, kind and the rest of the line, summary."""
    soup = BeautifulSoup(client.get("/search/", {"query": query}).content, "html.parser")
    return [
        {
            "title": item.h2.get_text(strip=True),
            "kind": item.select_one(".search-result__kind").get_text(strip=True),
            # As read out: the kind, then a comma (hidden on screen), then the date or next meeting.
            "meta": item.select_one(".search-result__meta").get_text(" ", strip=True).replace(" ,", ","),
            "summary": item.select_one(".search-result__summary").get_text(strip=True)
            if item.select_one(".search-result__summary")
            else "",
        }
        for item in soup.select(".search-results > li")
    ]


def titles(client, query):
    return [result["title"] for result in found(client, query)]


def every_title(client, query, pages=5):
    """The titles of every page of results, in order (the demo has more than one page for some words)."""
    order = []
    for number in range(1, pages + 1):
        soup = BeautifulSoup(client.get("/search/", {"query": query, "page": number}).content, "html.parser")
        page_titles = [item.h2.get_text(strip=True) for item in soup.select(".search-results > li")]
        if not page_titles or (order and page_titles == order[-len(page_titles) :]):
            break  # past the last page, the last page is given again
        order += page_titles
    return order


@pytest.fixture
def areas(site_root):
    """One of each kind of page that speaks of lanterns, under the indexes that list them."""
    articles = ArticleIndexPageFactory(parent=site_root, title="Articles", intro="Reading for hard days.")
    finder = SupportGroupIndexPageFactory(parent=site_root, title="Support groups", intro="Groups that meet weekly.")
    community = CommunityIndexPageFactory(parent=site_root, title="Asheville community", intro="Local help.")
    return {"articles": articles, "finder": finder, "community": community}


def test_an_article_shows_its_kind_date_and_intro(client, areas):
    ArticlePageFactory(
        parent=areas["articles"],
        title="Lanterns in the dark",
        intro="Small lights for long evenings, and why they help.",
        date=datetime.date(2026, 3, 4),
    )
    [result] = found(client, "lanterns")
    assert result["kind"] == "Article"
    assert "March 4, 2026" in result["meta"]
    assert result["summary"] == "Small lights for long evenings, and why they help."


def test_a_group_shows_its_kind_and_next_meeting(client, areas):
    group = SupportGroupPageFactory(parent=areas["finder"], title="Lantern circle", summary="We meet by lamplight.")
    MeetingRuleFactory(page=group, weekday=1, first_date=now_local().date() - datetime.timedelta(days=30))
    group = SupportGroupPage.objects.get(pk=group.pk)
    [result] = found(client, "lantern")
    assert result["kind"] == "Support group"
    assert result["meta"] == f"Support group, Next meeting: {format_meeting(group.next_meeting)}"
    assert result["summary"] == "We meet by lamplight."


def test_a_paused_group_says_so_instead_of_a_meeting(client, areas):
    group = SupportGroupPageFactory(parent=areas["finder"], title="Lantern circle", status=GroupStatus.PAUSED)
    MeetingRuleFactory(page=group, weekday=1, first_date=now_local().date() - datetime.timedelta(days=30))
    [result] = found(client, "lantern")
    assert result["meta"] == "Support group, Meetings are paused"


def test_community_and_standard_pages_say_what_they_are(client, areas, site_root):
    CommunityPageFactory(parent=areas["community"], title="Lanterns on the river", intro="A walk in November.")
    StandardPageFactory(parent=site_root, title="Lanterns in the evening", intro="About us.")
    kinds = {result["title"]: result["kind"] for result in found(client, "lanterns")}
    assert kinds == {"Lanterns on the river": "Community page", "Lanterns in the evening": "Page"}


def test_the_search_description_comes_before_the_intro_and_a_long_one_is_trimmed(client, site_root):
    StandardPageFactory(parent=site_root, title="Lanterns", intro="The intro.", search_description="Short and clear.")
    StandardPageFactory(parent=site_root, title="More lanterns", intro="word " * 200)
    summaries = {result["title"]: result["summary"] for result in found(client, "lanterns")}
    assert summaries["Lanterns"] == "Short and clear."
    assert len(summaries["More lanterns"].split()) < 40
    assert summaries["More lanterns"].endswith("…")


# Order --------------------------------------------------------------------------------------


def test_pages_about_a_topic_come_before_the_indexes_that_list_them(client, site_root):
    """The indexes say "grief" in their titles and intros; the articles and groups are what was asked for."""
    articles = ArticleIndexPageFactory(parent=site_root, title="Grief articles", intro="Grief, grief and more grief.")
    finder = SupportGroupIndexPageFactory(parent=site_root, title="Grief groups", intro="Grief groups near you.")
    community = CommunityIndexPageFactory(parent=site_root, title="Grief locally", intro="Grief support in town.")
    ArticlePageFactory(parent=articles, title="A long year", intro="Notes on grief.")
    SupportGroupPageFactory(parent=finder, title="Tuesday circle", summary="For anyone living with grief.")
    CommunityPageFactory(parent=community, title="Weaverville", intro="Where to find grief support north of town.")

    order = titles(client, "grief")

    assert set(order[:3]) == {"A long year", "Tuesday circle", "Weaverville"}
    assert set(order[3:]) == {"Grief articles", "Grief groups", "Grief locally"}


# What is found ------------------------------------------------------------------------------


def test_a_group_is_found_by_its_topic(client, areas):
    bereavement = TopicFactory(name="Bereavement", slug="bereavement")
    SupportGroupPageFactory(parent=areas["finder"], title="Friday circle", summary="Monthly.", topics=[bereavement])
    assert titles(client, "bereavement") == ["Friday circle"]


def test_a_group_is_found_by_the_topics_an_editor_gives_it(client, areas):
    """The index follows the topics chosen in the same publish, not those of the save before."""
    group = SupportGroupPageFactory(parent=areas["finder"], title="Friday circle", summary="Monthly.")
    group.topics.set([TopicFactory(name="Bereavement", slug="bereavement")])
    group.save_revision().publish()
    assert titles(client, "bereavement") == ["Friday circle"]

    group = SupportGroupPage.objects.get(pk=group.pk)
    group.topics.set([TopicFactory(name="Loneliness", slug="loneliness")])
    group.save_revision().publish()
    assert titles(client, "bereavement") == []
    assert titles(client, "loneliness") == ["Friday circle"]


def test_online_and_paused_groups_are_found_like_any_other(client, areas):
    topic = TopicFactory(name="Bereavement", slug="bereavement")
    SupportGroupPageFactory(
        parent=areas["finder"], title="Online circle", meeting_format=MeetingFormat.ONLINE, venue=None, topics=[topic]
    )
    SupportGroupPageFactory(parent=areas["finder"], title="Paused circle", status=GroupStatus.PAUSED, topics=[topic])
    assert set(titles(client, "bereavement")) == {"Online circle", "Paused circle"}


def test_what_a_group_costs_and_its_insurance_note_are_found(client, areas):
    SupportGroupPageFactory(
        parent=areas["finder"],
        title="Tuesday circle",
        summary="Weekly.",
        cost=Cost.SLIDING_SCALE,
        cost_details="$10 to $40 a session",
        insurance_note="Most insurance plans cover this group.",
    )
    SupportGroupPageFactory(parent=areas["finder"], title="Walking group", summary="Weekly.", cost=Cost.FREE)
    assert titles(client, "insurance") == ["Tuesday circle"]
    assert titles(client, "sliding scale") == ["Tuesday circle"]
    assert "Walking group" in titles(client, "free")
    assert "Tuesday circle" not in titles(client, "free")


def test_what_a_local_resource_costs_is_found(client, areas):
    page = CommunityPageFactory(parent=areas["community"], title="Peer support", intro="Local help.")
    CommunityResourceFactory(page=page, cost="Free, whatever your insurance")
    page.save_revision().publish()
    assert titles(client, "insurance") == ["Peer support"]


# The demo site --------------------------------------------------------------------------------


def test_on_the_demo_site_grief_finds_the_online_remembrance_circle_and_content_before_indexes(client, demo_site):
    order = every_title(client, "grief")
    assert "Last Friday remembrance circle (online)" in order
    assert "Tuesday evening grief circle" in order
    assert "Grief has no timetable" in order
    indexes = [order.index("Articles"), order.index("Support groups")]
    content = [order.index("Grief has no timetable"), order.index("Last Friday remembrance circle (online)")]
    assert max(content) < min(indexes)


@pytest.mark.parametrize("query", ["insurance", "cost", "costs", "fees"])
def test_on_the_demo_site_questions_about_money_find_the_fees_page_first(client, demo_site, query):
    assert titles(client, query)[0] == "Fees and insurance"


def test_on_the_demo_site_insurance_finds_the_groups_insurance_covers(client, demo_site):
    order = titles(client, "insurance")
    assert "Anxiety skills group (online)" in order


# The address and the empty state ------------------------------------------------------------


def test_q_is_taken_as_the_query_at_the_one_address_of_search(client, pages):
    response = client.get("/search/", {"q": "grief", "page": "1"})
    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == "/search/?page=1&query=grief"
    assert "Living with grief" in client.get(response["Location"]).content.decode()


def test_query_wins_over_q(client, pages):
    response = client.get("/search/", {"query": "anxiety", "q": "grief"})
    assert response.status_code == HTTPStatus.OK
    assert titles(client, "anxiety") == ["Anxiety"]
    assert "Living with grief" not in response.content.decode()


def test_the_empty_state_calls_the_office(client, pages, practice):
    soup = BeautifulSoup(client.get("/search/", {"query": "zebra"}).content, "html.parser")
    link = soup.select_one(".empty-state a[href^='tel:']")
    assert link["href"] == "tel:+18285550142"
    assert "(828) 555-0142" in link.get_text()


def test_without_an_office_number_the_empty_state_still_says_call_us(client, pages):
    soup = BeautifulSoup(client.get("/search/", {"query": "zebra"}).content, "html.parser")
    empty_state = soup.select_one(".empty-state")
    assert empty_state.select("a[href^='tel:']") == []
    assert "call us during office hours" in empty_state.get_text()


# Queries --------------------------------------------------------------------------------------


def count_queries(client, query):
    client.get("/search/", {"query": query})  # warm: the site and its settings are cached per process
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/", {"query": query})
    assert response.status_code == HTTPStatus.OK
    return len(queries)


def add_one_of_each(areas, site_root, n):
    ArticlePageFactory(parent=areas["articles"], title=f"Lanterns {n}", intro="Lanterns.", topics=[TopicFactory()])
    group = SupportGroupPageFactory(parent=areas["finder"], title=f"Lantern circle {n}", topics=[TopicFactory()])
    MeetingRuleFactory(page=group, weekday=n % 7, first_date=now_local().date() - datetime.timedelta(days=30))
    CancelledMeetingFactory(page=group)
    CommunityPageFactory(parent=areas["community"], title=f"Lanterns by the river {n}", intro="Lanterns.")
    StandardPageFactory(parent=site_root, title=f"Lantern evenings {n}", intro="Lanterns.")


def test_a_page_of_results_costs_the_same_queries_for_one_result_of_each_kind_as_for_many(
    client, areas, site_root, django_assert_max_num_queries
):
    add_one_of_each(areas, site_root, 0)
    few = count_queries(client, "lantern")
    for n in range(1, 6):
        add_one_of_each(areas, site_root, n)
    assert len(found(client, "lantern")) == 10  # a full page of each kind
    with django_assert_max_num_queries(few):
        client.get("/search/", {"query": "lantern"})
