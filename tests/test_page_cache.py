"""The in-process page cache (home/page_cache.py): what it keeps, for whom, and when a change empties it.

Most tests use the answers in tests/page_cache_urls.py, which say what a public page says
(and each break one rule); the last ask the site's own pages, whose headers (home/http_cache.py)
say what may be kept.
"""

import os
import subprocess
import sys
import time
import uuid
from http import HTTPStatus

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.core.cache import caches
from django.db.models.signals import post_migrate
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils.autoreload import file_changed

from config.settings.base import BASE_DIR, redis_cache
from groups.factories import (
    JoinRequestFactory,
    MeetingRuleFactory,
    SupportGroupIndexPageFactory,
    SupportGroupPageFactory,
    VenueFactory,
)
from home import page_cache
from home.content_version import forget_when_a_template_changes
from home.factories import ContactPageFactory, ImageFactory, StandardPageFactory, TopicFactory
from home.models import SiteSettings
from home.models.reports import ListingProblem, ListingReport, ReportStatus
from tests import page_cache_urls
from tests.staff import sign_in

pytestmark = pytest.mark.django_db

PUBLIC = "/cache-test/public/"


@pytest.fixture
def on(settings, practice):
    """The page cache on, as in production, with the test answers beside the site's own.

    The practice's settings exist, as on any site that has served a page: the first page
    served makes them, a change to content like any other."""
    settings.PAGE_CACHE_SECONDS = 300
    settings.ROOT_URLCONF = "tests.page_cache_urls"
    page_cache_urls.renders.clear()
    return settings


@pytest.fixture
def pages(site_root):
    return {"about": StandardPageFactory(parent=site_root, slug="about", title="About us")}


def get(client, url=PUBLIC, **headers):
    return client.get(url, headers=headers)


def fill(client, url=PUBLIC):
    """Ask twice: a miss that stores, then a hit."""
    first, second = get(client, url), get(client, url)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("MISS", "HIT"), url
    return first, second


def test_a_second_visit_is_a_hit_with_the_same_answer_and_no_render(client, on, pages):
    first, second = fill(client)
    assert page_cache_urls.renders == ["public"]
    assert second.content == first.content and b"About us" in second.content
    assert second.status_code == HTTPStatus.OK
    same = {name: value for name, value in first.items() if name != "X-Page-Cache"}
    assert {name: value for name, value in second.items() if name not in {"X-Page-Cache", "Age"}} == same
    assert second["Cache-Control"] == "public, max-age=60, s-maxage=300, stale-while-revalidate=60"
    assert "Content-Security-Policy" in second and "X-Content-Type-Options" in second


def test_off_at_zero_seconds(client, on):
    on.PAGE_CACHE_SECONDS = 0
    assert "X-Page-Cache" not in get(client)
    get(client)
    assert page_cache_urls.renders == ["public", "public"]


def test_head_is_answered_from_a_cached_get_and_never_stored_itself(client, on, pages):
    head = client.head(PUBLIC)
    assert head["X-Page-Cache"] == "MISS"
    assert get(client)["X-Page-Cache"] == "MISS"  # the HEAD stored nothing
    head = client.head(PUBLIC)
    assert head["X-Page-Cache"] == "HIT" and head.status_code == HTTPStatus.OK and head.content == b""


def test_a_client_with_the_stored_etag_gets_a_304_from_the_cache(client, on, pages):
    first, _ = fill(client)
    again = get(client, if_none_match=first["ETag"])
    assert again.status_code == HTTPStatus.NOT_MODIFIED and again["X-Page-Cache"] == "HIT"
    assert again["ETag"] == first["ETag"]
    assert get(client, if_none_match='"something-else"').status_code == HTTPStatus.OK
    assert page_cache_urls.renders == ["public"]


