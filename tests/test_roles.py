"""Each role can do its jobs in the admin and is refused the rest (home/roles.py describes them).

The roles are auth groups made by migrations, so these tests read them from the database
the migrations built; the pages and people they act on come from factories.
"""

from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, Workflow
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from blog.factories import ArticleIndexPageFactory, ArticlePageFactory
from community.factories import CommunityIndexPageFactory, CommunityPageFactory
from groups.factories import (
    JoinRequestFactory,
    MeetingRuleFactory,
    SupportGroupIndexPageFactory,
    SupportGroupPageFactory,
    VenueFactory,
)
from home import roles
from home.factories import ContactPageFactory, PersonFactory, StandardPageFactory
from home.models import SiteSettings
from tests.staff import sign_in, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(site_root):
    """A site with every section, a page in each, and a join request."""
    articles = ArticleIndexPageFactory(parent=site_root, title="Articles", slug="articles")
    community = CommunityIndexPageFactory(parent=site_root, title="Asheville community", slug="asheville-community")
    finder = SupportGroupIndexPageFactory(parent=site_root, title="Support groups", slug="support-groups")
    group = SupportGroupPageFactory(parent=finder, title="Tuesday grief circle")
    MeetingRuleFactory(page=group)
    group = type(group).objects.get(pk=group.pk)
    return {
        "home": site_root,
        "articles": articles,
        "article": ArticlePageFactory(parent=articles),
        "community": community,
        "community_page": CommunityPageFactory(parent=community),
        "about": StandardPageFactory(parent=site_root, title="About", slug="about"),
        "contact": ContactPageFactory(parent=site_root),
        "finder": finder,
        "group": group,
        "join_request": JoinRequestFactory(group=group, name="Wilhelmina"),
    }


