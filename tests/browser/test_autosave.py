"""Autosave: a new page is made by the editor's first Save draft; a page that exists autosaves.

Wagtail 8 autosaved new pages too: with only a title typed, the editor read "Autosave is paused -
There are validation errors", and an article given up half-way stayed in the tree as a draft
(templates/wagtailadmin/pages/create.html). The browser's clock is Playwright's, moved on past
the autosave interval rather than waited for; the requests the page sends are recorded in the
page, so "no autosave" is read, not guessed from a quiet moment.
"""

import pytest
from playwright.sync_api import expect

from blog.factories import ArticleIndexPageFactory, ArticlePageFactory
from blog.models import ArticlePage
from home import roles
from tests.browser.admin import sign_in
from tests.staff import staff_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "a-long-test-password"
INTERVAL = 500  # milliseconds, Wagtail's default
READING = 3000  # the editor looks at the form first; Wagtail watches for changes 2 seconds after it opens
RECORD_POSTS = """() => {
    window.sentPosts = [];
    const send = window.fetch;
    window.fetch = (resource, options = {}) => {
        if ((options.method || resource.method || "GET").toUpperCase() === "POST") {
            window.sentPosts.push(String(resource.url || resource));
        }
        return send(resource, options);
    };
}"""


@pytest.fixture
def browser_context_args(browser_context_args):
    """Staff write on a desktop: the admin at a laptop's size."""
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}, "is_mobile": False, "has_touch": False}


def test_a_new_page_waits_for_save_draft_and_an_existing_page_autosaves(page, live_server, site_root, settings):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = INTERVAL
    articles = ArticleIndexPageFactory(parent=site_root, title="Articles", slug="articles")
    existing = ArticlePageFactory(parent=articles, title="Grief has no timetable", intro="The first words.")
    staff_user(roles.EDITORS, "eddie", PASSWORD)
    page.set_default_timeout(60_000)  # the admin is slower than the site, more so on a busy machine
    page.clock.install()
    sign_in(page, live_server.url, "eddie", PASSWORD)

    # A new article: the title typed, then left for many autosave intervals.
    page.goto(f"{live_server.url}/admin/pages/add/blog/articlepage/{articles.pk}/")
    page.evaluate(RECORD_POSTS)
    page.clock.run_for(READING)
    page.get_by_role("textbox", name="Title").fill("Sleep when worry keeps you up")
    page.clock.run_for(INTERVAL * 10)
    assert page.evaluate("window.sentPosts") == []
    expect(page.get_by_text("Autosave is paused")).to_be_hidden()
    expect(page.get_by_text("There are validation errors")).to_be_hidden()
    assert ArticlePage.objects.count() == 1, "the unsaved article was saved as a draft"

    # An article that exists: a change is saved by itself.
    edit_url = f"{live_server.url}/admin/pages/{existing.pk}/edit/"
    page.goto(edit_url)
    page.evaluate(RECORD_POSTS)
    page.clock.run_for(READING)
    page.get_by_role("textbox", name="Intro").fill("Words that were saved without pressing a button.")
    page.clock.run_for(INTERVAL * 10)
    expect(page.locator(".w-autosave-indicator__state--saved")).to_be_visible()
    assert page.evaluate("window.sentPosts") == [edit_url]
    existing.refresh_from_db()
    assert existing.get_latest_revision_as_object().intro == "Words that were saved without pressing a button."
