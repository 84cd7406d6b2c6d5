"""Event pages: the page tree, what editors are told when something is missing, and upcoming or past by local time."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.test.utils import WagtailTestUtils

from events.choices import EventStatus
from events.models import EventIndexPage, EventPage
from groups.choices import Cost, MeetingFormat
from groups.factories import SupportGroupPageFactory
from home.models import HomePage, StandardPage
from tests.events.conftest import local

pytestmark = pytest.mark.django_db


class TestPageTree(WagtailTestUtils):
    def test_index_under_the_home_page_only_and_events_under_the_index(self):
        assert EventIndexPage.parent_page_types == ["home.HomePage"]
        assert EventPage.parent_page_types == ["events.EventIndexPage"]
        assert EventIndexPage.subpage_types == ["events.EventPage"]
        assert EventPage.subpage_types == []

    def test_one_index_per_site(self, events_index):
        assert not EventIndexPage.can_create_at(events_index.get_parent().specific)
        assert not EventPage.can_create_at(events_index.get_parent().specific)
        assert HomePage in EventIndexPage.allowed_parent_page_models()
        assert StandardPage not in EventIndexPage.allowed_parent_page_models()


def test_in_person_needs_a_place_and_online_a_private_link(make_event):
    event = make_event()
    event.venue = None
    event.meeting_point = ""
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "venue" in error.value.message_dict
    event.meeting_point = "The car park at milepost 364"
    event.clean()  # an outing's meeting point is a place
    event.attendance = MeetingFormat.ONLINE
    event.online_meeting_url = ""
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "online_meeting_url" in error.value.message_dict


def test_a_fee_needs_its_amount_and_members_only_needs_a_group(make_event):
    event = make_event()
    event.cost = Cost.FEE
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "fee_amount" in error.value.message_dict
    event.fee_amount = 25
    event.members_only = True
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "members_only" in error.value.message_dict


def test_only_a_postponed_event_has_a_first_planned_date(make_event):
    event = make_event()
    event.previous_start = timezone.now()
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "previous_start" in error.value.message_dict
    event.status = EventStatus.POSTPONED
    event.clean()
    assert event.is_rescheduled


def test_cost_in_words(make_event):
    assert make_event().cost_text == "Free"
    assert make_event(cost=Cost.FEE, fee_amount=25).cost_text == "Fee: $25"
    assert (
        make_event(cost=Cost.SLIDING_SCALE, fee_amount=20, cost_details="$5 to $35").cost_text
        == "Sliding scale, $20 suggested ($5 to $35)"
    )


def test_a_series_is_listed_by_its_next_date_until_its_last_one_ends(make_event):
    now = timezone.now()
    week, two_hours = datetime.timedelta(days=7), datetime.timedelta(hours=2)
    course = make_event(
        dates=[(now + offset, now + offset + two_hours) for offset in (-week, datetime.timedelta(0), week)]
    )
    upcoming = EventPage.objects.upcoming().get(pk=course.pk)
    assert upcoming.next_start == course.date_list[1].start
    assert course.is_series and not course.has_ended
    assert not EventPage.objects.past().filter(pk=course.pk).exists()


@pytest.mark.parametrize("zone_offset", ["est"], ids=["winter-est"])
def test_leaves_the_listing_when_it_ends_by_local_time_not_the_utc_date(make_event, zone_offset):
    """A late event on December 1 (local) ends at 04:45 UTC on December 2: it stays listed until it ends."""
    event = make_event(dates=[(local(2026, 12, 1, 22), local(2026, 12, 1, 23, 45))])
    # 23:30 in Asheville: 04:30 UTC, already December 2 in UTC. Still on.
    with time_machine.travel(local(2026, 12, 1, 23, 30), tick=False):
        assert list(EventPage.objects.upcoming()) == [event]
        assert list(EventPage.objects.past()) == []
    # A minute after local midnight: in the archive, by itself, with nothing run in between.
    with time_machine.travel(local(2026, 12, 2, 0, 1), tick=False):
        assert list(EventPage.objects.upcoming()) == []
        assert list(EventPage.objects.past()) == [event]


def test_upcoming_sorts_by_the_next_date(make_event):
    now = timezone.now()
    later = make_event(dates=[(now + datetime.timedelta(days=9), now + datetime.timedelta(days=9, hours=1))])
    sooner = make_event(dates=[(now + datetime.timedelta(days=2), now + datetime.timedelta(days=2, hours=1))])
    no_dates = make_event(dates=[])
    assert list(EventPage.objects.upcoming()) == [sooner, later]
    assert no_dates not in EventPage.objects.past()


def test_an_event_may_belong_to_a_group(make_event, site_root):
    from groups.factories import SupportGroupIndexPageFactory

    finder = SupportGroupIndexPageFactory(parent=site_root)
    group = SupportGroupPageFactory(parent=finder)
    event = make_event(group=group, members_only=True)
    event.clean()
    assert list(group.events.all()) == [event]
