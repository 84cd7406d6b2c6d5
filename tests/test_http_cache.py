"""What caches may keep (home/http_cache.py): public pages for anonymous visitors, nothing personal.

Public: Cache-Control `public, max-age, s-maxage, stale-while-revalidate`, an ETag with a 304 for a
repeat, no `Vary: Cookie`, gzip when asked. Private (`private`, `no-store`, never gzip): forms with
their CSRF token, the admin, anything for signed-in staff, anything that sets a cookie.
"""

import gzip
from http import HTTPStatus

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import path
from wagtail.models import Page, PageViewRestriction, get_page_models

from community.models import CommunityPage
from config import urls as site_urls
from counselors.models import AppointmentRequestPage
from events.models import EventPage
from groups.models import SupportGroupPage
from home import roles
from home.factories import StandardPageFactory
from home.http_cache import HTTPCacheMiddleware
from home.models import ContactPage
from tests.staff import sign_in, staff_user

pytestmark = pytest.mark.django_db

PUBLIC = "public, max-age=60, s-maxage=300, stale-while-revalidate=60"


def directives(response):
    return {part.strip().split("=")[0] for part in response.get("Cache-Control", "").split(",") if part.strip()}


def vary(response):
    return {field.strip().lower() for field in response.get("Vary", "").split(",") if field.strip()}


def assert_public(response, url):
    assert response.status_code == HTTPStatus.OK, url
    assert {"public", "max-age", "s-maxage", "stale-while-revalidate"} <= directives(response), (url, response)
    assert not directives(response) & {"private", "no-store", "no-cache"}, url
    assert "cookie" not in vary(response), url
    assert not response.cookies, url
    assert response.has_header("ETag"), url


def assert_private(response, url):
    assert {"private", "no-store"} <= directives(response) or {"private", "no-cache"} <= directives(response), (
        url,
        response.get("Cache-Control"),
    )
    assert "public" not in directives(response), url


def public_urls():
    """Every public page type of the demo site, once, and the feeds, sitemap and robots."""
    urls = {}
    for model in get_page_models():
        if model in {Page, ContactPage, AppointmentRequestPage}:  # forms: private (below)
            continue
        page = model.objects.live().public().order_by("path").first()
        if page is not None:
            urls[model.__name__] = page.url
    group = SupportGroupPage.objects.live().first()
    articles = Page.objects.live().filter(url_path__endswith="/articles/").first()
    return [
        *urls.values(),
        "/sitemap.xml",
        "/robots.txt",
        "/support-groups/?topic=grief",
        "/support-groups/print/?topic=grief",
        "/groups/calendar.ics",
        f"/groups/{group.pk}/calendar.ics",
        "/groups/meetings.json",
        *([articles.url + "feed/"] if articles else []),
    ]


def test_every_public_page_type_is_public_with_an_etag_and_a_304_on_a_repeat(client, demo_site):
    urls = public_urls()
    assert len(urls) >= 15
    for url in urls:
        response = client.get(url)
        assert_public(response, url)
        if url not in {"/robots.txt"} and not url.endswith((".ics", ".json", "/feed/")):  # their own max-age
            assert response["Cache-Control"] == PUBLIC, url
        again = client.get(url, headers={"If-None-Match": response["ETag"]})
        assert again.status_code == HTTPStatus.NOT_MODIFIED, url
        assert again["ETag"] == response["ETag"], url
        assert "public" in directives(again), url


def test_head_is_public_and_answers_304_too(client, demo_site):
    group = SupportGroupPage.objects.live().first()
    for url in ["/", group.url]:
        response = client.head(url)
        assert_public(response, url)
        assert client.head(url, headers={"If-None-Match": response["ETag"]}).status_code == HTTPStatus.NOT_MODIFIED


def test_a_changed_page_gets_a_new_etag(client, site_root):
    page = StandardPageFactory(parent=site_root, slug="about", title="About us")
    etag = client.get(page.url)["ETag"]
    page.title = "About the practice"
    page.save_revision().publish()
    response = client.get(page.url, headers={"If-None-Match": etag})
    assert response.status_code == HTTPStatus.OK
    assert response["ETag"] != etag


def test_the_group_page_has_no_form_token_and_sets_no_cookie(client, demo_site):
    group = SupportGroupPage.objects.live().filter(status="open").first()
    response = client.get(group.url)
    assert_public(response, group.url)
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert "Set-Cookie" not in str(response.serialize_headers())
    assert f'href="{group.url}join/"' in html
    assert f'href="{group.url}report/"' in html  # a plain link: the report form has a page of its own


def test_the_community_page_stays_public_with_its_report_link(client, demo_site):
    page = CommunityPage.objects.live().first()
    response = client.get(page.url)
    assert_public(response, page.url)
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert f'href="{page.url}report/"' in html


