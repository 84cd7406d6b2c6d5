"""Members' stories: published only with consent in force, shown with their content note, listed apart,
and never a word of the consent record outside the admin (page, APIs, feed, search).

The admin's ways to publish are tested in test_story_admin.py.
"""

import datetime
from http import HTTPStatus

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageLogEntry, Revision

from blog.factories import ArticlePageFactory, StoryConsentFactory, StoryFactory
from blog.models import ArticlePage, StoryConsent
from blog.models.consent import ConsentRequired

pytestmark = pytest.mark.django_db

# Words of the consent record that must never leave the admin.
GIVEN_BY = "Winifred Quellmalz"
HOW_GIVEN = "Signed form in the blue folder"


@pytest.fixture
def story(index):
    return StoryFactory(
        parent=index,
        title="The winter I stopped hiding",
        slug="the-winter-i-stopped-hiding",
        intro="How Sam found her way back after a long, dark winter.",
        content_notes=["self-harm", "suicide"],
    )


def consent_for(story, **fields):
    return StoryConsentFactory(story=story, given_by=GIVEN_BY, how_given=HOW_GIVEN, **fields)


@pytest.fixture
def published_story(story):
    consent_for(story)
    story.save_revision().publish()
    story.refresh_from_db()
    return story


# The model: no consent, no publishing ------------------------------------------------------------


def test_a_story_without_consent_cannot_be_published(story):
    with pytest.raises(ConsentRequired):
        story.save_revision().publish()
    story.refresh_from_db()
    assert not story.live
    assert not story.live_revision_id


def test_a_story_cannot_be_saved_live_by_code_either(story):
    story.live = True
    with pytest.raises(ValidationError):
        story.save()
    assert not ArticlePage.objects.get(pk=story.pk).live


def test_with_consent_the_story_is_published(story):
    consent_for(story)
    story.save_revision().publish()
    story.refresh_from_db()
    assert story.live


@pytest.mark.parametrize(
    ("agreed", "withdrawn"),
    [(1, None), (-30, -1), (-30, 0)],
    ids=["agreed-tomorrow", "withdrawn-yesterday", "withdrawn-today"],
)
def test_consent_not_in_force_is_no_consent(story, agreed, withdrawn):
    today = timezone.localdate()
    StoryConsent.objects.create(
        story=story,
        given_by=GIVEN_BY,
        agreed_on=today + datetime.timedelta(days=agreed),
        withdrawn_on=today + datetime.timedelta(days=withdrawn) if withdrawn is not None else None,
        name_shown="changed",
    )
    with pytest.raises(ConsentRequired):
        story.save_revision().publish()


def test_an_article_turned_into_a_story_in_a_draft_needs_consent(index):
    article = ArticlePageFactory(parent=index)  # live, an article
    article.kind = "story"
    revision = article.save_revision()
    with pytest.raises(ConsentRequired):
        revision.publish()
    assert ArticlePage.objects.get(pk=article.pk).kind == "article"


def test_a_story_with_a_consent_record_cannot_be_turned_into_an_article(published_story):
    """Else a draft of kind "article", approved, would leave the member's story live past the consent rule."""
    published_story.kind = "article"
    with pytest.raises(ValidationError) as error:
        published_story.full_clean()
    assert "kind" in error.value.message_dict


def test_consent_can_be_recorded_for_an_article_turned_into_a_story_in_a_draft(index):
    """The kind changes in the draft only (the live page stays an article until published): the consent it
    needs to be published is accepted, and its withdrawal can be recorded whatever the kind is then."""
    article = ArticlePageFactory(parent=index)  # live, an article
    article.kind = "story"
    article.save_revision()
    consent = StoryConsent(story=ArticlePage.objects.get(pk=article.pk), given_by=GIVEN_BY, name_shown="changed")
    consent.full_clean()
    consent.save()
    ArticlePage.objects.get(pk=article.pk).get_latest_revision().publish()
    assert ArticlePage.objects.get(pk=article.pk).live

    ArticlePage.objects.filter(pk=article.pk).update(kind="article")  # by code, past the form
    consent = StoryConsent.objects.get(pk=consent.pk)
    consent.withdrawn_on = timezone.localdate()
    consent.full_clean()


