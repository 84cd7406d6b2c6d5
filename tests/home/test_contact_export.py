"""Contact messages in the admin and in their export: safe to open in a spreadsheet, in the practice's words."""

import csv
import datetime
import io
import re
from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from openpyxl import load_workbook
from wagtail.contrib.forms.models import FormSubmission

from home.exports import NOT_GIVEN, in_words, neutralise
from home.factories import DEFAULT_CONTACT_FIELDS, ContactPageFactory
from tests.staff import sign_in

pytestmark = pytest.mark.django_db

HOSTILE_NAME = '=HYPERLINK("http://x")'
HEADINGS = [
    "Submission date",
    "Your name",
    "Message",
    "Preferred contact time",
    "Happy for us to call",
    "How to contact them",
    "Email",
    "Phone",
    "Safe to leave a message",
]


@pytest.fixture
def contact_page(site_root, practice):
    fields = [*DEFAULT_CONTACT_FIELDS, {"label": "Happy for us to call", "field_type": "checkbox", "required": False}]
    return ContactPageFactory(parent=site_root, title="Contact us", slug="contact", fields=fields)


@pytest.fixture
def messages(contact_page):
    """A message that tries a formula and asks for a text, sent at 3:01 am in Asheville, and a plain one."""
    hostile = FormSubmission.objects.create(
        page=contact_page,
        form_data={
            "your_name": HOSTILE_NAME,
            "message": "-5 stars\n@everyone please read",
            "preferred_contact_time": "",
            "happy_for_us_to_call": False,
            "contact_method": "text",
            "email": "",
            "phone": "(828) 555-0100",
            "ok_to_leave_message": False,
        },
    )
    plain = FormSubmission.objects.create(
        page=contact_page,
        form_data={
            "your_name": "Robin",
            "message": "Hello",
            "preferred_contact_time": "Evening",
            "happy_for_us_to_call": True,
            "contact_method": "email",
            "email": "robin@example.com",
            "phone": "",
            "ok_to_leave_message": True,
        },
    )
    FormSubmission.objects.filter(pk=hostile.pk).update(
        submit_time=datetime.datetime(2026, 1, 15, 8, 1, tzinfo=datetime.UTC)
    )
    FormSubmission.objects.filter(pk=plain.pk).update(
        submit_time=datetime.datetime(2026, 7, 4, 16, 0, tzinfo=datetime.UTC)
    )
    return hostile, plain


@pytest.fixture
def staff_client(client):
    sign_in(client, get_user_model().objects.create_superuser("office", "office@example.com", "pw"))
    return client


def export(client, page, file_format):
    response = client.get(f"/admin/forms/submissions/{page.pk}/", {"export": file_format})
    assert response.status_code == HTTPStatus.OK
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_csv_runs_nothing_and_reads_like_the_admin(staff_client, contact_page, messages):
    rows = list(csv.reader(io.StringIO(export(staff_client, contact_page, "csv").decode())))
    assert rows == [
        HEADINGS,
        [
            "Jan. 15, 2026, 3:01 a.m.",
            "'" + HOSTILE_NAME,
            "'-5 stars\n@everyone please read",
            NOT_GIVEN,
            "No",
            "Text message",
            NOT_GIVEN,
            "(828) 555-0100",
            "No",
        ],
        ["July 4, 2026, noon", "Robin", "Hello", "Evening", "Yes", "Email", "robin@example.com", NOT_GIVEN, "Yes"],
    ]


def test_the_xlsx_holds_plain_text_and_local_dates(staff_client, contact_page, messages):
    rows = list(load_workbook(io.BytesIO(export(staff_client, contact_page, "xlsx"))).active.iter_rows())
    assert [cell.value for cell in rows[0]] == HEADINGS
    assert [cell.value for cell in rows[1]] == [
        datetime.datetime(2026, 1, 15, 3, 1),
        HOSTILE_NAME,
        "-5 stars\n@everyone please read",
        NOT_GIVEN,
        "No",
        "Text message",
        NOT_GIVEN,
        "(828) 555-0100",
        "No",
    ]
    assert rows[1][1].data_type == "s"
    assert rows[2][0].value == datetime.datetime(2026, 7, 4, 12, 0)  # Eastern Daylight Time
    assert not [cell.coordinate for row in rows for cell in row if cell.data_type == "f"]


def listed_messages(client, page):
    """The admin's list of messages, as its rows of cells (after each row's checkbox)."""
    response = client.get(f"/admin/forms/submissions/{page.pk}/")
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    table = html[html.index('<table class="listing">') :]
    headings = [re.sub(r"<[^>]+>|\s+", " ", cell).strip() for cell in re.findall(r"<th[^>]*>(.*?)</th>", table, re.S)]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
    cells = [[re.sub(r"\s+", " ", cell).strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.S)] for row in rows]
    return headings[1:], [row[1:] for row in cells if row]


def test_the_admin_list_shows_the_same_words(staff_client, contact_page, messages):
    headings, (newest, oldest) = listed_messages(staff_client, contact_page)
    assert headings == HEADINGS
    assert newest == [
        "July 4, 2026, noon",
        "Robin",
        "Hello",
        "Evening",
        "Yes",
        "Email",
        "robin@example.com",
        NOT_GIVEN,
        "Yes",
    ]
    assert oldest == [
        "Jan. 15, 2026, 3:01 a.m.",
        "=HYPERLINK(&quot;http://x&quot;)",
        "-5 stars @everyone please read",
        NOT_GIVEN,
        "No",
        "Text message",
        NOT_GIVEN,
        "(828) 555-0100",
        "No",
    ]


def test_the_admin_list_keeps_asheville_time_for_staff_who_chose_another_time_zone(
    staff_client, contact_page, messages
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(get_user_model().objects.get(username="office"))
    profile.current_time_zone = "Europe/London"
    profile.save()
    _headings, (newest, oldest) = listed_messages(staff_client, contact_page)
    assert (newest[0], oldest[0]) == ("July 4, 2026, noon", "Jan. 15, 2026, 3:01 a.m.")


def test_a_message_sent_before_the_form_asked_how_to_reach_them_reads_not_given(staff_client, contact_page):
    FormSubmission.objects.create(
        page=contact_page, form_data={"your_name": "Lee", "email": "lee@example.com", "message": "Hi"}
    )
    _headings, (row,) = listed_messages(staff_client, contact_page)
    assert row[1:] == ["Lee", "Hi", NOT_GIVEN, NOT_GIVEN, NOT_GIVEN, "lee@example.com", NOT_GIVEN, NOT_GIVEN]


def test_a_heading_an_editor_wrote_runs_nothing_either(staff_client, site_root, practice):
    page = ContactPageFactory(parent=site_root, slug="contact", fields=[{"label": "=1+1", "field_type": "singleline"}])
    FormSubmission.objects.create(page=page, form_data={})
    assert next(csv.reader(io.StringIO(export(staff_client, page, "csv").decode())))[1] == "'=1+1"
    heading = next(iter(load_workbook(io.BytesIO(export(staff_client, page, "xlsx"))).active.iter_rows()))[1]
    assert heading.data_type == "s"


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+1 828 555 0100", "'+1 828 555 0100"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Sam = me", "Sam = me"),
        ("", ""),
        (3, 3),
    ],
)
def test_neutralise(value, safe):
    assert neutralise(value) == safe


def test_in_words():
    assert [in_words(value) for value in (True, False, None, "", [], "x", 0)] == ["Yes", "No", *[NOT_GIVEN] * 3, "x", 0]
