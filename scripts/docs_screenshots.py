#!/usr/bin/env python
"""Screenshots of the admin for the editors' guide (docs/editors.md): `make docs-screenshots`.

Builds a throw-away site in a temporary folder (SQLite database and media, never
the developer's db.sqlite3 or media/), loads the demo content, adds demo accounts
for each role (home/roles.py), a made-up join request and appointment request, a
scheduled article and a member's story waiting for its consent, serves it with
`manage.py runserver`, and drives the admin in headless Chromium to save one
PNG per shot in SHOTS to docs/images/editors/. Everything is removed afterwards.

Each shot opens its page by URL, signed in as the role that does that job (editor
for writing, moderator for review, settings and story consents, coordinator for
groups and join requests, intake for appointment requests, the administrator only
for what only administrators see). A missing button or tab does not stop the run:
the page is still photographed and a warning printed. A page that answers with an
error status, a role that is sent away from its page, or a shot that fails outright
makes the script exit non-zero.

    make docs-screenshots
    python scripts/docs_screenshots.py --only 05-article-new   # one shot (prefix match)
    python scripts/docs_screenshots.py --serve                 # set up and serve, take no shots

Chromium: $CHROMIUM_PATH, else `chromium` on the PATH, else /usr/bin/chromium.
"""

import argparse
import contextlib
import datetime
import functools
import importlib.util
import io
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

BASE_DIR = Path(__file__).resolve().parent.parent
OUTPUT_DIR = BASE_DIR / "docs" / "images" / "editors"
VIEWPORT = {"width": 1280, "height": 800}
# Throw-away accounts in a throw-away database: the password is never used anywhere else.
PASSWORD = "docs-screenshots-only-4d1f"  # noqa: S105

# The role groups made by migrations, and the demo account made for each when it exists.
ROLE_USERS = {
    "editor": ("Editors", "Riley", "Editor"),
    "moderator": ("Moderators", "Morgan", "Moderator"),
    "coordinator": ("Group coordinators", "Casey", "Coordinator"),
    "intake": ("Intake coordinators", "Taylor", "Intake"),
}
# The tabs of the edit screens, as the guide names them: pages (home.models.BasePage), support
# groups (groups/models/pages.py), events (events/models.py) and Practice details (home/models/settings.py).
TABS = {
    "content": ["Content"],
    "promote": ["Promotion"],
    "settings": ["Settings"],
    "schedule": ["Schedule and place"],
    "joining": ["Joining"],
    "when": ["When and where"],
    "contact": ["Contact details"],
    "crisis": ["Crisis help"],
}
# A coordinator signing in for the first time: the set-up screens are theirs.
NEWCOMER = "newcomer"
DEMO_ARTICLE_TITLE = "Sleep and worry: small steps that help"
DEMO_VISITOR = "Demo visitor"
# A counselor the demo has no page for yet: the one the editor adds.
NEW_COUNSELOR = (
    "Alex Moreno",
    "Licensed clinical mental health counselor",
    "LCMHC",
    "Alex works with teenagers and young adults facing anxiety and big changes. Demo profile: a fictional person.",
)
# The practice's time: the guide's go-live times are Asheville times.
LOCAL_TIME_ZONE = "America/New_York"


# The shots --------------------------------------------------------------------------------------------

SHOTS = []


def shot(name):
    """Register a function that photographs one screen as docs/images/editors/<name>.png."""

    def register(function):
        SHOTS.append((name, function))
        return function

    return register


def shot_names():
    return [name for name, _ in SHOTS]


@shot("01-sign-in")
def sign_in(d):
    page = d.open(None, "/admin/login/")
    d.fill(page, "#id_username", "your.name")
    d.capture(page, "01-sign-in")


@shot("02-dashboard")
def dashboard(d):
    # The administrator sees every panel; each role sees the ones for its work.
    page = d.open("admin", "/admin/")
    d.capture(page, "02-dashboard", full_page=True, max_height=1600)


@shot("03-roles")
def roles(d):
    page = d.open("admin", "/admin/groups/")
    d.capture(page, "03-roles")


@shot("04-articles-list")
def articles_list(d):
    page = d.open("editor", f"/admin/pages/{d.ids['articles']}/")
    d.capture(page, "04-articles-list")


@shot("05-article-new")
def article_new(d):
    page = d.open("editor", f"/admin/pages/add/blog/articlepage/{d.ids['articles']}/")
    d.tall(page, 1250)  # the title, Kind and content note, then the intro, hero image and body
    d.fill(page, "#id_title", "Talking with your family about therapy")
    d.fill(
        page,
        "#id_intro",
        "How to tell the people close to you that you are seeing a counselor, if and when you want to.",
    )
    d.capture(page, "05-article-new")


