"""Calendar files and feeds parse, and say what the group says; the Meeting Guide feed follows the spec."""

import datetime
import re
from http import HTTPStatus
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from wagtail.models import Site

from groups.choices import Audience, GroupStatus, MeetingFormat
from groups.factories import CancelledMeetingFactory, VenueFactory
from groups.schedule import now_local
from home.factories import TopicFactory
from home.models import SiteSettings

pytestmark = pytest.mark.django_db

PRIVATE_LINK = "https://video.example/private-room-4821"


def parse(response):
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events(calendar):
    return list(calendar.walk("VEVENT"))


@pytest.fixture
def groups(make_group):
    grief = TopicFactory(name="Grief and loss", slug="grief")
    first = datetime.date(2025, 1, 7)
    return {
        "grief": make_group(
            title="Tuesday grief circle",
            topics=[grief],
            venue=VenueFactory(name="Laurel Room", street_address="14 Oak Street", locality="Asheville"),
            rules=[{"weekday": 1, "first_date": first}],
        ),
        "monthly": make_group(
            title="Last Friday circle",
            meeting_format=MeetingFormat.ONLINE,
            venue=None,
            online_meeting_url=PRIVATE_LINK,
            rules=[
                {
                    "frequency": "monthly",
                    "weekday": 4,
                    "week_of_month": -1,
                    "first_date": first,
                    "start_time": datetime.time(19),
                    "end_time": datetime.time(20, 15),
                }
            ],
        ),
        "fortnightly": make_group(
            title="Every other Saturday walk",
            audience=Audience.YOUNG_ADULTS,
            rules=[
                {
                    "frequency": "fortnightly",
                    "weekday": 5,
                    "first_date": first,
                    "last_date": now_local().date() + datetime.timedelta(days=60),
                    "start_time": datetime.time(9),
                    "end_time": datetime.time(10, 30),
                }
            ],
        ),
        "paused": make_group(title="Paused group", status=GroupStatus.PAUSED),
    }


def test_group_calendar_is_valid_icalendar_with_rrule_exdate_and_timezone(client, groups):
    group = groups["grief"]
    cancelled = group.upcoming[1].date
    CancelledMeetingFactory(page=group, date=cancelled)
    response = client.get(group.get_calendar_path())
    assert response["Content-Disposition"] == f'attachment; filename="{group.slug}.ics"'
    calendar = parse(response)
    (event,) = events(calendar)
    assert str(event["summary"]) == "Tuesday grief circle"
    start = event.decoded("dtstart")
    assert str(start.tzinfo) == "America/New_York" and (start.hour, start.minute) == (18, 30)
    assert start.date() == datetime.date(2025, 1, 7)
    assert event.decoded("dtend") - start == datetime.timedelta(minutes=90)
    assert event["dtstart"].params["TZID"] == "America/New_York"
    assert event["rrule"] == {"FREQ": ["WEEKLY"], "BYDAY": ["TU"]}
    exdates = [dt for exdate in [event["exdate"]] for dt in exdate.dts]
    assert [(d.dt.date(), d.dt.hour, d.dt.minute) for d in exdates] == [(cancelled, 18, 30)]
    assert "Laurel Room, 14 Oak Street" in str(event["location"])
    assert str(event["url"]) == group.get_full_url()
    checked = group.last_verified
    assert f"Details last checked on {checked:%B} {checked.day}, {checked.year}." in str(event["description"])
    (timezone,) = calendar.walk("VTIMEZONE")
    assert str(timezone["tzid"]) == "America/New_York"


def test_monthly_and_fortnightly_rules_and_private_links(client, groups):
    monthly = events(parse(client.get(groups["monthly"].get_calendar_path())))[0]
    assert monthly["rrule"] == {"FREQ": ["MONTHLY"], "BYDAY": ["-1FR"]}
    assert monthly.decoded("dtstart").date() == datetime.date(2025, 1, 31)
    assert "link is sent" in str(monthly["location"])
    assert PRIVATE_LINK.encode() not in client.get(groups["monthly"].get_calendar_path()).content

    fortnightly = events(parse(client.get(groups["fortnightly"].get_calendar_path())))[0]
    rrule = fortnightly["rrule"]
    assert rrule["FREQ"] == ["WEEKLY"] and rrule["INTERVAL"] == [2] and rrule["BYDAY"] == ["SA"]
    until = rrule["UNTIL"][0]
    assert until.tzinfo is not None and until.utcoffset() == datetime.timedelta(0)


