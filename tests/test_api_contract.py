"""The API's contract with other apps, on the demo content.

- every page of the site is reachable through both versions, by id and by path;
- anonymous clients read and never write: every v3 write answers 401 without a
  token, and 403 (or a 4xx before it) with a token whose user may not do it;
- drafts, private pages, join requests, requests for a place at an event, messages sent through
  the contact form and user accounts appear in no response of either API, nor in the feeds.
"""

import json
import re
import uuid
from collections import deque
from http import HTTPStatus
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import APIToken, Page, PageViewRestriction, Site, get_page_models
from wagtail.snippets.models import get_snippet_models

from blog.models import ArticlePage, StoryConsent
from counselors.factories import AppointmentRequestFactory
from counselors.models import CounselorPage
from events.factories import EventRegistrationFactory
from events.models import EventPage
from groups.factories import JoinRequestFactory
from groups.models import SupportGroupPage
from home.factories import StandardPageFactory
from home.models import ContactPage, ListingProblem, ListingReport, Person, StandardPage
from tests.staff import sign_in

pytestmark = pytest.mark.django_db


def live_pages(site):
    return list(Page.objects.live().descendant_of(site.root_page, inclusive=True).specific().order_by("path"))


# Every page, by id and by path ------------------------------------------------------------


def test_every_demo_page_is_found_by_path_and_id_on_both_versions(client, demo_site):
    site = Site.objects.get(is_default_site=True)
    pages = live_pages(site)
    assert {type(page) for page in pages} == {model for model in get_page_models() if model is not Page}
    for page in pages:
        path = page.get_url_parts()[2]
        for version in ("v2", "v3"):
            found = client.get(f"/api/{version}/pages/find/", {"html_path": path})
            assert found.status_code == HTTPStatus.FOUND, (version, path)
            assert urlsplit(found["Location"]).path == f"/api/{version}/pages/{page.pk}/"
            detail = client.get(found["Location"])
            assert detail.status_code == HTTPStatus.OK, (version, path, detail.content[:300])
            data = detail.json()
            assert (data["id"], data["meta"]["type"], data["title"]) == (page.pk, page._meta.label, page.title)
            assert data["meta"]["html_url"].endswith(path)
            for field in page.api_fields:
                assert field.name in data, (version, page._meta.label, field.name)
            assert "linktype" not in detail.content.decode()


def test_both_versions_give_the_same_fields_for_every_demo_page(client, demo_site):
    site = Site.objects.get(is_default_site=True)
    for page in live_pages(site):
        v2 = client.get(f"/api/v2/pages/{page.pk}/").json()
        v3 = client.get(f"/api/v3/pages/{page.pk}/").json()
        for field in page.api_fields:
            if field.name in {"form_fields", "resources"}:  # child rows: the same values, v3 without `meta`
                assert [row["label" if field.name == "form_fields" else "organization"] for row in v2[field.name]] == [
                    row["label" if field.name == "form_fields" else "organization"] for row in v3[field.name]
                ]
                continue
            assert v2[field.name] == v3[field.name], (page._meta.label, field.name)


def test_the_benchmark_has_both_versions_list_and_detail_for_every_page_type(client, demo_site):
    from home.management.commands.load_demo_content import demo_modules

    urls = dict(label_url for module in demo_modules() for label_url in getattr(module, "bench_urls", list)())
    for model in get_page_models():
        if model is Page:
            continue
        for kind in ("API v2 list", "API v2 detail", "API v3 list", "API v3 detail"):
            url = urls[f"{kind} {model._meta.label}"]
            assert client.get(url).status_code == HTTPStatus.OK, url


def test_find_by_path_of_a_page_that_is_not_there_is_a_404_on_both_versions(client, demo_site):
    assert client.get("/api/v2/pages/find/", {"html_path": "/no-such-page/"}).status_code == HTTPStatus.NOT_FOUND
    assert client.get("/api/v3/pages/find/", {"html_path": "/no-such-page/"}).status_code == HTTPStatus.NOT_FOUND


