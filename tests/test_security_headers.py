"""Security headers on every kind of response, and the grade Mozilla's HTTP Observatory would give them."""

import re

import pytest
from wagtail.models import Page, get_page_models

from home.factories import StandardPageFactory

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


def assert_strict_public_policy(response):
    """The public pages' policy: nothing but the site's own files, inline scripts only with the nonce."""
    policy = csp(response)
    body = response.content.decode()
    assert policy["default-src"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert not UNSAFE & {source for sources in policy.values() for source in sources}
    nonces = [source for source in policy["script-src"] if source.startswith("'nonce-")]
    assert policy["script-src"][0] == "'self'"
    assert len(nonces) == 1
    nonce = nonces[0].removeprefix("'nonce-").removesuffix("'")
    # Every inline script carries it (data blocks such as the editor's userbar settings run nothing);
    # no element has a style attribute or an inline event handler.
    for tag in re.findall(r"<script\b[^>]*>", body):
        runs = not re.search(r'type="application/(?:ld\+)?json"', tag)
        assert "src=" in tag or not runs or f'nonce="{nonce}"' in tag, tag
    assert not re.search(r"<[^>]+\sstyle=", body)
    assert not re.search(r"<[^>]+\son[a-z]+=", body)
    return policy


def test_every_page_type_gets_the_strict_policy_and_nonces_its_inline_scripts(client, demo_site):
    urls = public_page_urls()
    assert len(urls) >= 9
    for url in [*urls.values(), "/search/?query=grief", "/no-such-page/"]:
        response = client.get(url)
        assert response.status_code in {200, 404}, url
        policy = assert_strict_public_policy(response)
        assert "frame-src" not in policy, url  # no embed on these pages: no frames at all


def test_each_response_has_its_own_nonce(client, demo_site):
    first, second = (csp(client.get("/"))["script-src"] for _ in range(2))
    assert first != second


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
