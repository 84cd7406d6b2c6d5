"""The articles' demo content: eight or more articles in the practice's voice, and the bench helpers."""

from http import HTTPStatus

import pytest
from django.core.management import call_command

from blog import demo
from blog.models import ArticleIndexPage, ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(demo_site):
    return ArticleIndexPage.objects.get(slug=demo.INDEX_SLUG)


def test_demo_articles_cover_the_topics_with_headings_lists_images_and_several_authors(loaded):
    articles = list(ArticlePage.objects.live().child_of(loaded).prefetch_related("authors__person", "topics"))
    assert len(articles) >= 8
    assert loaded.show_in_menus and loaded.featured_article.slug == "finding-strength-together"
    assert {topic.slug for article in articles for topic in article.topics.all()} >= {
        "anxiety",
        "depression",
        "grief",
        "families-caregivers",
        "mindfulness-outdoors",
        "trauma",
    }
    assert len({author.person.name for article in articles for author in article.authors.all()}) >= 4
    for article in articles:
        kinds = [block.block_type for block in article.body]
        html = str(article.body)
        assert article.hero_image is not None, article.slug
        assert "heading" in kinds and "image" in kinds, article.slug
        assert "<ul>" in html or "<ol>" in html, article.slug
        assert article.reading_time >= 1 and article.date is not None
    suggestions = ArticlePage.objects.get(slug="finding-strength-together").get_related_articles()
    assert [article.slug for article in suggestions] == ["how-to-choose-a-support-group", "your-first-group-meeting"]


def test_demo_pages_render_and_the_bench_urls_answer(client, loaded):
    for article in ArticlePage.objects.live():
        assert client.get(article.url).status_code == HTTPStatus.OK, article.url
    urls = demo.bench_urls()
    assert len(urls) >= 8
    for label, url in urls:
        assert client.get(url).status_code == HTTPStatus.OK, (label, url)
    assert "Articles" in client.get("/").content.decode()  # in the main menu


def test_multiply_makes_factor_times_as_many_articles(loaded):
    articles = ArticlePage.objects.live().filter(kind="article")
    before = articles.count()
    demo.multiply(3, log=lambda message: None)
    assert articles.count() == 3 * before
    demo.multiply(3, log=lambda message: None)  # again: already there
    assert articles.count() == 3 * before
    assert ArticlePage.objects.filter(kind="story").count() == 2  # stories are never copied


def test_demo_stories_are_published_with_consent_one_with_a_content_note(client, loaded):
    stories = list(ArticlePage.objects.live().filter(kind="story").select_related("consent"))
    assert len(stories) == 2
    assert all(story.consent.in_force and "Demo" in story.consent.how_given for story in stories)
    assert sorted(bool(story.content_notes) for story in stories) == [False, True]
    for story in stories:
        html = client.get(story.url).content.decode()
        assert "written for this demo site" in html
        assert story.consent.given_by not in html
    listing = client.get(loaded.url, {"kind": "story"}).content.decode()
    assert all(story.title in listing for story in stories)


def test_staff_edits_to_articles_survive_loading_the_demo_again(loaded):
    article = ArticlePage.objects.get(slug="grief-has-no-timetable")
    article.title = "Grief keeps its own time"
    article.save_revision().publish()
    call_command("load_demo_content", verbosity=0)
    assert ArticlePage.objects.get(slug="grief-has-no-timetable").title == "Grief keeps its own time"
    assert ArticlePage.objects.filter(slug="grief-has-no-timetable").count() == 1
