"""sitemap.xml and robots.txt."""

from http import HTTPStatus
from xml.etree import ElementTree

import pytest
from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_sitemap_lists_live_public_pages_with_absolute_urls(client, site_root):
    StandardPageFactory(parent=site_root, slug="about")
    draft = StandardPageFactory(parent=site_root, slug="draft")
    draft.unpublish()
    private = StandardPageFactory(parent=site_root, slug="private")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")

    response = client.get("/sitemap.xml")

    assert response.status_code == HTTPStatus.OK
    locations = {loc.text for loc in ElementTree.fromstring(response.content).findall(".//sm:loc", SITEMAP_NS)}
    assert locations == {"http://localhost/", "http://localhost/about/"}


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_admin(client, site_root):
    response = client.get("/robots.txt")
    body = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body
