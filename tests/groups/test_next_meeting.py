"""Each group's stored next meeting (groups/next_meetings.py) is right after every kind of change.

Listings sort by the stored value in the database, so it must follow an edited rule, a
cancellation, a paused group and the passing of time; a meeting that has begun is never
shown as the next one.
"""

import datetime
from http import HTTPStatus

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groups import next_meetings
from groups.choices import GroupStatus
from groups.models import CancelledMeeting, MeetingRule, SupportGroupPage
from groups.schedule import TIMEZONE

pytestmark = pytest.mark.django_db

# A Monday morning in Asheville; the group below meets on Tuesdays at 6:30pm.
MONDAY = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=TIMEZONE)
TUESDAY_MEETING = datetime.datetime(2026, 3, 3, 18, 30, tzinfo=TIMEZONE)
WEEK = datetime.timedelta(days=7)


@pytest.fixture
def traveller():
    with time_machine.travel(MONDAY, tick=False) as traveller:
        yield traveller


@pytest.fixture
def group(traveller, make_group):
    return make_group(title="Tuesday circle", rules=[{"weekday": 1, "first_date": datetime.date(2026, 1, 6)}])


def stored(group):
    return SupportGroupPage.objects.values_list("next_meeting_start", flat=True).get(pk=group.pk)


def test_a_new_group_stores_its_next_meeting(group):
    assert stored(group) == TUESDAY_MEETING


def test_a_cancellation_moves_it_to_the_week_after(group):
    CancelledMeeting.objects.create(page=group, date=TUESDAY_MEETING.date())
    assert stored(group) == TUESDAY_MEETING + WEEK
    CancelledMeeting.objects.filter(page=group).get().delete()
    assert stored(group) == TUESDAY_MEETING


def test_a_cancellation_saved_with_the_page_counts(group):
    """As the admin saves: the page and its inline rows together (modelcluster writes them after the page)."""
    group.cancelled_meetings = [CancelledMeeting(date=TUESDAY_MEETING.date())]
    group.save_revision().publish()
    assert stored(group) == TUESDAY_MEETING + WEEK


def test_an_edited_rule_moves_it(group):
    rule = MeetingRule.objects.get(page=group)
    rule.weekday = 3  # Thursday
    rule.save()
    assert stored(group) == TUESDAY_MEETING + datetime.timedelta(days=2)


def test_an_edited_rule_published_from_a_revision_moves_it(group):
    page = SupportGroupPage.objects.get(pk=group.pk)
    rule = page.meeting_rules.get()
    page.meeting_rules = [
        MeetingRule(
            frequency=rule.frequency,
            weekday=4,
            start_time=rule.start_time,
            end_time=rule.end_time,
            first_date=rule.first_date,
        )
    ]
    page.save_revision().publish()
    assert stored(group) == TUESDAY_MEETING + datetime.timedelta(days=3)


def test_a_paused_group_has_none_and_gets_it_back(group):
    group.status = GroupStatus.PAUSED
    group.save_revision().publish()
    assert stored(group) is None
    group.status = GroupStatus.OPEN
    group.save_revision().publish()
    assert stored(group) == TUESDAY_MEETING


def test_once_a_meeting_begins_it_is_not_the_next_one(traveller, group, client):
    traveller.move_to(TUESDAY_MEETING + datetime.timedelta(minutes=1))
    # Before anything refreshes it, the page works it out from the rules.
    assert SupportGroupPage.objects.get(pk=group.pk).next_meeting.start == TUESDAY_MEETING + WEEK
    # The finder refreshes the stale ones it lists before sorting.
    response = client.get(group.get_parent().url)
    assert response.status_code == HTTPStatus.OK
    assert stored(group) == TUESDAY_MEETING + WEEK
    assert "Tuesday, March 10" in response.content.decode()


def test_the_home_page_section_refreshes_what_has_begun(traveller, group, client, site_root):
    traveller.move_to(TUESDAY_MEETING + datetime.timedelta(minutes=1))
    html = client.get(site_root.url).content.decode()
    assert "Tuesday circle" in html and "Tuesday, March 10" in html and "Tuesday, March 3" not in html
    assert stored(group) == TUESDAY_MEETING + WEEK


def test_the_home_page_section_is_kept_until_its_first_meeting_begins(traveller, group, client, site_root):
    """The section's HTML comes from the cache (no query for groups) until the meeting it shows
    first begins; then it shows the next one, with no content changed in between."""
    assert "Tuesday, March 3" in client.get(site_root.url).content.decode()
    with CaptureQueriesContext(connection) as context:
        assert "Tuesday, March 3" in client.get(site_root.url).content.decode()
    assert not any('"groups_supportgrouppage"' in query["sql"] for query in context.captured_queries)

    traveller.move_to(TUESDAY_MEETING + datetime.timedelta(seconds=1))
    html = client.get(site_root.url).content.decode()
    assert "Tuesday, March 10" in html and "Tuesday, March 3" not in html


def test_the_command_refreshes_every_stale_group(traveller, group, make_group):
    other = make_group(title="Wednesday circle", rules=[{"weekday": 2, "first_date": datetime.date(2026, 1, 7)}])
    traveller.move_to(MONDAY + 3 * WEEK)
    assert set(next_meetings.stale_groups().values_list("pk", flat=True)) == {group.pk, other.pk}
    call_command("refresh_next_meetings", verbosity=0)
    assert not next_meetings.stale_groups().exists()
    assert stored(group) == TUESDAY_MEETING + 3 * WEEK
    assert stored(other) == TUESDAY_MEETING + 3 * WEEK + datetime.timedelta(days=1)
