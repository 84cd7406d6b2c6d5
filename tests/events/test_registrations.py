"""Asking for a place at an event: the model and its places, the form and its safeguards, the pages,
who reads the requests in the admin, the export, the purge, the staff email, the dashboard panel and
the race for the last place (PostgreSQL)."""

import contextlib
import csv
import datetime
import io
import re
import threading
from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, ReferenceIndex

from events import registrations
from events.choices import EventStatus, Registration, RegistrationStatus
from events.factories import EventRegistrationFactory
from events.models import EventPage, EventRegistration
from events.registration_forms import EventRegistrationForm
from home.content_version import content_last_changed
from home.roles import (
    COORDINATORS,
    EDITORS,
    HEALTH_INFORMATION_PERMISSIONS,
    INTAKE_COORDINATORS,
    MODERATORS,
)
from home.two_factor import must_use_two_factor
from tests.staff import sign_in, staff_user

pytestmark = pytest.mark.django_db

ADMIN_LIST = "/admin/events/eventregistration/"
PLACES_HEADING = "Places at upcoming events"


def register_url(event):
    return f"{event.url}register/"


def thank_you_url(event):
    return f"{event.url}register/thank-you/"


def form_data(**overrides):
    data = {
        "name": "Robin",
        "contact_method": "email",
        "email": "robin@example.org",
        "phone": "",
        "ok_to_leave_message": "no",
        "note": "I use a wheelchair.",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def submission_key(html):
    return re.search(r'<input type="hidden" name="submission_key" value="([^"]+)"', html).group(1)


@pytest.fixture
def make_form_event(make_event):
    def make(**fields):
        return make_event(**{"title": "Mindful walking morning", "registration": Registration.FORM, **fields})

    return make


@pytest.fixture
def event(make_form_event):
    return make_form_event(capacity=2)


@pytest.fixture
def past_dates():
    now = timezone.now().replace(microsecond=0)
    return [(now - datetime.timedelta(days=3), now - datetime.timedelta(days=3, hours=-2))]


# The model and its places -----------------------------------------------------------------------


def test_str_of_a_request_carries_no_personal_detail(event):
    registration = EventRegistrationFactory(event=event, name="Robin", email="robin@example.org")
    assert str(registration) == f"Event registration #{registration.pk}"


def test_new_contacted_and_confirmed_hold_places_the_others_do_not(event):
    for status in RegistrationStatus:
        EventRegistrationFactory(event=event, status=status)
    assert registrations.places_taken(event) == 3
    assert registrations.is_full(event)


def test_a_request_takes_a_place_while_there_is_one_then_joins_the_waiting_list(event):
    statuses = [
        EventRegistration.objects.request_place(
            event, name=name, contact_method="email", email=f"{name}@example.org", consented_at=timezone.now()
        ).status
        for name in ("ana", "ben", "cy")
    ]
    assert statuses == [RegistrationStatus.NEW, RegistrationStatus.NEW, RegistrationStatus.WAITLISTED]


def test_without_a_limit_every_request_takes_a_place(make_form_event):
    event = make_form_event(capacity=None)
    EventRegistrationFactory.create_batch(5, event=event)
    assert registrations.has_room(event) and not registrations.is_full(event)


def test_an_event_set_to_full_puts_every_request_on_the_waiting_list(make_form_event):
    event = make_form_event(capacity=None, status=EventStatus.FULL)
    assert not registrations.has_room(event)


def test_request_place_checks_again_with_the_row_locked(event):
    """The event cancelled after the caller read it: the locked row's status decides, nothing is saved."""
    EventPage.objects.filter(pk=event.pk).update(status=EventStatus.CANCELLED)
    with pytest.raises(registrations.RegistrationsClosed):
        EventRegistration.objects.request_place(
            event, name="ana", contact_method="email", email="ana@example.org", consented_at=timezone.now()
        )
    assert EventRegistration.objects.count() == 0


def test_requests_are_not_in_the_reference_index_nor_content(event):
    before = content_last_changed()
    registration = EventRegistrationFactory(event=event)
    registration.status = RegistrationStatus.CONTACTED
    registration.save()
    assert content_last_changed() == before
    assert not ReferenceIndex.objects.filter(base_content_type__model="eventregistration").exists()


# The pages -------------------------------------------------------------------------------------


def test_a_valid_request_is_saved_and_the_visitor_told_what_happens_next(client, event, practice):
    response = client.post(register_url(event), form_data())
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == thank_you_url(event)
    saved = EventRegistration.objects.get()
    assert (saved.event_id, saved.name, saved.contact_method, saved.email) == (
        event.pk,
        "Robin",
        "email",
        "robin@example.org",
    )
    assert saved.ok_to_leave_message is False and saved.note == "I use a wheelchair."
    assert saved.status == RegistrationStatus.NEW and saved.consented_at is not None

    html = client.get(response["Location"]).content.decode()
    assert "What happens next" in html and "You asked for a place at <strong>Mindful walking morning</strong>" in html
    assert "waiting list</strong>" not in html
    assert 'href="tel:988"' in html
    assert '<meta name="robots" content="noindex">' in html
    assert "Robin" not in html and "robin@example.org" not in html


def test_the_register_page_is_private_names_the_event_and_leads_back(client, event, practice):
    response = client.get(register_url(event))
    assert response.status_code == HTTPStatus.OK
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "<h1>Ask for a place at Mindful walking morning</h1>" in html
    assert f'<li><a href="{event.url}">Mindful walking morning</a></li>' in html
    assert '<span aria-current="page">Ask for a place</span>' in html
    assert f'action="{register_url(event)}"' in html
    assert "This form is not an emergency line." in html and 'href="tel:988"' in html
    assert "we delete it 180 days after you send it, or once the event has taken place if that is later" in html
    assert '<meta name="robots" content="noindex">' in html
    assert "This event is full" not in html


def test_the_event_page_links_to_the_register_page_and_carries_no_form(client, event):
    response = client.get(event.url)
    html = response.content.decode()
    assert f'href="{register_url(event)}"' in html and "Ask for a place</a>" in html
    assert "csrfmiddlewaretoken" not in html and "join-form" not in html
    assert "private" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("how", [Registration.FORM, Registration.PHONE], ids=["form", "phone"])
def test_places_are_limited_only_when_there_is_a_limit(client, make_form_event, how):
    unlimited = make_form_event(registration=how, capacity=None)
    html = client.get(unlimited.url).content.decode()
    assert "Places are limited" not in html and "Please ask for a place before coming" in html
    limited = make_form_event(registration=how, capacity=12)
    assert "Places are limited" in client.get(limited.url).content.decode()


@pytest.mark.parametrize("how", [Registration.NONE, Registration.PHONE], ids=["just-come", "by-phone"])
def test_an_event_that_does_not_ask_with_the_form_has_no_register_page(client, make_event, how, practice):
    event = make_event(registration=how)
    assert client.get(register_url(event)).status_code == HTTPStatus.NOT_FOUND
    assert client.post(register_url(event), form_data()).status_code == HTTPStatus.NOT_FOUND
    assert client.get(thank_you_url(event)).status_code == HTTPStatus.NOT_FOUND
    assert register_url(event) not in client.get(event.url).content.decode()
    assert EventRegistration.objects.count() == 0


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": ""}, "name", "Please tell us what to call you"),
        ({"email": ""}, "email", "You asked us to email you: please enter your email address."),
        ({"contact_method": "phone", "phone": ""}, "phone", "You asked us to call you"),
        ({"contact_method": "text", "phone": "12345"}, "phone", "Enter a 10-digit US phone number"),
        ({"email": "not-an-email"}, "email", "Enter a valid email address."),
        ({"contact_method": "pigeon"}, "contact_method", "Select a valid choice."),
        ({"ok_to_leave_message": ""}, "ok_to_leave_message", "Please tell us whether it is safe"),
        ({"note": "x" * 1001}, "note", "Please keep the note to 1000 characters or fewer."),
        ({"consent": ""}, "consent", "Please tick the box"),
        ({"name": "Ro\x00bin"}, "name", "Null characters are not allowed."),
    ],
    ids=["name", "email", "phone", "phone-digits", "email-valid", "method", "message", "note", "consent", "null"],
)
def test_mistakes_give_the_form_with_what_to_fix(client, event, overrides, field, message):
    response = client.post(register_url(event), form_data(**overrides))
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert message in " ".join(response.context["form"].errors[field])
    assert "Please check one thing in the form" in response.content.decode()
    assert EventRegistration.objects.count() == 0


