"""home/routing.py finds a page in two queries and always the page Wagtail's own walk finds."""

from http import HTTPStatus

import pytest
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from blog.factories import ArticleIndexPageFactory, ArticlePageFactory
from home import routing
from home.factories import StandardPageFactory


def wagtail_route(site, path):
    try:
        result = site.root_page.specific.route(RequestFactory().get(path), [part for part in path.split("/") if part])
    except Http404:
        return None
    return result.page.pk, [getattr(arg, "__name__", arg) for arg in result.args[:1]], result.kwargs


def our_route(site, path):
    try:
        result = routing.route(RequestFactory().get(path), site, path)
    except Http404:
        return None
    return result.page.pk, [getattr(arg, "__name__", arg) for arg in result.args[:1]], result.kwargs


def addresses(site):
    """Every page of the site, the routes below its pages, and addresses that lead nowhere."""
    found = []
    for page in Page.objects.descendant_of(site.root_page, inclusive=True).specific():
        path = page.url_path.removeprefix(site.root_page.url_path)
        found += [f"/{path}", f"/{path}no-such-page/", f"/{path}feed/", f"/{path}join/", f"/{path}thank-you/"]
    return found


@pytest.mark.django_db
def test_every_address_of_the_demo_site_goes_where_wagtail_would_send_it(demo_site):
    site = Site.objects.get(is_default_site=True)
    paths = addresses(site)
    assert len(paths) > 100
    assert {path: our_route(site, path) for path in paths} == {path: wagtail_route(site, path) for path in paths}
    assert our_route(site, "/support-groups/no-such-group/join/") is None


@pytest.mark.django_db
def test_a_route_of_a_page_on_the_way_wins_over_a_child_of_the_same_name(site_root):
    """An index's feed/ is its own route: an article with the slug `feed` cannot take it (as in Wagtail)."""
    index = ArticleIndexPageFactory(parent=site_root, slug="articles")
    ArticlePageFactory(parent=index, slug="feed")
    ArticlePageFactory(parent=index, slug="other")
    site = Site.objects.get(is_default_site=True)
    for path in ("/articles/feed/", "/articles/other/", "/articles/"):
        assert our_route(site, path) == wagtail_route(site, path)
    assert our_route(site, "/articles/feed/")[0] == index.pk


@pytest.mark.django_db
def test_draft_pages_on_the_way_still_lead_to_their_live_children_and_drafts_are_not_found(site_root):
    section = StandardPageFactory(parent=site_root, slug="section")
    child = StandardPageFactory(parent=section, slug="child")
    section.unpublish()
    site = Site.objects.get(is_default_site=True)
    assert our_route(site, "/section/child/") == wagtail_route(site, "/section/child/") == (child.pk, [], {})
    assert our_route(site, "/section/") is None
    assert wagtail_route(site, "/section/") is None


@pytest.mark.django_db
def test_a_page_is_found_in_two_queries_with_its_parent_and_breadcrumbs_from_them(demo_site):
    site = Site.objects.select_related("root_page").get(is_default_site=True)
    article = Page.objects.get(url_path__endswith="/articles/finding-strength-together/")
    url = article.url
    with CaptureQueriesContext(connection) as context:
        result = routing.route(RequestFactory().get(url), site, url)
        parent = result.page.get_parent()
        trail = result.page.breadcrumb_pages()
    assert len(context.captured_queries) == 2
    assert parent.pk == article.get_parent().pk
    assert [page.pk for page in trail] == [page.pk for page in article.get_ancestors().filter(depth__gt=1)]


@pytest.mark.django_db
def test_the_site_is_read_once_until_content_changes(client, demo_site):
    site = Site.objects.get(is_default_site=True)
    with CaptureQueriesContext(connection) as context:
        for _ in range(2):
            assert client.get("/about/").status_code == HTTPStatus.OK
    # Wagtail's own list of the sites' addresses (kept in the cache by Wagtail) aside: the search by host name.
    site_queries = [query for query in context.captured_queries if '"wagtailcore_site"."hostname" =' in query["sql"]]
    assert len(site_queries) == 1

    site.site_name = "Renamed"
    site.save()
    request = RequestFactory().get("/about/")
    assert routing.cached_site(request).site_name == "Renamed"


@pytest.mark.django_db
def test_a_private_page_still_asks_for_its_password(client, site_root):
    page = StandardPageFactory(parent=site_root, slug="members")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="password", password="pw")
    response = client.get("/members/")
    assert response.status_code == HTTPStatus.OK
    assert f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/" in response.content.decode()
