"""The admin carries the practice's name and logo, and its accessibility checker is on."""

import json
import re
from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.factories import StandardPageFactory
from tests.staff import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def boss_client(client):
    sign_in(client, get_user_model().objects.create_superuser("boss", "boss@example.com", "pw"))
    return client


def axe_configuration(html):
    match = re.search(r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>', html, re.S)
    assert match, "no accessibility checker configuration in the page"
    return json.loads(match.group(1))


def test_the_login_page_names_the_practice(client):
    response = client.get(reverse("wagtailadmin_login"))
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Sign in to Resilient Mind Counseling" in html
    assert "/static/logo.svg" in html
    assert "Sign in to Wagtail" not in html
    assert "<title>" in html and "Resilient Mind Counseling</title>" in html


def test_the_admin_shows_the_practices_name_logo_and_icon(boss_client):
    html = boss_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Resilient Mind Counseling</title>" in html
    assert 'src="/static/logo.svg" alt="Resilient Mind Counseling"' in html
    assert 'href="/static/favicon.svg"' in html
    assert "<h1" in html and "Resilient Mind Counseling" in html


def test_the_user_bar_on_a_public_page_has_the_practices_checker(boss_client, site_root):
    page = StandardPageFactory(parent=site_root, title="About us")
    html = boss_client.get(page.url).content.decode()
    assert 'id="checker-trigger"' in html
    config = axe_configuration(html)
    run_only = config["options"]["runOnly"]
    assert {"heading-order", "empty-heading", "link-name", "alt-text-quality", "image-redundant-alt"} <= set(run_only)
    pattern = next(check for check in config["spec"]["checks"] if check["id"] == "check-image-alt-text")
    assert re.search(pattern["options"]["pattern"], "Image of a trail", re.I)
    assert re.search(pattern["options"]["pattern"], "IMG_0042.jpg", re.I)
    assert not re.search(pattern["options"]["pattern"], "Morning mist over the Blue Ridge", re.I)
    assert "Image alt text needs rewording" in json.dumps(config["messages"])


def test_visitors_get_no_user_bar(client, site_root):
    page = StandardPageFactory(parent=site_root, title="About us")
    assert "checker-axe-configuration" not in client.get(page.url).content.decode()


def test_the_editors_checks_panel_uses_the_practices_checker(boss_client, site_root):
    page = StandardPageFactory(parent=site_root, title="About us")
    html = boss_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'data-side-panel="checks"' in html
    assert "image-redundant-alt" in axe_configuration(html)["options"]["runOnly"]


def test_the_preview_runs_the_practices_checker(boss_client, site_root):
    page = StandardPageFactory(parent=site_root, title="About us")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = nested_form_data(
        {
            "title": "About us, edited",
            "slug": page.slug,
            "intro": "Who we are.",
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    assert boss_client.post(url, data).json()["is_valid"]
    html = boss_client.get(url, {"in_preview_panel": "true"}).content.decode()
    assert "About us, edited" in html
    assert "image-redundant-alt" in axe_configuration(html)["options"]["runOnly"]
