"""One site on two app servers, as on more than one machine (docs/deployment.md).

Two gunicorn servers, A and B, on two ports with the same production environment: one PostgreSQL
database made for this run (and dropped after it), one Redis database, media in a bucket on a local
S3 server (moto), and one task worker (`manage.py db_worker`). Everything is checked over HTTP, as a
load balancer would send a visitor or an editor to either server: a moderator signs in on A (password
and the code from their authenticator app), publishes an article with an image through A's admin, and
B serves it fresh; the session, the forms' rate limits, the task queue and the page cache are shared.

Needs PostgreSQL and Redis on loopback (CI has both) and skips without them. On a machine that others
share, TWO_SERVERS_DATABASE_PREFIX and TWO_SERVERS_REDIS_DB choose the database's name and Redis's
database number (emptied before and after).
"""

import io
import json
import os
import re
import secrets
import uuid
from contextlib import ExitStack
from html.parser import HTMLParser
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
import requests
from django_otp.oath import totp
from PIL import Image

from scripts import servers

pytestmark = [pytest.mark.slow, pytest.mark.own_servers]

DATABASE_PREFIX = os.environ.get("TWO_SERVERS_DATABASE_PREFIX", "rmc_two_servers")
REDIS_DB = int(os.environ.get("TWO_SERVERS_REDIS_DB", "15"))
BUCKET = "rmc-media"
MODERATOR = "moderator"
PASSWORD = "a-long-pass-phrase-for-two-servers"
STAFF_EMAIL_TASK = "home.notifications.send_staff_email"

# The pages the tests need, made without the demo (whose pictures take a minute to draw and upload),
# and a moderator (who must use two-factor sign-in) with their authenticator app.
SEED = f"""
import json
from wagtail.models import Site
from blog.factories import ArticleIndexPageFactory
from home.factories import ContactPageFactory
from tests.staff import authenticator, staff_user

home = Site.objects.get(is_default_site=True).root_page
articles = ArticleIndexPageFactory(parent=home, title="Articles", slug="articles")
contact = ContactPageFactory(parent=home, title="Contact", slug="contact")
moderator = staff_user("Moderators", {MODERATOR!r}, {PASSWORD!r})
print(json.dumps({{"articles": articles.pk, "contact": contact.get_url(), "totp_key": authenticator(moderator).key}}))
"""


@pytest.fixture(autouse=True)
def _restore_migration_data():
    """Overrides tests/conftest.py's: these tests read no test database (the servers have their own),
    so none is made for them."""


class Cluster:
    def __init__(self, env, s3, a, b, seed):
        self.env, self.s3, self.a, self.b, self.seed = env, s3, a, b, seed

    def query(self, sql, params=()):
        with psycopg.connect(self.env["DATABASE_URL"]) as connection:
            return connection.execute(sql, params).fetchall()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    for missing in (servers.postgres_answers(), servers.redis_answers()):
        if missing:
            pytest.skip(f"{missing}: the two-server test needs PostgreSQL and Redis (CI has both)")
    folder = tmp_path_factory.mktemp("two-servers")
    with ExitStack() as stack:
        database_url = stack.enter_context(servers.postgres_database(DATABASE_PREFIX))
        redis_url = stack.enter_context(servers.redis_database(REDIS_DB))
        s3 = stack.enter_context(servers.s3_server(BUCKET))
        env = servers.production_env(
            folder,
            DATABASE_URL=database_url,
            REDIS_URL=redis_url,
            **s3.env,
            # The in-process page cache (in Redis: shared), on as in production.
            PAGE_CACHE_SECONDS=300,
            # A load balancer in front: each test's visitor is an address of its own.
            TRUSTED_PROXY_COUNT=1,
            # Two messages a day per address: the third is refused, wherever it is sent.
            FORM_RATE_LIMIT="2/d",
            STAFF_NOTIFICATION_EMAILS="office@resilientmind.example",
        )
        servers.prepare_site(env, demo=False)
        # The servers and the worker start while the pages are made.
        a, b = (
            stack.enter_context(servers.gunicorn(env, workers=1, log=folder / f"gunicorn-{name}.log", wait=False))
            for name in "ab"
        )
        worker = stack.enter_context(servers.worker(env))
        seed = servers.shell(env, SEED)
        a.wait_ready()
        b.wait_ready()
        # When the tests are done, all three are told to stop at once, then waited for.
        stack.callback(
            lambda: [process.terminate() for process in (a.process, b.process, worker) if process.poll() is None]
        )
        yield Cluster(env, s3, a, b, seed)