@shot("06-article-body")
def article_body(d):
    page = d.open("editor", f"/admin/pages/{d.ids['new_article']}/edit/")
    d.scroll_to(page, "#panel-child-content-body-heading, #panel-child-content-body-section")
    d.capture(page, "06-article-body")


@shot("07-image-alt-text")
def image_alt_text(d):
    page = d.open("editor", f"/admin/images/{d.ids['image']}/")
    d.capture(page, "07-image-alt-text")


@shot("08-article-authors-topics")
def article_authors_topics(d):
    page = d.open("editor", f"/admin/pages/{d.ids['new_article']}/edit/")
    d.scroll_to(page, "#panel-child-content-authors-heading, #panel-child-content-authors-section")
    d.capture(page, "08-article-authors-topics")


@shot("09-article-preview")
def article_preview(d):
    page = d.open("editor", f"/admin/pages/{d.ids['new_article']}/edit/")
    d.open_side_panel(page, "preview", ["Toggle preview", "Preview"])
    d.wait_for_preview(page)
    d.capture(page, "09-article-preview")


@shot("10-article-submit")
def article_submit(d):
    page = d.open("editor", f"/admin/pages/{d.ids['new_article']}/edit/")
    d.open_action_menu(page)
    d.capture(page, "10-article-submit")


@shot("11-article-schedule")
def article_schedule(d):
    page = d.open("editor", f"/admin/pages/{d.ids['new_article']}/edit/")
    d.open_side_panel(page, "status", ["Toggle status", "Status"])
    d.click_text(page, ["Set schedule", "Edit schedule"], role="button")
    page.wait_for_timeout(600)
    d.fill(page, "#id_go_live_at", d.ids["go_live_example"])
    # The calendar that opens with the field would hide the expiry date and the Save schedule button.
    page.add_style_tag(content=".xdsoft_datetimepicker { display: none !important; }")
    page.wait_for_timeout(300)
    d.capture(page, "11-article-schedule")


@shot("12-review-dashboard")
def review_dashboard(d):
    page = d.open("moderator", "/admin/")
    d.scroll_to(page, "text=Awaiting your review")
    d.capture(page, "12-review-dashboard")


@shot("13-review-actions")
def review_actions(d):
    page = d.open("moderator", f"/admin/pages/{d.ids['in_review']}/edit/")
    d.open_action_menu(page)
    d.capture(page, "13-review-actions")


@shot("14-request-changes")
def request_changes(d):
    page = d.open("moderator", f"/admin/pages/{d.ids['in_review']}/edit/")
    d.open_action_menu(page)
    d.click_text(page, ["Request changes"], role="button")
    page.wait_for_timeout(1000)
    d.fill(page, "textarea[name='comment']", "Please add a line about when to talk to a doctor about sleep.")
    d.capture(page, "14-request-changes")


@shot("15-group-new")
def group_new(d):
    page = d.open("coordinator", f"/admin/pages/add/groups/supportgrouppage/{d.ids['finder']}/")
    d.fill(page, "#id_title", "New parents' support circle")
    d.fill(
        page,
        "#id_summary",
        "For parents of babies under one who feel low or anxious. We meet, talk and listen; babies welcome.",
    )
    d.capture(page, "15-group-new")


@shot("16-group-joining")
def group_joining(d):
    page = d.open("coordinator", f"/admin/pages/{d.ids['stale_group']}/edit/")
    d.click_tab(page, TABS["joining"])
    d.capture(page, "16-group-joining", full_page=True, max_height=1600)


@shot("17-group-schedule")
def group_schedule(d):
    page = d.open("coordinator", f"/admin/pages/{d.ids['monthly_group']}/edit/")
    d.click_tab(page, TABS["schedule"])
    d.capture(page, "17-group-schedule", full_page=True, max_height=2000)


@shot("18-join-requests")
def join_requests(d):
    page = d.open("coordinator", "/admin/groups/joinrequest/")
    d.capture(page, "18-join-requests")


@shot("19-join-request-answer")
def join_request_answer(d):
    page = d.open("coordinator", f"/admin/groups/joinrequest/edit/{d.ids['join_request']}/")
    d.select(page, "#id_status", "contacted")
    d.fill(page, "#id_staff_notes", "Called Tuesday 10am, no message left as asked. Trying again Thursday morning.")
    d.capture(page, "19-join-request-answer", full_page=True, max_height=1600)


@shot("20-settings-contact")
def settings_contact(d):
    page = d.open("moderator", f"/admin/settings/home/sitesettings/{d.ids['site_settings']}/")
    d.click_tab(page, TABS["contact"])
    d.capture(page, "20-settings-contact")


@shot("21-settings-crisis")
def settings_crisis(d):
    page = d.open("moderator", f"/admin/settings/home/sitesettings/{d.ids['site_settings']}/")
    d.click_tab(page, TABS["crisis"])
    d.capture(page, "21-settings-crisis", full_page=True, max_height=1400)


