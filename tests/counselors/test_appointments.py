"""Asking for a first appointment: the form, its safeguards, who reads the requests, the export and the purge."""

import csv
import datetime
import io
import re
from http import HTTPStatus

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone

from counselors.choices import AppointmentRequestStatus, MeetingPreference, Payment
from counselors.factories import AppointmentRequestFactory, AppointmentRequestPageFactory
from counselors.models import AppointmentRequest
from home.roles import (
    COORDINATORS,
    EDITORS,
    HEALTH_INFORMATION_PERMISSIONS,
    INTAKE_COORDINATORS,
    MODERATORS,
    TWO_FACTOR_ROLES,
)
from tests.staff import sign_in, staff_user

pytestmark = pytest.mark.django_db

ADMIN_LIST = "/admin/counselors/appointmentrequest/"


@pytest.fixture
def appointment_page(site_root):
    return AppointmentRequestPageFactory(
        parent=site_root, title="Request an appointment", slug="request-an-appointment"
    )


def form_data(**overrides):
    data = {
        "name": "Robin",
        "contact_method": "email",
        "email": "robin@example.org",
        "phone": "",
        "contact_times": ["morning"],
        "ok_to_leave_message": "no",
        "help_with": "Sleeping badly since my divorce.",
        "counselor": "",
        "meeting_preference": "telehealth",
        "session_times": ["weekday_evening", "saturday"],
        "payment": "self_pay",
        "insurance_plan": "",
        "website": "",
    }
    data.update(overrides)
    return data


def submission_key(html):
    return re.search(r'<input type="hidden" name="submission_key" value="([^"]+)"', html).group(1)


def test_a_valid_request_is_saved_once_and_the_visitor_told_what_happens_next(
    client, appointment_page, counselors, plans, practice
):
    data = form_data(counselor=str(counselors["jordan"].pk), payment="insurance", insurance_plan=plans["medicaid"].pk)
    response = client.post(appointment_page.url, data)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"{appointment_page.url}thank-you/"
    saved = AppointmentRequest.objects.get()
    assert (saved.name, saved.email, saved.ok_to_leave_message) == ("Robin", "robin@example.org", False)
    assert saved.counselor_id == counselors["jordan"].pk and saved.insurance_plan == plans["medicaid"]
    assert saved.contact_times == ["morning"] and saved.session_times == ["weekday_evening", "saturday"]
    assert (saved.meeting_preference, saved.payment) == (MeetingPreference.TELEHEALTH, Payment.INSURANCE)
    assert saved.status == AppointmentRequestStatus.NEW

    html = client.get(response["Location"]).content.decode()
    assert "What happens next" in html and "will get in touch <strong>by " in html
    assert 'href="tel:988"' in html
    assert "Robin" not in html and "robin@example.org" not in html and "divorce" not in html


def test_the_form_page_is_private_and_says_who_reads_it_and_when(client, appointment_page, counselors, practice):
    response = client.get(appointment_page.url)
    assert response.status_code == HTTPStatus.OK
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    html = response.content.decode()
    assert "Only our intake coordinator reads your request" in html and "within 2 working days" in html
    assert 'href="tel:988"' in html and 'href="tel:911"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    # Counselors taking new clients or keeping a waiting list are offered; those who are not, not.
    assert "Jordan Reyes" in html and "Ana Ruiz (waiting list)" in html and "Sam Lee" not in html
    assert "No preference" in html


def test_the_form_says_what_a_first_session_costs_beside_the_question_of_payment(client, appointment_page):
    from counselors.fees import FeeSettings

    assert "counselor-cost" not in client.get(appointment_page.url).content.decode()
    fees = FeeSettings.load()
    fees.first_fee = 160
    fees.save()
    assert (
        '<p class="counselor-cost">A first session costs $160. </p>'
        in client.get(appointment_page.url).content.decode()
    )


def test_a_counselor_is_preselected_from_their_page(client, appointment_page, counselors):
    jordan = counselors["jordan"]
    html = client.get(appointment_page.url, {"counselor": jordan.pk}).content.decode()
    assert f'<option value="{jordan.pk}" selected>Jordan Reyes</option>' in html