# A browser, as far as these tests need one ---------------------------------------------------------


def csrf_token(page):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def hidden(page, name):
    return re.search(rf'name="{name}" value="([^"]*)"', page).group(1)


def visitor(address):
    """A visitor's browser (cookies kept) coming through the load balancer from `address`."""
    session = requests.Session()
    session.headers["X-Forwarded-For"] = address
    return session


def anonymous_get(url, host=None):
    """A GET with no cookie at all, as a first-time visitor or a cache sends (`host`: the Host header,
    the site's one name, as a load balancer passes it to either server)."""
    return requests.get(url, allow_redirects=False, timeout=30, headers={"Host": host} if host else {})


def sign_in_moderator(cluster):
    """A moderator's browser, signed in on A: password, then the code their app shows."""
    browser = requests.Session()
    a = cluster.a.url
    page = browser.get(f"{a}/admin/login/").text
    response = browser.post(
        f"{a}/admin/login/",
        data={"csrfmiddlewaretoken": csrf_token(page), "username": MODERATOR, "password": PASSWORD, "next": "/admin/"},
        allow_redirects=False,
    )
    assert response.status_code == HTTPStatus.FOUND, response.text[:500]
    response = browser.get(f"{a}/admin/", allow_redirects=False)
    assert urlsplit(response.headers["Location"]).path == "/admin/two-factor/code/"
    page = browser.get(a + response.headers["Location"]).text
    code = f"{totp(bytes.fromhex(cluster.seed['totp_key'])):06d}"
    response = browser.post(
        f"{a}/admin/two-factor/code/",
        data={"csrfmiddlewaretoken": csrf_token(page), "code": code, "next": "/admin/"},
        allow_redirects=False,
    )
    assert response.status_code == HTTPStatus.FOUND, response.text[:500]
    assert browser.get(f"{a}/admin/", allow_redirects=False).status_code == HTTPStatus.OK
    return browser


def publish_article(cluster, browser, server, slug, text, image=None):
    """Publish the article `slug` (new, or a new version) with `text` through `server`'s admin; its URL."""
    existing = cluster.query("SELECT id FROM wagtailcore_page WHERE slug = %s", (slug,))
    path = (
        f"/admin/pages/{existing[0][0]}/edit/"
        if existing
        else f"/admin/pages/add/blog/articlepage/{cluster.seed['articles']}/"
    )
    page = browser.get(server.url + path).text
    paragraph = {
        "blocks": [
            {"key": "t3xt1", "type": "unstyled", "depth": 0, "text": text, "inlineStyleRanges": [], "entityRanges": []}
        ],
        "entityMap": {},
    }
    inlines = {
        f"{prefix}-{field}": value
        for prefix, most in (("authors", 1000), ("related_article_links", 3))
        for field, value in (("TOTAL_FORMS", 0), ("INITIAL_FORMS", 0), ("MIN_NUM_FORMS", 0), ("MAX_NUM_FORMS", most))
    }
    response = browser.post(
        server.url + path,
        data={
            "csrfmiddlewaretoken": csrf_token(page),
            "title": f"Article {slug}",
            "slug": slug,
            "intro": "An article published through the admin of one of two servers.",
            "hero_image": image or "",
            **inlines,
            "body-count": 1,
            "body-0-type": "paragraph",
            "body-0-deleted": "",
            "body-0-order": 0,
            "body-0-id": str(uuid.uuid4()),
            "body-0-value": json.dumps(paragraph),
            "action-publish": "action-publish",
        },
        allow_redirects=False,
    )
    assert response.status_code == HTTPStatus.FOUND, response.text[:2000]
    return f"/articles/{slug}/"