@shot("22-history")
def history(d):
    page = d.open("editor", f"/admin/pages/{d.ids['history_article']}/history/")
    rows = page.locator("tbody tr", has=page.locator("button[aria-label='Actions']"))
    if rows.count():
        # The oldest draft with actions: it has "Review this version".
        rows.last.locator("button[aria-label='Actions']").click()
        page.wait_for_timeout(400)
    else:
        d.warn("no revision with an Actions menu")
    d.capture(page, "22-history")


@shot("23-revision-compare")
def revision_compare(d):
    article, old = d.ids["history_article"], d.ids["old_revision"]
    page = d.open("editor", f"/admin/pages/{article}/revisions/compare/{old}...latest/")
    d.capture(page, "23-revision-compare")


@shot("24-revision-restore")
def revision_restore(d):
    page = d.open("editor", f"/admin/pages/{d.ids['history_article']}/revisions/{d.ids['old_revision']}/revert/")
    d.tall(page, 1100)  # down to the old intro, below Kind and content note
    d.capture(page, "24-revision-restore")


@shot("25-accessibility-checks")
def accessibility_checks(d):
    page = d.open("editor", f"/admin/pages/{d.ids['new_article']}/edit/")
    d.open_side_panel(page, "checks", ["Toggle checks", "Checks"])
    page.wait_for_timeout(2500)
    d.capture(page, "25-accessibility-checks")


@shot("26-group-needs-verifying")
def group_needs_verifying(d):
    page = d.open("coordinator", f"/admin/pages/{d.ids['finder']}/")
    if not page.get_by_role("link", name="Needs verifying").count():
        d.warn("no 'Needs verifying' button in the explorer")
    d.capture(page, "26-group-needs-verifying", full_page=True, max_height=1200)


@shot("27-group-verify-warning")
def group_verify_warning(d):
    page = d.open("coordinator", f"/admin/pages/{d.ids['stale_group']}/edit/")
    if not page.get_by_text("This group needs verifying").count():
        d.warn("no 'needs verifying' warning on the edit page")
    d.capture(page, "27-group-verify-warning")


@shot("28-two-factor-setup")
def two_factor_setup(d):
    # A coordinator's first sign-in: the password, then straight to setting up two-factor sign-in.
    page = d.password_only(NEWCOMER)
    d.expect_path(page, "/admin/two-factor/set-up/")
    d.to_top(page)
    d.capture(page, "28-two-factor-setup", full_page=True, max_height=1500)


@shot("29-two-factor-recovery-codes")
def two_factor_recovery_codes(d):
    page = d.password_only(NEWCOMER)
    d.expect_path(page, "/admin/two-factor/set-up/")
    d.fill(page, "#id_code", d.newcomer_code())
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    page.wait_for_load_state("networkidle")
    d.expect_path(page, "/admin/two-factor/recovery-codes/")
    d.capture(page, "29-two-factor-recovery-codes", full_page=True, max_height=1200)


@shot("30-two-factor-code")
def two_factor_code(d):
    page = d.password_only(d.users["coordinator"])
    d.expect_path(page, "/admin/two-factor/code/")
    d.fill(page, "#id_code", "123456")
    d.capture(page, "30-two-factor-code")


@shot("31-two-factor-manage")
def two_factor_manage(d):
    page = d.open("coordinator", "/admin/two-factor/")
    d.capture(page, "31-two-factor-manage")


@shot("32-two-factor-reset")
def two_factor_reset(d):
    page = d.open("admin", f"/admin/two-factor/reset/{d.ids['coordinator_id']}/")
    d.capture(page, "32-two-factor-reset")


@shot("33-counselor-new")
def counselor_new(d):
    page = d.open("editor", f"/admin/pages/add/counselors/counselorpage/{d.ids['counselors']}/")
    d.fill(page, "#id_title", NEW_COUNSELOR[0])
    d.choose(page, "#id_person-chooser", NEW_COUNSELOR[0])
    d.fill(page, "#id_pronouns", "they/them")
    d.fill(page, "#id_licence_type", "Licensed Clinical Mental Health Counselor (LCMHC)")
    d.fill(page, "#id_licence_number", "L012345-DEMO")
    d.scroll_to(page, "#panel-child-content-title-section, #id_title")
    d.capture(page, "33-counselor-new")


@shot("34-counselor-not-accepting")
def counselor_not_accepting(d):
    page = d.open("editor", f"/admin/pages/{d.ids['counselor']}/edit/")
    d.select(page, "#id_accepting", "no")
    d.scroll_to(page, "[id$='-how_and_when-section'], [id$='-how-and-when-section']")
    d.capture(page, "34-counselor-not-accepting")


