"""Staff sign-in is throttled: five wrong passwords for one account from one address pause that pair.

django-axes (config/settings/base.py, "Staff sign-in"); the address behind the proxy and the
lockout page are home/signin.py; the purge is `manage.py purge_signin_attempts`.
"""

import datetime
import logging
from http import HTTPStatus
from io import StringIO

import pytest
import time_machine
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

pytestmark = pytest.mark.django_db

PASSWORD = "the-right-long-password"
OFFICE = "198.51.100.20"
ATTACKER = "203.0.113.66"
LOGIN = "/admin/login/"


@pytest.fixture
def admin_user():
    return get_user_model().objects.create_superuser("admin", "admin@example.com", PASSWORD)


def sign_in(client, password, address, username="admin", url=LOGIN, **headers):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address, **headers)


def signed_in(client):
    return "_auth_user_id" in client.session


def fail_five_times(client, address=ATTACKER, **headers):
    for _ in range(5):
        sign_in(client, "wrong-guess", address, **headers)


def test_five_wrong_passwords_lock_the_account_from_that_address_even_with_the_right_one(client, admin_user):
    fail_five_times(client)
    response = sign_in(client, PASSWORD, ATTACKER)
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert not signed_in(client)
    page = response.content.decode()
    assert "Signing in is paused for 15 minutes" in page
    assert "Try again after" in page
    assert "tell an administrator" in page


def test_four_wrong_passwords_do_not_lock(client, admin_user):
    for _ in range(4):
        assert sign_in(client, "wrong-guess", ATTACKER).status_code == HTTPStatus.OK
    assert sign_in(client, PASSWORD, ATTACKER).status_code == HTTPStatus.FOUND
    assert signed_in(client)


def test_the_lockout_page_names_the_office_phone(client, admin_user):
    from home.models import SiteSettings

    settings_ = SiteSettings.load()
    settings_.phone = "(828) 555-0142"
    settings_.save()
    fail_five_times(client)
    assert "(828) 555-0142" in sign_in(client, PASSWORD, ATTACKER).content.decode()


def test_naming_an_account_from_elsewhere_does_not_lock_out_its_owner(client, admin_user):
    fail_five_times(client, ATTACKER)
    response = sign_in(client, PASSWORD, OFFICE)
    assert response.status_code == HTTPStatus.FOUND
    assert signed_in(client)


def test_the_lockout_ends_after_the_cool_off(client, admin_user):
    fail_five_times(client)
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=14)):
        assert sign_in(client, PASSWORD, ATTACKER).status_code == HTTPStatus.TOO_MANY_REQUESTS
    # Trying while locked started the wait again: 15 minutes from that try.
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=14 + 16)):
        assert sign_in(client, PASSWORD, ATTACKER).status_code == HTTPStatus.FOUND
        assert signed_in(client)


def test_the_django_admin_sign_in_is_throttled_too(client, admin_user):
    for _ in range(5):
        sign_in(client, "wrong-guess", ATTACKER, url="/django-admin/login/")
    assert sign_in(client, PASSWORD, ATTACKER, url="/django-admin/login/").status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert not signed_in(client)


def test_behind_a_proxy_the_lockout_follows_the_visitors_address(client, admin_user, settings):
    """With one proxy, the address is the last in X-Forwarded-For, not the proxy's own."""
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    fail_five_times(client, proxy, HTTP_X_FORWARDED_FOR=ATTACKER)
    assert sign_in(client, PASSWORD, proxy, HTTP_X_FORWARDED_FOR=ATTACKER).status_code == 429
    # The office signs in through the same proxy, from its own address: not locked.
    assert sign_in(client, PASSWORD, proxy, HTTP_X_FORWARDED_FOR=OFFICE).status_code == HTTPStatus.FOUND
    # A client cannot escape by writing an address of its own in front: the proxy's entry is last.
    client.logout()
    forged = f"{OFFICE}, {ATTACKER}"
    assert sign_in(client, PASSWORD, proxy, HTTP_X_FORWARDED_FOR=forged).status_code == 429


def test_sign_ins_leave_no_address_in_the_log_and_no_record_of_success(client, admin_user, caplog):
    caplog.set_level(logging.DEBUG)
    sign_in(client, "wrong-guess", ATTACKER)
    sign_in(client, PASSWORD, ATTACKER)
    assert signed_in(client)
    assert ATTACKER not in caplog.text
    assert not AccessLog.objects.exists()


def test_purge_deletes_failed_sign_ins_past_the_retention(client, admin_user):
    sign_in(client, "wrong-guess", ATTACKER)
    sign_in(client, "wrong-guess", OFFICE, username="someone")
    assert AccessAttempt.objects.count() == 2
    AccessAttempt.objects.filter(ip_address=ATTACKER).update(attempt_time=timezone.now() - datetime.timedelta(days=2))
    out = StringIO()
    call_command("purge_signin_attempts", stdout=out)
    assert "Deleted 1 failed sign-in record older than 1 day" in out.getvalue()
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["someone"]
