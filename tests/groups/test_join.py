"""Asking to join: validation, honeypot, rate limit, waiting list, the capacity race, the staff email."""

import contextlib
import re
import threading
from http import HTTPStatus

import pytest
from django.core import mail
from django.db import connection
from django.test import Client, override_settings

from groups.choices import ContactMethod, GroupStatus, JoinRequestStatus
from groups.factories import JoinRequestFactory
from groups.models import JoinRequest, SupportGroupPage

pytestmark = pytest.mark.django_db


def join_url(group):
    """The group's join page, where the form lives (the group page itself carries no form)."""
    return f"{group.url}join/"


def form_data(group, **overrides):
    data = {
        "name": "Robin",
        "contact_method": "email",
        "email": "robin@example.org",
        "phone": "",
        "ok_to_leave_message": "no",
        "preferred_session": group.upcoming[1].start.isoformat(),
        "note": "I lost my mother in spring.",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def group(make_group):
    return make_group(title="Tuesday grief circle", capacity=2)


def test_a_valid_request_is_saved_and_the_visitor_is_thanked(client, group, practice):
    response = client.post(join_url(group), form_data(group))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"{group.url}thank-you/"
    request = JoinRequest.objects.get()
    assert (request.group_id, request.name, request.contact_method) == (group.pk, "Robin", ContactMethod.EMAIL)
    assert request.ok_to_leave_message is False
    assert request.preferred_session == group.upcoming[1].start
    assert request.status == JoinRequestStatus.NEW
    assert request.consented_at is not None

    html = client.get(response["Location"]).content.decode()
    assert "What happens next" in html and "by " in html
    assert 'href="tel:988"' in html
    assert "Robin" not in html and "robin@example.org" not in html


def test_thank_you_page_is_a_separate_page_that_cannot_resubmit(client, group):
    response = client.get(f"{group.url}thank-you/")
    assert response.status_code == HTTPStatus.OK
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert JoinRequest.objects.count() == 0


def test_phone_contact_is_validated_and_normalised(client, group):
    data = form_data(group, contact_method="text", email="", phone="828.555.0123")
    assert client.post(join_url(group), data).status_code == HTTPStatus.FOUND
    assert JoinRequest.objects.get().phone == "(828) 555-0123"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": ""}, "name", "Please tell us what to call you"),
        ({"email": ""}, "email", "You asked us to email you: please enter your email address."),
        (
            {"contact_method": "phone", "phone": ""},
            "phone",
            "You asked us to call you: please enter your phone number.",
        ),
        ({"contact_method": "text", "phone": "12345"}, "phone", "Enter a 10-digit US phone number"),
        ({"email": "not-an-email"}, "email", "Enter a valid email address."),
        ({"contact_method": "pigeon"}, "contact_method", "Select a valid choice."),
        ({"ok_to_leave_message": ""}, "ok_to_leave_message", "Please tell us whether it is safe"),
        ({"preferred_session": "2001-01-01T18:30:00-05:00"}, "preferred_session", "That date has passed or changed"),
        ({"consent": ""}, "consent", "Please tick the box"),
    ],
)
def test_invalid_requests_explain_what_to_fix(client, group, overrides, field, message):
    response = client.post(join_url(group), form_data(group, **overrides))
    assert response.status_code == HTTPStatus.BAD_REQUEST
    form = response.context["form"]
    assert message in " ".join(form.errors[field])
    assert "Please check one thing in the form" in response.content.decode()
    assert JoinRequest.objects.count() == 0


def test_no_preference_is_allowed(client, group):
    assert client.post(join_url(group), form_data(group, preferred_session="")).status_code == HTTPStatus.FOUND
    assert JoinRequest.objects.get().preferred_session is None


def test_honeypot_looks_like_success_and_saves_nothing(client, group):
    response = client.post(join_url(group), form_data(group, website="http://spam.example"))
    assert response.status_code == HTTPStatus.FOUND
    assert JoinRequest.objects.count() == 0
    assert mail.outbox == []


@override_settings(FORM_RATE_LIMIT="2/h")
def test_rate_limit_answers_429_with_the_form_and_a_message(client, group):
    for _ in range(2):
        assert client.post(join_url(group), form_data(group)).status_code == HTTPStatus.FOUND
    response = client.post(join_url(group), form_data(group))
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    html = response.content.decode()
    assert "Your request has not been sent yet" in html
    assert "Nothing has been sent or saved, and what you typed is still in the form below" in html
    assert "Nothing you typed has been kept" not in html
    # What they typed is in the form, as the message says.
    assert 'class="join-form"' in html
    assert 'name="name" value="Robin"' in html and 'value="robin@example.org"' in html
    assert "I lost my mother in spring.</textarea>" in html
    assert JoinRequest.objects.count() == 2