def test_a_phone_number_is_kept_the_one_way_staff_read_it(client, event):
    client.post(register_url(event), form_data(contact_method="text", email="", phone="828.555.0123"))
    assert EventRegistration.objects.get().phone == "(828) 555-0123"


def test_honeypot_looks_like_success_and_saves_nothing(client, event):
    response = client.post(register_url(event), form_data(website="http://spam.example"))
    assert response.status_code == HTTPStatus.FOUND and response["Location"] == thank_you_url(event)
    assert EventRegistration.objects.count() == 0
    assert mail.outbox == []


@override_settings(FORM_RATE_LIMIT="2/h")
def test_rate_limit_answers_429_and_keeps_what_was_typed(client, make_form_event):
    event = make_form_event(capacity=None)
    for _ in range(2):
        assert client.post(register_url(event), form_data()).status_code == HTTPStatus.FOUND
    response = client.post(register_url(event), form_data())
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    html = response.content.decode()
    assert "Your request has not been sent yet" in html
    assert 'name="name" value="Robin"' in html and "I use a wheelchair.</textarea>" in html
    assert EventRegistration.objects.count() == 2


@override_settings(FORM_RATE_LIMIT="1/h")
def test_the_same_form_sent_twice_is_one_request_and_one_email(client, event, django_capture_on_commit_callbacks):
    key = submission_key(client.get(register_url(event)).content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        responses = [client.post(register_url(event), form_data(submission_key=key)) for _ in range(2)]
    assert {response["Location"] for response in responses} == {thank_you_url(event)}
    assert EventRegistration.objects.count() == 1
    assert len(mail.outbox) == 1


def test_two_posts_racing_with_one_key_store_one_request(event):
    key = "k" * 32
    forms = [EventRegistrationForm(form_data(submission_key=key), event=event) for _ in range(2)]
    assert all(form.is_valid() for form in forms)
    assert [form.earlier_submission() for form in forms] == [None, None]
    first, created = forms[0].save_once()
    assert created
    assert forms[1].save_once() == (first, False)
    assert EventRegistration.objects.count() == 1


def test_csrf_is_enforced(event):
    client = Client(enforce_csrf_checks=True)
    assert client.post(register_url(event), form_data()).status_code == HTTPStatus.FORBIDDEN
    token = client.get(register_url(event)).cookies["csrftoken"].value
    response = client.post(register_url(event), {**form_data(), "csrfmiddlewaretoken": token})
    assert response.status_code == HTTPStatus.FOUND


def test_a_full_event_says_so_and_takes_requests_for_the_waiting_list(client, event):
    EventRegistrationFactory.create_batch(2, event=event, status=RegistrationStatus.CONFIRMED)
    event_html = client.get(event.url).content.decode()
    assert "This event is full." in event_html and "Join the waiting list</a>" in event_html
    page = client.get(register_url(event)).content.decode()
    assert "This event is full." in page and "put you on the <strong>waiting list</strong>" in page
    response = client.post(register_url(event), form_data())
    assert response["Location"] == f"{thank_you_url(event)}?list=waiting"
    assert EventRegistration.objects.latest("created_at").status == RegistrationStatus.WAITLISTED
    assert "you are on its <strong>waiting list</strong>" in client.get(response["Location"]).content.decode()


def test_a_place_given_up_is_free_for_the_next_request(client, event):
    EventRegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED)
    EventRegistrationFactory(event=event, status=RegistrationStatus.DECLINED)
    EventRegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)
    assert client.post(register_url(event), form_data())["Location"] == thank_you_url(event)


