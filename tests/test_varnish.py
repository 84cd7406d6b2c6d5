"""Varnish in front of the site as production runs it: it serves public answers from its cache, a change
published in the admin shows through it at once, and nothing personal is ever stored or served from it.

One throw-away site for the module (scripts/servers.py `behind_varnish`): gunicorn on production
settings, the task worker that sends Wagtail's purges (VARNISH_PURGE_URL) and varnishd with the shipped
config/varnish/default.vcl. A moderator publishes in a real browser (Chromium through Playwright), signing
in with a password and a code from their phone, as staff do.

Public pages and the API say they may be cached (home/http_cache.py, home/api/middleware.py): each is a
HIT the second time, and never shows an old version after a publish.
"""

import html
import json
import re
import time
from http.cookies import SimpleCookie
from types import SimpleNamespace

import pytest

from scripts import servers
from tests.browser.conftest import CHROMIUM, HAVE_CHROMIUM

pytestmark = [
    pytest.mark.slow,
    pytest.mark.own_servers,
    pytest.mark.skipif(not servers.Path(servers.VARNISHD).exists(), reason="No varnishd: apt-get install varnish"),
]

PASSWORD = "a-long-test-password-for-varnish"
# Generous: a purge is measured and reported, never asserted against a time.
DEADLINE = 20
CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')

SETUP = """
import json
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice
from groups.models import SupportGroupPage
from home.models import ContactPage

user = get_user_model().objects.create_user("moira", "moira@example.com", "%(password)s")
user.groups.add(Group.objects.get(name="Moderators"))
device = TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
group = SupportGroupPage.objects.live().filter(topics__isnull=False).order_by("pk").first()
topic = group.topics.order_by("pk").first()
print(json.dumps({
    "key": device.key,
    "group": {"id": group.pk, "url": group.url, "title": group.title},
    "topic": {"id": topic.pk, "name": topic.name},
    "contact": ContactPage.objects.live().first().url,
}))
"""


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    folder = tmp_path_factory.mktemp("varnish-site")
    with servers.behind_varnish(folder) as running:
        yield running


@pytest.fixture(scope="module")
def demo(stack):
    output = servers.manage(stack.env, "shell", "-v", "0", "-c", SETUP % {"password": PASSWORD})
    return json.loads(output.strip().splitlines()[-1])


def get(stack, path, headers=None):
    return servers.fetch(stack.cache.url + path, headers)


def cacheable_by_headers(headers):
    """What the contract lets a shared cache keep (home/frontend_cache.py, config/varnish/default.vcl)."""
    control = (headers.get("Cache-Control") or "").lower()
    vary = (headers.get("Vary") or "").lower()
    return (
        "public" in control
        and not any(word in control for word in ("private", "no-store", "no-cache"))
        and "Set-Cookie" not in headers
        and "cookie" not in [part.strip() for part in vary.split(",")]
    )


def fresh_within(stack, path, text, started, deadline=DEADLINE):
    """Seconds from `started` (time.monotonic()) until `text` shows through Varnish at `path` (as JSON,
    HTML or plain text); fails after `deadline`."""
    forms = {text.encode(), html.escape(text).encode(), json.dumps(text)[1:-1].encode()}
    servers.wait_for(
        lambda: any(form in get(stack, path)[2] for form in forms), deadline, f"{text!r} at {path} through Varnish"
    )
    return time.monotonic() - started


# Served from the cache --------------------------------------------------------------------------------


def test_a_public_api_answer_is_a_hit_the_second_time(stack):
    path = "/api/v3/pages/?type=groups.SupportGroupPage"
    status, first, _body = get(stack, path)
    assert status == 200
    assert first["X-Cache"] == "MISS"
    assert get(stack, path)[1]["X-Cache"] == "HIT"
    # The query string is part of the key: another filter is another copy.
    assert get(stack, "/api/v3/pages/?type=blog.ArticlePage")[1]["X-Cache"] == "MISS"


