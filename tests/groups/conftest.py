"""Fixtures for the support groups: a finder under the test site, and groups with schedules."""

import datetime

import pytest

from groups.factories import MeetingRuleFactory, SupportGroupIndexPageFactory, SupportGroupPageFactory
from groups.schedule import now_local


@pytest.fixture
def finder(site_root):
    return SupportGroupIndexPageFactory(parent=site_root, title="Support groups", slug="support-groups")


@pytest.fixture
def make_group(finder):
    """A published group under the finder with one weekly rule (or the `rules` given)."""

    def make(rules=None, topics=None, **fields):
        group = SupportGroupPageFactory(parent=finder, topics=topics, **fields)
        for rule in rules if rules is not None else [{}]:
            values = {"weekday": 1, "first_date": now_local().date() - datetime.timedelta(days=30)}
            values.update(rule)
            MeetingRuleFactory(page=group, **values)
        return type(group).objects.get(pk=group.pk)

    return make