def test_an_event_the_editor_set_to_full_takes_requests_for_the_waiting_list(client, make_form_event):
    event = make_form_event(capacity=None, status=EventStatus.FULL)
    assert "This event is full." in client.get(register_url(event)).content.decode()
    client.post(register_url(event), form_data())
    assert EventRegistration.objects.get().status == RegistrationStatus.WAITLISTED


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"status": EventStatus.CANCELLED}, "This event is cancelled, so we are not taking requests"),
        ({"past": True}, "This event has taken place, so we are no longer taking requests"),
        ({"status": EventStatus.POSTPONED, "past": True}, "This event is postponed: we will take requests again"),
    ],
    ids=["cancelled", "past", "postponed-without-a-new-date"],
)
def test_cancelled_and_past_events_refuse_requests_clearly(client, make_form_event, past_dates, fields, words):
    fields = dict(fields)
    if fields.pop("past", False):
        fields["dates"] = past_dates
    event = make_form_event(**fields)
    page = client.get(register_url(event))
    assert page.status_code == HTTPStatus.OK
    assert words in page.content.decode() and "join-form" not in page.content.decode()
    response = client.post(register_url(event), form_data())
    assert response.status_code == HTTPStatus.CONFLICT
    assert words in response.content.decode() and "Nothing has been sent or saved" in response.content.decode()
    assert "private" in response["Cache-Control"]
    assert EventRegistration.objects.count() == 0
    assert register_url(event) not in client.get(event.url).content.decode()


