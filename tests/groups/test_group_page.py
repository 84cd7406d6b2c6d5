"""The group page: next meetings, where, directions, calendars, JSON-LD and the emergency note."""

import datetime
import json
import re
from http import HTTPStatus

import pytest

from groups import schedule
from groups.choices import Cost, GroupStatus, MeetingFormat
from groups.factories import CancelledMeetingFactory, GroupFacilitatorFactory, VenueFactory
from groups.models import CancelledMeeting
from groups.schedule import now_local
from home.factories import ImageFactory, PersonFactory, TopicFactory

pytestmark = pytest.mark.django_db

PRIVATE_LINK = "https://video.example/private-room-4821"


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html)
    return json.loads(match.group(1))


@pytest.fixture
def group(make_group):
    venue = VenueFactory(
        name="Laurel Room", street_address="14 Oak Street", locality="Asheville", latitude="35.59510",
        longitude="-82.55150", parking="Free after 5pm.", transit="Bus W1.", accessibility="Step-free.",
    )  # fmt: skip
    group = make_group(
        title="Tuesday grief circle",
        venue=venue,
        meeting_format=MeetingFormat.HYBRID,
        online_platform="Zoom",
        online_meeting_url=PRIVATE_LINK,
        topics=[TopicFactory(name="Grief and loss", slug="grief")],
        rules=[{"weekday": 1, "start_time": datetime.time(18, 30), "end_time": datetime.time(20, 0)}],
        cost=Cost.FREE,
    )
    GroupFacilitatorFactory(page=group, person=PersonFactory(name="Jordan Reyes", credentials="LCSW"))
    return group


def test_group_page_shows_everything_a_visitor_needs(client, group, practice):
    response = client.get(group.url)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Tuesday grief circle" in html
    assert "Every Tuesday, 6:30pm to 8pm" in html
    assert html.count('class="meeting-list"') == 1
    assert len(re.findall(r"<li>.*?<time datetime=", html[html.index('class="meeting-list"') :].split("</ol>")[0])) == 4
    assert "Laurel Room" in html and "14 Oak Street" in html and "Free after 5pm." in html and "Bus W1." in html
    assert "Jordan Reyes, LCSW" in html
    assert "by Zoom" in html
    assert 'href="/support-groups/?topic=grief"' in html
    assert "Asking to join is not an emergency line." in html
    assert 'href="tel:988"' in html


def test_directions_are_a_plain_link_and_nothing_is_embedded(client, group):
    html = client.get(group.url).content.decode()
    assert 'href="https://www.google.com/maps/dir/?api=1&amp;destination=35.59510%2C-82.55150"' in html
    assert "<iframe" not in html
    assert re.findall(r'<(?:script|img|iframe|source)[^>]+src(?:set)?="https?://', html) == []


def test_the_online_link_is_never_published(client, group):
    html = client.get(group.url).content.decode()
    assert PRIVATE_LINK not in html
    assert "never published" in html
    assert PRIVATE_LINK not in client.get(group.get_calendar_path()).content.decode()


def test_cancelled_meetings_are_left_out_and_noted(client, group):
    next_date = group.next_meeting.date
    CancelledMeetingFactory(page=group, date=next_date, note="Thanksgiving week")
    html = client.get(group.url).content.decode()
    meetings = html[html.index('class="meeting-list"') :].split("</ol>")[0]
    assert "Thanksgiving week" in html
    assert f'datetime="{next_date.isoformat()}' not in meetings
    assert f'datetime="{(next_date + datetime.timedelta(days=7)).isoformat()}' in meetings


def test_calendar_links(client, group):
    html = client.get(group.url).content.decode()
    assert f'href="/groups/{group.pk}/calendar.ics" download' in html
    assert f'href="webcal://testserver/groups/{group.pk}/calendar.ics"' in html


def test_json_ld_describes_a_recurring_event(client, group):
    data = json_ld(client.get(group.url).content.decode())
    assert data["@type"] == "Event"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["isAccessibleForFree"] is True
    assert data["eventSchedule"] == [
        {
            "@type": "Schedule",
            "repeatFrequency": "P1W",
            "byDay": "https://schema.org/Tuesday",
            "startTime": "18:30:00",
            "endTime": "20:00:00",
            "startDate": group.meeting_rules.get().first_date.isoformat(),
            "scheduleTimezone": "America/New_York",
        }
    ]
    assert data["startDate"] == group.next_meeting.start.isoformat()
    # "Details last checked on …", on the page about the event.
    checked = group.last_verified.isoformat()
    assert data["subjectOf"] == {"@type": "WebPage", "url": data["url"], "lastReviewed": checked}
    place, virtual = data["location"]
    assert place["address"]["streetAddress"] == "14 Oak Street"
    assert (
        virtual["@type"] == "VirtualLocation"
        and virtual["url"] == "http://localhost/support-groups/" + group.slug + "/"
    )
    assert PRIVATE_LINK not in json.dumps(data)