def test_a_conditional_miss_fills_the_cache_and_still_gets_its_304(client, on, pages):
    etag = get(Client()).get("ETag")
    page_cache.forget_cached_pages()
    conditional = get(client, if_none_match=etag)
    assert conditional.status_code == HTTPStatus.NOT_MODIFIED and conditional["X-Page-Cache"] == "MISS"
    assert get(client)["X-Page-Cache"] == "HIT"


def test_query_strings_and_hosts_are_pages_of_their_own(client, on, pages):
    fill(client)
    assert get(client, PUBLIC + "?page=2")["X-Page-Cache"] == "MISS"
    assert client.get(PUBLIC, HTTP_HOST="localhost")["X-Page-Cache"] == "MISS"
    assert get(client, PUBLIC + "?page=2")["X-Page-Cache"] == "HIT"


def test_vary_keeps_a_copy_per_origin_and_per_accepted_encoding(client, on, pages):
    url = "/cache-test/vary-origin/"
    assert get(client, url, origin="https://a.example")["X-Page-Cache"] == "MISS"
    assert get(client, url, origin="https://a.example")["X-Page-Cache"] == "HIT"
    assert get(client, url, origin="https://b.example")["X-Page-Cache"] == "MISS"
    assert get(client, url, origin="https://b.example", accept_encoding="gzip, br")["X-Page-Cache"] == "MISS"
    # The same codings listed another way share the copy.
    assert get(client, url, origin="https://b.example", accept_encoding="br,gzip")["X-Page-Cache"] == "HIT"


@pytest.mark.parametrize(
    "kind",
    ["csrf", "form", "nonce", "error", "redirect", "private", "no-store", "cookie", "vary-cookie", "no-lifetime"],
)
def test_answers_that_are_someones_or_not_public_are_never_stored(client, on, pages, kind, settings):
    # The page cache's own rules: the answers reach it as the views made them, without the
    # headers middleware (home/http_cache.py) that would make some of them public or private first.
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != "home.http_cache.HTTPCacheMiddleware"]
    url = f"/cache-test/{kind}/"
    answers = [get(client, url) for _ in range(3)]
    assert [answer["X-Page-Cache"] for answer in answers] == ["MISS"] * 3
    assert page_cache_urls.renders == [kind] * 3


def test_a_visitor_who_already_has_a_csrf_cookie_never_fills_the_cache_with_their_token(client, on, pages):
    client.cookies["csrftoken"] = "a" * 32
    assert [get(client, "/cache-test/csrf/")["X-Page-Cache"] for _ in range(2)] == ["MISS", "MISS"]
    fill(client)  # the cookie alone does not keep them from public copies


@pytest.mark.parametrize("cookie", ["sessionid", "__Host-sessionid", "messages"])
def test_requests_with_a_session_or_a_message_waiting_never_read_nor_fill_the_cache(client, on, pages, cookie):
    visitor = Client()
    visitor.cookies[cookie] = "x"
    assert "X-Page-Cache" not in get(visitor)
    assert get(client)["X-Page-Cache"] == "MISS"
    assert get(client)["X-Page-Cache"] == "HIT"
    assert "X-Page-Cache" not in get(visitor)
    assert page_cache_urls.renders == ["public", "public", "public"]


def test_signed_in_staff_never_get_nor_fill_the_cache(client, on, pages, admin_user):
    staff = Client()
    sign_in(staff, admin_user)
    fill(client)
    answer = get(staff)
    assert "X-Page-Cache" not in answer and page_cache_urls.renders == ["public", "public"]
    page_cache.forget_cached_pages()
    get(staff)
    assert get(client)["X-Page-Cache"] == "MISS"


def test_an_api_token_never_reads_nor_fills_the_cache(client, on, pages):
    fill(client)
    assert "X-Page-Cache" not in get(client, authorization="Bearer abc")


NEVER_LOOKED_UP = ["/admin/", "/admin/login/", "/django-admin/login/", "/health/", "/search/?query=grief"]


