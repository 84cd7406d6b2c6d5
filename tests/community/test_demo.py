"""The community demo content: enough to show the feature, marked as demo, and benchmarkable."""

import re
from http import HTTPStatus

import pytest

from community import demo
from community.models import CommunityIndexPage, CommunityPage, CommunityResource, CrisisResource

pytestmark = pytest.mark.django_db

REAL_PUBLIC_NUMBERS = {"988", "1-800-662-4357"}


@pytest.fixture
def loaded(demo_site):
    return demo_site


def test_demo_has_an_index_and_community_pages_with_resources(loaded):
    index = CommunityIndexPage.objects.get()
    assert index.title == "Asheville community" and index.show_in_menus and index.live
    pages = CommunityPage.objects.child_of(index).live()
    assert pages.count() >= 5
    for page in pages:
        assert page.resources.count() >= 3, page.title
        assert page.area is not None and page.topics.exists(), page.title


def test_demo_organizations_and_numbers_are_fictional_and_say_so(loaded):
    for resource in CommunityResource.objects.all():
        if resource.phone and resource.phone not in REAL_PUBLIC_NUMBERS:
            assert re.fullmatch(r"\(828\) 555-01\d\d", resource.phone), resource.phone
        if "(demo)" in resource.organization:
            assert "Demo listing" in resource.offers, resource.organization
        if resource.street_address:
            assert "(demo address)" in resource.street_address, resource.street_address
        if resource.website and "(demo)" in resource.organization:
            assert ".example.org" in resource.website


def test_demo_crisis_help_is_fictional_says_so_and_shows_on_pages_and_get_help_now(loaded, client):
    services = list(CrisisResource.objects.select_related("area"))
    assert {service.area.slug for service in services} == {"buncombe-county", "asheville"}
    assert {service.kind for service in services} >= {"crisis_line", "mobile_crisis", "walk_in", "urgent_care"}
    for service in services:
        assert service.name.endswith("(demo)") and "Demo listing" in service.description, service.name
        assert re.fullmatch(r"\(828\) 555-01\d\d", service.phone), service.phone
        if service.street_address:
            assert "(demo address)" in service.street_address
    page = CommunityPage.objects.live().filter(area__slug="west-asheville").first()
    html = client.get(page.url).content.decode()
    assert "Crisis help around here" in html and "Haywood Behavioral Health Urgent Care (demo)" in html
    help_page = client.get("/get-help-now/").content.decode()
    assert all(service.name in help_page for service in services)


def test_multiply_adds_community_pages_until_there_are_factor_times_as_many(loaded):
    before = CommunityPage.objects.count()
    demo.multiply(3, log=lambda message: None)
    assert CommunityPage.objects.count() == 3 * before
    demo.multiply(3, log=lambda message: None)
    assert CommunityPage.objects.count() == 3 * before


def test_bench_urls_answer(client, loaded):
    for label, url in demo.bench_urls():
        assert client.get(url).status_code == HTTPStatus.OK, (label, url)