@pytest.mark.parametrize(
    "value",
    ["garbage", "-1", "999999", "1" * 40, "1\x00", "%00", "", "1.5", "\uff11"],
    ids=["word", "negative", "unknown", "huge", "null-byte", "encoded-null", "empty", "decimal", "fullwidth-digit"],
)
def test_an_unknown_or_malformed_counselor_gives_the_form_without_preselection(
    client, appointment_page, counselors, value
):
    response = client.get(appointment_page.url, {"counselor": value})
    assert response.status_code == HTTPStatus.OK
    assert not re.search(r'<option value="\d+" selected>', response.content.decode())


def test_a_counselor_not_taking_clients_is_not_preselected(client, appointment_page, counselors):
    html = client.get(appointment_page.url, {"counselor": counselors["sam"].pk}).content.decode()
    assert "Sam Lee" not in html


def test_counselor_pages_and_the_index_link_to_the_form(client, appointment_page, counselors, counselor_index):
    jordan = client.get(counselors["jordan"].url).content.decode()
    assert f'href="{appointment_page.url}?counselor={counselors["jordan"].pk}"' in jordan
    sam = client.get(counselors["sam"].url).content.decode()
    assert f'href="{appointment_page.url}"' in sam and "not taking new clients just now" in sam
    index = client.get(counselor_index.url).content.decode()
    assert f'href="{appointment_page.url}"' in index


def test_without_an_appointment_page_counselor_pages_still_show(client, counselors):
    response = client.get(counselors["jordan"].url)
    assert response.status_code == HTTPStatus.OK
    assert "Ask for a first appointment" not in response.content.decode()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": ""}, "name"),
        ({"contact_method": ""}, "contact_method"),
        ({"contact_method": "phone", "phone": ""}, "phone"),
        ({"email": "robin@typo"}, "email"),
        ({"phone": "12"}, "phone"),
        ({"ok_to_leave_message": "maybe"}, "ok_to_leave_message"),
        ({"payment": ""}, "payment"),
        ({"payment": "bitcoin"}, "payment"),
        ({"meeting_preference": "moon"}, "meeting_preference"),
        ({"counselor": "999999"}, "counselor"),
        ({"counselor": "x\x00"}, "counselor"),
        ({"insurance_plan": "1" * 40}, "insurance_plan"),
        ({"contact_times": ["midnight"]}, "contact_times"),
        ({"session_times": ["sunday"]}, "session_times"),
        ({"help_with": "x" * 50_000}, "help_with"),
        ({"name": "x" * 50_000}, "name"),
    ],
    ids=[
        "no-name",
        "no-method",
        "phone-missing",
        "bad-email",
        "short-phone",
        "bad-message-answer",
        "no-payment",
        "unknown-payment",
        "unknown-meeting",
        "unknown-counselor",
        "null-byte-counselor",
        "huge-plan",
        "unknown-contact-time",
        "unknown-session-time",
        "huge-help",
        "huge-name",
    ],
)
def test_bad_input_gives_the_form_with_its_errors_never_a_500(client, appointment_page, counselors, overrides, field):
    response = client.post(appointment_page.url, form_data(**overrides))
    assert response.status_code == HTTPStatus.BAD_REQUEST
    html = response.content.decode()
    assert (
        ("Please check" in html and f'id="id_{field}_error"' in html) or f"id_{field}_0_error" in html or field in html
    )
    assert AppointmentRequest.objects.count() == 0


def test_null_bytes_in_text_are_a_form_error_not_a_500(client, appointment_page):
    response = client.post(appointment_page.url, form_data(name="Ro\x00bin", help_with="a\x00b"))
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert AppointmentRequest.objects.count() == 0


def test_a_plan_is_kept_only_with_insurance(client, appointment_page, plans):
    client.post(appointment_page.url, form_data(payment="self_pay", insurance_plan=plans["medicare"].pk))
    assert AppointmentRequest.objects.get().insurance_plan is None