def test_calendar_of_all_groups_leaves_out_paused_ones(client, groups):
    calendar = parse(client.get("/groups/calendar.ics"))
    summaries = sorted(str(event["summary"]) for event in events(calendar))
    assert summaries == ["Every other Saturday walk", "Last Friday circle", "Tuesday grief circle"]
    assert "support groups" in str(calendar["x-wr-calname"])


def test_calendar_of_a_finder_filter(client, groups):
    calendar = parse(client.get("/groups/calendar.ics", {"topic": "grief", "day": "funday"}))
    assert [str(event["summary"]) for event in events(calendar)] == ["Tuesday grief circle"]
    assert "Grief and loss" in str(calendar["x-wr-calname"])


def test_calendars_are_404_for_unknown_or_unpublished_groups(client, groups):
    assert client.get("/groups/999999/calendar.ics").status_code == HTTPStatus.NOT_FOUND
    groups["grief"].unpublish()
    assert client.get(groups["grief"].get_calendar_path()).status_code == HTTPStatus.NOT_FOUND


def test_meeting_guide_feed_follows_the_spec(client, groups):
    response = client.get("/groups/meetings.json")
    assert response.status_code == HTTPStatus.OK
    assert response["Access-Control-Allow-Origin"] == "*"
    meetings = response.json()
    # Weekly meetings only, as the spec asks; paused groups are left out.
    assert [meeting["name"] for meeting in meetings] == ["Tuesday grief circle"]
    (meeting,) = meetings
    assert meeting["slug"] == groups["grief"].slug
    assert (meeting["day"], meeting["time"], meeting["end_time"]) == (2, "18:30", "20:00")
    assert meeting["timezone"] == "America/New_York"
    # The spec's O and C are Alcoholics Anonymous' "open" and "closed": not said of these groups.
    assert not {"O", "C"} & set(meeting["types"])
    assert "Open to new members" in meeting["notes"]
    assert (meeting["address"], meeting["city"], meeting["state"], meeting["approximate"]) == (
        "14 Oak Street",
        "Asheville",
        "NC",
        "no",
    )
    assert meeting["url"] == groups["grief"].get_full_url()
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", meeting["updated"])


def test_each_meeting_guide_entry_gives_its_groups_report_page_as_feedback_url(client, groups, settings):
    """The spec's per-meeting feedback_url: where a reader sends corrections, on the site's own root URL."""
    settings.ALLOWED_HOSTS = ["*"]
    (meeting,) = client.get("/groups/meetings.json", HTTP_HOST="other-name.example").json()
    group = groups["grief"]
    assert meeting["feedback_url"] == f"{group.get_full_url()}report/"
    assert meeting["feedback_url"].startswith(group.get_site().root_url)
    assert client.get(urlsplit(meeting["feedback_url"]).path).status_code == HTTPStatus.OK


def test_online_groups_in_the_meeting_guide_have_an_approximate_area_and_no_link(client, make_group):
    make_group(
        title="Anxiety online",
        meeting_format=MeetingFormat.ONLINE,
        venue=None,
        online_meeting_url=PRIVATE_LINK,
        rules=[{"weekday": 2}],
    )
    (meeting,) = client.get("/groups/meetings.json").json()
    assert meeting["formatted_address"] == "Asheville, NC, USA"
    assert meeting["approximate"] == "yes"
    assert "conference_url" not in meeting and "address" not in meeting
    assert "link is sent" in meeting["notes"]
    assert PRIVATE_LINK not in str(meeting)