def test_an_alias_of_a_story_is_covered_by_the_original_s_consent(published_story):
    """Publishing the original updates its aliases (saved live by Wagtail): they have no record of their own."""
    alias = published_story.create_alias(update_slug="the-winter-again")
    published_story.title = "The winter I stopped hiding, revised"
    published_story.save_revision().publish()
    assert ArticlePage.objects.get(pk=published_story.pk).live
    alias = ArticlePage.objects.get(pk=alias.pk)
    assert alias.live
    assert alias.title == "The winter I stopped hiding, revised"

    StoryConsent.objects.filter(story=published_story).update(withdrawn_on=timezone.localdate())
    StoryConsent.objects.get(story=published_story).save()  # the receiver takes down the story and its alias
    assert not ArticlePage.objects.get(pk=alias.pk).live


def test_articles_need_no_consent(index):
    article = ArticlePageFactory(parent=index, live=False)
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.live


def test_withdrawing_consent_unpublishes_the_story(client, published_story):
    consent = published_story.consent
    consent.withdrawn_on = timezone.localdate()
    consent.save()
    published_story.refresh_from_db()
    assert not published_story.live
    assert client.get("/articles/the-winter-i-stopped-hiding/").status_code == HTTPStatus.NOT_FOUND


def test_deleting_consent_unpublishes_the_story_and_deleting_the_story_deletes_its_consent(published_story):
    published_story.consent.delete()
    published_story.refresh_from_db()
    assert not published_story.live

    consent_for(published_story)
    published_story.delete()
    assert not StoryConsent.objects.exists()


def test_withdrawing_consent_cancels_a_scheduled_publication(story):
    consent_for(story)
    story.go_live_at = timezone.now() + datetime.timedelta(days=1)
    story.save_revision().publish()
    assert Revision.page_revisions.filter(object_id=str(story.pk), approved_go_live_at__isnull=False).exists()

    StoryConsent.objects.filter(story=story).delete()
    assert not Revision.page_revisions.filter(object_id=str(story.pk), approved_go_live_at__isnull=False).exists()


def test_publish_scheduled_skips_a_story_without_consent_and_publishes_the_rest(index, story):
    go_live = timezone.now() + datetime.timedelta(hours=2)
    # Scheduled when it had consent (or around every check): the revision is already approved to go live.
    story.go_live_at = go_live
    revision = story.save_revision()
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=go_live)
    article = ArticlePageFactory.build(slug="scheduled-article", live=False, people=[])
    article.go_live_at = go_live
    index.add_child(instance=article)
    article.save_revision().publish()

    with time_machine.travel(go_live + datetime.timedelta(minutes=5), tick=False):
        call_command("publish_scheduled")

    assert ArticlePage.objects.get(pk=article.pk).live
    assert not ArticlePage.objects.get(pk=story.pk).live
    assert not Revision.page_revisions.filter(object_id=str(story.pk), approved_go_live_at__isnull=False).exists()
    # The page's history says why (the fact only: nothing of a consent record).
    entry = PageLogEntry.objects.get(page=story, action="blog.story.schedule_cancelled")
    assert "consent" in entry.message.lower()


def test_consent_is_validated():
    consent = StoryConsent(
        given_by="A",
        agreed_on=timezone.localdate(),
        withdrawn_on=timezone.localdate() - datetime.timedelta(days=1),
        name_shown="real",
    )
    with pytest.raises(ValidationError) as error:
        consent.full_clean(exclude=["story"])
    assert "withdrawn_on" in error.value.message_dict


def test_a_withdrawal_cannot_be_dated_in_the_future(published_story):
    """A future date would leave the story live (the consent is in force until then) though the help text
    says it comes down at once: refused, so staff enter today."""
    consent = published_story.consent
    consent.withdrawn_on = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        consent.full_clean()
    assert "withdrawn_on" in error.value.message_dict


def test_content_notes_are_checked_and_kept_in_order(index):
    story = StoryFactory.build(content_notes=["self-harm", "abuse", "suicide"])
    story.clean()
    assert story.content_notes == ["suicide", "self-harm", "abuse"]
    assert story.content_note_text == "This story mentions suicide, self-harm and abuse."
    story.content_notes = ["nonsense"]
    with pytest.raises(ValidationError):
        story.clean()