# Reading, never writing ----------------------------------------------------------------------

WRITE_METHODS = {"post", "put", "patch", "delete"}


def write_operations(client):
    schema = client.get("/api/v3/openapi.json").json()
    return [
        (method, path)
        for path, operations in schema["paths"].items()
        for method in operations
        if method in WRITE_METHODS
    ]


def fill(path, ids):
    return re.sub(r"\{(\w+)\}", lambda match: str(ids.get(match[1], 1)), path)


@pytest.fixture
def ids(demo_site):
    return {
        "page_id": StandardPage.objects.get(slug="about").pk,
        "type": "home.Person",
        "pk": Person.objects.first().pk,
        "image_id": get_image_model().objects.first().pk,
        "site_id": Site.objects.get(is_default_site=True).pk,
        "redirect_id": Redirect.objects.create(old_path="/old-about", redirect_link="/about/").pk,
        "document_id": 1,
    }


def snapshot():
    return (
        sorted(Page.objects.values_list("pk", "title", "live", "path")),
        Person.objects.count(),
        get_image_model().objects.count(),
        Site.objects.count(),
        Redirect.objects.count(),
    )


def test_every_v3_write_needs_a_token(client, ids):
    operations = write_operations(client)
    kinds = {path.split("/")[3] for _method, path in operations}
    assert {"pages", "snippets", "images", "documents", "sites", "redirects"} <= kinds
    before = snapshot()
    for method, path in operations:
        response = getattr(client, method)(fill(path, ids), data={}, content_type="application/json")
        assert response.status_code == HTTPStatus.UNAUTHORIZED, (method, path, response.status_code)
        assert response["Content-Type"] == "application/problem+json"
    assert snapshot() == before


def test_a_session_cookie_does_not_let_anyone_write_through_v3(client, ids):
    """A logged-in editor's browser session is no token: the v3 API ignores the session."""
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "correct horse battery")
    sign_in(client, admin)
    response = client.delete(f"/api/v3/pages/{ids['page_id']}/")
    assert response.status_code == HTTPStatus.UNAUTHORIZED
    assert StandardPage.objects.filter(pk=ids["page_id"]).exists()


def test_a_token_without_permissions_cannot_write(client, ids):
    user = get_user_model().objects.create_user("reader", "reader@example.org", "correct horse battery")
    _token, plaintext = APIToken.create_token(user=user, name="tests")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}
    before = snapshot()
    statuses = {}
    for method, path in write_operations(client):
        response = getattr(client, method)(fill(path, ids), data={}, content_type="application/json", **auth)
        statuses[(method, path)] = response.status_code
        # Refused: forbidden, or the request was malformed before permissions were even looked at.
        assert response.status_code in {403, 400, 404, 422}, (method, path, response.status_code)
    assert snapshot() == before
    # Each kind of write whose request is well formed without a body is refused as forbidden.
    for kind in ("pages/{page_id}", "snippets/{type}/{pk}", "images/{image_id}", "sites/{site_id}"):
        assert statuses[("delete", f"/api/v3/{kind}/")] == HTTPStatus.FORBIDDEN, kind
    assert statuses[("delete", "/api/v3/redirects/{redirect_id}/")] == HTTPStatus.FORBIDDEN


# Nothing private in any response ----------------------------------------------------------


