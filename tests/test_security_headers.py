"""Security headers on every kind of response, and the grade Mozilla's HTTP Observatory would give them."""

import base64
import hashlib
import importlib
import re
import sys

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Page, get_page_models

from blog.factories import ArticleIndexPageFactory, ArticlePageFactory
from home.factories import ContactPageFactory, StandardPageFactory
from tests import observatory

pytestmark = pytest.mark.django_db

UNSAFE = {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'"}


def csp(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    header = response.get("Content-Security-Policy")
    assert header, f"no Content-Security-Policy on {response.request['PATH_INFO']}"
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name.lower()] = sources
    return directives


def public_page_urls():
    """One live, public page of each page type, as the demo site has them."""
    urls = {}
    for model in get_page_models():
        if model is Page:
            continue
        page = model.objects.live().public().order_by("path").first()
        if page is not None:
            urls[model.__name__] = page.url
    return urls


def inline_script_hash(text):
    """How CSP names an inline script: its SHA-256, in base64."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def assert_strict_public_policy(response):
    """The public pages' policy: nothing but the site's own files, inline scripts only by their hash."""
    policy = csp(response)
    body = response.content.decode()
    assert policy["default-src"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert not UNSAFE & {source for sources in policy.values() for source in sources}
    assert policy["script-src"][0] == "'self'"
    # No nonce, so one copy of the page serves every visitor (home/http_cache.py); every inline
    # script that runs is allowed by its hash (data blocks such as JSON-LD run nothing);
    # no element has a style attribute or an inline event handler.
    assert not [source for source in policy["script-src"] if source.startswith("'nonce-")]
    assert "nonce=" not in body
    for tag, text in re.findall(r"(<script\b[^>]*>)(.*?)</script>", body, flags=re.S):
        runs = not re.search(r'type="application/(?:ld\+)?json"', tag)
        assert "src=" in tag or not runs or inline_script_hash(text) in policy["script-src"], tag
    assert not re.search(r"<[^>]+\sstyle=", body)
    assert not re.search(r"<[^>]+\son[a-z]+=", body)
    return policy


def test_every_page_type_gets_the_strict_policy_and_hashes_its_inline_scripts(client, demo_site):
    urls = public_page_urls()
    assert len(urls) >= 9
    for url in [*urls.values(), "/search/?query=grief", "/no-such-page/"]:
        response = client.get(url)
        assert response.status_code in {200, 404}, url
        policy = assert_strict_public_policy(response)
        assert "frame-src" not in policy, url  # no embed on these pages: no frames at all


def test_the_inline_script_in_the_base_template_is_the_one_its_hash_allows():
    """Change the script in templates/base.html and this fails until INLINE_SCRIPT_HASHES follows it."""
    template = (settings.BASE_DIR / "templates" / "base.html").read_text()
    tags = re.findall(r"(<script\b[^>]*>)(.*?)</script>", template, flags=re.S)
    expected = [inline_script_hash(text) for tag, text in tags if "src=" not in tag]
    assert expected, "no inline script in templates/base.html: drop INLINE_SCRIPT_HASHES"
    assert expected == settings.INLINE_SCRIPT_HASHES, f"set INLINE_SCRIPT_HASHES = {expected}"
    assert settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["script-src"][1:] == expected


def test_the_policy_is_the_same_for_every_visitor(client, demo_site):
    """No per-request nonce: two answers for the same page carry the same policy."""
    first, second = (client.get("/")["Content-Security-Policy"] for _ in range(2))
    assert first == second


def test_a_page_with_a_video_may_frame_that_player_and_nothing_else(client, site_root):
    page = StandardPageFactory(
        parent=site_root,
        slug="video",
        body=[{"type": "embed", "value": {"embed": "https://www.youtube.com/watch?v=demo", "title": "Breathing"}}],
    )
    response = client.get(page.url)
    policy = assert_strict_public_policy(response)
    assert policy["frame-src"] == ["https://www.youtube-nocookie.com"]
    # The player waits in a <template> until the visitor presses play, without Wagtail's styled wrapper.
    assert '<template data-embed-template><iframe src="https://www.youtube-nocookie.com/embed/demo"' in (
        response.content.decode()
    )


def test_an_article_body_from_the_cache_still_lets_its_player_in(client, site_root):
    """An article's body is kept as rendered (home/templatetags/site_tags.py): the player it holds is
    allowed by the policy of every answer, not only of the one that rendered it."""
    index = ArticleIndexPageFactory(parent=site_root, slug="articles")
    article = ArticlePageFactory(parent=index, slug="video")
    article.body = [{"type": "embed", "value": {"embed": "https://www.youtube.com/watch?v=demo", "title": "Breathing"}}]
    article.save_revision().publish()
    for _ in range(2):
        response = client.get(article.url)
        assert 'iframe src="https://www.youtube-nocookie.com/embed/demo"' in response.content.decode()
        assert assert_strict_public_policy(response)["frame-src"] == ["https://www.youtube-nocookie.com"]


@pytest.mark.parametrize(
    "url", ["/api/v2/pages/", "/api/v3/pages/", "/api/v3/openapi.json", "/groups/meetings.json", "/robots.txt"]
)
def test_api_and_feeds_get_the_public_policy(client, site_root, url):
    policy = csp(client.get(url))
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"][0] == "'self'"
    assert not UNSAFE & set(policy["script-src"])
    assert policy["frame-ancestors"] == ["'none'"]


def test_api_docs_use_the_sites_own_copy_of_swagger_ui(client):
    response = client.get("/api/v3/docs/")
    body = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', body)
    assert "/static/ninja/swagger-ui-bundle.js" in sources
    assert [source for source in sources if not source.startswith("/")] == []
    policy = csp(response)
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["script-src"]


@pytest.mark.parametrize("url", ["/admin/", "/admin/pages/", "/django-admin/"])
def test_the_admin_has_its_own_policy_and_only_the_admin(admin_client, site_root, url):
    policy = csp(admin_client.get(url, follow=True))
    assert policy["default-src"] == ["'none'"]
    # Wagtail's templates write inline scripts and style attributes: allowed here, and only here.
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]  # the page editor's preview panel
    assert policy["object-src"] == ["'none'"]
    assert_strict_public_policy(admin_client.get("/"))  # the same editor, on the site: the strict policy


def test_images_from_a_media_host_are_allowed_where_the_storage_serves_them(client, site_root, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.InMemoryStorage",
            "OPTIONS": {"base_url": "https://media.resilientmind.example/uploads/"},
        },
    }
    assert csp(client.get("/"))["img-src"] == ["'self'", "https://media.resilientmind.example"]
    assert "https://media.resilientmind.example" in csp(client.get("/admin/login/"))["img-src"]


@pytest.mark.parametrize("url", ["/", "/search/?query=grief", "/api/v2/pages/", "/admin/login/", "/static/js/site.js"])
def test_permissions_policy_refuses_the_features_nothing_uses(client, site_root, url):
    policy = dict(item.strip().split("=", 1) for item in client.get(url)["Permissions-Policy"].split(","))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "interest-cohort", "browsing-topics"):
        assert policy[feature] == "()", feature
    # A video's player may still go full screen once the visitor plays it.
    assert "fullscreen" not in policy


# Mozilla HTTP Observatory ------------------------------------------------------------------------

HEADER_SETTINGS = ("SECURE_", "SESSION_COOKIE_", "CSRF_COOKIE_", "CONTENT_SECURITY_POLICY", "PERMISSIONS_POLICY")
HEADER_SETTINGS += ("X_FRAME_OPTIONS", "CORS_", "MIDDLEWARE")


@pytest.fixture
def production_headers(settings, monkeypatch):
    """The settings that shape headers, as config.settings.production makes them with its defaults."""
    monkeypatch.setenv("SECRET_KEY", "observatory-test-key-" + "x" * 40)
    monkeypatch.setenv("ALLOWED_HOSTS", "testserver")
    monkeypatch.delitem(sys.modules, "config.settings.production", raising=False)
    production = importlib.import_module("config.settings.production")
    monkeypatch.delitem(sys.modules, "config.settings.production")
    for name in dir(production):
        if name.startswith(HEADER_SETTINGS):
            setattr(settings, name, getattr(production, name))
    return production


def observatory_results(client, path, host="testserver"):
    """What each of the Observatory's tests finds on `path`, fetched as it fetches it."""
    plain = client.get(path)
    response = client.get(path, secure=True)
    assert response.status_code == 200, path
    foreign = client.get(path, secure=True, headers={"origin": "https://attacker.example"})
    headers = {name.lower(): value for name, value in response.headers.items()}
    return [
        observatory.content_security_policy(headers),
        observatory.cookies(dict(response.cookies)),
        observatory.cors({k.lower(): v for k, v in foreign.headers.items()}, "https://attacker.example"),
        observatory.redirection(plain.status_code, plain.get("Location"), host),
        observatory.referrer_policy(headers),
        observatory.strict_transport_security(headers),
        observatory.subresource_integrity(response.content.decode(), host),
        observatory.x_content_type_options(headers),
        observatory.x_frame_options(headers),
        observatory.cross_origin_resource_policy(headers),
    ]


def test_the_home_page_gets_an_a_plus_under_production_settings(client, site_root, production_headers):
    results = observatory_results(client, "/")
    assert [result for result in results if result[1] < 0] == []
    assert dict(results) == {
        "csp-implemented-with-no-unsafe-default-src-none": 10,
        "cookies-not-found": 0,  # readers get no cookies
        "cross-origin-resource-sharing-not-implemented": 0,
        "redirection-to-https": 0,
        "referrer-policy-private": 5,
        "hsts-implemented-max-age-at-least-six-months": 0,  # preloading is for the operator to submit
        "sri-not-implemented-but-all-scripts-loaded-from-secure-origin": 0,  # no third-party script at all
        "x-content-type-options-nosniff": 0,
        "x-frame-options-implemented-via-csp": 5,
        "corp-not-implemented": 0,
    }
    assert observatory.grade(results) == (120, "A+")
    assert "upgrade-insecure-requests" in csp(client.get("/", secure=True))


def test_a_page_with_a_form_gets_an_a_plus_with_its_cookie(client, site_root, production_headers):
    contact = ContactPageFactory(parent=site_root, slug="contact")
    results = observatory_results(client, contact.url)
    assert dict(results)["cookies-secure-with-httponly-sessions-and-samesite"] == 5
    cookie = client.get(contact.url, secure=True).cookies["__Host-csrftoken"]
    assert cookie["secure"] and cookie["path"] == "/" and not cookie["domain"] and cookie["samesite"] == "Lax"
    assert observatory.grade(results) == (125, "A+")


def test_the_session_cookie_is_secure_httponly_lax_and_host_only(client, production_headers):
    get_user_model().objects.create_user("ed", "ed@example.com", "a-long-test-password")
    client.get("/admin/login/", secure=True)
    client.post(
        "/admin/login/",
        {"username": "ed", "password": "a-long-test-password"},
        secure=True,
        headers={"x-csrftoken": client.cookies["__Host-csrftoken"].value},
    )
    session = client.cookies["__Host-sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax" and session["path"] == "/"
    assert observatory.cookies({"__Host-sessionid": session})[1] >= 0


def test_the_grade_falls_without_the_policy():
    """The scoring can fail: the site as it was, without CSP, scores a B."""
    headers = {
        "referrer-policy": "same-origin",
        "strict-transport-security": "max-age=31536000; includeSubDomains; preload",
        "x-content-type-options": "nosniff",
        "x-frame-options": "DENY",
    }
    results = [
        observatory.content_security_policy(headers),
        observatory.referrer_policy(headers),
        observatory.strict_transport_security(headers),
        observatory.x_frame_options(headers),
    ]
    assert observatory.grade(results) == (75, "B")
    unsafe = {**headers, "content-security-policy": "default-src 'self'; script-src 'self' 'unsafe-inline'"}
    assert observatory.content_security_policy(unsafe) == ("csp-implemented-with-unsafe-inline", -20)
    styles = {**headers, "content-security-policy": "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'"}
    assert observatory.content_security_policy(styles)[1] == 0
    insecure_cookie = {"sessionid": {"secure": False, "httponly": True, "samesite": "Lax"}}
    assert observatory.cookies(insecure_cookie) == ("cookies-session-without-secure-flag", -40)
