"""Calendar and Meeting Guide feeds: plain views, because Wagtail's page URLs always end in a slash.

Also each group's short address for the printed list (groups/views.py).
"""

from django.urls import path

from groups import feeds, views

app_name = "groups"

urlpatterns = [
    path("calendar.ics", feeds.finder_calendar, name="calendar"),
    path("meetings.json", feeds.meeting_guide_feed, name="meeting_guide"),
    # <id:…> (home/converters.py): a number longer than any id is a 404, never a query.
    path("<id:pk>/", views.group_short_link, name="short_link"),
    path("<id:pk>/calendar.ics", feeds.group_calendar, name="group_calendar"),
]
