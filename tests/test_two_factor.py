"""Two-factor sign-in: administrators, moderators and coordinators type a code from their phone.

home/two_factor/ (django-otp); the roles that must are home.roles.TWO_FACTOR_ROLES.
"""

import datetime
import re
from http import HTTPStatus

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from home import roles
from home.two_factor import new_recovery_codes
from tests.staff import authenticator, current_code, sign_in, staff_user

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
DASHBOARD = "/admin/"
SETUP = "/admin/two-factor/set-up/"
VERIFY = "/admin/two-factor/code/"


def password_sign_in(client, username):
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:500]
    return response


@pytest.fixture
def coordinator():
    return staff_user(roles.COORDINATORS, "casey", PASSWORD)


def verified(client):
    return client.get(DASHBOARD).status_code == HTTPStatus.OK


@pytest.mark.parametrize("role", [roles.COORDINATORS, roles.MODERATORS, roles.INTAKE_COORDINATORS, "administrator"])
def test_a_required_role_without_a_phone_is_sent_to_set_up_before_any_admin_page(client, role):
    if role == "administrator":
        get_user_model().objects.create_superuser("boss", "boss@example.com", PASSWORD)
        username = "boss"
    else:
        username = staff_user(role, "someone", PASSWORD).username
    password_sign_in(client, username)
    for path in [DASHBOARD, "/admin/pages/", "/admin/groups/joinrequest/", "/django-admin/", "/admin/two-factor/"]:
        response = client.get(path)
        assert response.status_code == HTTPStatus.FOUND, path
        assert response["Location"].startswith(SETUP + "?next="), path


def test_setting_up_scans_a_local_qr_code_and_shows_recovery_codes_once(client, coordinator):
    password_sign_in(client, coordinator.username)
    page = client.get(SETUP + "?next=/admin/pages/")
    html = page.content.decode()
    assert page.status_code == HTTPStatus.OK
    assert "<svg" in html and "QR code to scan with your authenticator app" in html
    # Drawn in the page: no image or script from anywhere else.
    assert not re.search(r"""(src=|<link[^>]*href=)["']?(https?:)?//""", html)
    device = TOTPDevice.objects.get(user=coordinator, confirmed=False)

    response = client.post(SETUP, {"code": "000000" if current_code(device) != "000000" else "111111", "next": "/"})
    assert response.status_code == HTTPStatus.OK
    assert "That code did not work" in response.content.decode()

    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=31)):
        response = client.post(SETUP, {"code": current_code(device), "next": "/admin/pages/"})
        assert response.status_code == HTTPStatus.FOUND
        codes_page = client.get(response["Location"])
        html = codes_page.content.decode()
        codes = StaticToken.objects.filter(device__user=coordinator).values_list("token", flat=True)
        assert len(codes) == 10
        assert all(code in html for code in codes)
        assert 'href="/admin/pages/"' in html
        # Shown once: the page again no longer has them.
        again = client.get(response["Location"]).content.decode()
        assert not any(code in again for code in codes)
        assert verified(client)
    device.refresh_from_db()
    assert device.confirmed


def test_with_a_phone_admin_pages_need_the_code(client, coordinator):
    device = authenticator(coordinator)
    password_sign_in(client, coordinator.username)
    response = client.get("/admin/groups/joinrequest/")
    assert response["Location"] == f"{VERIFY}?next=/admin/groups/joinrequest/"
    # The set-up page cannot be used to replace the phone without it.
    assert client.get(SETUP)["Location"].startswith(VERIFY)
    response = client.post(VERIFY, {"code": current_code(device), "next": "/admin/groups/joinrequest/"})
    assert response["Location"] == "/admin/groups/joinrequest/"
    assert client.get("/admin/groups/joinrequest/").status_code == HTTPStatus.OK


@pytest.mark.parametrize("next_page", ["https://evil.example/", "//evil.example/", "wagtailadmin_home", "foo"])
def test_the_code_page_sends_nowhere_off_the_site(client, coordinator, next_page):
    """Nor reads the address as the name of a page (that was a server error after a right code)."""
    device = authenticator(coordinator)
    password_sign_in(client, coordinator.username)
    response = client.post(VERIFY, {"code": current_code(device), "next": next_page})
    assert response["Location"] == DASHBOARD
    assert client.get(VERIFY, {"next": next_page})["Location"] == DASHBOARD


def test_a_wrong_code_is_refused_and_the_next_try_must_wait(client, coordinator):
    device = authenticator(coordinator)
    password_sign_in(client, coordinator.username)
    right = current_code(device)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    response = client.post(VERIFY, {"code": wrong})
    assert response.status_code == HTTPStatus.OK
    assert "That code did not work" in response.content.decode()
    # Straight after, even the right code waits: django-otp's throttle (1, 2, 4 … seconds).
    response = client.post(VERIFY, {"code": right})
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Too many wrong codes" in response.content.decode()
    assert not verified(client)
    for minutes in (1, 2, 3):
        with time_machine.travel(timezone.now() + datetime.timedelta(minutes=minutes)):
            client.post(VERIFY, {"code": wrong})
    device.refresh_from_db()
    assert device.throttling_failure_count == 4
    # Four wrong codes: the next waits 8 seconds.
    with time_machine.travel(device.throttling_failure_timestamp + datetime.timedelta(seconds=7)):
        assert client.post(VERIFY, {"code": current_code(device)}).status_code == HTTPStatus.TOO_MANY_REQUESTS
    with time_machine.travel(device.throttling_failure_timestamp + datetime.timedelta(seconds=40)):
        assert client.post(VERIFY, {"code": current_code(device)}).status_code == HTTPStatus.FOUND
        assert verified(client)