def test_a_postponed_event_without_its_new_date_takes_no_request_for_the_old_one(client, make_form_event, practice):
    event = make_form_event(capacity=10, status=EventStatus.POSTPONED)  # its date is still to come
    assert event.next_date is not None and not event.is_rescheduled
    assert not registrations.takes_registrations(event)
    page = client.get(register_url(event)).content.decode()
    assert "This event is postponed: we will take requests again once the new date is set." in page
    assert "join-form" not in page
    response = client.post(register_url(event), form_data())
    assert response.status_code == HTTPStatus.CONFLICT
    assert EventRegistration.objects.count() == 0
    event_html = client.get(event.url).content.decode()
    assert register_url(event) not in event_html and "Ask for a place" not in event_html
    assert "Places are limited" not in event_html
    assert "We will take requests for a place again once the new date is set" in event_html
    assert practice.phone in event_html


def test_a_rescheduled_event_takes_requests_for_its_new_date(client, make_form_event):
    event = make_form_event(
        capacity=10, status=EventStatus.POSTPONED, previous_start=timezone.now() - datetime.timedelta(days=1)
    )
    assert registrations.takes_registrations(event)
    assert "join-form" in client.get(register_url(event)).content.decode()
    assert "Ask for a place</a>" in client.get(event.url).content.decode()


def test_an_event_cancelled_while_the_form_is_checked_saves_nothing_and_answers_409(
    client, event, monkeypatch, django_capture_on_commit_callbacks
):
    original = EventRegistrationForm.create_submission

    def cancelled_meanwhile(form, **extra):
        EventPage.objects.filter(pk=event.pk).update(status=EventStatus.CANCELLED)
        return original(form, **extra)

    monkeypatch.setattr(EventRegistrationForm, "create_submission", cancelled_meanwhile)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url(event), form_data())
    assert response.status_code == HTTPStatus.CONFLICT
    page = response.content.decode()
    assert "This event is cancelled, so we are not taking requests" in page
    assert "Nothing has been sent or saved" in page and "join-form" not in page
    assert "private" in response["Cache-Control"]
    assert EventRegistration.objects.count() == 0
    assert mail.outbox == []


