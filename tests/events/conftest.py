"""Fixtures for events: the index under the home page and a helper that makes an event with its dates."""

import datetime

import pytest

from events.factories import EventDateFactory, EventIndexPageFactory, EventPageFactory
from events.models import EventPage
from home.local_time import TIMEZONE


def local(year, month, day, hour=0, minute=0):
    """An aware datetime in Asheville's time."""
    return datetime.datetime(year, month, day, hour, minute, tzinfo=TIMEZONE)


@pytest.fixture
def events_index(site_root):
    return EventIndexPageFactory(parent=site_root, title="What's on", slug="whats-on")


@pytest.fixture
def make_event(events_index):
    """A published event under the index with the `dates` given as (start, end) pairs (one a week ahead if none)."""

    def make(dates=None, **fields):
        event = EventPageFactory(parent=events_index, **fields)
        if dates is None:
            EventDateFactory(page=event)
        for start, end in dates or []:
            EventDateFactory(page=event, start=start, end=end)
        return EventPage.objects.get(pk=event.pk)

    return make
