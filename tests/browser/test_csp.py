"""The Content-Security-Policy in a real browser: no page type and no main admin screen trips it.

Chromium reports each blocked script, style, image, frame or connection as a
`securitypolicyviolation` event and as a console message. A listener added with
`add_init_script` (which the page's own policy does not govern) collects the events of every
frame, the preview panel's included, in `window.__csp`; the console messages are kept too.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from PIL import Image as PILImage
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page, get_page_models

from blog.models import ArticleIndexPage
from counselors.factories import AppointmentRequestFactory
from groups.factories import JoinRequestFactory
from groups.models import SupportGroupPage
from home.factories import StandardPageFactory
from home.models import ContactPage, StandardPage
from tests.browser.admin import sign_in
from tests.staff import authenticator

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "a-long-test-password"

LISTEN = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__csp.push(
        `${event.effectiveDirective} refused ${event.blockedURI || "inline"} ` +
        `in ${event.documentURI} (${event.sourceFile}:${event.lineNumber} ${event.sample})`
    );
});
"""


class Violations:
    """What the policy refused on a page, from every frame's listener and from the console."""

    def __init__(self, page):
        self.page = page
        self.console = []
        page.add_init_script(LISTEN)
        page.on("console", self.on_console)

    def on_console(self, message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.console.append(f"{message.type}: {message.text}")

    def seen(self):
        events = []
        for frame in self.page.frames:
            try:
                events += frame.evaluate("window.__csp || []")
            except PlaywrightError:
                # A frame that went away (the preview panel swaps its frame on each update) has
                # nothing left to tell here; what it refused also went to the console, read below.
                if not frame.is_detached():
                    raise
        return events + self.console

    def assert_none(self, where):
        seen = self.seen()
        assert seen == [], f"{where}: {seen}"


@pytest.fixture
def violations(page):
    return Violations(page)


@pytest.fixture
def demo(committed_demo):
    """The demo site, with a video on a standard page (the demo has none)."""
    home = committed_demo
    video = StandardPageFactory(
        parent=home,
        slug="breathing-video",
        title="A breathing exercise",
        body=[{"type": "embed", "value": {"embed": "https://www.youtube.com/watch?v=demo", "title": "Breathe"}}],
    )
    return {"home": home, "video": video}


def one_page_of_each_type():
    pages = []
    for model in get_page_models():
        if model is Page:
            continue
        page = model.objects.live().public().order_by("path").first()
        if page is not None:
            pages.append(page)
    return pages


def png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (800, 450), (112, 146, 170)).save(buffer, "PNG")
    return {"name": "ridge.png", "mimeType": "image/png", "buffer": buffer.getvalue()}


def test_no_public_page_type_trips_the_policy(page, live_server, demo, violations):
    pages = one_page_of_each_type()
    assert len(pages) >= 9
    joins = [f"{p.url}join/" for p in pages if type(p).__name__ == "SupportGroupPage"]
    for url in [*(p.url for p in pages), *joins, "/search/?query=grief", "/no-such-page/", "/api/v3/docs/"]:
        page.goto(live_server.url + url)
        page.wait_for_load_state("load")
        violations.assert_none(url)
    # The inline script ran: it is what marks the page as having JavaScript.
    page.goto(live_server.url + "/")
    assert page.evaluate("document.documentElement.classList.contains('js')")
    # The menu's script works under the policy.
    page.get_by_role("button", name="Menu").click()
    expect(page.get_by_role("navigation", name="Main").get_by_role("link").first).to_be_visible()
    # The API docs draw themselves (Swagger UI from the site's own files).
    page.goto(live_server.url + "/api/v3/docs/")
    expect(page.locator(".swagger-ui .info")).to_be_visible()
    # A video's player may load on its own page once asked for; no other frame is allowed.
    page.goto(live_server.url + demo["video"].url)
    page.get_by_role("button", name="Play here").click()
    expect(page.locator("iframe")).to_have_count(1)
    violations.assert_none("after pressing play")


@pytest.fixture
def browser_context_args(browser_context_args, request):
    """Staff work on a desktop: the admin tests get a laptop's window."""
    if "admin" in request.node.name:
        return {
            **browser_context_args,
            "viewport": {"width": 1280, "height": 900},
            "is_mobile": False,
            "has_touch": False,
        }
    return browser_context_args


def test_the_admins_main_screens_work_under_their_policy(page, live_server, demo, violations):
    """Dashboard, page explorer, each page type's editor, uploads, choosers, snippets, join
    requests, form submissions, settings, and the editor's userbar on the site."""
    phone = authenticator(get_user_model().objects.create_superuser("admin", "admin@example.com", PASSWORD))
    group = SupportGroupPage.objects.live().first()
    JoinRequestFactory(group=group)
    AppointmentRequestFactory()
    contact = ContactPage.objects.get()
    FormSubmission.objects.create(page=contact, form_data={"message": "A message"})
    page.set_default_timeout(60_000)

    # Through the two-factor code page, as an administrator signs in.
    sign_in(page, live_server.url, "admin", PASSWORD, phone=phone)
    violations.assert_none("sign-in, the code page and the dashboard")

    screens = [
        "/admin/pages/",
        f"/admin/pages/{demo['home'].pk}/",
        "/admin/images/",
        "/admin/images/multiple/add/",
        "/admin/documents/",
        "/admin/snippets/",
        "/admin/snippets/home/person/",
        "/admin/groups/joinrequest/",
        "/admin/counselors/appointmentrequest/",
        "/admin/forms/",
        f"/admin/forms/submissions/{contact.pk}/",
        "/admin/settings/home/sitesettings/",
        "/admin/users/",
        "/admin/reports/site-history/",
        "/admin/two-factor/",
        "/django-admin/",
    ]
    # The edit screen of one page of each type: StreamFields, inline panels, choosers, date fields.
    screens += [f"/admin/pages/{p.pk}/edit/" for p in one_page_of_each_type()]
    for url in screens:
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        page.wait_for_load_state("load")
        violations.assert_none(url)

    # Upload an image through the multiple uploader.
    page.goto(f"{live_server.url}/admin/images/multiple/add/")
    page.locator("input[type=file]").set_input_files(png())
    expect(page.locator("#upload-list li.upload-complete")).to_have_count(1)
    expect(page.locator("#upload-list li.upload-failure, #upload-list li.upload-server-error")).to_have_count(0)
    violations.assert_none("image upload")

    # A standard page: add a block to its StreamField, open the image chooser, then the preview.
    standard = StandardPage.objects.live().exclude(slug="breathing-video").first()
    page.goto(f"{live_server.url}/admin/pages/{standard.pk}/edit/")
    page.get_by_role("button", name="Insert a block").first.click()
    expect(page.get_by_role("option", name="Heading").first).to_be_visible()
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("iframe[title='Preview']").last
    expect(preview.locator("main")).to_be_attached(timeout=30_000)
    violations.assert_none("page editor with preview")

    # A new article: the hero image's chooser, with its upload tab.
    articles = ArticleIndexPage.objects.get()
    page.goto(f"{live_server.url}/admin/pages/add/blog/articlepage/{articles.pk}/")
    violations.assert_none("new article")
    page.get_by_role("button", name="Choose an image").first.click()
    modal = page.locator(".modal-dialog")
    expect(modal.get_by_role("tab", name="Upload")).to_be_visible()
    violations.assert_none("image chooser")

    # The editor's userbar on the public site is governed by the site's strict policy.
    page.goto(live_server.url + "/")
    page.locator("wagtail-userbar").locator("button").first.click()
    violations.assert_none("userbar on the site")
