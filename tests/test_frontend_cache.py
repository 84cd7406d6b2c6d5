"""What a change purges from the cache in front (home/frontend_cache.py), on the demo site.

Wagtail's frontend cache is given a recording backend: each test makes one kind of change, lets
the transaction commit (the purge is queued then; the immediate task backend runs it at once) and
reads which paths the backend was asked to purge, or whether it was asked to purge everything.
"""

import http.server
import logging
import threading
import urllib.error
from urllib.parse import urlsplit

import pytest
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

from blog.models import ArticleIndexPage, ArticlePage
from community.models import Area, CommunityPage
from events.models import EventPage
from groups.models import MeetingRule, SupportGroupPage, Venue
from home import frontend_cache
from home.models import SiteSettings, StandardPage, Topic

EVERY_PAGE_CHANGE = {"/sitemap.xml", "/search/", "/api/v2/pages/", "/api/v3/pages/", "/api/v2/pages/find/"}


class RecordingBackend(BaseBackend):
    """Wagtail's frontend cache backend that only remembers what it was asked."""

    calls = []

    def purge(self, url):
        self.calls.append(urlsplit(url).path)

    def purge_all(self):
        self.calls.append("EVERYTHING")


class BrokenBackend(BaseBackend):
    def purge(self, url):
        raise urllib.error.URLError("Connection refused")

    def purge_all(self):
        raise urllib.error.URLError("Connection refused")


@pytest.fixture
def purged(settings, django_capture_on_commit_callbacks):
    """`purged(change)`: run `change()`, commit, and return the set of purged paths (or "everything")."""
    settings.WAGTAILFRONTENDCACHE = {"recorder": {"BACKEND": "tests.test_frontend_cache.RecordingBackend"}}
    frontend_cache._pending.take()

    def run(change):
        RecordingBackend.calls.clear()
        with django_capture_on_commit_callbacks(execute=True):
            change()
        calls = set(RecordingBackend.calls)
        return "everything" if "EVERYTHING" in calls else calls

    return run


def publish(page):
    page.save_revision().publish()


def article(demo_site):
    return ArticlePage.objects.live().filter(topics__isnull=False).order_by("pk").first()


def group_with_venue():
    return SupportGroupPage.objects.live().filter(venue__isnull=False).order_by("pk").first()


def test_publishing_an_article_purges_the_article_its_listings_feeds_and_pages_on_its_topics(demo_site, purged):
    page = article(demo_site)
    index = ArticleIndexPage.objects.get()
    topic = page.topics.order_by("pk").first()
    group_on_topic = SupportGroupPage.objects.live().filter(topics=topic).first()

    paths = purged(lambda: publish(page))

    assert paths != "everything"
    assert {page.url, index.url, "/", f"{index.url}feed/", f"{index.url}feed/{topic.slug}/"} <= paths
    assert {f"/api/v2/pages/{page.pk}/", f"/api/v3/pages/{page.pk}/", f"/api/v2/pages/{index.pk}/"} <= paths
    assert paths >= EVERY_PAGE_CHANGE
    if group_on_topic is not None:
        assert group_on_topic.url in paths
    assert "/counseling-services/fees-and-insurance/" not in paths


def test_publishing_a_group_purges_the_finder_and_the_groups_feeds(demo_site, purged):
    group = group_with_venue()
    paths = purged(lambda: publish(group))
    assert {group.url, "/support-groups/", "/", "/groups/calendar.ics", "/groups/meetings.json"} <= paths
    assert f"/groups/{group.pk}/calendar.ics" in paths


def test_an_event_purges_its_group_and_the_group_it_leaves(demo_site, purged):
    group, other = SupportGroupPage.objects.live().order_by("pk")[:2]
    event = EventPage.objects.live().order_by("pk").first()
    event.group = group
    publish(event)
    paths = purged(lambda: publish(EventPage.objects.get(pk=event.pk)))
    assert {event.url, group.url, "/events/calendar.ics"} <= paths
    event = EventPage.objects.get(pk=event.pk)
    event.group = other
    paths = purged(lambda: publish(event))
    assert {group.url, other.url} <= paths


def test_a_groups_schedule_changed_outside_publishing_purges_the_group(demo_site, purged):
    group = group_with_venue()
    rule = MeetingRule.objects.filter(page=group).first()
    paths = purged(lambda: rule.save())
    assert {group.url, "/groups/meetings.json", f"/groups/{group.pk}/calendar.ics"} <= paths
    paths = purged(lambda: rule.delete())
    assert group.url in paths


def test_unpublishing_a_community_page_purges_it_and_its_index(demo_site, purged):
    page = CommunityPage.objects.live().order_by("pk").first()
    url = page.url
    paths = purged(lambda: page.unpublish())
    assert {url, "/asheville-community/", "/", f"/api/v3/pages/{page.pk}/"} <= paths


def test_a_new_slug_purges_the_old_address_too(demo_site, purged):
    page = article(demo_site)
    old_url = page.url

    def rename():
        page.slug = "a-new-address"
        publish(page)

    paths = purged(rename)
    assert {old_url, "/articles/a-new-address/", "/articles/"} <= paths


def test_moving_a_page_purges_its_old_and_new_address_and_both_sections(demo_site, purged):
    about = StandardPage.objects.get(slug="about")
    child = StandardPage(title="Our story", slug="our-story")
    about.add_child(instance=child)
    child.save_revision().publish()
    privacy = StandardPage.objects.get(slug="privacy")
    paths = purged(lambda: child.move(privacy, pos="last-child"))
    # "About us" is in the main menu, which is on every page: everything goes.
    assert paths == "everything" or {"/about/our-story/", "/privacy/our-story/"} <= paths


