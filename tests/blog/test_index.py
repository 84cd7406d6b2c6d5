"""The articles index: newest first, a featured article, topic filters, pages, and odd query values."""

import datetime
import re
from http import HTTPStatus

import pytest
from wagtail.models import PageViewRestriction

from blog.factories import ArticleIndexPageFactory, ArticlePageFactory
from home.factories import TopicFactory

pytestmark = pytest.mark.django_db


def day(n):
    return datetime.date(2026, 1, 1) + datetime.timedelta(days=n)


def card_titles(html):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', html)


def featured_title(html):
    match = re.search(r'id="featured-article-title"><a href="[^"]+">([^<]+)</a>', html)
    return match.group(1) if match else None


@pytest.fixture
def articles(index, anxiety, grief):
    return {
        "oldest": ArticlePageFactory(parent=index, title="Oldest", date=day(1), topics=[grief]),
        "middle": ArticlePageFactory(parent=index, title="Middle", date=day(2), topics=[anxiety]),
        "newest": ArticlePageFactory(parent=index, title="Newest", date=day(3), topics=[anxiety, grief]),
    }


def test_index_features_the_newest_and_lists_the_rest_newest_first(client, articles):
    response = client.get("/articles/")
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert featured_title(html) == "Newest"
    assert card_titles(html) == ["Middle", "Oldest"]
    assert "<h1>Articles</h1>" in html
    assert "Our articles." in html


def test_the_editor_can_choose_the_featured_article(client, index, articles):
    index.featured_article = articles["oldest"]
    index.save_revision().publish()
    html = client.get("/articles/").content.decode()
    assert featured_title(html) == "Oldest"
    assert card_titles(html) == ["Newest", "Middle"]


def test_a_chosen_featured_article_that_is_no_longer_live_is_replaced_by_the_newest(client, index, articles):
    index.featured_article = articles["oldest"]
    index.save_revision().publish()
    articles["oldest"].unpublish()
    html = client.get("/articles/").content.decode()
    assert featured_title(html) == "Newest"
    assert "Oldest" not in html


def test_topic_filter_lists_only_that_topic_and_marks_it(client, articles):
    response = client.get("/articles/", {"topic": "anxiety"})
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert featured_title(html) is None
    assert card_titles(html) == ["Newest", "Middle"]
    assert "<h1>Articles on Anxiety</h1>" in html
    assert "2 articles on Anxiety" in html
    assert '<a class="tag" href="/articles/?topic=anxiety" aria-current="true">Anxiety</a>' in html
    assert "<title>Articles on Anxiety | Resilient Mind Counseling</title>" in html


def test_topic_links_list_only_topics_that_have_articles(client, articles):
    TopicFactory(name="Trauma", slug="trauma")
    html = client.get("/articles/").content.decode()
    assert 'href="/articles/?topic=anxiety"' in html
    assert 'href="/articles/?topic=grief"' in html
    assert "?topic=trauma" not in html


def test_a_topic_without_articles_gets_a_helpful_empty_state(client, articles):
    TopicFactory(name="Trauma", slug="trauma")
    response = client.get("/articles/", {"topic": "trauma"})
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "No articles on Trauma yet" in html
    assert 'href="/articles/">See all articles</a>' in html
    assert card_titles(html) == []


@pytest.mark.parametrize(
    "topic", ["nope", "x" * 5000, "<script>alert(1)</script>", "' OR 1=1 --", "\x00", "anxiety\x00", "../grief", "😊"]
)
def test_an_unknown_topic_shows_every_article_with_a_note(client, articles, topic):
    response = client.get("/articles/", {"topic": topic})
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "We don't have " in html and "so here are all our articles" in html
    assert featured_title(html) == "Newest"
    assert card_titles(html) == ["Middle", "Oldest"]
    assert "<script>alert(1)</script>" not in html


def test_the_empty_index_says_so(client, index, practice):
    html = client.get("/articles/").content.decode()
    assert "No articles yet" in html
    assert 'href="tel:+18285550142"' in html


