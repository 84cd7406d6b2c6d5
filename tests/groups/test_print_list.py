"""The finder's printable list: only the groups its filters match, in plain words, with the crisis lines;
public like the finder, bad filters left out with a note, bounded, and in a fixed number of queries."""

import datetime
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groups.choices import Cost, GroupStatus, MeetingFormat
from groups.factories import VenueFactory
from groups.printing import long_date
from groups.schedule import now_local
from home.factories import TopicFactory

pytestmark = pytest.mark.django_db

PUBLIC = "public, max-age=60, s-maxage=300, stale-while-revalidate=60"


@pytest.fixture
def groups(make_group, practice):
    grief = TopicFactory(name="Grief and loss", slug="grief")
    anxiety = TopicFactory(name="Anxiety", slug="anxiety")
    hall = VenueFactory(name="Laurel Room, Grace Church", street_address="14 Oak Street", locality="Asheville")
    return {
        "grief": make_group(
            title="Tuesday grief circle",
            topics=[grief],
            venue=hall,
            rules=[{"weekday": 1, "start_time": datetime.time(18, 30), "end_time": datetime.time(20, 0)}],
            cost=Cost.FREE,
        ),
        "online": make_group(
            title="Anxiety skills online",
            topics=[anxiety],
            meeting_format=MeetingFormat.ONLINE,
            venue=None,
            rules=[{"weekday": 2, "start_time": datetime.time(12, 0), "end_time": datetime.time(13, 0)}],
            cost=Cost.SLIDING_SCALE,
            cost_details="$10 to $40 a session",
            status=GroupStatus.WAITLIST,
        ),
        "monday": make_group(
            title="Monday grief walk",
            topics=[grief],
            venue=hall,
            rules=[{"weekday": 0, "start_time": datetime.time(9, 0), "end_time": datetime.time(10, 0)}],
        ),
    }


def print_url(finder):
    return finder.url + "print/"


def test_only_the_matching_groups_with_the_filters_in_words(client, finder, groups):
    response = client.get(print_url(finder), {"topic": "grief", "free": "1"})
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert [entry.title for entry in response.context["entries"]] == ["Monday grief walk", "Tuesday grief circle"]
    assert "Anxiety skills online" not in html
    assert "<h1>Support groups: Grief and loss, free groups only</h1>" in html
    assert "Every Tuesday, 6:30pm to 8pm" in html
    assert "Laurel Room, Grace Church, 14 Oak Street, Asheville<" in html
    assert f'href="http://localhost/groups/{groups["grief"].pk}/">localhost/groups/{groups["grief"].pk}</a>' in html


def test_every_group_by_day_of_the_week_with_place_cost_and_status(client, finder, groups):
    response = client.get(print_url(finder))
    html = response.content.decode()
    titles = [entry.title for entry in response.context["entries"]]
    assert titles == ["Monday grief walk", "Tuesday grief circle", "Anxiety skills online"]
    assert "All our support groups, by day of the week" in html
    assert "Online: the link is sent after joining" in html
    assert "Sliding scale: $10 to $40 a session. Waiting list" in html


def test_the_crisis_lines_the_practice_phone_and_when_it_was_printed(client, finder, groups, practice):
    practice.mobile_crisis_name = "Mobile crisis team (demo)"
    practice.mobile_crisis_phone = "(888) 555-0199"
    practice.save()
    html = client.get(print_url(finder)).content.decode()
    assert 'href="tel:988"><strong>988</strong>' in html
    assert 'href="tel:911"><strong>911</strong>' in html
    assert "Mobile crisis team (demo)" in html and "(888) 555-0199" in html
    assert "988lifeline.org/chat" in html
    assert "(828) 555-0142" in html
    assert f"Printed from localhost on {long_date(now_local().date())}" in html
    assert "check localhost/support-groups for the latest" in html


def test_no_menu_or_footer_and_a_print_button_from_a_self_hosted_script(client, finder, groups):
    html = client.get(print_url(finder)).content.decode()
    assert 'class="site-header"' not in html and 'class="site-footer"' not in html
    assert "data-print-list hidden" in html
    assert '<script src="/static/js/print-list.js" defer></script>' in html
    assert '<meta name="robots" content="noindex, follow">' in html


def test_the_finder_links_to_the_list_with_its_filters(client, finder, groups):
    html = client.get(finder.url, {"topic": "grief", "day": "tuesday"}).content.decode()
    assert 'href="/support-groups/print/?day=tuesday&amp;topic=grief">Print this list</a>' in html


@pytest.mark.parametrize(
    "query",
    [{"day": "funday"}, {"topic": "no-such-topic"}, {"free": "maybe"}, {"time_of_day": "<script>alert(1)</script>"}],
)
def test_bad_filters_are_left_out_with_a_note(client, finder, groups, query):
    response = client.get(print_url(finder), query)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "We left out part of your search" in html
    assert len(response.context["entries"]) == 3
    assert "<script>alert(1)</script>" not in html


def test_nothing_matches(client, finder, groups):
    html = client.get(print_url(finder), {"audience": "veterans"}).content.decode()
    assert "No group matches these choices right now" in html
    assert "Need help now?" in html


def test_public_like_the_finder(client, finder, groups):
    response = client.get(print_url(finder), {"topic": "grief"})
    assert response["Cache-Control"] == PUBLIC
    assert "cookie" not in response.get("Vary", "").lower()
    assert not response.cookies
    again = client.get(print_url(finder), {"topic": "grief"}, headers={"If-None-Match": response["ETag"]})
    assert again.status_code == HTTPStatus.NOT_MODIFIED


def test_at_most_print_limit_groups_and_how_many_more(client, finder, make_group, practice):
    for number in range(finder.print_limit + 3):
        make_group(title=f"Group {number:02d}", rules=[{"weekday": number % 7}])
    response = client.get(print_url(finder))
    assert len(response.context["entries"]) == finder.print_limit
    assert "And 3 more groups on our website: localhost/support-groups" in response.content.decode()


def _queries(client, url):
    for _ in range(2):
        client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    return len(context.captured_queries)


def test_queries_do_not_grow_with_the_groups(client, finder, make_group, practice):
    grief = TopicFactory(name="Grief and loss", slug="grief")
    for _ in range(3):
        make_group(topics=[grief], rules=[{"weekday": 1}, {"weekday": 3}])
    url = print_url(finder) + "?topic=grief"
    few = _queries(client, url)
    for _ in range(finder.print_limit):
        make_group(topics=[grief], rules=[{"weekday": 2}, {"weekday": 4}])
    assert _queries(client, url) == few


def test_the_short_address_leads_to_the_group_page(client, finder, groups):
    group = groups["grief"]
    response = client.get(f"/groups/{group.pk}/")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == group.url
    group.unpublish()
    assert client.get(f"/groups/{group.pk}/").status_code == HTTPStatus.NOT_FOUND
    assert client.get("/groups/999999/").status_code == HTTPStatus.NOT_FOUND
    assert client.get(f"/groups/{10**30}/").status_code == HTTPStatus.NOT_FOUND
