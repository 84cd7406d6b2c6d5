"""Calendar and Meeting Guide feeds: plain views, because Wagtail's page URLs always end in a slash."""

from django.urls import path

from groups import views

app_name = "groups"

urlpatterns = [
    path("calendar.ics", views.finder_calendar, name="calendar"),
    path("meetings.json", views.meeting_guide_feed, name="meeting_guide"),
    path("<int:pk>/calendar.ics", views.group_calendar, name="group_calendar"),
]
