"""The finder's printable list: each group in the few plain lines a sheet on a notice board can hold.

A printed list is read for weeks after it is printed, by people who may never open the
site: it gives the regular times in words (not the next date, which is soon out of date),
where the group meets, what it costs, and a short address to type to find out more and join.
The finder's print route (SupportGroupIndexPage.print_list) picks the groups; this module
only says how each reads, from the group, its venue and its prefetched meeting times.
"""

import datetime
from dataclasses import dataclass

from groups import schedule
from groups.choices import GroupStatus, MeetingFormat

ONLINE = "Online: the link is sent after joining"


@dataclass(frozen=True)
class PrintedGroup:
    """One group as the printed list shows it."""

    title: str
    times: list
    place: str
    cost: str
    status: str
    link: str
    link_text: str


def current_rules(group, today):
    """The group's meeting times that have not ended, earliest in the week first."""
    rules = [rule for rule in group.active_rules if rule.last_date is None or rule.last_date >= today]
    return sorted(rules, key=lambda rule: (rule.weekday, rule.start_time))


def describe_times(group, today):
    """The meeting times in words ('Every Tuesday, 6:30pm to 8pm, until March 3'), or why there are none."""
    if group.status == GroupStatus.PAUSED:
        return ["Not meeting at the moment"]
    times = []
    for rule in current_rules(group, today):
        text = schedule.describe_rule(rule)
        if rule.last_date:
            text += f", until {long_date(rule.last_date)}"
        times.append(text)
    return times or ["No meetings scheduled"]


def describe_place(group):
    """The venue's name, street and town, 'online', or both for a hybrid group.

    No state or ZIP code: the sheet hangs where its readers live, and a line saved is a group more on it.
    """
    venue = group.venue
    in_person = ""
    if venue and group.meets_in_person:
        in_person = ", ".join(part for part in (venue.name, venue.street_address, venue.locality) if part)
    if group.meeting_format == MeetingFormat.HYBRID and in_person:
        return f"{in_person}, or online"
    return in_person or (ONLINE if group.meets_online else "")


def describe_status(group):
    """Nothing for a group open to new members; otherwise its status, which a reader needs before calling."""
    return "" if group.status == GroupStatus.OPEN else group.get_status_display()


def long_date(value):
    """'December 1, 2026': a printed sheet outlives the year, so the year is always given."""
    return f"{value:%B} {value.day}, {value.year}"


def week_order(group, today):
    """Sorts a list by the first day and time in the week that a group meets; groups without a time last."""
    rules = current_rules(group, today) if group.status != GroupStatus.PAUSED else []
    if not rules:
        return (1, 7, datetime.time.max, group.title.lower())
    return (0, rules[0].weekday, rules[0].start_time, group.title.lower())


def printed_groups(groups, link_for, today=None):
    """`groups` (their meeting times prefetched) as PrintedGroups, by day of the week.

    `link_for(group)` gives the (full URL, URL as printed) of the page where a reader finds out more.
    """
    today = today or schedule.now_local().date()
    entries = []
    for group in sorted(groups, key=lambda group: week_order(group, today)):
        link, link_text = link_for(group)
        entries.append(
            PrintedGroup(
                title=group.title,
                times=describe_times(group, today),
                place=describe_place(group),
                cost=group.cost_text,
                status=describe_status(group),
                link=link,
                link_text=link_text,
            )
        )
    return entries


def without_scheme(url):
    """'https://example.org/groups/7/' as it is typed: 'example.org/groups/7'."""
    return url.split("://", 1)[-1].rstrip("/")