def login(client, role):
    user = staff_user(role, role.lower().replace(" ", "-"))
    sign_in(client, user)
    return user


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def add_url(parent, model):
    return reverse("wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk))


def add_subpage_url(parent):
    return reverse("wagtailadmin_pages:add_subpage", args=(parent.pk,))


def allowed(client, url):
    return client.get(url).status_code == HTTPStatus.OK


def refused(client, url):
    """Wagtail answers a forbidden admin page with a 403, or a redirect to the dashboard with a message."""
    response = client.get(url, follow=True)
    if response.redirect_chain:
        return response.redirect_chain[-1][0] == "/admin/"
    return response.status_code in (HTTPStatus.FORBIDDEN, HTTPStatus.NOT_FOUND)


def edit_form(client, page, stream="body", **changes):
    """The page's admin form as the browser would send it, with `changes`.

    Its StreamField is drawn by JavaScript, so the test gives it (one paragraph) itself.
    """
    response = client.get(edit_url(page))
    assert response.status_code == HTTPStatus.OK
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data.update(nested_form_data({stream: streamfield([("paragraph", rich_text("<p>Reviewed text.</p>"))])}))
    for key, value in changes.items():
        data[key] = value
    return data


def actions_offered(client, page):
    html = client.get(edit_url(page)).content.decode()
    return {name for name in ("action-publish", "action-submit") if f'name="{name}"' in html}


# Admin pages nobody but an administrator opens.
ADMIN_ONLY = ["/admin/users/", "/admin/groups/", "/admin/workflows/list/", "/admin/sites/"]
JOIN_REQUESTS = ["/admin/groups/joinrequest/", "/admin/groups/joinrequest/?export=csv"]
SETTINGS = "/admin/settings/home/sitesettings/"


class TestEditors:
    def test_write_and_edit_articles_community_and_standard_pages(self, client, tree):
        from blog.models import ArticlePage
        from community.models import CommunityPage
        from home.models import StandardPage

        login(client, roles.EDITORS)
        for url in [
            add_url(tree["articles"], ArticlePage),
            edit_url(tree["article"]),
            add_url(tree["community"], CommunityPage),
            edit_url(tree["community_page"]),
            edit_url(tree["about"]),
            add_url(tree["about"], StandardPage),
        ]:
            assert allowed(client, url), url

    def test_submit_for_review_but_never_publish(self, client, tree):
        login(client, roles.EDITORS)
        for page in (tree["article"], tree["community_page"], tree["about"]):
            assert actions_offered(client, page) == {"action-submit"}, page

        article = tree["article"]
        data = edit_form(client, article, title="A new title", **{"action-publish": "publish"})
        client.post(edit_url(article), data)
        article.refresh_from_db()
        assert article.has_unpublished_changes
        assert article.title != "A new title"  # the live title: saved as a draft, not published

    def test_upload_and_choose_images_and_choose_authors_and_topics(self, client, tree):
        login(client, roles.EDITORS)
        for url in [
            "/admin/images/",
            "/admin/images/multiple/add/",
            "/admin/images/chooser/",
            "/admin/snippets/choose/home/person/",
            "/admin/snippets/choose/home/topic/",
            "/admin/snippets/choose/community/area/",
            "/admin/snippets/home/person/add/",
        ]:
            assert allowed(client, url), url

    def test_refused_everything_else(self, client, tree):
        from groups.models import SupportGroupPage
        from home.models import StandardPage

        login(client, roles.EDITORS)
        person = PersonFactory()
        for url in [
            edit_url(tree["home"]),
            add_url(tree["home"], StandardPage),  # top-level pages are the main menu: moderators'
            edit_url(tree["contact"]),
            edit_url(tree["finder"]),
            edit_url(tree["group"]),
            add_url(tree["finder"], SupportGroupPage),
            reverse("wagtailadmin_pages:unpublish", args=(tree["article"].pk,)),
            SETTINGS,
            "/admin/redirects/",
            "/admin/redirects/add/",
            "/admin/snippets/groups/venue/",
            f"/admin/snippets/home/person/edit/{person.pk}/",
            *JOIN_REQUESTS,
            f"/admin/groups/joinrequest/edit/{tree['join_request'].pk}/",
            *ADMIN_ONLY,
        ]:
            assert refused(client, url), url


class TestModerators:
    def test_publish_anywhere(self, client, tree):
        login(client, roles.MODERATORS)
        for page in (tree["article"], tree["community_page"], tree["about"], tree["home"], tree["group"]):
            assert "action-publish" in actions_offered(client, page), page

        article = tree["article"]
        client.post(edit_url(article), edit_form(client, article, title="Moderated title", **{"action-publish": "1"}))
        article.refresh_from_db()
        assert article.live and article.title == "Moderated title"

    def test_settings_redirects_navigation_and_snippets(self, client, tree):
        login(client, roles.MODERATORS)
        settings_page = client.get(SETTINGS, follow=True)
        assert settings_page.status_code == HTTPStatus.OK
        data = querydict_from_html(settings_page.content.decode(), form_id="w-editor-form")
        data.update(nested_form_data({"social_links": streamfield([])}))
        data["phone"] = "(828) 555-0199"
        client.post(settings_page.redirect_chain[-1][0], data)
        assert SiteSettings.load().phone == "(828) 555-0199"

        response = client.post("/admin/redirects/add/", {"old_path": "/team/", "redirect_page": tree["about"].pk})
        assert response.status_code == HTTPStatus.FOUND
        assert client.get("/team/").url == "/about/"

        for url in [
            reverse("wagtailadmin_pages:move", args=(tree["about"].pk,)),
            "/admin/snippets/home/person/add/",
            "/admin/snippets/home/topic/add/",
            "/admin/snippets/community/area/add/",
        ]:
            assert allowed(client, url), url

    def test_refused_join_requests_and_users(self, client, tree):
        login(client, roles.MODERATORS)
        for url in [
            *JOIN_REQUESTS,
            f"/admin/groups/joinrequest/inspect/{tree['join_request'].pk}/",
            f"/admin/groups/joinrequest/edit/{tree['join_request'].pk}/",
            *ADMIN_ONLY,
        ]:
            assert refused(client, url), url
        assert "Wilhelmina" not in client.get("/admin/", follow=True).content.decode()


class TestGroupCoordinators:
    def test_edit_and_publish_groups_directly(self, client, tree):
        from groups.models import SupportGroupPage

        login(client, roles.COORDINATORS)
        group = tree["group"]
        assert allowed(client, add_url(tree["finder"], SupportGroupPage))
        assert actions_offered(client, group) >= {"action-publish"}

        client.post(
            edit_url(group),
            edit_form(client, group, "description", title="Tuesday grief circle (new room)", **{"action-publish": "1"}),
        )
        group.refresh_from_db()
        assert group.live and group.title == "Tuesday grief circle (new room)"
        assert not group.has_unpublished_changes
        assert group.workflow_states.count() == 0  # no review held it up

    def test_venues_facilitators_photos_and_join_requests(self, client, tree):
        login(client, roles.COORDINATORS)
        venue = VenueFactory()
        person = PersonFactory()
        join_request = tree["join_request"]
        for url in [
            "/admin/snippets/groups/venue/add/",
            f"/admin/snippets/groups/venue/edit/{venue.pk}/",
            "/admin/snippets/home/person/add/",
            f"/admin/snippets/home/person/edit/{person.pk}/",
            "/admin/images/multiple/add/",
            "/admin/images/chooser/",
            "/admin/groups/joinrequest/",
            f"/admin/groups/joinrequest/inspect/{join_request.pk}/",
        ]:
            assert allowed(client, url), url

        response = client.post(f"/admin/groups/joinrequest/edit/{join_request.pk}/", {"status": "contacted"})
        assert response.status_code == HTTPStatus.FOUND
        join_request.refresh_from_db()
        assert join_request.status == "contacted"

    def test_refused_everything_else(self, client, tree):
        from blog.models import ArticlePage
        from community.models import CommunityPage
        from home.models import StandardPage

        login(client, roles.COORDINATORS)
        for url in [
            add_url(tree["articles"], ArticlePage),
            edit_url(tree["article"]),
            add_url(tree["community"], CommunityPage),
            edit_url(tree["community_page"]),
            edit_url(tree["about"]),
            add_url(tree["home"], StandardPage),
            edit_url(tree["home"]),
            edit_url(tree["contact"]),
            f"/admin/groups/joinrequest/delete/{tree['join_request'].pk}/",
            SETTINGS,
            "/admin/redirects/",
            "/admin/snippets/home/topic/add/",
            "/admin/snippets/community/area/add/",
            *ADMIN_ONLY,
        ]:
            assert refused(client, url), url


def test_administrators_are_superusers_and_need_no_group(client, tree):
    sign_in(client, get_user_model().objects.create_superuser("admin", "admin@example.com", "pw"))
    for url in [edit_url(tree["article"]), SETTINGS, "/admin/redirects/", *JOIN_REQUESTS, *ADMIN_ONLY]:
        assert client.get(url, follow=True).status_code == HTTPStatus.OK, url


def test_wagtails_default_groups_are_adjusted_not_duplicated(tree):
    names = list(Group.objects.order_by("name").values_list("name", flat=True))
    assert names == sorted([roles.COORDINATORS, roles.EDITORS, roles.INTAKE_COORDINATORS, roles.MODERATORS])
    root = Page.get_first_root_node()
    editors = Group.objects.get(name=roles.EDITORS)
    assert not editors.page_permissions.filter(page=root).exists()
    assert not editors.permissions.filter(codename__in=["change_sitesettings", "add_redirect"]).exists()
    moderators = Group.objects.get(name=roles.MODERATORS)
    assert set(moderators.page_permissions.filter(page=root).values_list("permission__codename", flat=True)) >= {
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    }


def test_new_sections_are_open_to_their_roles(tree):
    """Signals give each new section its permissions, as the migrations did for the existing ones."""

    def codenames(group_name, page):
        return set(
            Group.objects.get(name=group_name)
            .page_permissions.filter(page=page)
            .values_list("permission__codename", flat=True)
        )

    assert codenames(roles.EDITORS, tree["articles"]) == {"add_page", "change_page"}
    assert codenames(roles.EDITORS, tree["community"]) == {"add_page", "change_page"}
    assert codenames(roles.EDITORS, tree["about"]) == {"add_page", "change_page"}
    assert codenames(roles.EDITORS, tree["finder"]) == set()
    assert codenames(roles.COORDINATORS, tree["finder"]) == {"add_page", "change_page", "publish_page"}
    assert codenames(roles.MODERATORS, tree["articles"]) == set()  # they hold the root page
    review = Workflow.objects.get(name=roles.CLINICAL_REVIEW)
    assert tree["articles"].get_workflow() == review
    assert tree["community_page"].get_workflow() == review
    assert tree["about"].get_workflow().name == roles.MODERATORS_APPROVAL


def test_only_moderators_read_the_messages_sent_through_the_contact_page(client, tree):
    """Messages are health information: editing the contact page is not enough to read them."""
    from wagtail.contrib.forms.models import FormSubmission

    FormSubmission.objects.create(page=tree["contact"], form_data={"message": "zq-contact-marker"})
    submissions = reverse("wagtailforms:list_submissions", args=(tree["contact"].pk,))
    for role, may_read in [(roles.EDITORS, False), (roles.COORDINATORS, False), (roles.MODERATORS, True)]:
        login(client, role)
        response = client.get(submissions)
        assert (response.status_code == HTTPStatus.OK) is may_read, role
        assert ("zq-contact-marker" in response.content.decode()) is may_read, role
        assert (submissions in client.get(reverse("wagtailforms:index")).content.decode()) is may_read, role
        client.logout()
