"""Members' stories in the admin: every way to publish refuses a story without consent (and keeps the
draft, with a message), and only those who publish may read or record consent."""

import datetime
import json
from http import HTTPStatus

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.urls import reverse
from django.utils import timezone
from wagtail.models import APIToken, PageLogEntry, Revision, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from blog.factories import ArticlePageFactory, StoryConsentFactory, StoryFactory
from blog.middleware import StoryConsentMiddleware
from blog.models import ArticlePage, StoryConsent
from blog.models.consent import ConsentRequired
from home import roles
from tests.staff import sign_in, staff_user

pytestmark = pytest.mark.django_db

GIVEN_BY = "Winifred Quellmalz"


@pytest.fixture
def editor(db):
    return staff_user(roles.EDITORS, "eddie")


@pytest.fixture
def moderator(db):
    return staff_user(roles.MODERATORS, "mona")


@pytest.fixture
def story(index):
    return StoryFactory(parent=index, title="Back on the trail", slug="back-on-the-trail")


def story_form(**fields):
    data = nested_form_data(
        {
            "title": "Back on the trail",
            "slug": "back-on-the-trail",
            "kind": "story",
            "intro": "A member on the year she found her feet again.",
            "body": streamfield([("paragraph", rich_text("<p>I did not think I would walk again.</p>"))]),
            "authors": inline_formset([]),
            "related_article_links": inline_formset([]),
            "comments": inline_formset([]),
            "date": "",
            **fields,
        }
    )
    data["content_notes"] = ["self-harm"]
    return data


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=("blog", "articlepage", index.pk))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def refused(response):
    return any("A member's story is published only with their consent" in text for text in messages_of(response))


def scheduled(page):
    return Revision.page_revisions.filter(object_id=str(page.pk), approved_go_live_at__isnull=False).exists()


# Publishing ---------------------------------------------------------------------------------------


def test_publish_on_a_new_story_keeps_the_draft_and_says_why(client, moderator, index):
    sign_in(client, moderator)
    response = client.post(add_url(index), {**story_form(), "action-publish": "publish"})
    story = ArticlePage.objects.get(slug="back-on-the-trail")
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == edit_url(story)
    assert refused(response)
    assert not story.live
    assert story.kind == "story" and story.content_notes == ["self-harm"]


def test_publish_from_the_edit_page_needs_consent_then_works(client, moderator, story):
    sign_in(client, moderator)
    response = client.post(edit_url(story), {**story_form(), "action-publish": "publish"})
    assert refused(response)
    story.refresh_from_db()
    assert not story.live
    assert story.has_unpublished_changes  # the draft was kept
    client.get(response.url)  # where the message is read

    StoryConsentFactory(story=story)
    response = client.post(edit_url(story), {**story_form(), "action-publish": "publish"})
    assert not refused(response)
    story.refresh_from_db()
    assert story.live


def test_scheduling_a_story_without_consent_is_refused(client, moderator, story):
    sign_in(client, moderator)
    go_live = timezone.localtime() + datetime.timedelta(days=2)
    data = {**story_form(), "go_live_at": go_live.strftime("%Y-%m-%d %H:%M"), "action-publish": "publish"}
    response = client.post(edit_url(story), data)
    assert refused(response)
    assert not scheduled(story)


def workflow_action(client, page, action, **data):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return client.post(url, data, **({"headers": {"x-requested-with": "XMLHttpRequest"}} if data.pop("xhr", 0) else {}))


def test_clinical_review_cannot_approve_a_story_without_consent(client, editor, moderator, index):
    sign_in(client, editor)
    response = client.post(add_url(index), {**story_form(), "action-submit": "submit"})
    assert response.status_code == HTTPStatus.FOUND
    story = ArticlePage.objects.get(slug="back-on-the-trail")
    assert story.current_workflow_state.workflow.name == roles.CLINICAL_REVIEW

    sign_in(client, moderator)
    response = workflow_action(client, story, "approve", comment="")
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == edit_url(story)
    assert refused(response)
    story.refresh_from_db()
    assert not story.live
    # Nothing of the approval was kept: the story still waits in review.
    assert story.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    # From the review dialog (JavaScript): the dialog is told where to go.
    response = workflow_action(client, story, "approve", comment="", xhr=1)
    assert response.json() == {"step": "success", "redirect": edit_url(story)}
    story.refresh_from_db()
    assert not story.live

    StoryConsentFactory(story=story)
    response = workflow_action(client, story, "approve", comment="")
    story.refresh_from_db()
    assert story.live
    assert story.current_workflow_state is None