def tsml_ui_metatypes(meeting):
    """What TSML UI (code4recovery/tsml-ui, src/helpers/load-meeting-data.ts) makes of a meeting: online
    with a known provider's link or a conference phone of ten digits or more; in person with an
    address that is not approximate; "inactive" with neither."""
    online = len(re.sub(r"[^\d,+#]", "", meeting.get("conference_phone", ""))) >= 10
    in_person = meeting.get("approximate") != "yes" and "TC" not in meeting["types"]
    found = {name for name, present in (("online", online), ("in-person", in_person)) if present}
    return found or {"inactive"}


def test_online_and_hybrid_groups_are_active_in_tsml_ui_with_no_link_published(client, make_group, practice):
    make_group(title="Online", meeting_format=MeetingFormat.ONLINE, venue=None, online_meeting_url=PRIVATE_LINK)
    make_group(title="Hybrid", meeting_format=MeetingFormat.HYBRID, online_meeting_url=PRIVATE_LINK)
    make_group(title="In person", meeting_format=MeetingFormat.IN_PERSON)
    meetings = {meeting["name"]: meeting for meeting in client.get("/groups/meetings.json").json()}
    assert {name: tsml_ui_metatypes(meeting) for name, meeting in meetings.items()} == {
        "Online": {"online"},
        "Hybrid": {"online", "in-person"},
        "In person": {"in-person"},
    }
    assert meetings["Online"]["conference_phone"] == practice.phone
    assert "link is sent" in meetings["Online"]["conference_phone_notes"]
    assert "conference_phone" not in meetings["In person"]
    assert PRIVATE_LINK not in str(meetings)


def test_a_group_with_two_weekly_meetings_has_two_unique_slugs(client, make_group):
    make_group(slug="recovery", rules=[{"weekday": 0}, {"weekday": 3}])
    slugs = [meeting["slug"] for meeting in client.get("/groups/meetings.json").json()]
    assert slugs == ["recovery-1", "recovery-2"]


def test_calendar_uids_name_the_site_whatever_host_the_subscriber_used(client, groups):
    """Two names for the same site (localhost, 127.0.0.1) must not give every meeting twice."""
    uids = [
        [str(event["uid"]) for event in events(parse(client.get("/groups/calendar.ics", HTTP_HOST=host)))]
        for host in ("localhost", "127.0.0.1")
    ]
    assert uids[0] == uids[1]
    site_host = Site.objects.get(is_default_site=True).hostname
    assert uids[0] and all(uid.endswith(f"@{site_host}") for uid in uids[0])


def test_the_embedded_time_zone_alone_places_every_year_right(client, groups):
    """A client may read only the calendar's own VTIMEZONE: it holds Eastern time's rules, so a meeting
    in any summer or winter to come is at the right hour, as the IANA database says."""
    calendar = parse(client.get("/groups/calendar.ics"))
    (zone,) = calendar.walk("VTIMEZONE")
    embedded = zone.to_tz()
    eastern = ZoneInfo("America/New_York")
    for year in range(2008, 2061):
        for month, day, hour in ((1, 15, 18), (3, 15, 18), (7, 1, 18), (11, 10, 18), (3, 8, 3), (11, 2, 1)):
            moment = datetime.datetime(year, month, day, hour)
            assert embedded.utcoffset(moment) == moment.replace(tzinfo=eastern).utcoffset(), moment


# Meeting Guide: each row's shape, whole --------------------------------------------------------

# Every type code the feed may give (groups/meeting_guide.py): the spec's neutral codes for
# wheelchair access, young people, LGBTQ and seniors. Never O/C or any other A.A.-specific meaning.
NEUTRAL_TYPES = {"X", "Y", "LGBTQ", "SEN"}
SITE = "http://localhost/support-groups/"
CALL_TO_JOIN = "Call the practice to ask to join: the video link is sent to members, never published."