def test_honeypot_looks_like_success_and_saves_nothing(client, appointment_page):
    response = client.post(appointment_page.url, form_data(website="http://spam.example"))
    assert response.status_code == HTTPStatus.FOUND
    assert AppointmentRequest.objects.count() == 0
    assert mail.outbox == []


@override_settings(FORM_RATE_LIMIT="2/h")
def test_rate_limit_answers_429_and_keeps_what_was_typed(client, appointment_page):
    for name in ("Robin", "Sam"):
        assert client.post(appointment_page.url, form_data(name=name)).status_code == HTTPStatus.FOUND
    response = client.post(appointment_page.url, form_data(name="Alex"))
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    html = response.content.decode()
    assert "Your request has not been sent yet" in html
    assert 'name="name" value="Alex"' in html and 'value="robin@example.org"' in html
    assert "Sleeping badly since my divorce.</textarea>" in html
    assert "no-store" in response["Cache-Control"]
    assert AppointmentRequest.objects.count() == 2


@override_settings(FORM_RATE_LIMIT="1/h")
def test_the_same_form_sent_twice_is_stored_once(client, appointment_page, django_capture_on_commit_callbacks):
    key = submission_key(client.get(appointment_page.url).content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        responses = [client.post(appointment_page.url, form_data(submission_key=key)) for _ in range(2)]
    assert [response.status_code for response in responses] == [HTTPStatus.FOUND, HTTPStatus.FOUND]
    assert AppointmentRequest.objects.count() == 1
    assert len(mail.outbox) == 1


def test_two_posts_racing_with_one_key_store_one_request(appointment_page):
    from counselors.appointment_forms import AppointmentRequestForm

    key = "k" * 32
    forms = [AppointmentRequestForm(form_data(submission_key=key)) for _ in range(2)]
    assert all(form.is_valid() for form in forms)
    first, created = forms[0].save_once()
    assert created
    assert forms[1].save_once() == (first, False)


def test_csrf_is_enforced(appointment_page):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(appointment_page.url, form_data()).status_code == HTTPStatus.FORBIDDEN
    assert AppointmentRequest.objects.count() == 0


@override_settings(STAFF_NOTIFICATION_EMAILS=["office@example.com"], WAGTAILADMIN_BASE_URL="https://site.example")
def test_staff_are_emailed_a_link_and_none_of_the_details(
    client, appointment_page, counselors, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(appointment_page.url, form_data(counselor=str(counselors["jordan"].pk)))
    (email,) = mail.outbox
    assert f"https://site.example{ADMIN_LIST}" in email.body
    text = email.subject + email.body
    for detail in ("Robin", "robin@example.org", "divorce", "Jordan", "Self-pay", "self_pay", "telehealth"):
        assert detail not in text


@override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_HOST="127.0.0.1", EMAIL_PORT=2599)
def test_with_the_mail_server_down_the_request_is_saved_and_the_visitor_thanked(
    client, appointment_page, django_capture_on_commit_callbacks, caplog
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(appointment_page.url, form_data())
    assert response.status_code == HTTPStatus.FOUND
    assert AppointmentRequest.objects.count() == 1
    assert "not sent" in caplog.text and "robin@example.org" not in caplog.text


def test_requests_are_not_logged(client, appointment_page, caplog):
    with caplog.at_level("DEBUG"):
        client.post(appointment_page.url, form_data(name="Quentin", email="quentin@example.org"))
        client.post(appointment_page.url, form_data(name="Quentin", email="bad@"))
    assert AppointmentRequest.objects.count() == 1
    assert "Quentin" not in caplog.text and "quentin@example.org" not in caplog.text and "divorce" not in caplog.text


def test_str_of_a_request_carries_no_personal_detail():
    request = AppointmentRequestFactory(name="Robin")
    assert str(request) == f"Appointment request #{request.pk}"


# Who reads requests ---------------------------------------------------------------------------


def test_the_intake_role_exists_reads_only_appointment_requests_and_uses_two_factor():
    from django.contrib.auth.models import Group

    group = Group.objects.get(name=INTAKE_COORDINATORS)
    codenames = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}
    assert codenames >= {
        "wagtailadmin.access_admin",
        "counselors.view_appointmentrequest",
        "counselors.change_appointmentrequest",
    }
    # Nothing else health-related, no page and nothing to edit or publish (Wagtail's own migrations add
    # choosing documents to every group that uses the admin).
    assert codenames & set(HEALTH_INFORMATION_PERMISSIONS) == {
        "counselors.view_appointmentrequest",
        "counselors.change_appointmentrequest",
    }
    assert codenames - {"wagtaildocs.choose_document"} == {
        "wagtailadmin.access_admin",
        "counselors.view_appointmentrequest",
        "counselors.change_appointmentrequest",
    }
    assert not group.page_permissions.exists()
    assert INTAKE_COORDINATORS in TWO_FACTOR_ROLES
    assert {"counselors.view_appointmentrequest", "counselors.change_appointmentrequest"} <= set(
        HEALTH_INFORMATION_PERMISSIONS
    )
    for other in (EDITORS, MODERATORS, COORDINATORS):
        held = Group.objects.get(name=other).permissions.filter(content_type__app_label="counselors")
        assert not held.filter(codename__endswith="appointmentrequest").exists(), other


@pytest.mark.parametrize(
    ("role", "may_read"),
    [(EDITORS, False), (MODERATORS, False), (COORDINATORS, False), (INTAKE_COORDINATORS, True), (None, True)],
    ids=["editors", "moderators", "group-coordinators", "intake-coordinators", "administrators"],
)
def test_only_intake_coordinators_and_administrators_read_requests(client, site_root, role, may_read, admin_user):
    request = AppointmentRequestFactory(name="zq-intake-marker")
    user = staff_user(role, f"user-{abs(hash(role)) % 1000}") if role else admin_user
    sign_in(client, user)
    listing = client.get(ADMIN_LIST)
    detail = client.get(f"{ADMIN_LIST}inspect/{request.pk}/")
    dashboard = client.get("/admin/").content.decode()
    if may_read:
        assert listing.status_code == HTTPStatus.OK and "zq-intake-marker" in listing.content.decode()
        assert detail.status_code == HTTPStatus.OK
        assert "Appointment requests awaiting a reply" in dashboard
    else:
        assert listing.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
        assert detail.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
        assert "Appointment requests awaiting a reply" not in dashboard
    assert "zq-intake-marker" not in dashboard


def test_nobody_reads_requests_without_signing_in(client, site_root):
    AppointmentRequestFactory()
    response = client.get(ADMIN_LIST)
    assert response.status_code == HTTPStatus.FOUND and "/admin/login/" in response["Location"]


def test_intake_coordinators_answer_but_cannot_add_or_delete(client, site_root):
    request = AppointmentRequestFactory()
    sign_in(client, staff_user(INTAKE_COORDINATORS, "intake"))
    response = client.post(
        f"{ADMIN_LIST}edit/{request.pk}/", {"status": "contacted", "staff_notes": "Called Tuesday, booked."}
    )
    assert response.status_code == HTTPStatus.FOUND
    request.refresh_from_db()
    assert request.status == AppointmentRequestStatus.CONTACTED
    assert client.get(f"{ADMIN_LIST}create/").status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    client.post(f"{ADMIN_LIST}delete/{request.pk}/")
    assert AppointmentRequest.objects.filter(pk=request.pk).exists()


def test_the_dashboard_counts_new_requests_without_details(client, site_root):
    AppointmentRequestFactory(name="zq-dash-marker", email="zq-dash@example.org")
    AppointmentRequestFactory(status=AppointmentRequestStatus.CONTACTED)
    sign_in(client, staff_user(INTAKE_COORDINATORS, "intake"))
    html = client.get("/admin/").content.decode()
    assert "1 new request for a first appointment" in html
    assert "zq-dash" not in html


# Export and purge -------------------------------------------------------------------------------


def test_the_list_filters_name_no_preference_and_no_plan_in_words(admin_client, site_root, counselors):
    AppointmentRequestFactory(name="Robin Nopreference", counselor=None, insurance_plan=None)
    html = admin_client.get(ADMIN_LIST).content.decode()
    assert ">No preference<" in html and ">No plan given<" in html
    assert "Robin Nopreference" in admin_client.get(ADMIN_LIST, {"counselor__isnull": "True"}).content.decode()
    assert "Robin Nopreference" not in admin_client.get(ADMIN_LIST, {"counselor__isnull": "False"}).content.decode()


def test_the_export_is_in_words_in_local_time_and_safe_to_open(admin_client, site_root, counselors, plans):
    received = datetime.datetime(2026, 1, 15, 15, 1, tzinfo=datetime.UTC)
    request = AppointmentRequestFactory(
        name="=HYPERLINK(1)",
        counselor=counselors["jordan"],
        payment=Payment.INSURANCE,
        insurance_plan=plans["medicaid"],
        help_with="",
        ok_to_leave_message=True,
    )
    AppointmentRequest.objects.filter(pk=request.pk).update(created_at=received)
    response = admin_client.get(ADMIN_LIST, {"export": "csv"})
    assert response.status_code == HTTPStatus.OK
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    (row,) = rows
    assert row["Name"] == "'=HYPERLINK(1)"
    assert row["Safe to leave a message"] == "Yes"
    assert row["What they would like help with"] == "Not given"
    assert row["Preferred counselor"] == "Jordan Reyes"
    assert row["How they expect to pay"] == "With my insurance"
    assert row["Insurance plan"] == "Medicaid (NC Medicaid Managed Care)"
    assert row["When to contact them"] == "Mornings (9am to noon)"
    assert row["Received"] == "Jan. 15, 2026, 10:01 a.m."  # Asheville's clock
    xlsx = admin_client.get(ADMIN_LIST, {"export": "xlsx"})
    assert xlsx.status_code == HTTPStatus.OK


def test_purge_deletes_requests_past_retention_only(site_root):
    old = AppointmentRequestFactory()
    AppointmentRequest.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=200))
    recent = AppointmentRequestFactory()
    out = io.StringIO()
    call_command("purge_appointment_requests", "--dry-run", stdout=out)
    assert "1 appointment request(s) older than 180 days would be deleted" in out.getvalue()
    assert AppointmentRequest.objects.count() == 2
    call_command("purge_appointment_requests", stdout=out)
    assert list(AppointmentRequest.objects.all()) == [recent]
    assert "Deleted 1 appointment request(s)" in out.getvalue()