@pytest.fixture
def secrets(demo_site):
    """Private things on the site, each carrying one unique marker."""
    marker = f"zq{uuid.uuid4().hex[:12]}"
    group = SupportGroupPage.objects.live().first()
    JoinRequestFactory(group=group, name=marker, email=f"{marker}@example.org", note=f"note {marker}")
    ListingReport.objects.create(
        page=group,
        problem=ListingProblem.OTHER,
        resource=marker,
        note=f"note {marker}",
        contact=f"{marker}@example.org",
    )
    EventRegistrationFactory(
        event=EventPage.objects.live().filter(registration="form").first(),
        name=marker,
        email=f"{marker}@example.org",
        note=f"note {marker}",
    )
    contact = ContactPage.objects.live().first()
    FormSubmission.objects.create(page=contact, form_data={"your_name": marker, "message": f"message {marker}"})
    AppointmentRequestFactory(
        name=marker,
        email=f"{marker}@example.org",
        help_with=f"help {marker}",
        counselor=CounselorPage.objects.live().first(),
    )
    get_user_model().objects.create_user(marker, f"{marker}@example.org", "correct horse battery", first_name=marker)
    home = demo_site
    StandardPageFactory(parent=home, slug=f"draft-{marker}", title=f"Draft {marker}", live=False)
    private = StandardPageFactory(parent=home, slug=f"private-{marker}", title=f"Private {marker}")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password=marker)
    # The consent record of a live member's story (the demo's), as staff keep it.
    assert StoryConsent.objects.filter(story__live=True).update(given_by=marker, how_given=f"form {marker}")
    article = ArticlePage.objects.live().first()
    article.title = f"Unpublished change {marker}"
    article.save_revision()  # a draft revision of a live article, never published
    return marker


def api_urls_in(data):
    """The API and feed URLs a JSON answer points to (detail_url, html_url, next pages …)."""
    text = json.dumps(data)
    for url in re.findall(r'"(https?://testserver/[^"]+|/api/[^"]+)"', text):
        path = urlsplit(url)
        if path.path.startswith(("/api/", "/groups/")) or path.path.endswith("/feed/"):
            yield path.path + (f"?{path.query}" if path.query else "")


def crawl_start(client):
    snippet_types = [model._meta.label for model in get_snippet_models()]
    page_types = [model._meta.label for model in get_page_models() if model is not Page]
    pages = list(Page.objects.values_list("pk", flat=True))  # every page, drafts and private ones included
    starts = [
        "/api/v2/pages/?limit=50",
        "/api/v2/pages/?limit=50&fields=*",
        "/api/v2/pages/?search=" + "support",
        "/api/v2/images/?limit=50&fields=*",
        "/api/v2/documents/?limit=50&fields=*",
        "/api/v2/site-settings/",
        "/api/v3/pages/?limit=50",
        "/api/v3/images/",
        "/api/v3/documents/",
        "/api/v3/redirects/",
        "/api/v3/sites/",
        "/api/v3/whoami/",
        "/api/v3/schema/",
        "/api/v3/site-settings/",
        "/api/v3/openapi.json",
        "/api/v3/docs/",
        "/articles/feed/",
        "/groups/calendar.ics",
        "/groups/meetings.json",
        "/events/calendar.ics",
    ]
    starts += [f"/events/{pk}/calendar.ics" for pk in EventPage.objects.values_list("pk", flat=True)]
    starts += [f"/api/v2/pages/?type={label}&fields=*&limit=50" for label in page_types]
    starts += [f"/api/v3/pages/?type={label}&limit=50" for label in page_types]
    starts += [f"/api/v3/schema/{label}/" for label in page_types + snippet_types]
    starts += [f"/api/v3/snippets/{label}/" for label in snippet_types]
    for pk in pages:
        starts += [
            f"/api/v2/pages/{pk}/?fields=*",
            f"/api/v3/pages/{pk}/",
            f"/api/v3/pages/{pk}/?version=draft",
            f"/api/v3/pages/{pk}/revisions/",
            f"/groups/{pk}/calendar.ics",
        ]
    starts += ["/api/hsds/", *hsds_entries(client, "services"), *hsds_entries(client, "organizations")]
    starts += [f"/api/hsds/locations?per_page=50&page={number}" for number in (1, 2)]
    return starts


def hsds_entries(client, kind):
    """Every page of an HSDS list and every entry on them (HSDS gives ids, not URLs, to follow)."""
    paths, number, last = [], 1, False
    while not last:
        path = f"/api/hsds/{kind}?per_page=50&page={number}"
        data = client.get(path).json()
        paths += [path, *(f"/api/hsds/{kind}/{item['id']}" for item in data["contents"])]
        number, last = number + 1, data["last_page"]
    return paths