@pytest.fixture
def many(index):
    # 1 featured + 12 a page: the 26 articles fill pages 1 and 2 and one card on page 3.
    return [ArticlePageFactory(parent=index, title=f"Article {n:02}", date=day(n), people=[]) for n in range(26)]


def test_articles_come_in_pages_of_twelve_and_the_featured_one_is_never_repeated(client, many):
    first = client.get("/articles/").content.decode()
    second = client.get("/articles/", {"page": 2}).content.decode()
    third = client.get("/articles/", {"page": 3}).content.decode()
    assert featured_title(first) == "Article 25"
    assert card_titles(first) == [f"Article {n:02}" for n in range(24, 12, -1)]
    assert featured_title(second) is None
    assert card_titles(second) == [f"Article {n:02}" for n in range(12, 0, -1)]
    assert card_titles(third) == ["Article 00"]
    assert "page 2 of 3" in second
    assert 'rel="next" href="?page=3"' in second and 'rel="prev" href="?page=1"' in second
    assert "<title>Articles, page 2 | Resilient Mind Counseling</title>" in second


def test_pages_keep_the_topic_filter(client, index, anxiety):
    for n in range(14):
        ArticlePageFactory(parent=index, date=day(n), topics=[anxiety], people=[])
    html = client.get("/articles/", {"topic": "anxiety"}).content.decode()
    assert 'href="?topic=anxiety&amp;page=2"' in html


@pytest.mark.parametrize(("value", "expected_page"), [("abc", 1), ("", 1), ("1.5", 1), ("99999", 3), ("-1", 3)])
def test_bad_page_numbers_give_the_nearest_sensible_page(client, many, value, expected_page):
    response = client.get("/articles/", {"page": value})
    assert response.status_code == HTTPStatus.OK
    assert response.context["page_obj"].number == expected_page


def test_drafts_and_private_articles_are_not_listed(client, index, articles):
    draft = ArticlePageFactory(parent=index, title="A draft", date=day(9))
    draft.unpublish()
    private = ArticlePageFactory(parent=index, title="Staff only", date=day(9))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    html = client.get("/articles/").content.decode()
    assert "A draft" not in html
    assert "Staff only" not in html
    assert featured_title(html) == "Newest"


def test_an_index_behind_a_password_lists_its_articles_once_the_visitor_is_in(client, site_root):
    index = ArticleIndexPageFactory(parent=site_root, slug="members")
    ArticlePageFactory(parent=index, title="For members")
    restriction = PageViewRestriction.objects.create(page=index, restriction_type="password", password="pw")
    assert "For members" not in client.get("/members/").content.decode()

    response = client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{index.pk}/",
        {"password": "pw", "return_url": "/members/"},
    )
    assert response.status_code == HTTPStatus.FOUND
    assert "For members" in client.get("/members/").content.decode()


def test_index_advertises_its_feeds(client, articles):
    html = client.get("/articles/").content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Resilient Mind Counseling: articles" '
        'href="http://localhost/articles/feed/">'
    ) in html
    html = client.get("/articles/", {"topic": "anxiety"}).content.decode()
    assert 'href="http://localhost/articles/feed/anxiety/"' in html


def test_cards_show_date_reading_time_authors_and_a_responsive_lazy_image(client, index, jordan, priya):
    ArticlePageFactory(parent=index, title="First", date=day(2), people=[])
    ArticlePageFactory(parent=index, title="Second", date=day(1), people=[jordan, priya], with_image=True)
    html = client.get("/articles/").content.decode()
    card = html[html.index('class="card article-card"') :]
    assert "By Jordan Reyes and Priya Natarajan" in card
    assert '<time datetime="2026-01-02">January 2, 2026</time>' in card
    assert "min read" in card
    assert 'loading="lazy"' in card and 'type="image/webp"' in card and "srcset=" in card
    img = re.search(r"<img [^>]+>", card).group(0)
    assert 'width="' in img and 'height="' in img and 'alt=""' in img