@shot("35-appointment-requests")
def appointment_requests(d):
    page = d.open("intake", "/admin/counselors/appointmentrequest/")
    d.capture(page, "35-appointment-requests")


@shot("36-appointment-request-answer")
def appointment_request_answer(d):
    page = d.open("intake", f"/admin/counselors/appointmentrequest/edit/{d.ids['appointment_request']}/")
    d.select(page, "#id_status", "contacted")
    d.fill(page, "#id_staff_notes", "Called Wednesday 10am, no message left as asked. Calling back Thursday morning.")
    d.capture(page, "36-appointment-request-answer", full_page=True, max_height=1800)


@shot("37-event-new")
def event_new(d):
    page = d.open("editor", f"/admin/pages/add/events/eventpage/{d.ids['events']}/")
    d.fill(page, "#id_title", "Sleep well: a seminar on rest and worry")
    d.fill(
        page,
        "#id_summary",
        "An evening talk on why worry keeps us awake, and small changes that help. Questions welcome.",
    )
    d.capture(page, "37-event-new")


@shot("38-event-dates")
def event_dates(d):
    page = d.open("editor", f"/admin/pages/{d.ids['course_event']}/edit/")
    d.click_tab(page, TABS["when"])
    d.tall(page, 1450)
    d.scroll_to(page, "[id$='-dates-section']")
    d.capture(page, "38-event-dates")


@shot("39-event-postponed")
def event_postponed(d):
    page = d.open("coordinator", f"/admin/pages/{d.ids['postponed_event']}/edit/")
    d.click_tab(page, TABS["when"])
    d.tall(page, 1150)
    d.scroll_to(page, "[id$='-dates-section']")
    d.capture(page, "39-event-postponed")


@shot("40-story-consent-note")
def story_consent_note(d):
    page = d.open("moderator", f"/admin/pages/{d.ids['story']}/edit/")
    d.scroll_to(page, "[id$='-kind_and_content_note-section'], [id$='-kind-and-content-note-section']")
    d.capture(page, "40-story-consent-note")


@shot("41-story-consent-record")
def story_consent_record(d):
    page = d.open("moderator", f"/admin/story_consents/new/?story={d.ids['story']}")
    d.fill(page, "#id_given_by", "Demo member (fictional)")
    d.select(page, "#id_name_shown", "changed")
    d.fill(page, "#id_how_given", "Demo: signed consent form, kept in the office file")
    d.capture(page, "41-story-consent-record", full_page=True, max_height=1400)


@shot("42-event-registrations")
def event_registrations(d):
    page = d.open("coordinator", "/admin/events/eventregistration/")
    d.capture(page, "42-event-registrations")


@shot("43-event-registration-answer")
def event_registration_answer(d):
    page = d.open("coordinator", f"/admin/events/eventregistration/edit/{d.ids['event_registration']}/")
    d.select(page, "#id_status", "confirmed")
    d.fill(page, "#id_staff_notes", "Emailed Tuesday: place confirmed, directions sent.")
    d.capture(page, "43-event-registration-answer", full_page=True, max_height=1600)


# Driving the browser ---------------------------------------------------------------------------------