@pytest.mark.parametrize("url", [*NEVER_LOOKED_UP, PUBLIC + "?search=x"])
def test_the_admin_health_and_searches_are_never_looked_up(client, on, pages, url):
    assert "X-Page-Cache" not in get(client, url)


@pytest.mark.parametrize(("url", "seconds"), [("/cache-test/short/", 300), (PUBLIC, 1)])
def test_a_page_is_kept_no_longer_than_it_says_nor_than_page_cache_seconds(client, on, pages, url, seconds):
    """s-maxage=1, or PAGE_CACHE_SECONDS=1: gone a second later (a group's next meeting is never older)."""
    on.PAGE_CACHE_SECONDS = seconds
    fill(client, url)
    deadline = time.monotonic() + 10
    while get(client, url)["X-Page-Cache"] == "HIT":
        assert time.monotonic() < deadline, "still served from the cache 10 s after its 1 s lifetime"


def test_lifetime_is_the_shared_lifetime_at_most_page_cache_seconds(settings):
    settings.PAGE_CACHE_SECONDS = 300

    def said(value):
        response = HttpResponse()
        response["Cache-Control"] = value
        return page_cache.lifetime(response)

    assert said("public, max-age=60, s-maxage=120") == 120
    assert said("public, max-age=60") == 60
    assert said("public, max-age=60, s-maxage=3600") == 300
    assert said("public, s-maxage=0") == 0
    assert said("max-age=60") == 0
    assert said("public, max-age=60, private") == 0
    assert said("public, no-cache, max-age=60") == 0
    assert said("public") == 0


# Changes to content: each makes the next visit a miss with the new content ------------------------


def refill(client):
    get(client)
    assert get(client)["X-Page-Cache"] == "HIT"


def assert_fresh(client, text):
    answer = get(client)
    assert answer["X-Page-Cache"] == "MISS"
    assert text in answer.content.decode()


def test_a_published_revision_is_seen_at_once(client, on, pages):
    refill(client)
    about = pages["about"]
    about.title = "About the practice"
    about.save_revision().publish()
    assert_fresh(client, "About the practice")


def test_a_draft_or_an_autosave_leaves_the_cache_alone(client, on, pages):
    about = pages["about"]
    refill(client)
    about.title = "Draft title"
    about.save_revision()
    answer = get(client)
    assert answer["X-Page-Cache"] == "HIT" and b"Draft title" not in answer.content


def test_rendering_an_image_rendition_leaves_the_cache_alone(client, on, pages):
    image = ImageFactory()
    refill(client)
    image.get_rendition("fill-10x10")
    assert get(client)["X-Page-Cache"] == "HIT"


def test_what_visitors_send_leaves_the_cache_alone(client, on, pages):
    """A join request or a report of a problem is on no page: a burst of them must not empty the cache for everyone."""
    group = SupportGroupPageFactory(parent=pages["about"])
    refill(client)
    JoinRequestFactory(group=group)
    assert get(client)["X-Page-Cache"] == "HIT"
    report = ListingReport.objects.create(page=group, problem=ListingProblem.WRONG_TIME, note="Marker note")
    report.status = ReportStatus.CHECKED
    report.save()
    report.delete()
    assert get(client)["X-Page-Cache"] == "HIT"


def test_publish_unpublish_move_and_delete_in_the_admin_are_seen_at_once(client, on, site_root, admin_user):
    staff = Client()
    sign_in(staff, admin_user)
    section = StandardPageFactory(parent=site_root, slug="section", title="Section")
    page = StandardPageFactory(parent=site_root, slug="leaflet", title="Leaflet")

    refill(client)
    staff.post(reverse("wagtailadmin_pages:unpublish", args=(page.pk,)))
    answer = get(client)
    assert answer["X-Page-Cache"] == "MISS" and b"Leaflet" not in answer.content

    page.refresh_from_db()
    page.title = "Leaflet, new"
    page.save_revision().publish()
    refill(client)
    moved = staff.post(reverse("wagtailadmin_pages:move_confirm", args=(page.pk, section.pk)))
    assert moved.status_code == HTTPStatus.FOUND
    assert get(client)["X-Page-Cache"] == "MISS"

    refill(client)
    staff.post(reverse("wagtailadmin_pages:delete", args=(page.pk,)))
    answer = get(client)
    assert answer["X-Page-Cache"] == "MISS" and b"Leaflet" not in answer.content