def test_nothing_private_appears_in_any_api_response_or_feed(client, secrets):
    seen, queue, statuses = set(), deque(crawl_start(client)), {}
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        statuses[url] = response.status_code
        assert response.status_code < HTTPStatus.INTERNAL_SERVER_ERROR, url
        body = response.content.decode()
        assert secrets not in body, url
        if response.status_code == HTTPStatus.OK and "json" in response["Content-Type"]:
            queue.extend(api_urls_in(response.json()))
    assert len(seen) > 150
    # What needs a token says so; the rest was read.
    staff_only = ["/api/v3/sites/", "/api/v3/whoami/", "/api/v3/schema/", "/api/v3/images/"]
    for url in [*staff_only, "/api/v3/snippets/home.Person/"]:
        assert statuses[url] == HTTPStatus.UNAUTHORIZED, url
    assert statuses["/api/v3/redirects/"] == HTTPStatus.OK
    assert any(url.startswith("/api/v2/images/") and url != "/api/v2/images/?limit=50&fields=*" for url in seen)


def test_anonymous_v3_redirects_list_only_where_old_addresses_go(client, demo_site):
    Redirect.objects.create(old_path="/old-groups", redirect_link="/support-groups/")
    data = client.get("/api/v3/redirects/").json()
    (item,) = data["items"]
    assert item["old_path"] == "/old-groups"
    assert not any("user" in key for key in item)


def test_images_give_renditions_never_the_original_file(client, demo_site):
    listing = client.get("/api/v2/images/", {"fields": "*", "limit": 50}).json()
    assert listing["items"]
    for item in listing["items"]:
        assert "download_url" not in item["meta"]
        assert "/original_images/" not in json.dumps(item)
        rendition = item["rendition"]
        assert rendition["url"].startswith("http://testserver/media/images/")
        assert rendition["width"] <= 1600 and rendition["height"] <= 1600 and rendition["alt"]
    image = get_image_model().objects.first()
    detail = client.get(f"/api/v2/images/{image.pk}/").json()
    assert "download_url" not in detail["meta"] and detail["rendition"]["alt"] == image.description
    assert client.get("/api/v3/images/").status_code == HTTPStatus.UNAUTHORIZED
    assert client.get(f"/api/v3/images/{image.pk}/").status_code == HTTPStatus.UNAUTHORIZED


def _untyped(schema, defs, seen=()):
    """Paths inside a JSON schema that say nothing of their type (`{}`, Any)."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return [] if name in seen else _untyped(defs[name], defs, (*seen, name))
    keys = set(schema) - {"title", "description", "default"}
    if not keys:
        return ["(any)"]
    found = []
    for option in schema.get("anyOf", []) + schema.get("oneOf", []):
        found += _untyped(option, defs, seen)
    if "items" in schema:
        found += _untyped(schema["items"], defs, seen)
    for name, prop in schema.get("properties", {}).items():
        found += [f"{name}.{path}" for path in _untyped(prop, defs, seen)]
    return found


def test_api_v3_types_every_field_of_every_page_type(client, db):
    staff = get_user_model().objects.create_user("staff", "staff@example.org", "correct horse battery", is_staff=True)
    _token, plaintext = APIToken.create_token(user=staff, name="tests")
    for model in get_page_models():
        if model is Page:
            continue
        response = client.get(f"/api/v3/schema/{model._meta.label}/", HTTP_AUTHORIZATION=f"Bearer {plaintext}")
        assert response.status_code == HTTPStatus.OK
        read = response.json()["read"]
        for field in model.api_fields:
            assert field.name in read["properties"], (model._meta.label, field.name)
            untyped = _untyped(read["properties"][field.name], read.get("$defs", {}))
            assert not untyped, (model._meta.label, field.name, untyped)