@dataclass
class Driver:
    browser: object
    base_url: str
    ids: dict
    users: dict
    warnings: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    signed_in: dict = field(default_factory=dict)
    current: str = ""
    pages: list = field(default_factory=list)

    def _new_page(self, storage_state=None):
        """A fresh browser window: side panels and menus start closed for every shot."""
        context = self.browser.new_context(
            viewport=VIEWPORT,
            device_scale_factor=1,
            reduced_motion="reduce",
            locale="en-US",
            timezone_id=LOCAL_TIME_ZONE,
            storage_state=storage_state,
        )
        context.route("**/*", self._route)
        page = context.new_page()
        page.set_default_timeout(8000)
        self.pages.append(page)
        return page

    def _route(self, route):
        """Nothing leaves the machine; avatars (Gravatar) get Wagtail's default picture."""
        url = route.request.url
        if url.startswith(self.base_url) or url.startswith("data:"):
            route.continue_()
        elif "gravatar" in url:
            route.fulfill(status=200, content_type="image/png", body=default_avatar())
        else:
            route.abort()

    def _storage_for(self, username):
        if username not in self.signed_in:
            page = self._new_page()
            page.goto(self.base_url + "/admin/login/", wait_until="networkidle")
            page.fill("#id_username", username)
            page.fill("#id_password", PASSWORD)
            page.locator("form button[type=submit], form input[type=submit]").first.click()
            page.wait_for_load_state("networkidle")
            if "/login/" in page.url:
                raise RuntimeError(f"could not sign in as {username}")
            if "/two-factor/code/" in page.url:
                # Administrators, moderators and coordinators: the code from their (made-up) phone.
                page.fill("#id_code", phone_code(self.ids["phones"][username]))
                page.get_by_role("button", name="Continue").click()
                page.wait_for_load_state("networkidle")
            if "/two-factor/" in page.url:
                raise RuntimeError(f"could not pass two-factor sign-in as {username}: {page.url}")
            self.signed_in[username] = page.context.storage_state()
            page.context.close()
        return self.signed_in[username]

    def open(self, role, path):
        """A new window on `path`, signed in as the demo account for `role` (None: signed out).

        The roles come from migrations (home/roles.py), so a role without an account, or one
        that cannot open the page (Wagtail sends it elsewhere), is an error: the guide would
        show a screen that role never sees. The page is still photographed, as it came.
        """
        username = self.users.get(role) if role else None
        if role and not username:
            self.error(f"no '{role}' account (is its group gone?): taken as the administrator")
            username = "admin"
        page = self._new_page(self._storage_for(username) if username else None)
        self.goto(page, path)
        if username and not page.url.split("?")[0].endswith(path.split("?")[0]):
            self.error(f"'{role}' was sent from {path} to {page.url}: that role may not open it")
        return page

    def password_only(self, username):
        """A new window signed in with the password and nothing more: where the admin sends them next."""
        page = self._new_page()
        self.goto(page, "/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        page.locator("form button[type=submit]").first.click()
        page.wait_for_load_state("networkidle")
        return page

    def to_top(self, page):
        """The sign-in steps focus their field, which scrolls a tall page: show it from its heading."""
        page.evaluate("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")

    def expect_path(self, page, path):
        if not page.url.split("?")[0].endswith(path):
            self.error(f"expected {path}, the admin showed {page.url}")

    def newcomer_code(self):
        """The code the newcomer's phone would show for the QR code on their set-up page."""
        from django.db import connections
        from django_otp.plugins.otp_totp.models import TOTPDevice

        # Playwright's event loop runs in this thread; this one short read of the throw-away database is safe.
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
        try:
            device = TOTPDevice.objects.get(user__username=NEWCOMER, confirmed=False)
            connections.close_all()
        finally:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        return phone_code(device.key)

    def close_all(self):
        for page in self.pages:
            with contextlib.suppress(Exception):
                page.context.close()
        self.pages.clear()

    def error(self, message):
        self.errors.append(f"{self.current}: {message}")
        print(f"    ! {message}")

    def warn(self, message):
        self.warnings.append(f"{self.current}: {message}")
        print(f"    ! {message}")

    def goto(self, page, path):
        response = page.goto(self.base_url + path, wait_until="networkidle")
        status = response.status if response else 0
        if status >= 400:
            self.errors.append(f"{self.current}: {path} answered {status}")
            print(f"    ! {path} answered {status}")
        return response

    def _first(self, page, selector):
        locator = page.locator(selector).first
        try:
            locator.wait_for(state="visible", timeout=3000)
        except Exception:
            self.warn(f"not found: {selector}")
            return None
        return locator

    def fill(self, page, selector, text):
        if locator := self._first(page, selector):
            locator.fill(text)

    def choose(self, page, chooser, title):
        """Pick `title` in a chooser field (`chooser`: its `#id_<field>-chooser` box) from the modal it opens."""
        if button := self._first(page, f"{chooser} .unchosen [data-chooser-action-choose]"):
            button.click()
            choice = page.locator(".modal").get_by_role("link", name=title, exact=True).first
            try:
                choice.wait_for(state="visible", timeout=5000)
            except Exception:
                self.warn(f"nothing called {title!r} in the chooser")
                return
            choice.click()
            page.locator(".modal").first.wait_for(state="hidden", timeout=5000)

    def select(self, page, selector, value):
        if locator := self._first(page, selector):
            locator.select_option(value)

    def tall(self, page, height):
        """A taller window, so one panel shows whole from its heading (call before `scroll_to`)."""
        page.set_viewport_size({"width": VIEWPORT["width"], "height": height})
        page.wait_for_timeout(300)

    def scroll_to(self, page, selector):
        """Bring an element to the top of the window, below the admin's sticky header."""
        if locator := self._first(page, selector):
            locator.evaluate("element => element.scrollIntoView({block: 'start'})")
            page.evaluate("window.scrollBy(0, -110)")
            page.wait_for_timeout(300)

    def click_tab(self, page, names):
        for name in names:
            tab = page.get_by_role("tab", name=name, exact=True)
            if tab.count():
                tab.first.click()
                page.wait_for_timeout(400)
                return True
        self.warn(f"no tab named any of {names}")
        return False

    def click_text(self, page, names, role="button"):
        for name in names:
            target = page.get_by_role(role, name=name)
            if target.count() and target.first.is_visible():
                target.first.click()
                return True
        self.warn(f"no {role} named any of {names}")
        return False

    def open_side_panel(self, page, panel, names):
        toggle = page.locator(f"[data-side-panel-toggle='{panel}']")
        if toggle.count() and toggle.first.is_visible():
            toggle.first.click()
            page.wait_for_timeout(500)
            return True
        return self.click_text(page, names)

    def wait_for_preview(self, page):
        """Until the preview panel shows the page's heading: on a busy machine it takes more than a few seconds."""
        heading = page.frame_locator("[data-w-preview-target='iframe']").last.locator("h1").first
        try:
            heading.wait_for(state="visible", timeout=20000)
        except Exception:
            self.warn("the preview did not finish loading")
        page.wait_for_timeout(1000)

    def open_action_menu(self, page):
        """Open the menu next to the main button at the bottom of an edit screen."""
        toggle = page.locator("footer .w-dropdown__toggle, footer [data-w-dropdown-target='toggle']")
        if toggle.count() and toggle.first.is_visible():
            toggle.first.click()
            page.wait_for_timeout(400)
            return True
        self.warn("no menu next to the main button")
        return False

    def capture(self, page, name, full_page=False, max_height=None):
        """Save the window as <name>.png; `full_page` makes the window as tall as the screen's content first."""
        path = OUTPUT_DIR / f"{name}.png"
        if full_page:
            # The admin scrolls inside its own panes, not the document: measure the tallest one.
            height = page.evaluate(
                "Math.max(...Array.from(document.querySelectorAll('body, body *'), e => e.scrollHeight))"
            )
            height = max(VIEWPORT["height"], min(height, max_height or height))
            page.set_viewport_size({"width": VIEWPORT["width"], "height": height})
            page.wait_for_timeout(500)
        page.screenshot(path=path)
        compress(path)
        page.context.close()


def phone_code(key):
    """The six digits an authenticator app shows now for a device's secret key (hex)."""
    from django_otp.oath import totp

    return f"{totp(bytes.fromhex(key)):06d}"


@functools.cache
def default_avatar():
    wagtail = Path(importlib.util.find_spec("wagtail").origin).parent
    return (wagtail / "admin/static/wagtailadmin/images/default-user-avatar.png").read_bytes()


def compress(path):
    """Down to 256 colours (the admin uses few): a screen is then tens of kilobytes, not hundreds."""
    from PIL import Image

    with Image.open(path) as image:
        reduced = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    reduced.save(path, optimize=True)


# The throw-away site -------------------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(workdir, port):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": f"sqlite:///{workdir / 'docs.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "STATIC_ROOT": str(workdir / "static"),
        "DEBUG": "true",
        "SECRET_KEY": "docs-screenshots-only-key-not-used-anywhere-else",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("REDIS_URL", None)
    return env


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True)  # noqa: S603 (our own manage.py)