def test_approving_from_the_edit_page_is_refused_too(client, editor, moderator, index):
    sign_in(client, editor)
    client.post(add_url(index), {**story_form(), "action-submit": "submit"})
    story = ArticlePage.objects.get(slug="back-on-the-trail")
    sign_in(client, moderator)
    data = {**story_form(), "action-workflow-action": "true", "workflow-action-name": "approve"}
    response = client.post(edit_url(story), data)
    assert refused(response)
    story.refresh_from_db()
    assert not story.live


@pytest.mark.parametrize("descendants", [False, True], ids=["selected", "with-descendants"])
def test_bulk_publish_is_refused_while_a_story_has_no_consent(client, moderator, index, story, descendants):
    article = ArticlePageFactory(parent=index, live=False)
    sign_in(client, moderator)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    selected = [index.pk] if descendants else [story.pk, article.pk]
    query = "&".join(f"id={pk}" for pk in selected)
    data = {"include_descendants": "on"} if descendants else {}
    response = client.post(f"{url}?{query}&next=/admin/pages/{index.pk}/", data)
    assert response.status_code == HTTPStatus.FOUND
    assert any("has no consent recorded" in text for text in messages_of(response))
    assert not ArticlePage.objects.get(pk=story.pk).live
    assert not ArticlePage.objects.get(pk=article.pk).live


# Who reads and records consent --------------------------------------------------------------------


def test_editors_never_see_consent_records(client, editor, story):
    StoryConsentFactory(story=story, given_by=GIVEN_BY)
    sign_in(client, editor)
    for url in (reverse("story_consents:index"), reverse("story_consents:add")):
        response = client.get(url)
        assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    response = client.post(
        reverse("story_consents:add"),
        {"story": story.pk, "given_by": "X", "agreed_on": "2026-01-02", "name_shown": "real"},
    )
    assert StoryConsent.objects.count() == 1
    page = client.get(edit_url(story)).content.decode()
    assert "Consent recorded" in page
    assert GIVEN_BY not in page
    assert reverse("story_consents:index") not in page


def test_an_editor_is_told_a_moderator_records_consent(client, editor, story):
    sign_in(client, editor)
    page = client.get(edit_url(story)).content.decode()
    assert "No consent recorded yet" in page
    assert "a moderator records the consent before publishing it" in page


