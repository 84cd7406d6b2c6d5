"""What API v2 and v3 give other apps about a group: typed, so v3's OpenAPI schema describes it.

API v3 types a custom field from its `to_representation` return annotation,
hence the TypedDicts. Nothing here reads the online meeting link or join requests.
"""

from typing_extensions import TypedDict  # pydantic (API v3) needs this one on Python < 3.12
from wagtail.api.utils import get_full_url

from groups import schedule
from home.serializers import FeedUrlField as FeedUrlField
from home.serializers import PersonData, ReadOnlyField, person_data
from home.serializers import VenueField as VenueField


class RuleData(TypedDict):
    description: str
    frequency: str
    weekday: int
    week_of_month: int | None
    start_time: str
    end_time: str
    first_date: str
    last_date: str | None
    timezone: str


class MeetingData(TypedDict):
    start: str
    end: str


class CancellationData(TypedDict):
    date: str
    note: str


class ScheduleField(ReadOnlyField):
    """The meeting rules, in Eastern time."""

    def to_representation(self, page) -> list[RuleData]:
        return [
            {
                "description": rule.describe(),
                "frequency": rule.frequency,
                "weekday": rule.weekday,
                "week_of_month": rule.week_of_month,
                "start_time": rule.start_time.strftime("%H:%M"),
                "end_time": rule.end_time.strftime("%H:%M"),
                "first_date": rule.first_date.isoformat(),
                "last_date": rule.last_date.isoformat() if rule.last_date else None,
                "timezone": schedule.TIMEZONE_NAME,
            }
            for rule in page.active_rules
        ]


class NextMeetingsField(ReadOnlyField):
    """The next four meetings, as ISO 8601 datetimes with their UTC offset."""

    def to_representation(self, page) -> list[MeetingData]:
        return [{"start": m.start.isoformat(), "end": m.end.isoformat()} for m in page.upcoming]


class CancellationsField(ReadOnlyField):
    def to_representation(self, page) -> list[CancellationData]:
        return [{"date": c.date.isoformat(), "note": c.note} for c in page.upcoming_cancellations]


class FacilitatorsField(ReadOnlyField):
    def to_representation(self, page) -> list[PersonData]:
        request = self.context.get("request")
        return [person_data(f.person, request) for f in page.facilitators.all()]


class CalendarUrlField(ReadOnlyField):
    """The group's own iCalendar file."""

    def to_representation(self, page) -> str:
        return get_full_url(self.context.get("request"), page.get_calendar_path())