@override_settings(STAFF_NOTIFICATION_EMAILS=["office@example.com"], WAGTAILADMIN_BASE_URL="https://site.example")
def test_staff_are_emailed_a_link_and_none_of_the_details(client, event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(register_url(event), form_data(note="My therapist suggested it"))
    (email,) = mail.outbox
    assert email.to == ["office@example.com"]
    assert "https://site.example/admin/events/eventregistration/" in email.body
    text = email.subject + email.body
    for detail in ("Robin", "robin@example.org", "therapist", "Mindful walking"):
        assert detail not in text


@override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_HOST="127.0.0.1", EMAIL_PORT=2599)
def test_with_the_mail_server_down_the_request_is_saved_and_the_visitor_thanked(
    client, event, django_capture_on_commit_callbacks, caplog
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url(event), form_data())
    assert response["Location"] == thank_you_url(event)
    assert EventRegistration.objects.count() == 1
    assert "robin@example.org" not in caplog.text


@override_settings(FORM_RATE_LIMIT="1/h")
def test_with_the_cache_down_requests_are_still_saved_and_the_visitor_thanked(client, event, redis_down):
    """The rate limit's cache (Redis) down: the limit fails open, nothing a visitor sends is refused or lost."""
    for name in ("Robin", "Sam"):
        response = client.post(register_url(event), form_data(name=name))
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"] == thank_you_url(event)
    assert EventRegistration.objects.count() == 2


def test_requests_are_not_logged(client, event, caplog):
    with caplog.at_level("DEBUG"):
        client.post(register_url(event), form_data(name="Quentin", email="quentin@example.org"))
    assert EventRegistration.objects.count() == 1
    assert "Quentin" not in caplog.text and "quentin@example.org" not in caplog.text