def test_a_snippet_saved_is_seen_at_once(client, on, pages):
    topic = TopicFactory(name="Grief")
    venue = VenueFactory(name="Library")
    refill(client)
    topic.name = "Grief and loss"
    topic.save()
    assert_fresh(client, "Grief and loss")
    refill(client)
    venue.name = "West Library"
    venue.save()
    assert_fresh(client, "West Library")
    refill(client)
    venue.delete()
    answer = get(client)
    assert answer["X-Page-Cache"] == "MISS" and b"West Library" not in answer.content


def test_site_settings_saved_are_seen_at_once(client, on, pages):
    refill(client)
    practice = SiteSettings.load()
    practice.phone = "(828) 555-0199"
    practice.save()
    assert_fresh(client, "phone (828) 555-0199")


def test_a_groups_schedule_published_is_seen_at_once(client, on, site_root):
    """Meeting times are rows of the group page (modelcluster): saved with it when it is published."""
    finder = SupportGroupIndexPageFactory(parent=site_root, slug="support-groups")
    group = SupportGroupPageFactory(parent=finder, slug="grief-circle")
    MeetingRuleFactory(page=group, weekday=1)
    group = type(group).objects.get(pk=group.pk)
    refill(client)
    group.meeting_rules.add(MeetingRuleFactory.build(page=group, weekday=4))
    group.save_revision().publish()
    assert_fresh(client, "meets on day 4")


def test_a_change_in_a_transaction_is_forgotten_again_when_it_commits(db, django_capture_on_commit_callbacks):
    """A page rendered by another process while the change commits read the old content: its copy must go."""
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        TopicFactory(name="Anxiety")
        TopicFactory(name="Trauma")
        during = page_cache.current_generation()
    assert len(callbacks) == 1  # once per transaction, however many rows it saved
    assert page_cache.current_generation() != during


def test_a_migration_starts_the_cache_afresh(on):
    before = page_cache.current_generation()
    home = apps.get_app_config("home")
    post_migrate.send(sender=home, app_config=home, verbosity=0, interactive=False, using="default", apps=apps)
    assert page_cache.current_generation() != before


def test_a_template_edited_under_make_run_starts_the_cache_afresh(on):
    """runserver reloads a changed template without restarting, so without this its old page would stay."""
    before = page_cache.current_generation()
    results = file_changed.send(sender=None, file_path=BASE_DIR / "templates" / "base.html")
    assert page_cache.current_generation() != before
    assert not any(result for _receiver, result in results if _receiver is forget_when_a_template_changes)


# Faults and more than one process ----------------------------------------------------------------------


def test_with_redis_down_pages_are_still_served(client, on, pages, redis_down):
    on.PAGE_CACHE_SECONDS = 300
    answers = [get(client) for _ in range(2)]
    assert [answer.status_code for answer in answers] == [HTTPStatus.OK, HTTPStatus.OK]
    assert [answer["X-Page-Cache"] for answer in answers] == ["MISS", "MISS"]
    assert b"About us" in answers[1].content


TEST_REDIS_URL = os.environ.get("PAGE_CACHE_TEST_REDIS_URL", "redis://127.0.0.1:6379/3")