def upload_image(cluster, browser, server, name):
    """Upload a 1200x675 picture through `server`'s admin; its id."""
    picture = io.BytesIO()
    Image.linear_gradient("L").resize((1200, 675)).convert("RGB").save(picture, "JPEG")
    page = browser.get(f"{server.url}/admin/images/add/").text
    response = browser.post(
        f"{server.url}/admin/images/add/",
        data={"csrfmiddlewaretoken": csrf_token(page), "title": name, "description": "Hills fading into the evening"},
        files={"file": (f"{name}.jpg", picture.getvalue(), "image/jpeg")},
        allow_redirects=False,
    )
    assert response.status_code == HTTPStatus.FOUND, response.text[:2000]
    return cluster.query("SELECT id FROM home_siteimage WHERE title = %s", (name,))[0][0]


def send_message(browser, server, contact_url, words):
    """Fill in and send the contact form on `server`; the response (a 303 to the thank-you page, or a 429)."""
    page = browser.get(server.url + contact_url).text
    return browser.post(
        server.url + contact_url,
        data={
            "csrfmiddlewaretoken": csrf_token(page),
            "submission_key": hidden(page, "submission_key"),
            "your_name": "Sam",
            "message": words,
            "contact_method": "email",
            "email": "sam@example.com",
            "ok_to_leave_message": "yes",
            "website": "",
        },
        allow_redirects=False,
    )


class _Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img" and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag in {"img", "source"} and attrs.get("srcset"):
            self.urls += [candidate.split()[0] for candidate in attrs["srcset"].split(",")]


def image_urls(page):
    parser = _Images()
    parser.feed(page)
    return parser.urls


# The parts ---------------------------------------------------------------------------------------------


def check_a_session_begun_on_one_server_is_good_on_the_other(cluster, moderator):
    session_cookie = moderator.cookies.get("sessionid")
    assert session_cookie
    elsewhere = requests.Session()  # another browser tab, sent to B by the load balancer
    elsewhere.cookies.set("sessionid", session_cookie)
    response = elsewhere.get(f"{cluster.b.url}/admin/", allow_redirects=False)
    assert response.status_code == HTTPStatus.OK  # signed in, and past the two-factor code
    assert MODERATOR in response.text
    assert anonymous_get(f"{cluster.b.url}/admin/").status_code == HTTPStatus.FOUND  # to the sign-in page


def check_a_page_published_through_one_server_is_served_fresh_by_the_other(cluster, moderator):
    url = publish_article(cluster, moderator, cluster.a, "fresh-on-b", "Written on server A, first version.")
    response = anonymous_get(cluster.b.url + url)
    assert response.status_code == HTTPStatus.OK
    assert "first version" in response.text

    publish_article(cluster, moderator, cluster.a, "fresh-on-b", "Written on server A, second version.")
    for server in (cluster.b, cluster.a):
        response = anonymous_get(server.url + url)
        assert "second version" in response.text and "first version" not in response.text


def check_the_forms_rate_limit_is_counted_across_both_servers(cluster, moderator):
    browser = visitor("203.0.113.7")
    contact = cluster.seed["contact"]
    answers = [
        send_message(browser, server, contact, f"Message {n}").status_code
        for n, server in enumerate((cluster.a, cluster.b, cluster.a, cluster.b))
    ]
    # FORM_RATE_LIMIT is two a day: one on each server, then neither takes a third.
    assert answers == [
        HTTPStatus.SEE_OTHER,
        HTTPStatus.SEE_OTHER,
        HTTPStatus.TOO_MANY_REQUESTS,
        HTTPStatus.TOO_MANY_REQUESTS,
    ]
    # Another visitor is not held back by this one's count.
    assert send_message(visitor("198.51.100.4"), cluster.b, contact, "Hello").status_code == HTTPStatus.SEE_OTHER