@pytest.fixture
def shapes(make_group, practice, time_machine):
    """One group of each shape, meeting on Sunday, Wednesday and Friday; each checked on a known day.

    Never published through a revision, so `updated` is the day checked at midnight in Asheville,
    in UTC: before and after the end of daylight saving time (November 1, 2026)."""
    time_machine.move_to(datetime.datetime(2026, 11, 2, 9, tzinfo=ZoneInfo("America/New_York")), tick=False)
    venue = {
        "name": "Laurel Room",
        "street_address": "14 Oak Street",
        "locality": "Asheville",
        "region": "NC",
        "postal_code": "28801",
        "area": "Downtown",
        "wheelchair_accessible": True,
        "entrance": "Side door on Elm Street.",
        "accessibility": "Step-free entrance and lift.",
        "latitude": "35.59481",
        "longitude": "-82.55402",
    }
    return {
        "in person": make_group(
            title="Sunday circle",
            slug="sunday-circle",
            last_verified=datetime.date(2026, 10, 30),
            summary="A gentle circle for <em>older adults</em>.",
            audience=Audience.SENIORS,
            venue=VenueFactory(**venue),
            rules=[{"weekday": 6, "start_time": datetime.time(10), "end_time": datetime.time(11, 30)}],
        ),
        "online": make_group(
            title="Wednesday online circle",
            slug="wednesday-online",
            last_verified=datetime.date(2026, 11, 1),
            summary="LGBTQ+ people supporting each other.",
            audience=Audience.LGBTQ,
            meeting_format=MeetingFormat.ONLINE,
            venue=None,
            online_meeting_url=PRIVATE_LINK,
            status=GroupStatus.WAITLIST,
            cost="fee",
            cost_details="$10 a session",
            rules=[{"weekday": 2, "start_time": datetime.time(19), "end_time": datetime.time(20)}],
        ),
        "hybrid": make_group(
            title="Friday hybrid circle",
            slug="friday-hybrid",
            last_verified=datetime.date(2026, 11, 2),
            summary="Young adults, in the room or online.",
            audience=Audience.YOUNG_ADULTS,
            meeting_format=MeetingFormat.HYBRID,
            online_meeting_url=PRIVATE_LINK,
            venue=VenueFactory(**{**venue, "name": "Hall", "entrance": "", "area": ""}),
            rules=[{"weekday": 4, "start_time": datetime.time(17, 45), "end_time": datetime.time(19)}],
        ),
    }


def meeting_guide_rows(client):
    response = client.get("/groups/meetings.json")
    assert response.status_code == HTTPStatus.OK
    return {row["name"]: row for row in response.json()}


def test_meeting_guide_rows_are_pinned_whole_for_each_shape(client, shapes):
    rows = meeting_guide_rows(client)
    assert rows["Sunday circle"] == {
        "name": "Sunday circle",
        "slug": "sunday-circle",
        "day": 0,
        "time": "10:00",
        "end_time": "11:30",
        "timezone": "America/New_York",
        "types": ["X", "SEN"],
        "url": f"{SITE}sunday-circle/",
        "notes": "A gentle circle for older adults.\nCost: Free.\nOpen to new members: ask to join on our website.",
        "group": "Sunday circle",
        "feedback_url": f"{SITE}sunday-circle/report/",
        "updated": "2026-10-30 04:00:00",
        "location": "Laurel Room",
        "address": "14 Oak Street",
        "city": "Asheville",
        "state": "NC",
        "postal_code": "28801",
        "country": "US",
        "approximate": "no",
        "region": "Downtown",
        "latitude": 35.59481,
        "longitude": -82.55402,
        "location_notes": "Side door on Elm Street. Step-free entrance and lift.",
    }
    assert rows["Wednesday online circle"] == {
        "name": "Wednesday online circle",
        "slug": "wednesday-online",
        "day": 3,
        "time": "19:00",
        "end_time": "20:00",
        "timezone": "America/New_York",
        "types": ["LGBTQ"],
        "url": f"{SITE}wednesday-online/",
        "notes": (
            "LGBTQ+ people supporting each other.\nCost: Fee: $10 a session.\n"
            "Online: the meeting link is sent after you ask to join on our website.\n"
            "Waiting list: ask on our website to be added to the list."
        ),
        "group": "Wednesday online circle",
        "feedback_url": f"{SITE}wednesday-online/report/",
        "updated": "2026-11-01 04:00:00",
        "formatted_address": "Asheville, NC, USA",
        "approximate": "yes",
        "region": "Online",
        "conference_phone": "(828) 555-0142",
        "conference_phone_notes": CALL_TO_JOIN,
    }
    assert rows["Friday hybrid circle"] == {
        "name": "Friday hybrid circle",
        "slug": "friday-hybrid",
        "day": 5,
        "time": "17:45",
        "end_time": "19:00",
        "timezone": "America/New_York",
        "types": ["X", "Y"],
        "url": f"{SITE}friday-hybrid/",
        "notes": (
            "Young adults, in the room or online.\nCost: Free.\n"
            "Online: the meeting link is sent after you ask to join on our website.\n"
            "Open to new members: ask to join on our website."
        ),
        "group": "Friday hybrid circle",
        "feedback_url": f"{SITE}friday-hybrid/report/",
        "updated": "2026-11-02 05:00:00",
        "location": "Hall",
        "address": "14 Oak Street",
        "city": "Asheville",
        "state": "NC",
        "postal_code": "28801",
        "country": "US",
        "approximate": "no",
        "latitude": 35.59481,
        "longitude": -82.55402,
        "location_notes": "Step-free entrance and lift.",
        "conference_phone": "(828) 555-0142",
        "conference_phone_notes": CALL_TO_JOIN,
    }
    assert {name: tsml_ui_metatypes(row) for name, row in rows.items()} == {
        "Sunday circle": {"in-person"},
        "Wednesday online circle": {"online"},
        "Friday hybrid circle": {"online", "in-person"},
    }


