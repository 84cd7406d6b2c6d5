"""The event page, What's on and the sitemap: the same number of queries with 1 or 10 leaders or events."""

import datetime
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.factories import EventLeaderFactory
from home.factories import ImageFactory, PersonFactory

pytestmark = pytest.mark.django_db


def warm_queries(client, url):
    for _ in range(2):
        client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    return len(context.captured_queries)


def add_leaders(event, count):
    for _ in range(count):
        EventLeaderFactory(page=event, person=PersonFactory(photo=ImageFactory()))


def test_event_page_flat_with_more_leaders(client, make_event):
    one, ten = make_event(slug="one"), make_event(slug="ten")
    add_leaders(one, 1)
    add_leaders(ten, 10)
    assert warm_queries(client, ten.url) == warm_queries(client, one.url)


def test_index_and_sitemap_flat_with_more_events(client, make_event, events_index, past_event_dates):
    make_event(image=ImageFactory())
    make_event(dates=past_event_dates)
    before = {url: warm_queries(client, url) for url in (events_index.url, "/sitemap.xml")}
    for _ in range(9):
        make_event(image=ImageFactory())
        make_event(dates=past_event_dates)
    after = {url: warm_queries(client, url) for url in (events_index.url, "/sitemap.xml")}
    assert after == before


@pytest.fixture
def past_event_dates():
    now = timezone.now().replace(microsecond=0)
    return [(now - datetime.timedelta(days=3), now - datetime.timedelta(days=3, hours=-1))]