def test_forms_admin_and_staff_are_private(client, demo_site):
    group = SupportGroupPage.objects.live().filter(status="open").first()
    contact = ContactPage.objects.live().first()
    community_page = CommunityPage.objects.live().first()
    appointment = AppointmentRequestPage.objects.live().first()
    event = EventPage.objects.live().filter(registration="form").first()
    for url in [
        f"{group.url}join/",
        contact.url,
        f"{group.url}report/",
        f"{community_page.url}report/",
        appointment.url,
        f"{appointment.url}?counselor=1",
        f"{event.url}register/",
    ]:
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        assert_private(response, url)
        assert "csrfmiddlewaretoken" in response.content.decode(), url
    assert_private(client.get("/admin/login/"), "/admin/login/")

    sign_in(client, staff_user(roles.EDITORS, "eddie"))
    for url in ["/", group.url, "/support-groups/", "/admin/"]:
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        assert_private(response, url)
        assert "cookie" in vary(response), url


@pytest.mark.parametrize(
    "url",
    ["/search/?query=grief", "/search/", "/?q=grief", "/api/v2/pages/?search=grief", "/api/v3/pages/?search=grief"],
)
def test_what_a_visitor_searches_for_is_kept_by_no_cache(client, demo_site, url):
    """A cache in front that kept a search would tell the next visitor (a hit, its Age) what someone asked."""
    response = client.get(url)
    assert_private(response, url)
    assert "no-store" in directives(response), url


def test_a_document_is_left_to_wagtail_and_never_made_public(rf):
    """A document replaced or deleted (it held what it should not) must not stay downloadable from a cache."""
    middleware = HTTPCacheMiddleware(lambda request: HttpResponse(b"%PDF-1.4 leaflet", content_type="application/pdf"))
    response = middleware(rf.get("/documents/1/leaflet.pdf"))
    assert "public" not in directives(response)


def test_a_visitor_with_a_session_or_messages_cookie_gets_private_pages(demo_site):
    for cookie in ["sessionid", "messages"]:
        client = Client()
        client.cookies[cookie] = "anything"
        assert_private(client.get("/"), cookie)


def test_a_password_protected_page_is_never_public(client, site_root):
    page = StandardPageFactory(parent=site_root, slug="members", title="Members")
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="secret")
    response = client.get(page.url)
    assert_private(response, page.url)
    token = response.content.decode().split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    form_action = response.content.decode().split('<form action="')[1].split('"')[0]
    client.post(form_action, {"csrfmiddlewaretoken": token, "password": "secret", "return_url": page.url})
    response = client.get(page.url)
    assert response.status_code == HTTPStatus.OK
    assert_private(response, page.url)


def test_errors_are_not_public(client, site_root):
    response = client.get("/no-such-page/")
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "public" in directives(response)  # the same for everyone: a cache may keep it
    assert not response.has_header("ETag")
    response = client.post("/", {})
    assert "public" not in directives(response)


def broken(request):
    raise ValueError("a bug")


# The site's own URLs, after a view that fails.
urlpatterns = [path("broken/", broken), *site_urls.urlpatterns]


@pytest.mark.urls("tests.test_http_cache")
def test_a_server_error_is_stored_by_no_cache(site_root):
    response = Client(raise_request_exception=False).get("/broken/")
    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    assert_private(response, "/broken/")


def test_public_pages_and_the_api_are_gzipped_and_forms_are_not(client, demo_site):
    group = SupportGroupPage.objects.live().filter(status="open").first()
    for url in ["/", group.url, "/api/v3/pages/", "/api/v2/pages/"]:
        response = client.get(url, headers={"Accept-Encoding": "gzip"})
        assert response.status_code == HTTPStatus.OK, url
        assert response["Content-Encoding"] == "gzip", url
        assert "accept-encoding" in vary(response), url
        assert gzip.decompress(response.content), url
        plain = client.get(url)
        assert not plain.has_header("Content-Encoding"), url
        # The weak ETag of the compressed copy still answers a 304.
        again = client.get(url, headers={"Accept-Encoding": "gzip", "If-None-Match": response["ETag"]})
        assert again.status_code == HTTPStatus.NOT_MODIFIED, url

    contact = ContactPage.objects.live().first()
    appointment = AppointmentRequestPage.objects.live().first()
    for url in [f"{group.url}join/", contact.url, appointment.url]:
        response = client.get(url, headers={"Accept-Encoding": "gzip"})
        assert response.status_code == HTTPStatus.OK, url
        assert not response.has_header("Content-Encoding"), url
        assert b"csrfmiddlewaretoken" in response.content, url


def test_the_settings_come_from_the_environment(client, site_root, settings):
    settings.HTTP_CACHE_MAX_AGE = 5
    settings.HTTP_CACHE_SHARED_MAX_AGE = 50
    settings.HTTP_CACHE_STALE_SECONDS = 7
    assert client.get("/")["Cache-Control"] == "public, max-age=5, s-maxage=50, stale-while-revalidate=7"