@pytest.mark.parametrize("path", ["/", "/articles/", "/support-groups/", "/asheville-community/", "/sitemap.xml"])
def test_a_public_page_is_a_hit_the_second_time(stack, path):
    status, headers, _body = get(stack, path)
    assert status == 200
    assert cacheable_by_headers(headers), headers.get("Cache-Control")
    assert get(stack, path)[1]["X-Cache"] == "HIT"


def test_purging_a_path_drops_every_query_string_variant_of_it(stack):
    paths = ["/api/v3/pages/", "/api/v3/pages/?type=home.StandardPage", "/api/v3/pages/?limit=2&offset=1"]
    for path in paths:
        get(stack, path)
        assert get(stack, path)[1]["X-Cache"] == "HIT"
    status, _headers, _body = servers.fetch(stack.cache.url + "/api/v3/pages/", method="PURGE")
    assert status == 200
    assert [get(stack, path)[1]["X-Cache"] for path in paths] == ["MISS", "MISS", "MISS"]


def test_ban_drops_everything(stack):
    get(stack, "/api/v3/site-settings/")
    assert get(stack, "/api/v3/site-settings/")[1]["X-Cache"] == "HIT"
    assert servers.fetch(stack.cache.url + "/", method="BAN")[0] == 200
    assert get(stack, "/api/v3/site-settings/")[1]["X-Cache"] == "MISS"


# Nothing personal ---------------------------------------------------------------------------------------


def two_visitors(stack, path):
    """Two anonymous visitors' answers at `path`, each asked twice."""
    return [get(stack, path) for _ in range(4)]


@pytest.mark.parametrize("which", ["contact", "group", "group join", "admin login"])
def test_a_form_and_its_token_are_never_shared(stack, demo, which):
    path = {
        "contact": demo["contact"],
        "group": demo["group"]["url"],
        "group join": demo["group"]["url"] + "join/",
        "admin login": "/admin/login/",
    }[which]
    answers = two_visitors(stack, path)
    tokens = [match.group(1) for _status, _headers, body in answers if (match := CSRF_INPUT.search(body))]
    if which == "group":
        assert tokens == []  # the group page carries no form: it is the join/ page's
    else:
        assert len(tokens) == 4
    # Each visitor gets a token of their own and an answer with one is never stored.
    assert len(set(tokens)) == len(tokens)
    for _status, headers, body in answers:
        if CSRF_INPUT.search(body) or "Set-Cookie" in headers:
            assert headers["X-Cache"] == "MISS"
            assert not cacheable_by_headers(headers)


def test_a_visitor_keeps_their_csrf_cookie_through_varnish(stack, demo):
    """Varnish passes Django's CSRF cookie on (and drops others): a form page renews the visitor's
    own token instead of handing out a new one at each visit, so a form open in another tab still posts."""
    first = get(stack, demo["contact"])[1]
    sent = SimpleCookie(first["Set-Cookie"])["csrftoken"].value
    status, headers, body = get(stack, demo["contact"], {"Cookie": f"tracker=1; csrftoken={sent}"})
    assert status == 200
    assert CSRF_INPUT.search(body)
    assert SimpleCookie(headers["Set-Cookie"])["csrftoken"].value == sent
    assert headers["X-Cache"] == "MISS"


def test_a_token_cookie_does_not_make_a_public_answer_personal(stack, demo):
    """A visitor who filled in a form and then reads on shares the public copy; the cookie is left out."""
    path = "/api/v3/pages/?type=blog.ArticleIndexPage"
    get(stack, path)
    status, headers, _body = get(stack, path, {"Cookie": "csrftoken=abc123"})
    assert status == 200
    assert headers["X-Cache"] == "HIT"


