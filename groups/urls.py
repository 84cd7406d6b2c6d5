"""Calendar and Meeting Guide feeds: plain views, because Wagtail's page URLs always end in a slash."""

from django.urls import path

from groups import feeds

app_name = "groups"

urlpatterns = [
    path("calendar.ics", feeds.finder_calendar, name="calendar"),
    path("meetings.json", feeds.meeting_guide_feed, name="meeting_guide"),
    path("<int:pk>/calendar.ics", feeds.group_calendar, name="group_calendar"),
]
