"""What API v2 and v3 give other apps about an event: typed, so v3's OpenAPI schema describes it.

API v3 types a custom field from its `to_representation` return annotation, hence the TypedDicts.
Nothing here reads the online meeting link. Also the calendar paths, which the page, the index
and the API share.
"""

from django.urls import reverse
from typing_extensions import TypedDict  # pydantic (API v3) needs this one on Python < 3.12
from wagtail.api.utils import get_full_url

from home.local_time import TIMEZONE, TIMEZONE_NAME
from home.serializers import FeedUrlField, PageLinkData, PersonData, ReadOnlyField, person_data


def calendar_path(query=""):
    """The feed of every upcoming event, or of those a filter's query string matches."""
    return reverse("events:calendar") + (f"?{query}" if query else "")


def event_calendar_path(pk):
    return reverse("events:event_calendar", kwargs={"pk": pk})


class DateData(TypedDict):
    start: str
    end: str
    note: str
    timezone: str


class DatesField(ReadOnlyField):
    """Every date of the event, past ones too, as ISO 8601 datetimes in Asheville's time with their offset."""

    def to_representation(self, page) -> list[DateData]:
        return [
            {
                "start": date.local_start.isoformat(),
                "end": date.local_end.isoformat(),
                "note": date.note,
                "timezone": TIMEZONE_NAME,
            }
            for date in page.date_list
        ]


class LocalDateTimeField(ReadOnlyField):
    """A datetime in Asheville's time with its offset, as the dates give it (the same in v2 and v3)."""

    def to_representation(self, value) -> str | None:
        return value.astimezone(TIMEZONE).isoformat() if value else None


class GroupField(ReadOnlyField):
    """The group the event belongs to: its id, title and URL (none when it is not live)."""

    def to_representation(self, group) -> PageLinkData | None:
        if not group.live:
            return None
        return PageLinkData(id=group.pk, title=group.title, url=group.get_full_url(self.context.get("request")))


class LeadersField(ReadOnlyField):
    def to_representation(self, page) -> list[PersonData]:
        request = self.context.get("request")
        return [person_data(leader.person, request) for leader in page.leaders.all()]


class EventCalendarUrlField(ReadOnlyField):
    """The event's own iCalendar file."""

    def to_representation(self, page) -> str:
        return get_full_url(self.context.get("request"), page.get_calendar_path())


__all__ = ["DatesField", "EventCalendarUrlField", "FeedUrlField", "GroupField", "LeadersField", "LocalDateTimeField"]
