"""Asheville's wall-clock time: the one time zone every date on the site is read and written in.

In the core because groups, events and the counselors' pages all say times the way people in
Asheville say them ("Tuesday, March 4, 6:30pm"), and areas do not import each other.
"""

import datetime
from zoneinfo import ZoneInfo

TIMEZONE_NAME = "America/New_York"
TIMEZONE = ZoneInfo(TIMEZONE_NAME)


def now_local():
    return datetime.datetime.now(TIMEZONE)


def make_aware(naive):
    """Wall-clock time in Asheville → an aware datetime (the earlier one if the hour repeats)."""
    return naive.replace(tzinfo=TIMEZONE)


def format_time(value):
    """6:30pm, 7pm, noon: times the way people say them."""
    if value == datetime.time(12, 0):
        return "noon"
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d}{suffix}"


def format_date(value):
    """'Tuesday, March 4' (with the year when it is not this year)."""
    year = "" if value.year == now_local().year else f", {value.year}"
    return f"{value:%A}, {value:%B} {value.day}{year}"


def format_meeting(meeting):
    """'Tuesday, March 4, 6:30pm to 8pm' in Asheville time, for anything with an aware `start` and `end`."""
    start = meeting.start.astimezone(TIMEZONE)
    end = meeting.end.astimezone(TIMEZONE)
    return f"{format_date(start)}, {format_time(start.time())} to {format_time(end.time())}"
