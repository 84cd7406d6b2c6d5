"""Every kind of public page is valid HTML by the Nu HTML Checker, the W3C's own validator.

The pages come from the demo site: every live page, plus the states a visitor can
reach on them (filters, empty results, an ignored filter, forms with errors, the
thank-you pages, search, the error pages), the staff sign-in page, the API's
docs and the example API client. They are written to a folder and
checked in one run of the checker, which fails the test on any error and prints
them all with the page they are on. Warnings are not failures.

The checker is Java (`vnu.jar` from the npm package vnu-jar); .ci/run installs
Debian's Java and the jar into .vnu/. Where either is missing the test is skipped
with the reason, as the browser tests are without Chromium.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from django.template.loader import render_to_string
from wagtail.models import Page

from blog.models import ArticleIndexPage
from community.models import CommunityIndexPage, CommunityPage
from counselors.models import AppointmentRequestPage, CounselorIndexPage
from events.models import EventIndexPage, EventPage
from groups.models import SupportGroupIndexPage, SupportGroupPage
from home.models import ContactPage

BASE_DIR = Path(__file__).resolve().parent.parent
VNU_JAR = Path(os.environ.get("VNU_JAR", BASE_DIR / ".vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"))

pytestmark = [pytest.mark.django_db, pytest.mark.html_checker]

INVALID = 'aria-invalid="true"'  # a form shown again with its errors


@pytest.fixture
def vnu():
    java = shutil.which("java")
    if java is None:
        pytest.skip("No Java to run the Nu HTML Checker: apt-get install default-jre-headless (.ci/run does)")
    if not VNU_JAR.is_file():
        pytest.skip(f"No Nu HTML Checker at {VNU_JAR}: install vnu-jar into .vnu/ as .ci/run does, or set VNU_JAR")
    return [java, "-jar", str(VNU_JAR)]


def contact_message(**overrides):
    return {
        "your_name": "Sam",
        "message": "A question.",
        "contact_method": "email",
        "email": "sam@example.com",
        "ok_to_leave_message": "no",
        "website": "",
    } | overrides


def join_request(group):
    return {
        "name": "Robin",
        "contact_method": "email",
        "email": "robin@example.org",
        "ok_to_leave_message": "no",
        "preferred_session": group.upcoming[0].start.isoformat(),
        "consent": "on",
        "website": "",
    }


def visits(client):
    """(name, response, text the page must show to be the state named) for each page and state."""
    pages = Page.objects.live().public().specific().exclude(depth=1).order_by("path")
    for page in pages:
        yield f"{type(page).__name__} {page.url}", client.get(page.url), page.title

    articles = ArticleIndexPage.objects.live().get().url
    yield "articles on one topic", client.get(articles, {"topic": "anxiety"}), "Anxiety"
    yield "articles, unknown topic", client.get(articles, {"topic": "no-such-topic"}), "no-such-topic"
    yield "articles, members' stories", client.get(articles, {"kind": "story"}), "<h1>Members' stories</h1>"
    yield "articles, unknown kind", client.get(articles, {"kind": "poems"}), "that kind of article"

    community = CommunityIndexPage.objects.live().get().url
    yield "community, filtered", client.get(community, {"area": "asheville", "topic": "grief"}), "Grief"
    yield "community, unknown area", client.get(community, {"area": "atlantis"}), "atlantis"

    counselors = CounselorIndexPage.objects.live().get().url
    yield "counselors, filtered", client.get(counselors, {"language": "spanish", "telehealth": "1"}), "Spanish"
    yield "counselors, none match", client.get(counselors, {"accepting": "no", "telehealth": "1"}), "None of our"
    yield "counselors, unknown insurance", client.get(counselors, {"insurance": "atlantis"}), "atlantis"

    appointment = AppointmentRequestPage.objects.live().get().url
    yield "appointment, preselected", client.get(appointment, {"counselor": "x"}), "Send my request"
    yield "appointment, form with errors", client.post(appointment, {"name": "", "website": ""}), INVALID
    yield "appointment, thank-you", client.get(f"{appointment}thank-you/"), "What happens next"
    events = EventIndexPage.objects.live().get().url
    yield "what's on, filtered", client.get(events, {"kind": "outing", "free": "1"}), "for “"
    yield "what's on, none match", client.get(events, {"kind": "seminar", "attendance": "online"}), "No events"
    yield "what's on, unknown filter", client.get(events, {"kind": "rave"}), "We left out part of your search"
    yield "what's on, past events", client.get(f"{events}past/"), "Past events"
    event = EventPage.objects.live().filter(registration="form").first()
    register = f"{event.url}register/"
    yield "event, ask for a place", client.get(register), "<h1>Ask for a place at "
    yield "event, form with errors", client.post(register, {"name": "", "website": ""}), INVALID
    yield "event, thank-you", client.get(f"{register}thank-you/"), "What happens next"
    yield "event, thank-you (waiting list)", client.get(f"{register}thank-you/", {"list": "waiting"}), "waiting list"

    finder = SupportGroupIndexPage.objects.live().get().url
    yield "finder, filtered", client.get(finder, {"topic": "grief", "time_of_day": "evening"}), " for “"
    yield "finder, no results", client.get(finder, {"topic": "trauma", "day": "sunday"}), "No groups match"
    yield "finder, unknown filter", client.get(finder, {"day": "someday"}), "We left out part of your search"
    printable = f"{finder}print/"
    yield "finder's printable list, filtered", client.get(printable, {"topic": "grief"}), "Need help now?"
    yield "finder's printable list, unknown filter", client.get(printable, {"day": "x"}), "We left out part of"
    yield "finder's printable list, no results", client.get(printable, {"topic": "trauma", "day": "sunday"}), "No group"

    group = next(group for group in SupportGroupPage.objects.live().specific() if group.accepts_requests)
    join = f"{group.url}join/"
    yield "group, join page", client.get(join), "<h1>Ask to join "
    yield "group, join form with errors", client.post(join, {"name": "", "website": ""}), INVALID
    thank_you = client.post(join, join_request(group), follow=True)
    yield "group, thank-you", thank_you, "What happens next"
    yield "group, thank-you (waiting list)", client.get(f"{group.url}thank-you/", {"list": "waiting"}), "waiting"
    report = f"{group.url}report/"
    yield "group, report a problem", client.get(report), "<h1>Report a problem with "
    yield "group, report with errors", client.post(report, {"problem": "", "website": ""}), INVALID
    yield "group, report thank-you", client.post(report, {"problem": "wrong_time"}, follow=True), "What happens next"
    community_page = CommunityPage.objects.live().first()
    yield "community, report a problem", client.get(f"{community_page.url}report/"), "<h1>Report a problem with "

    contact = ContactPage.objects.live().get()
    yield "contact, form with errors", client.post(contact.url, contact_message(email="nope")), INVALID
    yield "contact, thank-you", client.post(contact.url, contact_message(), follow=True), contact.thank_you_heading
    yield "contact, thank-you without sending", client.get(f"{contact.url}thank-you/"), "Go to the contact form"

    yield "search with results", client.get("/search/", {"query": "grief"}), "Grief"
    yield "search, nothing found", client.get("/search/", {"query": "zqxv"}), "zqxv"
    yield "404", client.get("/no-such-page/"), "not found"
    yield "staff sign-in", client.get("/admin/login/"), "password"
    yield "API v3 docs", client.get("/api/v3/docs", follow=True), "swagger"


def test_every_kind_of_public_page_is_valid_html(vnu, client, demo_site, tmp_path):
    names = {}
    for number, (name, response, shows) in enumerate(visits(client)):
        html = response.content.decode()
        assert shows.lower() in html.lower(), f"{name}: expected the page to show {shows!r}"
        path = tmp_path / f"{number:02}.html"
        path.write_text(html, encoding="utf-8")
        names[path.name] = f"{name} ({response.status_code})"
    path = tmp_path / "500.html"
    path.write_text(render_to_string("500.html"), encoding="utf-8")  # as Django's server_error renders it
    names[path.name] = "500"
    shutil.copy(BASE_DIR / "examples" / "api-client" / "index.html", tmp_path / "api-client.html")
    names["api-client.html"] = "examples/api-client/index.html"

    result = subprocess.run(
        [*vnu, "--format", "json", "--errors-only", *sorted(str(path) for path in tmp_path.glob("*.html"))],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{names.get(Path(unquote(urlparse(m.get('url', '')).path)).name, m.get('url'))}, "
        f"line {m.get('lastLine', '?')}: {m['message']}\n    {m.get('extract', '').strip()}"
        for m in messages
        if m["type"] != "info"
    ]
    assert not errors, f"{len(errors)} errors from the Nu HTML Checker:\n" + "\n".join(errors)
    assert result.returncode == 0, result.stderr[-4000:]