def test_a_request_is_in_no_page_search_feed_or_api(client, event, practice):
    marker = "zq7eventregistrationmarker"
    client.post(register_url(event), form_data(name=marker, email=f"{marker}@example.org", note=f"note {marker}"))
    assert EventRegistration.objects.filter(name=marker).exists()
    urls = [
        "/",
        event.url,
        register_url(event),
        thank_you_url(event),
        event.get_parent().url,
        event.get_calendar_path(),
        "/events/calendar.ics",
        f"/search/?query={marker[:8]}",
        "/sitemap.xml",
        f"/api/v2/pages/{event.pk}/?fields=*",
        "/api/v2/pages/?type=events.EventPage&fields=*",
        f"/api/v3/pages/{event.pk}/",
        "/api/v3/pages/?type=events.EventPage",
        "/api/v3/openapi.json",
        "/api/hsds/services?per_page=50",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code < HTTPStatus.INTERNAL_SERVER_ERROR, url
        body = response.content.decode()
        for secret in (marker, "eventregistration", "EventRegistration"):
            assert secret not in body, (url, secret)
    assert list(Page.objects.search(marker)) == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's row locks (SELECT … FOR UPDATE)")
def test_two_requests_racing_for_the_last_place_do_not_both_get_it(make_form_event, monkeypatch):
    """Two threads ask for the one remaining place at the same moment.

    Each thread, once it has counted the places, waits (up to a second) for the other to have
    counted too. Without the row lock both count one free place and both get it; with the lock the
    second cannot count until the first has saved.
    """
    event = make_form_event(capacity=1)
    barrier = threading.Barrier(2, timeout=1)
    original_has_room = registrations.has_room

    def has_room_then_wait(locked):
        room = original_has_room(locked)
        # A broken barrier means the other thread is blocked on the lock: as it should be.
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait()
        return room

    monkeypatch.setattr(registrations, "has_room", has_room_then_wait)
    from django.db import connections

    statuses, errors = [], []

    def ask(name):
        try:
            saved = EventRegistration.objects.request_place(
                event, name=name, contact_method="email", email=f"{name}@example.org", consented_at=timezone.now()
            )
            statuses.append(saved.status)
        except Exception as error:  # surfaced below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=ask, args=(name,)) for name in ("ana", "ben")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(statuses) == [RegistrationStatus.NEW, RegistrationStatus.WAITLISTED]


# Who reads them --------------------------------------------------------------------------------


def test_group_coordinators_hold_the_permissions_and_no_other_role_does():
    coordinators = Group.objects.get(name=COORDINATORS)
    held = set(coordinators.permissions.filter(content_type__app_label="events").values_list("codename", flat=True))
    assert {"view_eventregistration", "change_eventregistration"} <= held
    assert "delete_eventregistration" not in held and "add_eventregistration" not in held
    for other in (EDITORS, MODERATORS, INTAKE_COORDINATORS):
        assert not Group.objects.get(name=other).permissions.filter(codename__endswith="eventregistration").exists()
    assert {"events.view_eventregistration", "events.change_eventregistration"} <= set(HEALTH_INFORMATION_PERMISSIONS)


@pytest.mark.parametrize(
    ("role", "may_read"),
    [(EDITORS, False), (MODERATORS, False), (INTAKE_COORDINATORS, False), (COORDINATORS, True), (None, True)],
    ids=["editors", "moderators", "intake-coordinators", "group-coordinators", "administrators"],
)
def test_only_coordinators_and_administrators_read_requests(client, event, role, may_read, admin_user):
    registration = EventRegistrationFactory(event=event, name="zq-event-marker")
    user = staff_user(role, "staffer") if role else admin_user
    sign_in(client, user)
    listing = client.get(ADMIN_LIST)
    detail = client.get(f"{ADMIN_LIST}inspect/{registration.pk}/")
    dashboard = client.get("/admin/").content.decode()
    if may_read:
        assert listing.status_code == HTTPStatus.OK and "zq-event-marker" in listing.content.decode()
        assert detail.status_code == HTTPStatus.OK
        assert PLACES_HEADING in dashboard
    else:
        assert listing.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
        assert detail.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
        assert PLACES_HEADING not in dashboard
    assert "zq-event-marker" not in dashboard


def test_nobody_reads_requests_without_signing_in(client, event):
    EventRegistrationFactory(event=event)
    response = client.get(ADMIN_LIST)
    assert response.status_code == HTTPStatus.FOUND and "/admin/login/" in response["Location"]


def test_coordinators_answer_but_cannot_add_or_delete(client, event):
    registration = EventRegistrationFactory(event=event)
    sign_in(client, staff_user(COORDINATORS, "coordinator"))
    response = client.post(
        f"{ADMIN_LIST}edit/{registration.pk}/", {"status": "confirmed", "staff_notes": "Called, she is coming."}
    )
    assert response.status_code == HTTPStatus.FOUND
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert client.get(f"{ADMIN_LIST}create/").status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    client.post(f"{ADMIN_LIST}delete/{registration.pk}/")
    assert EventRegistration.objects.filter(pk=registration.pk).exists()


def test_the_list_filters_by_event_and_status(admin_client, make_form_event):
    walk, potluck = make_form_event(title="Walk"), make_form_event(title="Potluck")
    EventRegistrationFactory(event=walk, name="zq-walker", status=RegistrationStatus.NEW)
    EventRegistrationFactory(event=potluck, name="zq-cook", status=RegistrationStatus.WAITLISTED)
    html = admin_client.get(ADMIN_LIST, {"event__page_ptr__exact": walk.pk}).content.decode()
    assert "zq-walker" in html and "zq-cook" not in html
    html = admin_client.get(ADMIN_LIST, {"status__exact": "waitlisted"}).content.decode()
    assert "zq-cook" in html and "zq-walker" not in html
    assert "zq-cook" in admin_client.get(ADMIN_LIST, {"q": "Potluck"}).content.decode()


def test_the_export_is_in_words_in_local_time_and_safe_to_open(admin_client, event):
    received = datetime.datetime(2026, 1, 15, 15, 1, tzinfo=datetime.UTC)
    hostile = EventRegistrationFactory(
        event=event,
        name="=HYPERLINK(1)",
        contact_method="phone",
        email="",
        phone="(828) 555-0100",
        note="",
        ok_to_leave_message=False,
        status=RegistrationStatus.WAITLISTED,
    )
    EventRegistration.objects.filter(pk=hostile.pk).update(created_at=received)
    willing = EventRegistrationFactory(event=event, ok_to_leave_message=True)
    response = admin_client.get(ADMIN_LIST, {"export": "csv"})
    assert response.status_code == HTTPStatus.OK
    rows = {row["Name"]: row for row in csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))}
    row = rows["'=HYPERLINK(1)"]
    assert row["Received"] == "Jan. 15, 2026, 10:01 a.m."  # Asheville's clock
    assert row["Event"] == "Mindful walking morning"
    assert row["How to contact them"] == "Phone call"
    assert row["Email"] == "Not given" and row["Their note"] == "Not given"
    assert row["Safe to leave a message"] == "No"
    assert row["Status"] == "On the waiting list"
    assert rows[willing.name]["Safe to leave a message"] == "Yes"
    assert admin_client.get(ADMIN_LIST, {"export": "xlsx"}).status_code == HTTPStatus.OK