def test_json_ld_for_a_paid_monthly_online_group(client, make_group):
    group = make_group(
        meeting_format=MeetingFormat.ONLINE,
        venue=None,
        cost=Cost.FEE,
        rules=[{"frequency": "monthly", "weekday": 4, "week_of_month": -1}],
    )
    data = json_ld(client.get(group.url).content.decode())
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["isAccessibleForFree"] is False
    assert data["eventSchedule"][0]["repeatFrequency"] == "P1M"
    # schema.org numbers weeks 1 to 5 from the start of the month: "last" is said in words.
    assert "byMonthWeek" not in data["eventSchedule"][0]
    assert data["eventSchedule"][0]["description"] == group.meeting_rules.get().describe()
    assert data["location"]["@type"] == "VirtualLocation"
    assert data["offers"] == {
        "@type": "Offer",
        "priceCurrency": "USD",
        "description": group.cost_text,
        "url": group.get_full_url(),
    }


def test_json_ld_for_a_sliding_scale_group_offers_its_scale_in_words(client, make_group):
    group = make_group(slug="sliding", cost=Cost.SLIDING_SCALE, cost_details="$5 to $25 a session, pay what you can")
    data = json_ld(client.get(group.url).content.decode())
    assert data["isAccessibleForFree"] is False
    # No single price: the scale is said in words, as the page says it.
    assert data["offers"] == {
        "@type": "Offer",
        "priceCurrency": "USD",
        "description": "Sliding scale: $5 to $25 a session, pay what you can",
        "url": "http://localhost/support-groups/sliding/",
    }


def test_json_ld_gives_the_group_picture(client, make_group):
    group = make_group(image=ImageFactory())
    data = json_ld(client.get(group.url).content.decode())
    assert data["image"] == [group.image.get_rendition("fill-1200x630").full_url]


def test_json_ld_of_a_paused_group_keeps_a_start_date_and_of_cancellations_their_dates(client, make_group):
    """Google's Event needs a startDate: a paused group is postponed with the date it would have met;
    a cancelled meeting is an exceptDate of its schedule."""
    group = make_group(status=GroupStatus.PAUSED)
    data = json_ld(client.get(group.url).content.decode())
    assert data["eventStatus"] == "https://schema.org/EventPostponed"
    would_have_met = schedule.upcoming_meetings(group.active_rules, count=2)
    assert data["startDate"] == would_have_met[0].start.isoformat()

    group = make_group()
    cancelled = group.next_meeting.start
    CancelledMeeting.objects.create(page=group, date=cancelled.astimezone(schedule.TIMEZONE).date())
    data = json_ld(client.get(group.url).content.decode())
    assert data["eventSchedule"][0]["exceptDate"] == [cancelled.isoformat()]
    assert data["startDate"] != cancelled.isoformat()


def test_paused_group_has_no_meetings_and_no_form(client, make_group, practice):
    group = make_group(status=GroupStatus.PAUSED)
    html = client.get(group.url).content.decode()
    assert "taking a break" in html
    assert "not taking new members right now" in html
    assert 'class="join-form"' not in html and "Ask to join this group" not in html
    assert "Asking to join is not an emergency line." in html


def test_ended_group_says_so(client, make_group):
    today = now_local().date()
    group = make_group(
        rules=[{"first_date": today - datetime.timedelta(days=90), "last_date": today - datetime.timedelta(days=2)}]
    )
    html = client.get(group.url).content.decode()
    assert "This group has finished" in html
    assert 'class="join-form"' not in html and "Ask to join this group" not in html


def test_group_page_is_public_and_its_join_page_private(client, group):
    response = client.get(group.url)
    assert response["Cache-Control"].startswith("public, ")
    assert "Cookie" not in response.get("Vary", "")
    assert "private" in client.get(f"{group.url}join/")["Cache-Control"]
