"""The articles in a real browser: zero axe-core WCAG 2.2 AA violations, nothing loaded from other hosts."""

import datetime

import pytest

from blog.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    RelatedArticleFactory,
    StoryConsentFactory,
    StoryFactory,
)
from home.factories import ImageFactory, PersonFactory, TopicFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def articles(site_root, practice):
    index = ArticleIndexPageFactory(
        parent=site_root, title="Articles", slug="articles", intro="Plain-language articles from our team."
    )
    anxiety = TopicFactory(name="Anxiety", slug="anxiety", description="Worry that will not settle.")
    grief = TopicFactory(name="Grief and loss", slug="grief")
    author = PersonFactory(name="Priya Natarajan", credentials="LCMHC", photo=ImageFactory(description="Priya"))
    image = ImageFactory(description="Mist filling the valleys between grey ridges")
    pages = [
        ArticlePageFactory(
            parent=index,
            slug=f"article-{n}",
            title=f"An article about {'worry' if n % 2 else 'loss'} {n}",
            date=datetime.date(2026, 1, 1 + n),
            topics=[anxiety] if n % 2 else [grief],
            people=[author],
            hero_image=image,
            body=[
                {"type": "heading", "value": {"text": "What helps", "size": "h2"}},
                {"type": "paragraph", "value": "<p>Breathe out slowly.</p><ul><li>Name five things.</li></ul>"},
                {
                    "type": "image",
                    "value": {"image": {"image": image.pk, "alt_text": "", "decorative": False}, "caption": "Fog."},
                },
                {"type": "quote", "value": {"quote": "Nobody rushed me.", "attribution": "A member"}},
            ],
        )
        for n in range(15)
    ]
    RelatedArticleFactory(page=pages[0], article=pages[1])
    story = StoryFactory(
        parent=index,
        slug="a-story",
        title="The winter I stopped hiding",
        hero_image=image,
        topics=[grief],
        people=[],
        content_notes=["suicide", "self-harm"],
    )
    StoryConsentFactory(story=story)
    story.save_revision().publish()
    return pages


@pytest.mark.parametrize(
    "path",
    [
        "/articles/",
        "/articles/?topic=anxiety",
        "/articles/?page=2",
        "/articles/?topic=nope",
        "/articles/article-0/",
        "/articles/?kind=story",
        "/articles/a-story/",
    ],
)
def test_articles_have_no_accessibility_violations(page, live_server, articles, axe_check, offsite_requests, path):
    response = page.goto(live_server.url + path)
    assert response.status == 200
    axe_check(page)
    assert offsite_requests == []


def test_the_content_note_link_moves_focus_to_the_story(page, live_server, articles):
    page.goto(live_server.url + "/articles/a-story/")
    page.get_by_role("link", name="Read the story").click()
    assert page.evaluate("document.activeElement.id") == "article-text"


def test_the_empty_index_has_no_accessibility_violations(page, live_server, site_root, practice, axe_check):
    ArticleIndexPageFactory(parent=site_root, title="Articles", slug="articles")
    page.goto(live_server.url + "/articles/")
    assert page.get_by_role("heading", name="No articles yet").is_visible()
    axe_check(page)


def test_a_reader_filters_by_topic_and_pages_through(page, live_server, articles):
    page.goto(live_server.url + "/articles/")
    page.get_by_role("navigation", name="Browse by topic").get_by_role("link", name="Anxiety").click()
    page.wait_for_url("**/articles/?topic=anxiety")
    assert page.get_by_role("heading", level=1).inner_text() == "Articles on Anxiety"
    assert page.get_by_role("link", name="Anxiety", exact=True).get_attribute("aria-current") == "true"
    page.goto(live_server.url + "/articles/")
    page.get_by_role("link", name="Next page").click()
    page.wait_for_url("**/articles/?page=2")
    assert page.get_by_text("Page 2 of 2", exact=True).is_visible()


def test_topic_filters_are_big_enough_to_tap(page, live_server, articles):
    page.goto(live_server.url + "/articles/")
    for link in page.locator(".topic-filter a").all():
        box = link.bounding_box()
        assert box["height"] >= 44, link.inner_text()