def prepare_content():
    """Accounts, made-up join and appointment requests, an article in review, an article with history and
    a member's story waiting for its consent. Returns the ids used."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from blog.choices import ArticleKind, ContentNote
    from blog.models import ArticleAuthor, ArticleIndexPage, ArticlePage
    from counselors.appointments import AppointmentRequest
    from counselors.choices import AcceptingClients, ContactTime, MeetingPreference, Payment, SessionTime
    from counselors.models import CounselorIndexPage, CounselorPage, InsurancePlan
    from events.choices import EventStatus, Registration
    from events.models import EventIndexPage, EventPage, EventRegistration
    from groups.choices import ContactMethod, Frequency, GroupStatus
    from groups.models import JoinRequest, SupportGroupIndexPage, SupportGroupPage
    from home.models import Person, SiteImage
    from home.models.settings import SiteSettings

    User = get_user_model()
    admin = User.objects.create_superuser(
        "admin", "admin@example.org", PASSWORD, first_name="Office", last_name="Admin"
    )
    users = {"admin": "admin"}
    accounts = {"admin": admin}
    for role, (group_name, first, last) in ROLE_USERS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            print(f"  (no '{group_name}' group: its screens are taken as the administrator, an error)")
            continue
        user = User.objects.create_user(role, f"{role}@example.org", PASSWORD, first_name=first, last_name=last)
        user.groups.add(group)
        users[role] = role
        accounts[role] = user
    editor = accounts.get("editor", admin)
    moderator = accounts.get("moderator", admin)

    # Two-factor sign-in (home/two_factor/): a made-up phone for each account that must use it.
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from home.two_factor import must_use_two_factor, new_recovery_codes

    phones = {}
    for username, account in accounts.items():
        if must_use_two_factor(account):
            phones[username] = TOTPDevice.objects.create(user=account, name="Phone", confirmed=True).key
            new_recovery_codes(account)
    newcomer = User.objects.create_user(
        NEWCOMER, f"{NEWCOMER}@example.org", PASSWORD, first_name="Sam", last_name="New"
    )
    if group := Group.objects.filter(name=ROLE_USERS["coordinator"][0]).first():
        newcomer.groups.add(group)

    index = ArticleIndexPage.objects.first()
    # The practice's own articles: members' stories (a consent each) are not the ones to show history on.
    articles = ArticlePage.objects.child_of(index).live().filter(kind=ArticleKind.ARTICLE).order_by("path")
    template = articles.first()

    def new_article(title, slug, intro):
        article = ArticlePage(
            title=title,
            slug=slug,
            intro=intro,
            hero_image=template.hero_image,
            body=template.body.raw_data,
            owner=editor,
            live=False,
            authors=[ArticleAuthor(person=author.person) for author in template.authors.all()[:1]],
            topics=list(template.topics.all()[:2]),
        )
        index.add_child(instance=article)
        article.save_revision(user=editor, log_action=True)
        return article

    # An article the editor has sent for review, waiting for a moderator.
    in_review = new_article(
        DEMO_ARTICLE_TITLE,
        "sleep-and-worry",
        "When worry keeps you awake, a few small habits can make nights easier. Here is where to begin.",
    )
    if workflow := in_review.get_workflow():
        workflow.start(in_review, editor)
    # A draft the editor is still writing.
    draft = new_article(
        "Walking through worry: why a short walk helps",
        "walking-through-worry",
        "Why a short walk outside can loosen the grip of anxious thoughts, and how to start.",
    )

    # An article a moderator has approved to go live next Monday morning: "Scheduled to go live".
    next_monday = timezone.localdate() + datetime.timedelta(days=7 - timezone.localdate().weekday())
    scheduled = new_article(
        "Before your first session: what to expect",
        "before-your-first-session",
        "What happens at a first counseling appointment, and a few things you might like to think about beforehand.",
    )
    scheduled.go_live_at = datetime.datetime.combine(next_monday, datetime.time(9), tzinfo=ZoneInfo(LOCAL_TIME_ZONE))
    scheduled.save_revision(user=editor, log_action=True).publish(user=moderator)

    # An article with some history: an older wording, then the current one.
    history_article = articles.last().specific
    old_revision = history_article.save_revision(user=editor, log_action=True)
    old_revision.publish(user=moderator)
    history_article.refresh_from_db()
    history_article.intro = history_article.intro.rstrip(".") + ", with a few ideas to try this week."
    history_article.save_revision(user=editor, log_action=True).publish(user=moderator)

    # A group whose details were checked long ago, so it needs verifying again.
    groups = SupportGroupPage.objects.live().order_by("path")
    stale = groups.last()
    stale.last_verified = timezone.localdate() - datetime.timedelta(days=120)
    stale.save_revision(user=admin, log_action=True).publish(user=admin)
    monthly = groups.filter(meeting_rules__frequency=Frequency.MONTHLY).first() or groups.first()

    group = groups.filter(status=GroupStatus.OPEN).first()
    request = JoinRequest.objects.create(
        group=group,
        name=DEMO_VISITOR,
        contact_method=ContactMethod.EMAIL,
        email="demo.visitor@example.org",
        ok_to_leave_message=False,
        note="This request is made up for the editors' guide.",
        consented_at=timezone.now(),
    )

    # A counselor with an entry under People and no page yet: the one the editor adds.
    name, role, credentials, bio = NEW_COUNSELOR
    Person.objects.create(name=name, role=role, credentials=credentials, short_bio=bio)
    # A counselor taking new clients, about to stop; a request for a first appointment with them.
    counselor = CounselorPage.objects.live().filter(accepting=AcceptingClients.YES).order_by("path").first()
    appointment = AppointmentRequest.objects.create(
        name=DEMO_VISITOR,
        contact_method=ContactMethod.PHONE,
        phone="828-555-0142",
        contact_times=[ContactTime.MORNING],
        ok_to_leave_message=False,
        help_with="This request is made up for the editors' guide.",
        counselor=counselor,
        meeting_preference=MeetingPreference.TELEHEALTH,
        session_times=[SessionTime.WEEKDAY_EVENING],
        payment=Payment.INSURANCE,
        insurance_plan=InsurancePlan.objects.filter(counselor_pages=counselor).order_by("name").first(),
    )

    # Events: a course with a date per session, and one postponed to a new date (both in the demo).
    events = EventPage.objects.live().order_by("path")
    course = max(events, key=lambda event: event.dates.count())
    postponed = events.filter(status=EventStatus.POSTPONED, previous_start__isnull=False).first() or events.first()
    # A made-up request for a place at the demo event that asks with the form.
    registration = EventRegistration.objects.request_place(
        events.filter(registration=Registration.FORM).first() or course,
        name=DEMO_VISITOR,
        contact_method=ContactMethod.EMAIL,
        email="demo.visitor@example.org",
        ok_to_leave_message=True,
        note="This request is made up for the editors' guide.",
        consented_at=timezone.now(),
    )

    # A member's story the editor has written, waiting for a moderator to record the member's consent.
    told = ArticlePage.objects.filter(kind=ArticleKind.STORY).order_by("path").first() or template
    story = ArticlePage(
        title="Finding my feet again after the move",
        slug="finding-my-feet-again",
        kind=ArticleKind.STORY,
        content_notes=[ContentNote.SELF_HARM],
        intro="A member tells how a new town, a lost job and a long winter became a little lighter.",
        hero_image=told.hero_image,
        body=told.body.raw_data,
        owner=editor,
        live=False,
        topics=list(told.topics.all()[:2]),
    )
    index.add_child(instance=story)
    story.save_revision(user=editor, log_action=True)

    image = SiteImage.objects.order_by("pk").first()
    return users, {
        "articles": index.pk,
        "in_review": in_review.pk,
        "new_article": draft.pk,
        "history_article": history_article.pk,
        "old_revision": old_revision.pk,
        "finder": SupportGroupIndexPage.objects.first().pk,
        "group": group.pk,
        "stale_group": stale.pk,
        "monthly_group": monthly.pk,
        "join_request": request.pk,
        "image": image.pk if image else 0,
        "site_settings": SiteSettings.load().pk,
        "go_live_example": f"{next_monday:%Y-%m-%d} 09:00",
        "phones": phones,
        "coordinator_id": accounts.get("coordinator", admin).pk,
        "counselors": CounselorIndexPage.objects.first().pk,
        "counselor": counselor.pk,
        "appointment_request": appointment.pk,
        "events": EventIndexPage.objects.first().pk,
        "course_event": course.pk,
        "postponed_event": postponed.pk,
        "event_registration": registration.pk,
        "story": story.pk,
    }


def wait_for(url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 (our own local server)
            return
        time.sleep(0.3)
    raise RuntimeError(f"the server at {url} did not start")


def chromium_path():
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


def take(base_url, ids, users, only):
    from playwright.sync_api import sync_playwright

    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    if not only:  # a full run leaves no picture of a shot that is gone
        for stale in OUTPUT_DIR.glob("*.png"):
            if stale.stem not in shot_names():
                stale.unlink()
    chosen = [(name, function) for name, function in SHOTS if not only or any(name.startswith(o) for o in only)]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(),
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"],
        )
        driver = Driver(browser, base_url, ids, users)
        for name, function in chosen:
            driver.current = name
            print(f"  {name}")
            try:
                function(driver)
            except Exception as error:
                driver.errors.append(f"{name}: {type(error).__name__}: {error}")
                print(f"    ! {type(error).__name__}: {error}")
            driver.close_all()
        browser.close()
    return driver


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", help="take only the shots whose names start with these")
    parser.add_argument("--serve", action="store_true", help="set up and serve the site until Ctrl-C; no shots")
    options = parser.parse_args()

    # `kill` (SIGTERM) cleans up like Ctrl-C: the server stops and the temporary folder goes.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="rmc-docs-"))
    port = free_port()
    env = environment(workdir, port)
    server = None
    try:
        print("Setting up a throw-away site …")
        manage(env, "migrate", "--no-input", "-v0")
        manage(env, "load_demo_content", "-v0")
        os.environ.update({key: value for key, value in env.items() if key != "PYTHONUNBUFFERED"})
        sys.path.insert(0, str(BASE_DIR))
        import django

        django.setup()
        with contextlib.redirect_stdout(io.StringIO()):  # the console emails Wagtail sends reviewers
            users, ids = prepare_content()
        from django.db import connections

        connections.close_all()

        server = subprocess.Popen(  # noqa: S603 (our own manage.py)
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload", "--skip-checks"],
            cwd=BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        base_url = f"http://127.0.0.1:{port}"
        wait_for(base_url + "/admin/login/")
        if options.serve:
            print(f"Serving {base_url}/admin/ — accounts {', '.join(users)}, password {PASSWORD}. Ctrl-C to stop.")
            with contextlib.suppress(KeyboardInterrupt):
                server.wait()
            return 0
        print(f"Taking screenshots from {base_url} …")
        driver = take(base_url, ids, users, options.only)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)

    pictures = list(OUTPUT_DIR.glob("*.png"))
    size = sum(path.stat().st_size for path in pictures) / 1024
    print(f"{len(pictures)} screenshots, {size:.0f} KB, in {time.monotonic() - started:.0f} s")
    for warning in driver.warnings:
        print(f"warning: {warning}")
    for error in driver.errors:
        print(f"error: {error}", file=sys.stderr)
    return 1 if driver.errors else 0


if __name__ == "__main__":
    sys.exit(main())
