"""The article page: what readers see, what search engines read, and "Discover more"."""

import datetime
import json
import re
from http import HTTPStatus

import pytest
from wagtail.models import PageViewRestriction

from blog.factories import ArticlePageFactory, RelatedArticleFactory
from home.factories import ImageFactory, PersonFactory

pytestmark = pytest.mark.django_db


def json_ld(html):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


def discover_more(html):
    if 'id="discover-more-heading"' not in html:
        return []
    section = html[html.index('id="discover-more-heading"') :]
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', section)


@pytest.fixture
def article(index, anxiety, grief, jordan, priya):
    jordan.photo = ImageFactory(description="Jordan smiling on a trail")
    jordan.save()
    return ArticlePageFactory(
        parent=index,
        slug="breathing",
        title="Breathing through worry",
        intro="Three things to try when worry will not switch off.",
        date=datetime.date(2026, 3, 4),
        topics=[anxiety, grief],
        people=[priya, jordan],
        hero_image=ImageFactory(description="Mist over the ridges"),
        body=[
            {"type": "heading", "value": {"text": "Breathe out for longer", "size": "h2"}},
            {"type": "paragraph", "value": "<p>In for four, out for six.</p><ul><li>Name five things</li></ul>"},
        ],
    )


def test_article_shows_its_intro_authors_date_reading_time_topics_and_body(client, practice, article):
    response = client.get("/articles/breathing/")
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert '<h1 id="article-title">Breathing through worry</h1>' in html
    assert "Three things to try when worry will not switch off." in html
    assert "By Priya Natarajan and Jordan Reyes" in html
    assert '<time datetime="2026-03-04">March 4, 2026</time>' in html
    assert "1 min read" in html
    assert '<a class="tag" href="/articles/?topic=anxiety">Anxiety</a>' in html
    assert "<h2>Breathe out for longer</h2>" in html and "<li>Name five things</li>" in html
    # Authors with their bios, in the editor's order, photos decorative beside the name.
    about = html[html.index('id="authors-heading"') :]
    assert "About the authors" in about
    assert about.index("Priya Natarajan, LCMHC") < about.index("Jordan Reyes, LCSW")
    assert "Jordan leads groups." in about and "Priya teaches skills." in about
    assert re.search(r'<img alt="" class="author__photo"', about)
    # Breadcrumbs back to the index.
    assert '<li><a href="/articles/">Articles</a></li>' in html


def test_hero_image_is_responsive_with_its_alt_text_and_size(client, article):
    html = client.get("/articles/breathing/").content.decode()
    hero = html[html.index('class="container article__hero"') :]
    img = re.search(r"<img [^>]+>", hero).group(0)
    assert 'alt="Mist over the ridges"' in img
    assert 'width="' in img and 'height="' in img
    assert 'fetchpriority="high"' in img and "loading=" not in img  # above the fold: not lazy
    assert 'type="image/webp"' in hero[: hero.index("</picture>")]


def test_search_engines_get_open_graph_canonical_and_article_json_ld(client, practice, article):
    html = client.get("/articles/breathing/").content.decode()
    assert '<link rel="canonical" href="http://localhost/articles/breathing/">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:image" content="' in html
    assert '<meta property="article:tag" content="Anxiety">' in html
    assert '<meta property="article:published_time" content="2026-03-04T' in html
    data = json_ld(html)
    assert data["@type"] == "Article"
    assert data["headline"] == "Breathing through worry"
    assert data["datePublished"].startswith("2026-03-04T")
    assert data["dateModified"]
    assert [author["name"] for author in data["author"]] == ["Priya Natarajan", "Jordan Reyes"]
    assert data["author"][1] == {
        "@type": "Person",
        "name": "Jordan Reyes",
        "jobTitle": "Licensed clinical social worker",
        "honorificSuffix": "LCSW",
    }
    assert data["publisher"]["@type"] == "MedicalClinic"
    assert data["publisher"]["name"] == "Resilient Mind Counseling"
    assert data["publisher"]["telephone"] == "(828) 555-0142"
    assert "@context" not in data["publisher"]
    assert data["image"][0].startswith("http") and data["image"][0].endswith(".jpg")
    assert data["mainEntityOfPage"]["@id"] == "http://localhost/articles/breathing/"
    assert data["keywords"] == ["Anxiety", "Grief and loss"]