@override_settings(FORM_RATE_LIMIT="2/h")
def test_requests_with_mistakes_do_not_count_towards_the_limit(client, group):
    for _ in range(5):
        response = client.post(join_url(group), form_data(group, email="robin@typo"))
        assert response.status_code == HTTPStatus.BAD_REQUEST
    assert client.post(join_url(group), form_data(group)).status_code == HTTPStatus.FOUND
    assert client.post(join_url(group), form_data(group)).status_code == HTTPStatus.FOUND
    assert client.post(join_url(group), form_data(group)).status_code == HTTPStatus.TOO_MANY_REQUESTS


@override_settings(FORM_RATE_LIMIT="1/h")
def test_with_the_cache_down_requests_are_still_saved_and_the_visitor_thanked(client, group, redis_down):
    for name in ("Robin", "Sam"):
        response = client.post(join_url(group), form_data(group, name=name))
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"] == f"{group.url}thank-you/"
    assert JoinRequest.objects.count() == 2


def submission_key(html):
    return re.search(r'<input type="hidden" name="submission_key" value="([^"]+)"', html).group(1)


@override_settings(FORM_RATE_LIMIT="1/h")
def test_the_same_form_sent_twice_is_one_request_and_the_same_thank_you(
    client, group, django_capture_on_commit_callbacks
):
    key = submission_key(client.get(join_url(group)).content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        responses = [client.post(join_url(group), form_data(group, submission_key=key)) for _ in range(2)]
    assert [response.status_code for response in responses] == [HTTPStatus.FOUND, HTTPStatus.FOUND]
    assert {response["Location"] for response in responses} == {f"{group.url}thank-you/"}
    assert JoinRequest.objects.count() == 1
    assert len(mail.outbox) == 1
    new_key = submission_key(client.get(join_url(group)).content.decode())
    assert new_key != key
    assert client.post(join_url(group), form_data(group, submission_key=new_key)).status_code == 429


def test_a_form_sent_again_with_a_changed_answer_is_kept_as_sent(client, group):
    """The visitor went back (the browser keeps the form and its key), fixed their phone number and sent it again."""
    key = submission_key(client.get(join_url(group)).content.decode())
    client.post(join_url(group), form_data(group, submission_key=key, phone="828-555-0123"))
    client.post(join_url(group), form_data(group, submission_key=key, phone="828-555-0199"))
    assert sorted(JoinRequest.objects.values_list("phone", flat=True)) == ["(828) 555-0123", "(828) 555-0199"]


def test_a_key_from_another_groups_form_is_a_request_to_this_group(client, make_group):
    waiting, open_group = make_group(status=GroupStatus.WAITLIST), make_group(title="Another group")
    key = submission_key(client.get(join_url(waiting)).content.decode())
    assert client.post(join_url(waiting), form_data(waiting, submission_key=key))["Location"].endswith("?list=waiting")
    # The same key on the other group's page: a request to that group, not the waiting list's answer.
    assert client.post(join_url(open_group), form_data(open_group, submission_key=key))["Location"] == (
        f"{open_group.url}thank-you/"
    )
    assert JoinRequest.objects.filter(group=open_group).count() == 1


def test_a_request_sent_again_after_it_joined_the_waiting_list_is_told_the_same(client, make_group):
    group = make_group(status=GroupStatus.WAITLIST)
    key = submission_key(client.get(join_url(group)).content.decode())
    locations = {client.post(join_url(group), form_data(group, submission_key=key))["Location"] for _ in range(2)}
    assert locations == {f"{group.url}thank-you/?list=waiting"}
    assert JoinRequest.objects.count() == 1


def test_two_posts_racing_with_one_key_store_one_request(group):
    """The second post passed the look-up before the first was saved: the unique key refuses it."""
    from groups.forms import JoinRequestForm

    key = "k" * 32
    forms = [JoinRequestForm(form_data(group, submission_key=key), group=group) for _ in range(2)]
    assert all(form.is_valid() for form in forms)
    assert [form.earlier_submission() for form in forms] == [None, None]
    first, created = forms[0].save_once()
    assert created
    assert forms[1].save_once() == (first, False)
    assert JoinRequest.objects.count() == 1


def test_csrf_is_enforced(group):
    client = Client(enforce_csrf_checks=True)
    assert client.post(join_url(group), form_data(group)).status_code == HTTPStatus.FORBIDDEN
    page = client.get(join_url(group))
    token = page.cookies["csrftoken"].value
    response = client.post(join_url(group), {**form_data(group), "csrfmiddlewaretoken": token})
    assert response.status_code == HTTPStatus.FOUND


def test_when_the_group_is_full_the_request_joins_the_waiting_list(client, group):
    JoinRequestFactory.create_batch(2, group=group, status=JoinRequestStatus.NEW)
    JoinRequestFactory(group=group, status=JoinRequestStatus.DECLINED)  # frees its place
    response = client.post(join_url(group), form_data(group))
    assert response["Location"] == f"{group.url}thank-you/?list=waiting"
    assert JoinRequest.objects.latest("created_at").status == JoinRequestStatus.WAITLISTED
    assert "waiting list" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize("status", [GroupStatus.WAITLIST, GroupStatus.CLOSED])
def test_waitlist_and_closed_cohorts_take_requests_for_the_waiting_list(client, make_group, status):
    group = make_group(status=status)
    assert "Send the form and we will" in client.get(join_url(group)).content.decode()
    client.post(join_url(group), form_data(group))
    assert JoinRequest.objects.get().status == JoinRequestStatus.WAITLISTED


def test_a_paused_group_takes_no_requests(client, make_group):
    group = make_group(status=GroupStatus.PAUSED)
    response = client.post(join_url(group), {**form_data(make_group()), "preferred_session": ""})
    assert response.status_code == HTTPStatus.OK
    assert JoinRequest.objects.count() == 0


@override_settings(STAFF_NOTIFICATION_EMAILS=["office@example.com"], WAGTAILADMIN_BASE_URL="https://site.example")
def test_staff_are_emailed_a_link_and_none_of_the_details(client, group, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(join_url(group), form_data(group, note="My brother died in March"))
    (email,) = mail.outbox
    assert email.to == ["office@example.com"]
    assert "https://site.example/admin/groups/joinrequest/" in email.body
    text = email.subject + email.body
    for detail in ("Robin", "robin@example.org", "My brother", "grief", "Tuesday"):
        assert detail not in text


@override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_HOST="127.0.0.1", EMAIL_PORT=2599)
def test_with_the_mail_server_down_the_request_is_saved_and_the_visitor_thanked(
    client, group, django_capture_on_commit_callbacks, caplog
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(join_url(group), form_data(group))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"{group.url}thank-you/"
    assert JoinRequest.objects.count() == 1
    assert "not sent" in caplog.text and "robin@example.org" not in caplog.text


def test_join_requests_are_not_logged(client, group, caplog):
    with caplog.at_level("DEBUG"):
        client.post(join_url(group), form_data(group, name="Quentin", email="quentin@example.org"))
    assert JoinRequest.objects.count() == 1
    assert "Quentin" not in caplog.text and "quentin@example.org" not in caplog.text


def test_str_of_a_request_carries_no_personal_detail(group):
    request = JoinRequestFactory(group=group, name="Robin")
    assert str(request) == f"Join request #{request.pk}"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's row locks (SELECT … FOR UPDATE)")
def test_two_requests_racing_for_the_last_place_do_not_both_get_it(make_group, monkeypatch):
    """Two threads ask for the one remaining place at the same moment.

    Each thread, once it has counted the places, waits (up to a second) for the
    other to have counted too. Without the row lock both count one free place and
    both get it; with the lock the second cannot count until the first has saved.
    """
    group = make_group(capacity=1)
    barrier = threading.Barrier(2, timeout=1)
    original_has_room = SupportGroupPage.has_room

    def has_room_then_wait(self):
        room = original_has_room(self)
        # A broken barrier means the other thread is blocked on the lock: as it should be.
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait()
        return room

    monkeypatch.setattr(SupportGroupPage, "has_room", has_room_then_wait)
    from django.db import connections
    from django.utils import timezone

    statuses = []
    errors = []

    def ask(name):
        try:
            request = JoinRequest.objects.request_place(
                group, name=name, contact_method="email", email=f"{name}@example.org", consented_at=timezone.now()
            )
            statuses.append(request.status)
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
    assert sorted(statuses) == [JoinRequestStatus.NEW, JoinRequestStatus.WAITLISTED]


def test_the_join_page_is_private_names_the_group_and_leads_back_to_it(client, group, practice):
    response = client.get(join_url(group))
    assert response.status_code == HTTPStatus.OK
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "<h1>Ask to join Tuesday grief circle</h1>" in html
    assert f'<li><a href="{group.url}">Tuesday grief circle</a></li>' in html
    assert '<span aria-current="page">Ask to join</span>' in html
    assert f'<form class="join-form" method="post" action="{join_url(group)}" novalidate>' in html
    assert "This form is not an emergency line." in html and 'href="tel:988"' in html
    assert "we delete it after 180 days" in html
    assert '<meta name="robots" content="noindex">' in html


def test_the_group_page_links_to_the_join_page_and_carries_no_form(client, group):
    html = client.get(group.url).content.decode()
    assert html.count(f'href="{join_url(group)}"') == 2  # beside the facts, and under "Ask to join"
    assert "Ask to join this group" in html
    assert 'class="join-form"' not in html and "csrfmiddlewaretoken" not in html


def test_a_form_posted_to_the_group_page_goes_on_to_the_join_page(client, group):
    """A group page loaded before the form moved posts there: 307 keeps the method and the data."""
    response = client.post(group.url, form_data(group))
    assert response.status_code == HTTPStatus.TEMPORARY_REDIRECT
    assert response["Location"] == join_url(group)
    assert client.post(group.url, form_data(group), follow=True).redirect_chain[-1][0] == f"{group.url}thank-you/"
    assert JoinRequest.objects.count() == 1