def test_deleting_a_page_purges_its_address_and_its_listing(demo_site, purged):
    page = article(demo_site)
    url, pk = page.url, page.pk
    paths = purged(lambda: page.delete())
    assert {url, "/articles/", "/", f"/api/v2/pages/{pk}/"} <= paths


@pytest.mark.parametrize("slug", ["about", "get-help-now", "privacy", "articles"])
def test_a_page_in_the_main_menu_or_linked_from_the_settings_purges_everything(demo_site, purged, slug):
    page = Page.objects.get(slug=slug, depth=3).specific
    assert purged(lambda: publish(page)) == "everything"


def test_the_home_page_purges_everything(demo_site, purged):
    assert purged(lambda: publish(demo_site)) == "everything"


def test_a_site_setting_purges_everything(demo_site, purged):
    def save():
        practice = SiteSettings.load()
        practice.phone = "(828) 555-0199"
        practice.save()

    assert purged(save) == "everything"


def test_renaming_a_topic_purges_the_pages_on_it(demo_site, purged):
    topic = Topic.objects.filter(support_groups__isnull=False, articles__isnull=False).distinct().first()
    groups = SupportGroupPage.objects.live().filter(topics=topic)
    articles = ArticlePage.objects.live().filter(topics=topic)

    def rename():
        topic.name += " and more"
        topic.save()

    paths = purged(rename)
    assert {page.url for page in [*groups, *articles]} <= paths
    assert {"/articles/", "/support-groups/", "/groups/meetings.json"} <= paths


def test_deleting_a_topic_purges_the_pages_that_had_it(demo_site, purged):
    topic = Topic.objects.filter(articles__isnull=False).first()
    urls = {page.url for page in ArticlePage.objects.live().filter(topics=topic)}
    paths = purged(lambda: topic.delete())
    assert urls <= paths


def test_a_venue_purges_its_groups_and_the_feeds(demo_site, purged):
    group = group_with_venue()
    venue = Venue.objects.get(pk=group.venue_id)
    paths = purged(venue.save)
    assert {group.url, "/groups/meetings.json", "/groups/calendar.ics", "/support-groups/"} <= paths


def test_an_area_purges_the_community_pages_in_it(demo_site, purged):
    page = CommunityPage.objects.live().filter(area__isnull=False).first()
    paths = purged(Area.objects.get(pk=page.area_id).save)
    assert {page.url, "/asheville-community/"} <= paths


def test_a_redirect_purges_its_old_path(demo_site, purged):
    paths = purged(lambda: Redirect.objects.create(old_path="/old-groups", redirect_link="/support-groups/"))
    assert {"/old-groups", "/old-groups/"} <= paths  # Wagtail keeps the path without its slash; pages have one


def test_a_page_given_a_password_is_purged_at_once(demo_site, purged):
    page = CommunityPage.objects.live().order_by("pk").first()
    url = page.url
    restriction = purged(
        lambda: PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    )
    assert url in restriction
    assert url in purged(lambda: PageViewRestriction.objects.get(page=page).delete())


def test_an_address_with_letters_beyond_ascii_is_purged_percent_encoded(demo_site, purged):
    parent = StandardPage.objects.live().order_by("pk").first()
    page = parent.add_child(instance=StandardPage(title="Café", slug="café-corner"))
    paths = purged(lambda: publish(page))
    assert parent.url + "caf%C3%A9-corner/" in paths


def test_nothing_is_queued_without_a_cache_in_front(
    demo_site, settings, django_capture_on_commit_callbacks, monkeypatch
):
    settings.WAGTAILFRONTENDCACHE = {}
    queued = []
    monkeypatch.setattr(frontend_cache, "purge_front_cache", type("Task", (), {"enqueue": queued.append}))
    with django_capture_on_commit_callbacks(execute=True):
        publish(article(demo_site))
    assert queued == []


def test_a_cache_that_is_down_never_breaks_publishing(demo_site, settings, django_capture_on_commit_callbacks, caplog):
    settings.WAGTAILFRONTENDCACHE = {"down": {"BACKEND": "tests.test_frontend_cache.BrokenBackend"}}
    page = article(demo_site)
    with caplog.at_level(logging.WARNING, "home.frontend_cache"), django_capture_on_commit_callbacks(execute=True):
        page.title = "Still published"
        publish(page)
    assert ArticlePage.objects.get(pk=page.pk).title == "Still published"
    messages = [record.getMessage() for record in caplog.records]
    assert "Purging the front cache 'down' failed (URLError)" in messages
    # The immediate backend cannot wait to try again: it says so, naming no page or person.
    assert "Gave up purging the front cache down after 1 attempt(s)" in messages


# Varnish's purge backend against a stand-in server ---------------------------------------------------


@pytest.fixture
def fake_varnish():
    seen = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_PURGE(self):
            seen.append(("PURGE", self.path, self.headers["Host"]))
            self.send_response(200)
            self.end_headers()

        def do_BAN(self):
            seen.append(("BAN", self.path, self.headers["Host"]))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", seen
    server.shutdown()


def test_the_varnish_backend_sends_purge_and_ban(fake_varnish):
    location, seen = fake_varnish
    backend = frontend_cache.VarnishBackend({"LOCATION": location})
    backend.purge_batch(["https://resilientmind.example/articles/?page=2"])
    backend.purge_all()
    port = location.rsplit(":", 1)[1]
    assert seen == [("PURGE", "/articles/?page=2", "resilientmind.example"), ("BAN", "/", f"127.0.0.1:{port}")]


def test_the_varnish_backend_raises_when_varnish_is_down():
    backend = frontend_cache.VarnishBackend({"LOCATION": "http://127.0.0.1:9"})
    with pytest.raises(OSError):
        backend.purge("http://127.0.0.1:8000/")
