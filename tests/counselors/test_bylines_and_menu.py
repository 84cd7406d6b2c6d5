"""A name on an article or a group links to the counselor page; the counselors and services are in the menu."""

import datetime
from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog.factories import ArticleIndexPageFactory, ArticlePageFactory
from counselors.factories import CounselorPageFactory, ServiceIndexPageFactory
from groups.factories import MeetingRuleFactory, SupportGroupIndexPageFactory, SupportGroupPageFactory
from groups.models import GroupFacilitator
from groups.schedule import now_local
from home.factories import PersonFactory

pytestmark = pytest.mark.django_db


def links_to(html, url):
    return [a.get_text(strip=True) for a in BeautifulSoup(html, "html.parser").select(f'main a[href="{url}"]')]


def test_an_articles_byline_and_author_note_link_to_the_counselor_page(client, counselors, site_root):
    articles = ArticleIndexPageFactory(parent=site_root, slug="articles")
    stranger = PersonFactory(name="Casey Guest")
    ArticlePageFactory(parent=articles, slug="grief", people=[counselors["jordan"].person, stranger])
    response = client.get("/articles/grief/")
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert links_to(html, "/our-counselors/jordan/") == ["Jordan Reyes", "Jordan Reyes, LCSW"]  # byline, then the note
    assert "Casey Guest" in html and not BeautifulSoup(html, "html.parser").select("main a:-soup-contains('Casey')")


def test_a_groups_facilitator_links_to_the_counselor_page(client, counselors, site_root):
    finder = SupportGroupIndexPageFactory(parent=site_root, slug="support-groups")
    group = SupportGroupPageFactory(parent=finder, slug="grief-circle")
    MeetingRuleFactory(page=group, weekday=1, first_date=now_local().date() - datetime.timedelta(days=7))
    GroupFacilitator.objects.create(page=group, person=counselors["ana"].person)
    GroupFacilitator.objects.create(page=group, person=PersonFactory(name="Robin Peer"))
    html = client.get("/support-groups/grief-circle/").content.decode()
    assert links_to(html, "/our-counselors/ana/") == ["Ana Ruiz, LCMHC"]
    assert "Robin Peer" in html


def test_an_unpublished_counselor_page_is_not_linked(client, counselors, site_root):
    counselors["jordan"].unpublish()
    articles = ArticleIndexPageFactory(parent=site_root, slug="articles")
    ArticlePageFactory(parent=articles, slug="grief", people=[counselors["jordan"].person])
    assert links_to(client.get("/articles/grief/").content.decode(), "/our-counselors/jordan/") == []


def test_bylines_cost_no_query_per_author(client, counselors, counselor_index, site_root):
    articles = ArticleIndexPageFactory(parent=site_root, slug="articles")
    one = ArticlePageFactory(parent=articles, slug="one", people=[counselors["jordan"].person])
    many = [CounselorPageFactory(parent=counselor_index).person for _ in range(4)]
    ArticlePageFactory(parent=articles, slug="many", people=[counselors["jordan"].person, *many])

    def count(url):
        for _ in range(2):
            client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == HTTPStatus.OK
        return len(captured)

    assert count("/articles/many/") == count(one.url)
    assert len(links_to(client.get("/articles/many/").content.decode(), many[0].counselor_pages.get().url)) == 2


def test_our_counselors_and_the_services_are_in_the_main_menu(client, counselor_index, site_root):
    counselor_index.show_in_menus = True
    counselor_index.save_revision().publish()
    ServiceIndexPageFactory(parent=site_root, slug="counseling-services", show_in_menus=True)
    soup = BeautifulSoup(client.get("/counseling-services/").content, "html.parser")
    menu = {a.get_text(strip=True): a for a in soup.select(".main-nav__link")}
    assert menu["Our counselors"]["href"] == "/our-counselors/"
    assert menu["Counseling services"]["aria-current"] == "page"
