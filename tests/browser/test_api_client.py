"""The example client (examples/api-client/) on a second origin shows what the site shows, through CORS.

It is served by a plain `http.server` on a free port of 127.0.0.1, while the site
runs on pytest-django's live server at localhost: two origins, as for another app.
"""

import datetime
import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.test import override_settings

from blog.factories import ArticleIndexPageFactory, ArticlePageFactory
from groups.choices import GroupStatus
from groups.factories import MeetingRuleFactory, SupportGroupIndexPageFactory, SupportGroupPageFactory
from groups.schedule import now_local
from home.factories import ImageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CLIENT_DIR = Path(__file__).resolve().parents[2] / "examples" / "api-client"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture
def client_origin():
    """The example client's folder, served on a second origin for the test's duration."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(CLIENT_DIR)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def content(site_root, practice):
    index = ArticleIndexPageFactory(parent=site_root, slug="articles", title="Articles")
    today = datetime.date.today()
    for days, title in enumerate(
        ["Breathing through worry", "Grief has no timetable", "Your first group", "Caring for the carer"]
    ):
        ArticlePageFactory(
            parent=index,
            title=title,
            date=today - datetime.timedelta(days=days + 1),
            hero_image=ImageFactory(description=f"A calm picture for {title}") if days % 2 == 0 else None,
        )
    finder = SupportGroupIndexPageFactory(parent=site_root, slug="support-groups", title="Support groups")
    start = now_local().date() - datetime.timedelta(days=14)
    for title, status in [
        ("Tuesday evening grief circle", GroupStatus.OPEN),
        ("Anxiety skills", GroupStatus.OPEN),
        ("Trauma recovery cohort", GroupStatus.CLOSED),
        ("Paused walking group", GroupStatus.PAUSED),
    ]:
        group = SupportGroupPageFactory(parent=finder, title=title, status=status, image=ImageFactory())
        MeetingRuleFactory(page=group, weekday=1, first_date=start)


def titles(page, selector):
    return [text.strip() for text in page.locator(selector).all_inner_texts()]


def test_the_example_client_shows_the_sites_articles_and_open_groups_through_cors(
    page, live_server, content, client_origin, axe_check
):
    page.goto(live_server.url + "/articles/")
    site_articles = titles(page, ".card__title a")
    page.goto(live_server.url + "/support-groups/?open=1")
    site_groups = titles(page, ".card__title a")
    assert len(site_articles) == 4 and len(site_groups) == 2

    with override_settings(CORS_ALLOWED_ORIGINS=[client_origin]):
        page.goto(f"{client_origin}/?api={live_server.url}")
        page.get_by_text("Showing 4 articles and 2 open groups").wait_for()
        client_articles = titles(page, "#articles h3")
        client_groups = titles(page, "#groups h3")
        assert client_articles == site_articles  # newest first, as on the site
        assert sorted(client_groups) == sorted(site_groups)
        links = page.locator("#groups h3 a").evaluate_all("links => links.map(link => new URL(link.href).pathname)")
        assert all(link.startswith("/support-groups/") for link in links) and len(links) == 2
        images = page.locator("#articles img")
        assert images.count() == 2
        assert images.first.get_attribute("alt").startswith("A calm picture for")
        assert page.locator("#crisis").is_visible() and "988" in page.locator("#crisis").inner_text()
        axe_check(page)


def test_an_origin_not_on_the_list_is_refused(page, live_server, content, client_origin, axe_check):
    refused = []
    page.on("console", lambda message: refused.append(message.text) if "CORS" in message.text else None)
    with override_settings(CORS_ALLOWED_ORIGINS=["https://app.example.org"]):
        page.goto(f"{client_origin}/?api={live_server.url}")
        page.get_by_text("Could not read the API").wait_for()
    assert page.locator("#articles h3").count() == 0 and page.locator("#groups h3").count() == 0
    assert refused, "the browser reports the refused cross-origin request"
    axe_check(page)
