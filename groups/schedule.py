"""Schedule maths: when a group meets, from its rules, in Asheville's wall-clock time.

Rules are expanded with python-dateutil's rrule in *local wall time* (naive
datetimes), then made aware in America/New_York. A group that meets at 6:30pm
therefore meets at 6:30pm on both sides of a daylight-saving change: the UTC
offset moves, the clock time does not.
"""

import datetime
import heapq
import itertools
from dataclasses import dataclass

from dateutil import rrule

from groups.choices import Frequency

# Asheville's time, shared with the other areas from the core; the groups' modules use them from here.
from home.local_time import TIMEZONE as TIMEZONE
from home.local_time import TIMEZONE_NAME as TIMEZONE_NAME
from home.local_time import format_date as format_date
from home.local_time import format_meeting as format_meeting
from home.local_time import format_time as format_time
from home.local_time import make_aware as make_aware
from home.local_time import now_local as now_local

RRULE_WEEKDAYS = (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)
ICAL_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}


@dataclass(frozen=True)
class Meeting:
    """One meeting of a group: aware start and end in Eastern time."""

    start: datetime.datetime
    end: datetime.datetime
    rule: object = None

    @property
    def date(self):
        return self.start.date()


def build_rrule(rule, start_near=None):
    """The dateutil rrule of a meeting rule, in naive local wall time, or None if it is incomplete.

    With `start_near` (a date), the rule starts shortly before it instead of on its first
    date, in step with the rule (whole weeks, fortnights or months), so finding the next
    meetings of a group that has met for years does not walk through every past meeting.
    """
    if rule.first_date is None or rule.start_time is None or rule.weekday is None:
        return None
    weekday = RRULE_WEEKDAYS[rule.weekday]
    first = _fast_forward(rule, start_near) if start_near else rule.first_date
    kwargs = {"dtstart": datetime.datetime.combine(first, rule.start_time), "cache": False}
    if rule.last_date:
        kwargs["until"] = datetime.datetime.combine(rule.last_date, datetime.time.max)
    if rule.frequency == Frequency.MONTHLY:
        if rule.week_of_month is None:
            return None
        return rrule.rrule(rrule.MONTHLY, byweekday=weekday(rule.week_of_month), **kwargs)
    interval = 2 if rule.frequency == Frequency.FORTNIGHTLY else 1
    return rrule.rrule(rrule.WEEKLY, interval=interval, byweekday=weekday, **kwargs)


def _fast_forward(rule, near):
    """A start date on or after the rule's first date, a whole period or more before `near`."""
    if rule.first_date >= near - datetime.timedelta(days=62):
        return rule.first_date
    if rule.frequency == Frequency.MONTHLY:
        # The nth weekday is counted within each month, so any first day of a month will do.
        return (near.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    period = 14 if rule.frequency == Frequency.FORTNIGHTLY else 7
    periods = (near - rule.first_date).days // period - 1
    return rule.first_date + datetime.timedelta(days=periods * period)


def rule_duration(rule):
    start = datetime.datetime.combine(datetime.date(2000, 1, 1), rule.start_time)
    end = datetime.datetime.combine(datetime.date(2000, 1, 1), rule.end_time)
    return end - start if end > start else datetime.timedelta(hours=1)


def _rule_meetings(rule, after, cancelled):
    """Meetings of one rule that start at or after `after` (naive local), skipping cancelled dates."""
    recurrence = build_rrule(rule, start_near=after.date())
    if recurrence is None:
        return
    duration = rule_duration(rule)
    for start in recurrence.xafter(after, inc=True):
        if start.date() in cancelled:
            continue
        yield Meeting(make_aware(start), make_aware(start + duration), rule)


def upcoming_meetings(rules, cancelled_dates=(), count=4, after=None):
    """The next `count` meetings from all `rules`, soonest first.

    `after` is an aware datetime (default: now); a meeting is upcoming until it
    starts. Rules that have ended give none; dates in `cancelled_dates` are skipped.
    """
    after = (after or now_local()).astimezone(TIMEZONE).replace(tzinfo=None)
    cancelled = set(cancelled_dates)
    streams = [_rule_meetings(rule, after, cancelled) for rule in rules]
    merged = heapq.merge(*streams, key=lambda meeting: meeting.start)
    return list(itertools.islice(merged, count))


def last_meeting(rules, cancelled_dates=(), before=None):
    """The latest meeting that started before `before` (default: now), or None: what an ended group last held.

    Each rule is walked from shortly before its end (or that moment), as `upcoming_meetings`
    does, never from its first date, so a group that met for years costs no more than a new one.
    """
    before = (before or now_local()).astimezone(TIMEZONE).replace(tzinfo=None)
    cancelled = set(cancelled_dates)
    latest = None
    for rule in rules:
        near = min(before.date(), rule.last_date) if rule.last_date else before.date()
        recurrence = build_rrule(rule, start_near=near)
        if recurrence is None:
            continue
        for start in reversed(recurrence.between(datetime.datetime.min, before, inc=False)):
            if start.date() not in cancelled:
                if latest is None or start > latest[0]:
                    latest = (start, rule)
                break
    if latest is None:
        return None
    start, rule = latest
    return Meeting(make_aware(start), make_aware(start + rule_duration(rule)), rule)


def first_meeting_start(rule):
    """The naive local start of a rule's first meeting, or None if it never meets."""
    recurrence = build_rrule(rule)
    if recurrence is None:
        return None
    return next(iter(recurrence), None)


def occurrences_between(rule, start, end):
    """Naive local starts of a rule's meetings between two naive local datetimes."""
    recurrence = build_rrule(rule)
    return recurrence.between(start, end, inc=True) if recurrence else []


def meets_on(rule, day):
    """Whether the rule has a meeting on `day` (a date)."""
    start = datetime.datetime.combine(day, datetime.time.min)
    return bool(occurrences_between(rule, start, start + datetime.timedelta(days=1)))


def ical_rrule(rule):
    """The RRULE of a meeting rule as a dict for icalendar's vRecur (UNTIL in UTC, as RFC 5545 asks)."""
    day = ICAL_WEEKDAYS[rule.weekday]
    if rule.frequency == Frequency.MONTHLY:
        recur = {"FREQ": "MONTHLY", "BYDAY": f"{rule.week_of_month}{day}"}
    else:
        recur = {"FREQ": "WEEKLY", "BYDAY": day}
        if rule.frequency == Frequency.FORTNIGHTLY:
            recur["INTERVAL"] = 2
    if rule.last_date:
        last = make_aware(datetime.datetime.combine(rule.last_date, rule.start_time))
        recur["UNTIL"] = last.astimezone(datetime.UTC)
    return recur


DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def schema_by_day(rule):
    return f"https://schema.org/{DAY_NAMES[rule.weekday]}"


def describe_rule(rule):
    """A rule in plain words: 'Every Tuesday, 6:30pm to 8pm'."""
    day = DAY_NAMES[rule.weekday]
    times = f"{format_time(rule.start_time)} to {format_time(rule.end_time)}"
    if rule.frequency == Frequency.MONTHLY:
        ordinal = ORDINALS.get(rule.week_of_month, "")
        return f"The {ordinal} {day} of each month, {times}"
    if rule.frequency == Frequency.FORTNIGHTLY:
        return f"Every other {day}, {times}"
    return f"Every {day}, {times}"