@pytest.fixture
def shared_redis(on):
    """Production's cache on a real Redis, under a prefix of this test's own; its keys are removed after."""
    prefix = f"page-cache-test-{uuid.uuid4().hex}"
    config = redis_cache(TEST_REDIS_URL)
    config["KEY_PREFIX"] = prefix
    on.CACHES = {"default": config}
    cache = caches["default"]
    if not cache.set("ping", 1):
        pytest.skip(f"no Redis at {TEST_REDIS_URL}")
    yield prefix
    cache.delete_pattern("*")


def test_two_cache_clients_on_one_redis_see_the_same_invalidation(client, pages, shared_redis):
    """As two gunicorn workers (or two machines) do: one stores, the other's change empties it."""
    other = caches.create_connection("default")  # a second client, its own connection pool
    assert other is not caches["default"]
    fill(client)
    assert page_cache.current_generation(other) == page_cache.current_generation()
    page_cache.forget_cached_pages(other)
    assert get(client)["X-Page-Cache"] == "MISS"
    assert get(client)["X-Page-Cache"] == "HIT"


CLEAR_IN_ANOTHER_PROCESS = """
import sys
import django
django.setup()
from django.conf import settings
from django.core.management import call_command
settings.CACHES["default"]["KEY_PREFIX"] = sys.argv[1]
call_command("clear_page_cache")
"""


def test_another_process_emptying_the_cache_is_seen_at_once(client, pages, shared_redis):
    fill(client)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev", "REDIS_URL": TEST_REDIS_URL}
    subprocess.run(
        [sys.executable, "-c", CLEAR_IN_ANOTHER_PROCESS, shared_redis],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
    )
    assert get(client)["X-Page-Cache"] == "MISS"


# Where it sits ------------------------------------------------------------------------------------


def test_it_sits_after_the_https_redirect_and_before_whatever_makes_the_answer():
    middleware = django_settings.MIDDLEWARE
    position = middleware.index("home.page_cache.PageCacheMiddleware")
    assert middleware.index("django.middleware.security.SecurityMiddleware") < position
    makers = ("csp", "cors", "gzip", "home.", "django.contrib.sessions", "django.middleware.csrf")
    later = [name for name in middleware if any(part in name.lower() for part in makers)]
    assert all(middleware.index(name) > position for name in later if name != middleware[position])


# The site's own pages, once they say `public` (cache-headers) -------------------------------------------


def test_the_sites_public_pages_and_the_api_are_served_from_the_cache(client, on, pages):
    for url in ["/", "/about/", "/api/v2/pages/?fields=*", "/api/v3/pages/"]:
        fill(client, url)


def test_a_group_page_is_served_from_the_cache_and_its_join_form_never(client, on, site_root):
    finder = SupportGroupIndexPageFactory(parent=site_root, slug="support-groups")
    group = SupportGroupPageFactory(parent=finder, slug="grief-circle")
    MeetingRuleFactory(page=group, weekday=1)
    fill(client, "/support-groups/grief-circle/")
    join = [get(client, "/support-groups/grief-circle/join/") for _ in range(2)]
    assert [answer.status_code for answer in join] == [HTTPStatus.OK, HTTPStatus.OK]
    assert [answer["X-Page-Cache"] for answer in join] == ["MISS", "MISS"]


def test_the_contact_page_and_its_csrf_token_are_never_stored(client, on, site_root):
    ContactPageFactory(parent=site_root, slug="contact")
    answers = [get(client, "/contact/") for _ in range(2)]
    assert [answer.status_code for answer in answers] == [HTTPStatus.OK, HTTPStatus.OK]
    assert [answer["X-Page-Cache"] for answer in answers] == ["MISS", "MISS"]


def test_already_public_feeds_are_served_from_the_cache(client, on, site_root):
    finder = SupportGroupIndexPageFactory(parent=site_root, slug="support-groups")
    MeetingRuleFactory(page=SupportGroupPageFactory(parent=finder, slug="grief-circle"), weekday=1)
    first, second = fill(client, "/groups/meetings.json")
    assert second.content == first.content