# Readers: the page, the listing ---------------------------------------------------------------------


def test_the_content_note_comes_before_the_story_with_help_and_a_way_past_it(client, published_story):
    html = client.get(published_story.url).content.decode()
    assert "Member&#x27;s story" in html or "Member's story" in html
    note = html.index('class="content-note"')
    assert html.index('id="article-text"') > note > html.index('id="article-title"')
    assert "This story mentions suicide and self-harm." in html
    assert 'href="#article-text">Read the story</a>' in html
    assert 'href="tel:988"' in html[note : html.index('id="article-text"')]
    assert "Names and some details have been changed to protect privacy." in html


def test_no_content_note_without_one(client, index, story):
    story.content_notes = []
    story.save()
    consent_for(story, name_shown="real")
    story.save_revision().publish()
    html = client.get(story.url).content.decode()
    assert 'class="content-note"' not in html
    assert "under their own name" in html


def test_the_stories_listing_shows_only_stories(client, index, published_story):
    ArticlePageFactory(parent=index, title="Zephyr article on sleep")
    everything = client.get("/articles/").content.decode()
    assert 'href="/articles/?kind=story"' in everything
    assert "Zephyr article on sleep" in everything and "The winter I stopped hiding" in everything

    stories = client.get("/articles/", {"kind": "story"}).content.decode()
    assert "<h1>Members&#x27; stories</h1>" in stories or "<h1>Members' stories</h1>" in stories
    assert "The winter I stopped hiding" in stories
    assert "Zephyr article on sleep" not in stories
    assert "1 story" in stories


def test_an_unknown_kind_is_left_out_and_said(client, index, published_story):
    html = client.get("/articles/", {"kind": "poems"}).content.decode()
    assert "We don&#x27;t have that kind of article" in html or "We don't have that kind of article" in html
    assert "The winter I stopped hiding" in html


def test_no_stories_yet(client, index):
    html = client.get("/articles/", {"kind": "story"}).content.decode()
    assert "No stories yet" in html


# Data: the APIs, the feed, search, structured data; never the consent --------------------------------


def test_the_apis_give_kind_content_notes_and_the_public_note_only(client, published_story):
    detail = client.get(f"/api/v2/pages/{published_story.pk}/").json()
    assert detail["kind"] == "story"
    assert detail["content_notes"] == [
        {"value": "suicide", "label": "Suicide"},
        {"value": "self-harm", "label": "Self-harm"},
    ]
    assert detail["public_note"].startswith("Shared with the writer's permission. Names")
    listing = client.get("/api/v2/pages/", {"type": "blog.ArticlePage", "kind": "story", "fields": "*"}).json()
    assert [item["id"] for item in listing["items"]] == [published_story.pk]
    v3 = client.get(f"/api/v3/pages/{published_story.pk}/")
    for response in (client.get(f"/api/v2/pages/{published_story.pk}/"), v3, client.get("/api/v2/pages/?fields=*")):
        text = response.content.decode()
        assert GIVEN_BY not in text and HOW_GIVEN not in text
        assert "given_by" not in text and "may_quote" not in text and "consent" not in text


def test_the_feed_gives_the_content_note_first_and_never_the_consent(client, published_story):
    feed = client.get("/articles/feed/").content.decode()
    assert "A member's story.\n\nContent note: This story mentions suicide and self-harm." in feed.replace(
        "&#x27;", "'"
    ).replace("&#39;", "'")
    assert GIVEN_BY not in feed and HOW_GIVEN not in feed


def test_search_never_finds_a_story_by_its_consent(client, published_story):
    assert "The winter I stopped hiding" in client.get("/search/", {"query": "winter hiding"}).content.decode()
    for words in (GIVEN_BY, "blue folder"):
        assert "The winter I stopped hiding" not in client.get("/search/", {"query": words}).content.decode()


def test_the_page_never_shows_the_consent(client, published_story):
    html = client.get(published_story.url).content.decode()
    assert GIVEN_BY not in html and HOW_GIVEN not in html


def test_a_story_is_still_an_article_in_structured_data(published_story):
    data = published_story.get_json_ld()
    assert data["@type"] == "Article"
    assert data["genre"] == "Personal story"
    assert GIVEN_BY not in str(data)