@pytest.mark.skipif(
    not HAVE_CHROMIUM, reason=f"No Chromium at {CHROMIUM}: install Debian's chromium or set CHROMIUM_PATH"
)
def test_a_change_published_in_the_admin_shows_through_varnish_at_once(stack, demo, playwright, capsys):
    """A moderator renames a group, a topic and changes the practice's phone in the admin, through
    Varnish; each change shows through Varnish within a second or so (the delay is printed). The
    staff's session is never cached, and what they saw never reaches an anonymous visitor."""
    from tests.browser.admin import sign_in

    group, topic = demo["group"], demo["topic"]
    group_api = f"/api/v3/pages/{group['id']}/"
    group_list = "/api/v3/pages/?type=groups.SupportGroupPage&limit=50"
    watched = [group_api, group_list, "/api/v3/site-settings/", group["url"], "/support-groups/", "/"]
    for path in watched:
        get(stack, path)
    assert get(stack, group_api)[1]["X-Cache"] == "HIT"
    assert get(stack, group_list)[1]["X-Cache"] == "HIT"

    browser = playwright.chromium.launch(
        executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
    )
    try:
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        page = context.new_page()
        phone = SimpleNamespace(bin_key=bytes.fromhex(demo["key"]), step=30, t0=0, digits=6, drift=0)
        base = stack.cache.url
        sign_in(page, base, "moira", PASSWORD, phone=phone)
        delays = {}

        # A page: the group's new name, published.
        new_title = group["title"] + " (renamed)"
        page.goto(f"{base}/admin/pages/{group['id']}/edit/")
        page.locator("#id_title").fill(new_title)
        publish = page.locator('button[name="action-publish"]')
        if not publish.is_visible():
            page.get_by_role("button", name="More actions").click()
        publish.click()
        page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
        saved = time.monotonic()
        delays["page published: its API entry"] = fresh_within(stack, group_api, new_title, saved)
        delays["page published: a query-string variant"] = fresh_within(stack, group_list, new_title, saved)
        for path in (group["url"], "/support-groups/"):
            delays[f"page published: {path}"] = fresh_within(stack, path, new_title, saved)

        # A snippet: the topic's new name, on the group that has it.
        new_name = topic["name"] + " and more"
        page.goto(f"{base}/admin/snippets/home/topic/edit/{topic['id']}/")
        page.locator("#id_name").fill(new_name)
        page.get_by_role("button", name="Save").first.click()
        page.wait_for_url(re.compile(r"/admin/snippets/home/topic/$"))
        saved = time.monotonic()
        delays["topic renamed: the group's API entry"] = fresh_within(stack, group_api, new_name, saved)

        # A site setting: the practice's phone, on every page.
        new_phone = "(828) 555-0199"
        page.goto(f"{base}/admin/settings/home/sitesettings/")
        page.locator("#id_phone").fill(new_phone)
        page.get_by_role("button", name="Save").first.click()
        page.wait_for_load_state()
        saved = time.monotonic()
        delays["setting saved: its API"] = fresh_within(stack, "/api/v3/site-settings/", new_phone, saved)
        delays["setting saved: /"] = fresh_within(stack, "/", new_phone, saved)

        # The staff's own pages through Varnish: never stored, never given to anyone else.
        cookies = "; ".join(f"{c['name']}={c['value']}" for c in context.cookies())
        assert "sessionid=" in cookies
        private_paths = ["/", group["url"], "/admin/", "/admin/groups/joinrequest/", group_api]
        for path in private_paths:
            for _ in range(2):
                headers = get(stack, path, {"Cookie": cookies})[1]
                assert headers["X-Cache"] == "MISS", path
        assert b"userbar" in get(stack, "/", {"Cookie": cookies})[2]
        anonymous = get(stack, "/")[2]
        assert b"userbar" not in anonymous
        assert b"moira" not in anonymous
        assert get(stack, "/admin/groups/joinrequest/")[0] == 302
        context.close()
    finally:
        browser.close()

    with capsys.disabled():
        for what, seconds in delays.items():
            print(f"\n  through Varnish {seconds:.2f} s after the admin saved: {what}", end="")