def test_an_article_without_authors_is_credited_to_the_practice(client, practice, index):
    ArticlePageFactory(parent=index, slug="team", people=[])
    html = client.get("/articles/team/").content.decode()
    assert json_ld(html)["author"] == [
        {"@type": "Organization", "name": "Resilient Mind Counseling", "url": "http://localhost/"}
    ]
    assert 'id="authors-heading"' not in html


def test_article_advertises_the_feed(client, article):
    html = client.get("/articles/breathing/").content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Resilient Mind Counseling: articles" '
        'href="http://localhost/articles/feed/">'
    ) in html


def test_discover_more_shows_the_editors_choices_in_order(client, index, article):
    first = ArticlePageFactory(parent=index, title="Chosen first", date=datetime.date(2020, 1, 1))
    second = ArticlePageFactory(parent=index, title="Chosen second", date=datetime.date(2025, 1, 1))
    ArticlePageFactory(parent=index, title="Newer but not chosen", topics=list(article.topics.all()))
    RelatedArticleFactory(page=article, article=first, sort_order=0)
    RelatedArticleFactory(page=article, article=second, sort_order=1)
    assert discover_more(client.get(article.url).content.decode()) == ["Chosen first", "Chosen second"]


def test_discover_more_leaves_out_choices_readers_may_not_see(client, index, article, anxiety):
    draft = ArticlePageFactory(parent=index, title="Chosen draft")
    draft.unpublish()
    private = ArticlePageFactory(parent=index, title="Chosen private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    RelatedArticleFactory(page=article, article=draft)
    RelatedArticleFactory(page=article, article=private)
    ArticlePageFactory(parent=index, title="Same topic", topics=[anxiety])
    # Nothing the editor chose can be shown, so the newest on the same topics take their place.
    assert discover_more(client.get(article.url).content.decode()) == ["Same topic"]


def test_discover_more_falls_back_to_the_newest_on_the_same_topics(client, index, article, anxiety, grief):
    dates = {"Grief, older": (2024, 1, 1), "Anxiety, newest": (2026, 2, 1), "Grief, newer": (2025, 1, 1)}
    topics = {"Grief, older": grief, "Anxiety, newest": anxiety, "Grief, newer": grief}
    for title, date in dates.items():
        ArticlePageFactory(parent=index, title=title, date=datetime.date(*date), topics=[topics[title]])
    ArticlePageFactory(parent=index, title="Another topic", date=datetime.date(2026, 2, 2))
    ArticlePageFactory(parent=index, title="Oldest on topic", date=datetime.date(2000, 1, 1), topics=[anxiety])
    assert discover_more(client.get(article.url).content.decode()) == [
        "Anxiety, newest",
        "Grief, newer",
        "Grief, older",
    ]


def test_discover_more_falls_back_to_the_newest_articles_when_no_topic_is_shared(client, index):
    lonely = ArticlePageFactory(parent=index, title="No topics", topics=[])
    ArticlePageFactory(parent=index, title="Something else", date=datetime.date(2026, 1, 1))
    assert discover_more(client.get(lonely.url).content.decode()) == ["Something else"]


def test_a_lone_article_has_no_discover_more_section(client, index):
    lonely = ArticlePageFactory(parent=index, title="Only one")
    assert 'id="discover-more-heading"' not in client.get(lonely.url).content.decode()


def test_bios_and_names_are_escaped(client, index):
    person = PersonFactory(name="<b>Bold</b>", short_bio="<script>alert(1)</script>")
    article = ArticlePageFactory(parent=index, people=[person])
    html = client.get(article.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;b&gt;Bold&lt;/b&gt;" in html
