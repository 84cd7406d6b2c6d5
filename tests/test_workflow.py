"""Review before publishing: articles and community pages go live only once a moderator approves.

An editor submits through the admin, a moderator approves or requests changes (with a comment
the editor then reads), and support groups go live from their coordinators without review.
"""

from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from blog.factories import ArticleIndexPageFactory
from blog.models import ArticlePage
from community.factories import CommunityIndexPageFactory, CommunityPageFactory
from groups.factories import MeetingRuleFactory, SupportGroupIndexPageFactory, SupportGroupPageFactory
from home import roles
from home.factories import StandardPageFactory
from tests.staff import sign_in

pytestmark = pytest.mark.django_db

COMMENT = "Please cite the 988 Lifeline in the second paragraph before this goes out."


@pytest.fixture
def articles(site_root):
    return ArticleIndexPageFactory(parent=site_root, title="Articles", slug="articles")


def member(role, username):
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "pw", first_name=username.title())
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def editor(db):
    return member(roles.EDITORS, "eddie")


@pytest.fixture
def moderator(db):
    return member(roles.MODERATORS, "mona")


def article_form(**fields):
    return nested_form_data(
        {
            "title": "Sleep when worry keeps you up",
            "slug": "sleep-and-worry",
            "intro": "What helps when your mind races at night.",
            "body": streamfield([("paragraph", rich_text("<p>Rest is a skill you can practice.</p>"))]),
            "authors": inline_formset([]),
            "related_article_links": inline_formset([]),
            "comments": inline_formset([]),
            "date": "",
            **fields,
        }
    )


def submit_article(client, editor, articles):
    """The editor writes an article in the admin and submits it for review."""
    sign_in(client, editor)
    add_url = reverse("wagtailadmin_pages:add", args=("blog", "articlepage", articles.pk))
    response = client.post(add_url, {**article_form(), "action-submit": "submit"})
    assert response.status_code == HTTPStatus.FOUND
    return ArticlePage.objects.get(slug="sleep-and-worry")


def workflow_action(client, page, action, **data):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return client.post(url, data)


def test_a_submitted_article_waits_for_clinical_review(client, editor, articles):
    article = submit_article(client, editor, articles)

    assert not article.live
    state = article.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == roles.CLINICAL_REVIEW
    assert article.current_workflow_task.name == roles.CLINICAL_REVIEW
    assert state.requested_by == editor
    assert client.get("/articles/sleep-and-worry/").status_code == HTTPStatus.NOT_FOUND
    # The editor cannot approve their own article.
    workflow_action(client, article, "approve")
    article.refresh_from_db()
    assert not article.live


def test_a_moderator_approves_and_the_article_goes_live(client, editor, moderator, articles):
    article = submit_article(client, editor, articles)

    sign_in(client, moderator)
    dashboard = client.get("/admin/").content.decode()
    assert "Sleep when worry keeps you up" in dashboard  # awaiting their review
    response = workflow_action(client, article, "approve", comment="")
    assert response.status_code == HTTPStatus.FOUND

    article.refresh_from_db()
    assert article.live
    assert article.current_workflow_state is None
    assert WorkflowState.objects.get(object_id=str(article.pk)).status == WorkflowState.STATUS_APPROVED
    client.logout()
    assert "Rest is a skill you can practice." in client.get("/articles/sleep-and-worry/").content.decode()
    api = client.get("/api/v2/pages/", {"type": "blog.ArticlePage"}).json()
    assert "Sleep when worry keeps you up" in [item["title"] for item in api["items"]]


def test_changes_requested_keep_the_article_unpublished_and_tell_the_editor_why(client, editor, moderator, articles):
    article = submit_article(client, editor, articles)

    sign_in(client, moderator)
    workflow_action(client, article, "reject", comment=COMMENT)

    article.refresh_from_db()
    assert not article.live
    state = article.current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    task_state = state.current_task_state
    assert (task_state.status, task_state.comment, task_state.finished_by) == ("rejected", COMMENT, moderator)

    # The editor is told by email, and reads the comment in the page's review history.
    assert any(editor.email in message.to and COMMENT in message.body for message in mail.outbox)
    sign_in(client, editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,))).content.decode()
    assert "Resubmit to Clinical review" in edit
    history = client.get(reverse("wagtailadmin_pages:workflow_history", args=(article.pk,)), follow=True)
    detail_url = reverse("wagtailadmin_pages:workflow_history_detail", args=(article.pk, state.pk))
    assert history.status_code == HTTPStatus.OK
    assert COMMENT in client.get(detail_url).content.decode()


def test_the_workflow_api_gives_the_same_result_for_community_pages(site_root, editor, moderator):
    """The same review, driven through Wagtail's workflow API, on a community page."""
    index = CommunityIndexPageFactory(parent=site_root)
    page = CommunityPageFactory(parent=index, live=False)
    workflow = page.get_workflow()
    assert workflow.name == roles.CLINICAL_REVIEW

    page.save_revision(user=editor)
    workflow.start(page, editor)
    task_state = page.current_workflow_task_state
    task = task_state.task.specific
    assert task.get_actions(page, editor) == []  # editors never approve
    assert "approve" in [name for name, _label, _modal in task.get_actions(page, moderator)]
    assert not page.live
    task.on_action(task_state, moderator, "approve")

    page.refresh_from_db()
    assert page.live


def test_standard_pages_keep_moderators_approval(site_root, editor, moderator):
    page = StandardPageFactory(parent=site_root, live=False)
    workflow = page.get_workflow()
    assert workflow.name == roles.MODERATORS_APPROVAL and workflow.active
    page.save_revision(user=editor)
    workflow.start(page, editor)
    task_state = page.current_workflow_task_state
    assert task_state.task.name == roles.MODERATORS_APPROVAL
    assert list(task_state.task.specific.groups.values_list("name", flat=True)) == [roles.MODERATORS]


def test_coordinators_publish_groups_without_review(client, site_root):
    """A workflow never stops someone who may publish: coordinators publish groups directly."""
    finder = SupportGroupIndexPageFactory(parent=site_root)
    group = SupportGroupPageFactory(parent=finder, live=False)
    MeetingRuleFactory(page=group)
    coordinator = member(roles.COORDINATORS, "cora")
    assert group.get_workflow() is not None  # Wagtail's default on the root page reaches the finder too

    assert group.permissions_for_user(coordinator).can_publish()
    group.save_revision(user=coordinator).publish(user=coordinator)
    group.refresh_from_db()
    assert group.live
    assert not WorkflowState.objects.filter(object_id=str(group.pk)).exists()