def check_a_message_sent_on_one_server_is_announced_by_the_one_worker(cluster, moderator):
    def staff_emails():
        return dict(
            cluster.query(
                "SELECT id, status FROM django_tasks_database_dbtaskresult WHERE task_path = %s", (STAFF_EMAIL_TASK,)
            )
        )

    before = staff_emails()
    words = f"Please call me back {secrets.token_hex(4)}"
    assert (
        send_message(visitor("192.0.2.55"), cluster.b, cluster.seed["contact"], words).status_code
        == HTTPStatus.SEE_OTHER
    )
    new = set(staff_emails()) - set(before)
    assert len(new) == 1  # queued by B for the worker, not sent in the request
    (task_id,) = new

    def done():
        rows = cluster.query(
            "SELECT status, return_value, worker_ids, args_kwargs::text FROM django_tasks_database_dbtaskresult"
            " WHERE id = %s AND status IN ('SUCCESSFUL', 'FAILED')",
            (task_id,),
        )
        return rows[0] if rows else None

    status, result, workers, arguments = servers.wait_for(done, 60, "the worker to send the staff email")
    assert (status, result) == ("SUCCESSFUL", "sent")
    assert len(workers) == 1
    assert words not in arguments and "sam@example.com" not in arguments  # the task holds no message


def check_images_uploaded_through_one_server_are_in_the_bucket_and_shown_by_the_other(cluster, moderator):
    image = upload_image(cluster, moderator, cluster.a, "blue-ridge-at-dusk")
    assert "original_images/blue-ridge-at-dusk.jpg" in cluster.s3.keys("original_images/")
    assert not list(Path(cluster.env["MEDIA_ROOT"]).glob("**/*.jpg"))  # nothing on either server's disk

    url = publish_article(cluster, moderator, cluster.a, "with-a-picture", "A picture of the hills.", image=image)
    response = anonymous_get(cluster.b.url + url)
    assert response.status_code == HTTPStatus.OK
    bucket_url = f"{cluster.s3.endpoint}/{BUCKET}/"
    renditions = [src for src in image_urls(response.text) if "blue-ridge-at-dusk" in src]
    assert renditions, "the article shows its picture"
    assert all(src.startswith(bucket_url + "images/") for src in renditions), renditions
    stored = set(cluster.s3.keys("images/"))
    for src in set(renditions):
        assert src.removeprefix(bucket_url) in stored
        picture = anonymous_get(src)
        assert picture.status_code == HTTPStatus.OK
        assert picture.headers["Content-Type"].startswith("image/")
    # The page's Content-Security-Policy lets the browser load them.
    policy = {
        directive.split()[0]: directive.split()[1:]
        for directive in response.headers["Content-Security-Policy"].split(";")
    }
    assert cluster.s3.endpoint in policy["img-src"]


def check_a_page_cached_by_one_server_is_served_from_the_cache_by_the_other_until_published(cluster, moderator):
    url = publish_article(cluster, moderator, cluster.a, "cached-on-a", "Cached, first version.")
    # Behind the load balancer both servers are asked for the site's one host name (the cache's key holds it).
    first = anonymous_get(cluster.a.url + url, host="localhost")
    assert first.headers.get("X-Page-Cache") == "MISS"
    second = anonymous_get(cluster.b.url + url, host="localhost")
    assert second.headers.get("X-Page-Cache") == "HIT"
    assert second.text == first.text

    publish_article(cluster, moderator, cluster.a, "cached-on-a", "Cached, second version.")
    fresh = anonymous_get(cluster.b.url + url, host="localhost")
    assert "second version" in fresh.text and "first version" not in fresh.text


# The test: one, in parts (subtests), so that the servers are built once even when pytest-xdist
# shares the suite out (an xdist_group mark would not keep a module's tests together: pytest-xdist
# 3.8 cannot rename pytest 9's test ids). Each part reports on its own and the next runs anyway.

CHECKS = [
    check_a_session_begun_on_one_server_is_good_on_the_other,
    check_a_page_published_through_one_server_is_served_fresh_by_the_other,
    check_the_forms_rate_limit_is_counted_across_both_servers,
    check_a_message_sent_on_one_server_is_announced_by_the_one_worker,
    check_images_uploaded_through_one_server_are_in_the_bucket_and_shown_by_the_other,
]


def test_two_app_servers_share_one_site(cluster, subtests):
    moderator = sign_in_moderator(cluster)
    for check in CHECKS:
        with subtests.test(check.__name__.removeprefix("check_")):
            check(cluster, moderator)
    with subtests.test("page cache"):
        check_a_page_cached_by_one_server_is_served_from_the_cache_by_the_other_until_published(cluster, moderator)