@override_settings(APPOINTMENT_REQUEST_RETENTION_DAYS=10)
def test_purge_follows_the_setting(site_root):
    request = AppointmentRequestFactory()
    AppointmentRequest.objects.filter(pk=request.pk).update(created_at=timezone.now() - datetime.timedelta(days=11))
    call_command("purge_appointment_requests", stdout=io.StringIO())
    assert AppointmentRequest.objects.count() == 0


# Never anywhere else -------------------------------------------------------------------------------


def test_a_request_is_in_no_page_search_feed_or_api(client, appointment_page, counselors, counselor_index, caplog):
    """The marker crawl for appointment requests: sent through the form, then looked for everywhere public."""
    marker = "zq7appointmentmarker"
    with caplog.at_level("DEBUG"):
        client.post(
            appointment_page.url,
            form_data(name=marker, email=f"{marker}@example.org", help_with=f"help {marker}"),
        )
    assert AppointmentRequest.objects.filter(name=marker).exists()
    urls = [
        "/",
        appointment_page.url,
        f"{appointment_page.url}thank-you/",
        counselor_index.url,
        *(page.url for page in counselors.values()),
        f"/search/?query={marker[:6]}",
        "/sitemap.xml",
        "/api/v2/pages/?limit=50&fields=*",
        f"/api/v2/pages/{appointment_page.pk}/?fields=*",
        f"/api/v2/pages/?search={marker[:6]}",
        f"/api/v3/pages/{appointment_page.pk}/",
        "/api/v3/pages/?limit=50",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code < HTTPStatus.INTERNAL_SERVER_ERROR, url
        assert marker not in response.content.decode(), url
    assert marker not in caplog.text
    assert all(marker not in message.subject + message.body for message in mail.outbox)
