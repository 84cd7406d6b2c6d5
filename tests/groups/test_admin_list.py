"""The staff list of join requests reads as the practice speaks, as its export does: labels not codes,
Yes / No / Not given, and Asheville's clock, whatever time zone a staff member chose for themselves."""

import datetime
import re
from http import HTTPStatus

import pytest
from wagtail.users.models import UserProfile

from groups.choices import ContactMethod, JoinRequestStatus
from groups.factories import JoinRequestFactory
from groups.models import JoinRequest

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def listed_requests(client):
    """The list's column headings and its rows of cells, as text."""
    response = client.get("/admin/groups/joinrequest/")
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    start = html.index('<table class="listing')
    table = html[start : html.index("</table>", start)]

    def text(cell):
        cell = re.sub(r'<ul class="actions.*?</ul>|<svg.*?</svg>', "", cell, flags=re.S)
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", cell)).strip()

    headings = [text(cell) for cell in re.findall(r"<th[^>]*>(.*?)</th>", table, re.S)]
    rows = [[text(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)] for row in table.split("<tr")[2:]]
    return headings, rows


@pytest.fixture
def requests(make_group):
    group = make_group(title="Tuesday grief circle")
    texted = JoinRequestFactory(
        group=group,
        name="Kim",
        contact_method=ContactMethod.TEXT,
        email="",
        phone="(828) 555-0100",
        ok_to_leave_message=False,
        preferred_session=None,
        status=JoinRequestStatus.WAITLISTED,
    )
    emailed = JoinRequestFactory(
        group=group,
        name="Robin",
        contact_method=ContactMethod.EMAIL,
        ok_to_leave_message=True,
        preferred_session=datetime.datetime(2026, 12, 8, 23, 30, tzinfo=UTC),  # 6:30 pm in Asheville
        status=JoinRequestStatus.NEW,
    )
    # 3:01 am in Asheville in January (Eastern Standard Time); noon in July (Daylight Time).
    JoinRequest.objects.filter(pk=texted.pk).update(created_at=datetime.datetime(2026, 1, 15, 8, 1, tzinfo=UTC))
    JoinRequest.objects.filter(pk=emailed.pk).update(created_at=datetime.datetime(2026, 7, 4, 16, 0, tzinfo=UTC))


def test_the_list_of_requests_is_in_words_and_asheville_time(admin_client, requests):
    headings, (newest, oldest) = listed_requests(admin_client)
    assert headings == [
        "Received",
        "Group",
        "Name",
        "Contact by",
        "Leave a message?",
        "First session",
        "Status",
    ]
    assert newest == [
        "July 4, 2026, noon",
        "Tuesday grief circle",
        "Robin",
        "Email",
        "Yes",
        "Dec. 8, 2026, 6:30 p.m.",
        "New",
    ]
    assert oldest == [
        "Jan. 15, 2026, 3:01 a.m.",
        "Tuesday grief circle",
        "Kim",
        "Text message",
        "No",
        "Not given",
        "On the waiting list",
    ]


def test_the_list_keeps_asheville_time_for_staff_who_chose_another_time_zone(admin_client, admin_user, requests):
    profile = UserProfile.get_for_user(admin_user)
    profile.current_time_zone = "Europe/London"
    profile.save()
    _headings, (newest, oldest) = listed_requests(admin_client)
    assert (newest[0], newest[5], oldest[0]) == (
        "July 4, 2026, noon",
        "Dec. 8, 2026, 6:30 p.m.",
        "Jan. 15, 2026, 3:01 a.m.",
    )


def test_the_list_still_sorts_by_its_columns(admin_client, requests):
    response = admin_client.get("/admin/groups/joinrequest/", {"o": "0"})  # by when received, oldest first
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert html.index("Kim") < html.index("Robin")
