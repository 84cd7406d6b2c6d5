"""Schedule maths: weekly, every other week, nth weekday of the month, DST, cancelled dates, ended groups."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from groups.choices import Frequency, Weekday, WeekOfMonth
from groups.models import MeetingRule, SupportGroupPage
from groups.schedule import build_rrule, describe_rule, format_time, last_meeting, upcoming_meetings

NY = ZoneInfo("America/New_York")


def rule(**fields):
    values = {
        "frequency": Frequency.WEEKLY,
        "weekday": Weekday.TUESDAY,
        "start_time": datetime.time(18, 30),
        "end_time": datetime.time(20, 0),
        "first_date": datetime.date(2025, 1, 7),
        "last_date": None,
    }
    values.update(fields)
    return MeetingRule(**values)


def at(year, month, day, hour=0, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=NY)


def dates(meetings):
    return [meeting.start.date() for meeting in meetings]


def test_weekly_rule_gives_the_next_four_tuesdays():
    meetings = upcoming_meetings([rule()], after=at(2025, 3, 5), count=4)
    assert dates(meetings) == [datetime.date(2025, 3, d) for d in (11, 18, 25)] + [datetime.date(2025, 4, 1)]
    assert all((m.start.hour, m.start.minute, m.end.hour) == (18, 30, 20) for m in meetings)


def test_a_meeting_is_upcoming_until_it_starts():
    meetings = upcoming_meetings([rule()], after=at(2025, 3, 11, 18, 0), count=1)
    assert dates(meetings) == [datetime.date(2025, 3, 11)]
    meetings = upcoming_meetings([rule()], after=at(2025, 3, 11, 18, 31), count=1)
    assert dates(meetings) == [datetime.date(2025, 3, 18)]


def test_every_other_week_counts_from_the_first_date():
    fortnightly = rule(frequency=Frequency.FORTNIGHTLY, first_date=datetime.date(2025, 1, 7))
    meetings = upcoming_meetings([fortnightly], after=at(2025, 1, 8), count=3)
    assert dates(meetings) == [datetime.date(2025, 1, 21), datetime.date(2025, 2, 4), datetime.date(2025, 2, 18)]


def test_second_tuesday_of_the_month():
    monthly = rule(frequency=Frequency.MONTHLY, week_of_month=WeekOfMonth.SECOND)
    meetings = upcoming_meetings([monthly], after=at(2025, 1, 1), count=3)
    assert dates(meetings) == [datetime.date(2025, 1, 14), datetime.date(2025, 2, 11), datetime.date(2025, 3, 11)]


def test_last_friday_of_the_month():
    monthly = rule(frequency=Frequency.MONTHLY, weekday=Weekday.FRIDAY, week_of_month=WeekOfMonth.LAST)
    meetings = upcoming_meetings([monthly], after=at(2025, 1, 1), count=3)
    assert dates(meetings) == [datetime.date(2025, 1, 31), datetime.date(2025, 2, 28), datetime.date(2025, 3, 28)]


def test_meetings_stay_at_630pm_across_the_change_to_winter_time():
    # Daylight saving time ends on Sunday 2 November 2025.
    meetings = upcoming_meetings([rule()], after=at(2025, 10, 27), count=2)
    assert dates(meetings) == [datetime.date(2025, 10, 28), datetime.date(2025, 11, 4)]
    assert [(m.start.hour, m.start.minute) for m in meetings] == [(18, 30), (18, 30)]
    assert [m.start.utcoffset() for m in meetings] == [datetime.timedelta(hours=-4), datetime.timedelta(hours=-5)]
    assert [m.start.astimezone(datetime.UTC).hour for m in meetings] == [22, 23]


def test_meetings_stay_at_630pm_across_the_change_to_summer_time():
    # Daylight saving time starts on Sunday 9 March 2025.
    meetings = upcoming_meetings([rule()], after=at(2025, 3, 3), count=2)
    assert [m.start.astimezone(datetime.UTC).hour for m in meetings] == [23, 22]
    assert all(m.start.astimezone(NY).hour == 18 for m in meetings)


def test_cancelled_dates_are_skipped():
    meetings = upcoming_meetings([rule()], [datetime.date(2025, 3, 18)], after=at(2025, 3, 5), count=3)
    assert dates(meetings) == [datetime.date(2025, 3, 11), datetime.date(2025, 3, 25), datetime.date(2025, 4, 1)]


def test_an_ended_group_has_no_meetings():
    ended = rule(last_date=datetime.date(2025, 2, 25))
    assert upcoming_meetings([ended], after=at(2025, 3, 5)) == []
    assert dates(upcoming_meetings([ended], after=at(2025, 2, 20))) == [datetime.date(2025, 2, 25)]


def test_an_ended_group_last_met_on_its_last_meeting_not_cancelled():
    """What its JSON-LD gives as startDate (Google reads no Event without one), even years later."""
    ended = rule(last_date=datetime.date(2025, 2, 27))  # a Thursday: the last Tuesday before it
    assert last_meeting([ended], before=at(2028, 6, 1)).start == at(2025, 2, 25, 18, 30)
    assert last_meeting([ended], [datetime.date(2025, 2, 25)], before=at(2028, 6, 1)).start == at(2025, 2, 18, 18, 30)
    monthly = rule(frequency=Frequency.MONTHLY, weekday=Weekday.FRIDAY, week_of_month=WeekOfMonth.LAST)
    assert last_meeting([ended, monthly], before=at(2025, 3, 5)).start == at(2025, 2, 28, 18, 30)
    assert last_meeting([rule(first_date=datetime.date(2025, 6, 3))], before=at(2025, 3, 5)) is None


def test_a_group_that_has_not_started_begins_on_its_first_date():
    later = rule(first_date=datetime.date(2025, 6, 1))  # a Sunday: the first Tuesday after it
    assert dates(upcoming_meetings([later], after=at(2025, 3, 5), count=1)) == [datetime.date(2025, 6, 3)]


def test_two_rules_are_merged_soonest_first():
    monday = rule(weekday=Weekday.MONDAY, start_time=datetime.time(19), end_time=datetime.time(20, 30))
    thursday = rule(weekday=Weekday.THURSDAY, start_time=datetime.time(7, 30), end_time=datetime.time(8, 30))
    meetings = upcoming_meetings([monday, thursday], after=at(2025, 3, 4), count=4)
    assert [m.start.strftime("%a %H:%M") for m in meetings] == ["Thu 07:30", "Mon 19:00", "Thu 07:30", "Mon 19:00"]


def test_rules_read_as_plain_words():
    assert describe_rule(rule()) == "Every Tuesday, 6:30pm to 8pm"
    assert describe_rule(rule(frequency=Frequency.FORTNIGHTLY)) == "Every other Tuesday, 6:30pm to 8pm"
    last = rule(frequency=Frequency.MONTHLY, weekday=Weekday.FRIDAY, week_of_month=-1)
    assert describe_rule(last) == "The last Friday of each month, 6:30pm to 8pm"
    assert format_time(datetime.time(12)) == "noon"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"end_time": datetime.time(17)},
            "end_time",
            "ends before it starts: set the end time after the start time (6:30pm)",
        ),
        ({"frequency": Frequency.MONTHLY}, "week_of_month", "first, second, third, fourth or last"),
        ({"week_of_month": 2}, "week_of_month", "only for monthly groups"),
        ({"last_date": datetime.date(2024, 12, 1)}, "last_date", "set it to Tuesday, January 7"),
    ],
)
def test_rule_validation_says_how_to_fix_it(fields, field, message):
    with pytest.raises(ValidationError) as error:
        rule(**fields).clean()
    assert message in " ".join(error.value.message_dict[field])


@pytest.mark.django_db
def test_a_group_needs_a_venue_or_an_online_link(finder):
    group = SupportGroupPage(title="Grief", slug="grief", summary="For grief.", meeting_format="in_person")
    with pytest.raises(ValidationError) as error:
        group.clean()
    assert "needs somewhere to meet" in error.value.message_dict["venue"][0]

    group.meeting_format = "hybrid"
    group.online_meeting_url = "https://video.example/room"
    with pytest.raises(ValidationError) as error:
        group.clean()
    assert "need a venue" in error.value.message_dict["venue"][0]

    group.meeting_format = "online"
    group.clean()


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"frequency": Frequency.FORTNIGHTLY, "first_date": datetime.date(2021, 6, 6)},
        {"frequency": Frequency.FORTNIGHTLY, "first_date": datetime.date(2021, 6, 8)},
        {"frequency": Frequency.MONTHLY, "week_of_month": WeekOfMonth.LAST, "weekday": Weekday.FRIDAY},
        {"frequency": Frequency.MONTHLY, "week_of_month": WeekOfMonth.FIRST, "weekday": Weekday.MONDAY},
    ],
)
def test_long_running_groups_get_the_same_meetings_without_walking_their_history(fields):
    """The shortcut past old meetings gives exactly what walking from the first date gives."""
    old = rule(**{"first_date": datetime.date(2019, 5, 14), **fields})
    after = at(2025, 3, 5, 19)
    walked = list(build_rrule(old).xafter(after.replace(tzinfo=None), count=6, inc=True))
    assert [m.start.replace(tzinfo=None) for m in upcoming_meetings([old], after=after, count=6)] == walked