def test_the_admin_is_not_a_snippet(admin_client):
    assert admin_client.get("/admin/snippets/events/eventregistration/").status_code == HTTPStatus.NOT_FOUND


# Purge -----------------------------------------------------------------------------------------


def test_purge_deletes_requests_past_retention_only(make_form_event, past_dates):
    event = make_form_event(dates=past_dates)
    old = EventRegistrationFactory(event=event)
    EventRegistration.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=200))
    recent = EventRegistrationFactory(event=event)
    out = io.StringIO()
    call_command("purge_event_registrations", "--dry-run", stdout=out)
    assert "1 event registration(s) older than 180 days would be deleted" in out.getvalue()
    assert EventRegistration.objects.count() == 2
    call_command("purge_event_registrations", stdout=out)
    assert list(EventRegistration.objects.all()) == [recent]
    assert "Deleted 1 event registration(s)" in out.getvalue()
    assert old.name not in out.getvalue()


def test_purge_keeps_an_old_request_until_its_event_is_over(make_form_event, past_dates):
    distant = make_form_event(title="Spring retreat", dates=[(timezone.now() + datetime.timedelta(days=100),) * 2])
    series = make_form_event(title="Course", dates=[*past_dates, (timezone.now() + datetime.timedelta(days=2),) * 2])
    ended = make_form_event(title="Old workshop", dates=past_dates)
    undated = make_form_event(title="No dates", dates=[])
    for event in (distant, series, ended, undated):
        registration = EventRegistrationFactory(event=event)
        EventRegistration.objects.filter(pk=registration.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=200)
        )
    call_command("purge_event_registrations", stdout=io.StringIO())
    kept = set(EventRegistration.objects.values_list("event__title", flat=True))
    assert kept == {"Spring retreat", "Course"}


@override_settings(EVENT_REGISTRATION_RETENTION_DAYS=10)
def test_purge_follows_the_setting(make_form_event, past_dates):
    event = make_form_event(dates=past_dates)
    registration = EventRegistrationFactory(event=event)
    EventRegistration.objects.filter(pk=registration.pk).update(created_at=timezone.now() - datetime.timedelta(days=11))
    call_command("purge_event_registrations", stdout=io.StringIO())
    assert EventRegistration.objects.count() == 0


# Dashboard -------------------------------------------------------------------------------------


