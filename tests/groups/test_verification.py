"""Keeping "Details last checked on …" honest: one click for "nothing changed", and the
coordinators' weekly email of the groups to check (groups/verification.py)."""

import datetime
from http import HTTPStatus
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from groups.factories import JoinRequestFactory
from groups.models import SupportGroupPage
from groups.permissions import COORDINATORS_GROUP
from groups.schedule import format_date
from groups.verification import CONFIRMED_ACTION
from tests.staff import sign_in, staff_user
from tests.test_notifications import SMTP_DOWN

pytestmark = pytest.mark.django_db

VISITOR_NOTE = "Marker-Digest-Note about my grief"


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def confirm_url(group):
    return reverse("groups_confirm_details", args=[group.pk])


@pytest.fixture
def coordinator(client):
    return sign_in(client, staff_user(COORDINATORS_GROUP, "coordinator"))


@pytest.fixture
def stale_group(make_group):
    return make_group(title="Grief and loss circle", last_verified=days_ago(120))


# Confirming ------------------------------------------------------------------------------------


def test_opening_the_link_shows_the_group_and_changes_nothing(client, coordinator, stale_group):
    response = client.get(confirm_url(stale_group))
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Grief and loss circle" in html and "120 days ago" in html
    assert "Nothing changed: confirm the details" in html
    stale_group.refresh_from_db()
    assert stale_group.last_verified == days_ago(120)


def test_one_click_publishes_the_group_with_todays_date(client, coordinator, stale_group):
    response = client.post(confirm_url(stale_group))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("wagtailadmin_home")
    group = SupportGroupPage.objects.get(pk=stale_group.pk)
    assert group.last_verified == timezone.localdate()
    assert group.live and not group.has_unpublished_changes and not group.needs_verifying
    assert group.live_revision.user == coordinator
    entry = PageLogEntry.objects.get(page=group, action=CONFIRMED_ACTION)
    assert entry.user == coordinator and entry.revision == group.live_revision
    assert "Details checked with the facilitator: nothing changed" in entry.message
    # The public page says so at once.
    page = client.get(group.url).content.decode()
    assert f"Details last checked on {format_date(timezone.localdate())}." in page


def test_a_group_with_unpublished_changes_is_sent_to_the_editor(client, coordinator, stale_group):
    draft = stale_group.get_latest_revision_as_object()
    draft.summary = "A draft nobody has checked yet"
    draft.save_revision()
    get_html = client.get(confirm_url(stale_group)).content.decode()
    assert "changes that are not published yet" in get_html
    assert "Nothing changed: confirm the details" not in get_html
    response = client.post(confirm_url(stale_group))
    assert response.status_code == HTTPStatus.CONFLICT
    group = SupportGroupPage.objects.get(pk=stale_group.pk)
    assert group.last_verified == days_ago(120) and group.summary != "A draft nobody has checked yet"
    assert group.has_unpublished_changes


def test_only_those_who_may_publish_the_group_can_confirm_it(client, stale_group):
    sign_in(client, staff_user("Editors", "editor"))
    response = client.post(confirm_url(stale_group))  # Wagtail's admin: back to the dashboard, with a message
    assert response.status_code == HTTPStatus.FOUND and response["Location"] == reverse("wagtailadmin_home")
    client.logout()
    response = client.post(confirm_url(stale_group))
    assert response.status_code == HTTPStatus.FOUND and reverse("wagtailadmin_login") in response["Location"]
    stale_group.refresh_from_db()
    assert stale_group.last_verified == days_ago(120)


def test_an_unknown_group_is_a_404(client, coordinator):
    assert client.get(reverse("groups_confirm_details", args=[999999])).status_code == HTTPStatus.NOT_FOUND
    # Longer than any id: no query (SQLite would refuse the number with a 500).
    assert client.get(f"/admin/groups/{10**30}/confirm-details/").status_code == HTTPStatus.NOT_FOUND


def test_a_group_another_editor_has_locked_is_not_confirmed(client, coordinator, stale_group):
    other = staff_user(COORDINATORS_GROUP, "other")
    stale_group.locked, stale_group.locked_by, stale_group.locked_at = True, other, timezone.now()
    stale_group.save()
    response = client.post(confirm_url(stale_group))
    assert response.status_code == HTTPStatus.CONFLICT and "locked" in response.content.decode()
    stale_group.refresh_from_db()
    assert stale_group.last_verified == days_ago(120)


def test_the_dashboard_and_the_edit_page_offer_the_one_click(client, coordinator, stale_group):
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert confirm_url(stale_group) in dashboard
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[stale_group.pk])).content.decode()
    assert "confirm it in one click" in edit and confirm_url(stale_group) in edit


# The weekly digest -------------------------------------------------------------------------------


@override_settings(WAGTAILADMIN_BASE_URL="https://admin.example.org")
def test_each_coordinator_gets_their_groups_to_check_and_nothing_a_visitor_sent(make_group, stale_group):
    make_group(title="Checked last week", last_verified=days_ago(7))
    JoinRequestFactory(group=stale_group, note=VISITOR_NOTE)
    staff_user(COORDINATORS_GROUP, "coordinator")
    staff_user("Editors", "editor")  # cannot edit groups: no email
    call_command("send_verification_digests", verbosity=0)
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["coordinator@example.com"]
    assert email.subject == "1 support group to check"
    assert "Grief and loss circle: last checked on" in email.body
    assert f"https://admin.example.org{confirm_url(stale_group)}" in email.body
    assert "Checked last week" not in email.body
    assert VISITOR_NOTE not in email.body and "Marker-Digest" not in email.subject


def test_no_email_when_nothing_needs_checking_or_nobody_can_read_it(make_group):
    make_group(title="Checked last week", last_verified=days_ago(7))
    staff_user(COORDINATORS_GROUP, "coordinator")
    gone = staff_user(COORDINATORS_GROUP, "former")
    gone.is_active = False
    gone.save()
    call_command("send_verification_digests", verbosity=0)
    assert mail.outbox == []


def test_the_command_says_how_many_it_queued(make_group, stale_group, capsys):
    staff_user(COORDINATORS_GROUP, "first")
    staff_user(COORDINATORS_GROUP, "second")
    call_command("send_verification_digests")
    assert capsys.readouterr().out.strip() == "Queued 2 verification digests."
    assert len(mail.outbox) == 2


@override_settings(**SMTP_DOWN)
def test_a_mail_server_that_is_down_is_logged_and_the_others_still_go(stale_group, caplog):
    staff_user(COORDINATORS_GROUP, "coordinator")
    call_command("send_verification_digests", verbosity=0)
    assert "A verification digest was not sent after 1 attempt(s) (ConnectionRefusedError)" in caplog.text
    assert "coordinator@example.com" not in caplog.text


def test_a_queue_that_fails_is_logged_not_raised(stale_group, caplog):
    staff_user(COORDINATORS_GROUP, "coordinator")
    with mock.patch("groups.verification.send_verification_digest", **{"enqueue.side_effect": RuntimeError}):
        call_command("send_verification_digests", verbosity=0)
    assert "A verification digest could not be queued for user" in caplog.text
