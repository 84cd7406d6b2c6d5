"""The article model: reading time, publication date, and what editors cannot get wrong."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import PageViewRestriction

from blog.factories import ArticleIndexPageFactory, ArticlePageFactory
from blog.models import ArticlePage, RelatedArticle
from blog.text import WORDS_PER_MINUTE, count_words, reading_minutes, stream_text
from home.blocks import BaseStreamBlock
from home.factories import ImageFactory

pytestmark = pytest.mark.django_db


def words(n):
    return " ".join(["calm"] * n)


def test_stream_text_reads_every_block_that_has_words(site_root):
    image = ImageFactory()
    stream = BaseStreamBlock().to_python(
        [
            {"type": "heading", "value": {"text": "First heading", "size": "h2"}},
            {"type": "paragraph", "value": "<p>Rich <b>text</b> &amp; more</p><ul><li>a list item</li></ul>"},
            {
                "type": "image",
                "value": {"image": {"image": image.pk, "alt_text": "", "decorative": False}, "caption": "A caption"},
            },
            {"type": "quote", "value": {"quote": "Nobody rushed me.", "attribution": "A member"}},
            {
                "type": "call_to_action",
                "value": {
                    "heading": "Talk",
                    "text": "We reply.",
                    "button_label": "Go",
                    "page": None,
                    "url": "https://example.com/x",
                },
            },
        ]
    )
    text = stream_text(stream)
    for expected in ["First heading", "Rich text & more", "a list item", "A caption", "Nobody rushed me.", "A member"]:
        assert expected in text
    assert "example.com" not in text
    assert "<" not in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", 0), ("one", 1), ("don't stop, well-being", 3), ("Asheville\u2019s mountains", 2), ("  spaced   out ", 2)],
)
def test_count_words(text, expected):
    assert count_words(text) == expected


def test_reading_time_rounds_up_and_is_at_least_a_minute():
    assert reading_minutes("") == 1
    assert reading_minutes(words(WORDS_PER_MINUTE)) == 1
    assert reading_minutes(words(WORDS_PER_MINUTE + 1)) == 2
    assert reading_minutes(words(WORDS_PER_MINUTE), words(WORDS_PER_MINUTE * 2)) == 3


def test_reading_time_is_stored_when_the_article_is_saved(index):
    article = ArticlePageFactory(
        parent=index, intro="Short.", body=[{"type": "paragraph", "value": f"<p>{words(WORDS_PER_MINUTE * 4)}</p>"}]
    )
    assert ArticlePage.objects.get(pk=article.pk).reading_time == 5  # intro and body together

    article.body = [{"type": "paragraph", "value": "<p>Now much shorter.</p>"}]
    article.save_revision().publish()
    assert ArticlePage.objects.get(pk=article.pk).reading_time == 1


def test_publication_date_is_the_day_of_first_publication_when_left_empty(index):
    article = ArticlePageFactory.build(date=None, live=False, people=[])
    index.add_child(instance=article)
    assert ArticlePage.objects.get(pk=article.pk).date is None  # a draft has no publication date yet

    article.save_revision().publish()
    article.refresh_from_db()
    assert article.date == timezone.localdate(article.first_published_at)


def test_an_editor_can_set_the_publication_date(index):
    chosen = datetime.date(2024, 3, 5)
    article = ArticlePageFactory.build(date=chosen, live=False, people=[])
    index.add_child(instance=article)
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.date == chosen
    assert article.published_at.date() == chosen


def test_a_date_cleared_later_falls_back_to_the_first_publication(index):
    article = ArticlePageFactory(parent=index, date=datetime.date(2020, 1, 1))
    article.save_revision().publish()
    article.refresh_from_db()
    first_day = timezone.localdate(article.first_published_at)
    article.date = None
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.date == first_day


def test_an_article_cannot_suggest_itself(index):
    article = ArticlePageFactory(parent=index)
    with pytest.raises(ValidationError) as error:
        RelatedArticle(page=article, article=article).full_clean()
    assert "cannot suggest itself" in str(error.value)


def test_readable_agrees_with_wagtails_live_and_public(site_root, index):
    other_index = ArticleIndexPageFactory(parent=site_root, slug="members")
    shown = ArticlePageFactory(parent=index, slug="shown")
    own = ArticlePageFactory(parent=index, slug="own-restriction")
    under_private_index = ArticlePageFactory(parent=other_index, slug="under-private-index")
    draft = ArticlePageFactory(parent=index, slug="draft")
    draft.unpublish()
    PageViewRestriction.objects.create(page=own, restriction_type="login")
    PageViewRestriction.objects.create(page=other_index, restriction_type="password", password="pw")

    readable = set(ArticlePage.objects.readable())
    assert readable == set(ArticlePage.objects.live().public())
    assert readable == {shown}
    assert under_private_index not in readable
