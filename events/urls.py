"""The events' calendar feeds (events/feeds.py): .ics files, so plain views rather than page routes."""

from django.urls import path

from events import feeds

app_name = "events"

urlpatterns = [
    path("calendar.ics", feeds.events_calendar, name="calendar"),
    # <id:…> (home/converters.py): a number longer than any id is a 404, never a query.
    path("<id:pk>/calendar.ics", feeds.event_calendar, name="event_calendar"),
]