def test_a_moderator_records_consent_from_the_story(client, moderator, index, story):
    article = ArticlePageFactory(parent=index, title="Zephyr plain article")
    other = StoryFactory(parent=index, title="Zephyr story already consented")
    StoryConsentFactory(story=other)
    sign_in(client, moderator)
    page = client.get(edit_url(story)).content.decode()
    add = reverse("story_consents:add") + f"?story={story.pk}"
    assert f'href="{add}"' in page

    form = client.get(add).content.decode()
    select = form[form.index('<select name="story"') :]
    select = select[: select.index("</select>")]
    # Only stories without a consent record, this one chosen.
    assert f'<option value="{story.pk}" selected>Back on the trail</option>' in select
    assert "Zephyr plain article" not in select and "Zephyr story already consented" not in select

    response = client.post(
        add,
        {
            "story": story.pk,
            "given_by": GIVEN_BY,
            "agreed_on": timezone.localdate().isoformat(),
            "name_shown": "changed",
            "may_quote": "on",
            "how_given": "Signed form",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    consent = StoryConsent.objects.get(story=story)
    assert consent.recorded_by == moderator
    assert consent.may_quote
    assert article.pk not in StoryConsent.objects.values_list("story_id", flat=True)

    inspect = client.get(reverse("story_consents:inspect", args=(consent.pk,))).content.decode()
    assert GIVEN_BY in inspect


def test_consent_can_be_recorded_for_a_live_article_turned_into_a_story_in_a_draft(client, moderator, index):
    article = ArticlePageFactory(parent=index, title="Zephyr article becoming a story")
    article.kind = "story"
    article.save_revision()
    sign_in(client, moderator)
    add = reverse("story_consents:add") + f"?story={article.pk}"
    assert f'href="{add}"' in client.get(edit_url(article)).content.decode()
    assert f'<option value="{article.pk}" selected>' in client.get(add).content.decode()
    response = client.post(
        add,
        {"story": article.pk, "given_by": GIVEN_BY, "agreed_on": str(timezone.localdate()), "name_shown": "real"},
    )
    assert response.status_code == HTTPStatus.FOUND
    assert StoryConsent.objects.filter(story=article).exists()


def test_the_edit_form_offers_the_kind_and_content_notes(client, moderator, index):
    sign_in(client, moderator)
    html = client.get(add_url(index)).content.decode()
    assert "Member&#x27;s story" in html or "Member's story" in html
    assert 'name="content_notes" value="suicide"' in html


def test_api_v3_publish_refuses_a_story_without_consent(client, moderator, story):
    _token, plaintext = APIToken.create_token(user=moderator, name="tests")
    url = f"/api/v3/pages/{story.pk}/actions/publish/"
    response = client.post(url, data={}, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {plaintext}")
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY, response.content[:300]
    # Wagtail's publish action, not ArticlePage.publish: the model's save() refuses, v3 says why.
    assert "published only with their consent" in response.json()["errors"][0]["msg"]
    story.refresh_from_db()
    assert not story.live


def test_api_v3_publish_refuses_before_any_change(client, moderator, story):
    """Wagtail's publish action is refused before it writes: scheduling a story without consent (which never
    reaches save() with the page live) is refused, and an approved schedule of the story is left as it was."""
    _token, plaintext = APIToken.create_token(user=moderator, name="tests")
    go_live = timezone.now() + datetime.timedelta(days=1)
    story.go_live_at = go_live
    revision = story.save_revision()
    url = f"/api/v3/pages/{story.pk}/actions/publish/"
    response = client.post(url, data={}, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {plaintext}")
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY, response.content[:300]
    assert not scheduled(story)
    assert not PageLogEntry.objects.filter(page=story, action__startswith="wagtail.publish").exists()

    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=go_live)  # scheduled when it had consent
    story.go_live_at = None
    story.save_revision()
    response = client.post(url, data={}, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {plaintext}")
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY, response.content[:300]
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at == go_live


# The middleware: the admin's refusals only, JSON for JSON ------------------------------------------


def middleware_answer(rf, path, **headers):
    request = rf.post(path, headers=headers)
    request.session = {}
    request._messages = FallbackStorage(request)
    return StoryConsentMiddleware(lambda request: None).process_exception(request, ConsentRequired(7))


def test_the_middleware_answers_only_in_the_admin(rf):
    assert middleware_answer(rf, "/api/v2/pages/7/") is None
    assert middleware_answer(rf, "/articles/") is None
    answer = middleware_answer(rf, "/admin/workflow/action/7/")
    assert answer.status_code == HTTPStatus.FOUND
    assert answer["Location"] == edit_url(ArticlePage(pk=7))


def test_the_middleware_answers_json_to_json(rf):
    answer = middleware_answer(rf, "/admin/api/main/pages/7/action/publish/", accept="application/json")
    assert answer.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert answer["Content-Type"] == "application/json"
    assert "published only with their consent" in json.loads(answer.content)["message"]


def test_the_admin_api_publish_refuses_before_any_change(client, moderator, story):
    """The admin's own API (Wagtail's page explorer) publishes through its publish action: refused first."""
    sign_in(client, moderator)
    story.go_live_at = timezone.now() + datetime.timedelta(days=1)
    story.save_revision()
    url = f"/admin/api/main/pages/{story.pk}/action/publish/"
    response = client.post(url, data={}, content_type="application/json")
    assert response.status_code == HTTPStatus.BAD_REQUEST, response.content[:300]
    assert "published only with their consent" in response.content.decode()
    assert not scheduled(story)