@pytest.mark.parametrize("meeting_format", list(MeetingFormat), ids=[choice.value for choice in MeetingFormat])
def test_meeting_guide_types_are_only_the_neutral_codes_for_every_audience_and_format(
    client, make_group, practice, meeting_format
):
    expected = {
        Audience.TEENS: "Y",
        Audience.YOUNG_ADULTS: "Y",
        Audience.LGBTQ: "LGBTQ",
        Audience.SENIORS: "SEN",
    }
    in_person = meeting_format != MeetingFormat.ONLINE
    for number, audience in enumerate(Audience):
        for wheelchair in (True, False):
            make_group(
                title=f"{audience.value} {wheelchair}",
                audience=audience,
                meeting_format=meeting_format,
                venue=VenueFactory(wheelchair_accessible=wheelchair) if in_person else None,
                # Every day of the week, Sunday (the spec's day 0) included.
                rules=[{"weekday": (number * 2 + wheelchair) % 7}],
            )
    rows = client.get("/groups/meetings.json").json()
    assert len(rows) == 2 * len(Audience)
    assert {row["day"] for row in rows} == set(range(7))
    for row in rows:
        assert set(row["types"]) <= NEUTRAL_TYPES, row["name"]
        audience, wheelchair = row["name"].rsplit(" ", 1)
        wanted = (["X"] if in_person and wheelchair == "True" else []) + (
            [expected[audience]] if audience in expected else []
        )
        assert row["types"] == wanted, row["name"]
    if in_person:
        assert {code for row in rows for code in row["types"]} == NEUTRAL_TYPES


def test_with_no_practice_phone_online_groups_have_no_conference_phone_and_tsml_ui_calls_them_inactive(
    client, make_group
):
    """What docs/api.md warns of: the practice phone (Settings) is online groups' only way in for TSML UI.

    The settings form refuses a phone that is not ten digits, so the phone is either right or blank.
    """
    settings = SiteSettings.load()
    settings.phone = ""
    settings.save()
    make_group(title="Online", meeting_format=MeetingFormat.ONLINE, venue=None, online_meeting_url=PRIVATE_LINK)
    make_group(title="Hybrid", meeting_format=MeetingFormat.HYBRID, online_meeting_url=PRIVATE_LINK)
    rows = meeting_guide_rows(client)
    for row in rows.values():
        assert "conference_phone" not in row and "conference_phone_notes" not in row
        assert "conference_url" not in row and PRIVATE_LINK not in str(row)
        assert "link is sent after you ask to join" in row["notes"]
    assert tsml_ui_metatypes(rows["Online"]) == {"inactive"}
    assert tsml_ui_metatypes(rows["Hybrid"]) == {"in-person"}