def test_garbage_in_the_code_field_is_a_clear_refusal(client, coordinator):
    authenticator(coordinator)
    password_sign_in(client, coordinator.username)
    for code in ["", "   ", "\x00", "😀", "x" * 500]:
        response = client.post(VERIFY, {"code": code})
        assert response.status_code in (HTTPStatus.OK, HTTPStatus.TOO_MANY_REQUESTS), code
        assert not verified(client)


def test_a_recovery_code_works_once(client, coordinator):
    authenticator(coordinator)
    code, *_ = new_recovery_codes(coordinator)
    password_sign_in(client, coordinator.username)
    response = client.post(
        VERIFY, {"code": code.upper()[:4] + "-" + code.upper()[4:], "next": "/admin/groups/joinrequest/"}
    )
    assert response["Location"] == "/admin/groups/joinrequest/"
    assert "9 left" in client.get("/admin/groups/joinrequest/").content.decode()
    client.logout()

    password_sign_in(client, coordinator.username)
    response = client.post(VERIFY, {"code": code})
    assert "That code did not work" in response.content.decode()
    assert not verified(client)


def test_an_editor_signs_in_without_a_code(client):
    """Editors read no one's messages and publish nothing without review: for them it is a choice."""
    staff_user(roles.EDITORS, "eddie", PASSWORD)
    password_sign_in(client, "eddie")
    assert client.get(DASHBOARD).status_code == HTTPStatus.OK
    assert client.get("/admin/two-factor/").status_code == HTTPStatus.OK


@pytest.mark.parametrize(
    "permission",
    [
        "view_formsubmission",
        "view_joinrequest",
        "view_eventregistration",
        "view_appointmentrequest",
        "view_storyconsent",
        "change_storyconsent",
    ],
)
def test_anyone_given_a_permission_to_read_messages_or_requests_must_use_it(client, permission):
    """A group of the practice's own making, or a permission given to one person, counts like a role."""
    reader = staff_user(roles.EDITORS, "eddie", PASSWORD)
    reader.user_permissions.add(Permission.objects.get(codename=permission))
    password_sign_in(client, "eddie")
    assert client.get(DASHBOARD)["Location"].startswith(SETUP)


def test_an_editor_who_set_it_up_is_asked_for_the_code(client):
    editor = staff_user(roles.EDITORS, "eddie", PASSWORD)
    authenticator(editor)
    password_sign_in(client, "eddie")
    assert client.get(DASHBOARD)["Location"].startswith(VERIFY)


def test_the_account_menu_leads_to_the_two_factor_page(client, coordinator):
    sign_in(client, coordinator)
    assert reverse("two_factor_manage") in client.get(reverse("wagtailadmin_account")).content.decode()
    page = client.get(reverse("two_factor_manage")).content.decode()
    assert "Two-factor sign-in is on" in page
    response = client.post(reverse("two_factor_manage"))
    assert response["Location"].startswith(reverse("two_factor_recovery_codes"))
    codes = list(StaticToken.objects.filter(device__user=coordinator).values_list("token", flat=True))
    assert len(codes) == 10
    shown = client.get(response["Location"]).content.decode()
    assert all(code in shown for code in codes)


def test_an_administrator_resets_a_lost_phone(client, coordinator):
    authenticator(coordinator)
    new_recovery_codes(coordinator)
    boss = get_user_model().objects.create_superuser("boss", "boss@example.com", PASSWORD)
    sign_in(client, boss)
    url = reverse("two_factor_reset", args=(coordinator.pk,))
    assert url in client.get(reverse("wagtailusers_users:index")).content.decode()
    assert "Yes, reset" in client.get(url).content.decode()
    assert client.post(url)["Location"] == reverse("wagtailusers_users:index")
    assert not TOTPDevice.objects.filter(user=coordinator).exists()
    assert not StaticDevice.objects.filter(user=coordinator).exists()

    # At their next sign-in they set it up again.
    client.logout()
    password_sign_in(client, coordinator.username)
    assert client.get(DASHBOARD)["Location"].startswith(SETUP)


def test_only_administrators_reset(client, coordinator):
    moderator = staff_user(roles.MODERATORS, "mona", PASSWORD)
    authenticator(coordinator)
    sign_in(client, moderator)
    url = reverse("two_factor_reset", args=(coordinator.pk,))
    # Wagtail answers a refused admin view by sending back to the dashboard with a message.
    assert client.post(url)["Location"] == DASHBOARD
    assert TOTPDevice.objects.filter(user=coordinator).exists()


def test_a_reset_ends_the_verified_sessions_of_that_person(client, coordinator):
    sign_in(client, coordinator)
    assert verified(client)
    from home.two_factor import reset

    reset(coordinator)
    assert client.get(DASHBOARD)["Location"].startswith(SETUP)