def dashboard(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def test_the_panel_counts_places_per_upcoming_event_without_details(admin_client, make_form_event, past_dates):
    walk = make_form_event(title="Mindful walk", capacity=2)
    potluck = make_form_event(title="Holiday potluck", capacity=None)
    make_form_event(title="Old workshop", dates=past_dates)
    make_form_event(title="Phone-only seminar", registration=Registration.PHONE)
    for status in (RegistrationStatus.NEW, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED):
        EventRegistrationFactory(event=walk, status=status, name="zq-dash-marker", email="zq-dash@example.org")
    EventRegistrationFactory(event=potluck, status=RegistrationStatus.CONTACTED)
    html = dashboard(admin_client)
    assert PLACES_HEADING in html
    assert "Mindful walk" in html and "Holiday potluck" in html
    assert "Old workshop" not in html and "Phone-only seminar" not in html
    assert "2 of 2 (full)" in html and "1 (no limit)" in html
    assert f"event__page_ptr__exact={walk.pk}&amp;status__exact=new" in html and "1 to answer" in html
    assert "zq-dash" not in html


def test_the_panel_says_full_as_the_event_page_does_and_where_each_event_stands(admin_client, make_form_event, client):
    set_full = make_form_event(title="Set full potluck", capacity=None, status=EventStatus.FULL)
    taken = make_form_event(title="Taken walk", capacity=1)
    cancelled = make_form_event(title="Cancelled retreat", capacity=5, status=EventStatus.CANCELLED)
    postponed = make_form_event(title="Postponed workshop", capacity=5, status=EventStatus.POSTPONED)
    quiet = make_form_event(title="Quiet postponed talk", capacity=5, status=EventStatus.POSTPONED)
    for event in (set_full, taken, cancelled, postponed):
        EventRegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED)
    html = dashboard(admin_client)
    rows = {
        title: re.search(rf"{title}</a>.*?</tr>", html, re.S).group(0)
        for title in (set_full.title, taken.title, cancelled.title, postponed.title, quiet.title)
    }
    assert "1 (no limit) (full)" in rows[set_full.title] and "Full" in rows[set_full.title]
    assert "1 of 1 (full)" in rows[taken.title] and "Going ahead" in rows[taken.title]
    assert "<strong>Cancelled</strong>: call those who asked" in rows[cancelled.title]
    assert "<strong>Postponed: no new date yet</strong>: call those who asked" in rows[postponed.title]
    assert "Postponed: no new date yet" in rows[quiet.title] and "call those" not in rows[quiet.title]
    assert '<th scope="col">Status</th>' in html
    # The page says "full" in the same cases.
    for event in (set_full, taken):
        assert "This event is full." in client.get(event.url).content.decode()


def test_the_panel_says_when_no_event_asks_with_the_form(admin_client, site_root):
    assert "No upcoming event asks for a place with the form." in dashboard(admin_client)


def test_the_panel_costs_the_same_queries_however_many_events(admin_client, make_form_event):
    EventRegistrationFactory(event=make_form_event(title="First"))
    dashboard(admin_client)
    with CaptureQueriesContext(connection) as one:
        dashboard(admin_client)
    for number in range(6):
        EventRegistrationFactory.create_batch(2, event=make_form_event(title=f"More {number}"))
    with CaptureQueriesContext(connection) as seven:
        html = dashboard(admin_client)
    assert "More 5" in html
    assert len(seven.captured_queries) == len(one.captured_queries)


def test_the_panel_lists_ten_and_says_how_many_more(admin_client, make_form_event):
    for number in range(12):
        make_form_event(title=f"Event {number:02}")
    html = dashboard(admin_client)
    assert "And 2 more upcoming events that ask with the form." in html


def test_coordinators_see_the_panel(client, event):
    sign_in(client, staff_user(COORDINATORS, "coordinator"))
    assert PLACES_HEADING in dashboard(client)


def test_editors_do_not_see_the_panel(client, event):
    sign_in(client, staff_user(EDITORS, "editor"))
    assert PLACES_HEADING not in dashboard(client)


def test_anyone_who_may_read_them_must_use_two_factor_sign_in():
    reader = get_user_model().objects.create_user("reader", "reader@example.org", "pw")
    reader.user_permissions.add(Permission.objects.get(codename="view_eventregistration"))
    assert must_use_two_factor(get_user_model().objects.get(pk=reader.pk))
