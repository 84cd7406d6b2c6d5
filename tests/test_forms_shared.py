"""The pieces every public form shares: honeypot, rate limit and staff notification."""

import socket

import pytest
from django import forms
from django.core import mail
from django.test import RequestFactory, override_settings

from config.settings.base import redis_cache
from home.forms import HoneypotFormMixin, too_many_submissions
from home.notifications import notify_staff


class MessageForm(HoneypotFormMixin, forms.Form):
    message = forms.CharField()


def test_honeypot_marks_bots_as_spam():
    assert not MessageForm(data={"message": "hello", "website": ""}).is_spam()
    assert MessageForm(data={"message": "hello", "website": "http://spam.example"}).is_spam()


@override_settings(FORM_RATE_LIMIT="3/h")
def test_rate_limit_counts_posts_per_address():
    factory = RequestFactory()
    results = [too_many_submissions(factory.post("/", REMOTE_ADDR="10.0.0.1"), "contact") for _ in range(4)]
    assert results == [False, False, False, True]
    assert not too_many_submissions(factory.post("/", REMOTE_ADDR="10.0.0.2"), "contact")
    assert not too_many_submissions(factory.get("/", REMOTE_ADDR="10.0.0.1"), "contact")


@pytest.mark.django_db
@override_settings(STAFF_NOTIFICATION_EMAILS=["office@example.com"], WAGTAILADMIN_BASE_URL="https://site.example")
def test_staff_notification_links_to_the_admin_and_says_nothing_else(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify_staff("New join request", "A request to join a group", "/admin/groups/joinrequest/")
    (email,) = mail.outbox
    assert email.to == ["office@example.com"]
    assert "https://site.example/admin/groups/joinrequest/" in email.body
    assert "does not include any of the details" in email.body


@pytest.mark.django_db
def test_honeypot_renders_out_of_sight_and_out_of_the_tab_order():
    from django.template.loader import render_to_string

    html = render_to_string("components/honeypot.html", {"field": MessageForm()["website"]})
    assert 'aria-hidden="true"' in html and 'tabindex="-1"' in html


def test_rate_limit_fails_open_with_a_warning_that_names_no_address(redis_down, caplog):
    request = RequestFactory().post("/", REMOTE_ADDR="10.9.8.7")
    assert [too_many_submissions(request, "contact", rate="1/h") for _ in range(3)] == [False, False, False]
    assert "Rate limit for the contact form not applied: the cache did not answer" in caplog.text
    assert "10.9.8.7" not in caplog.text


@pytest.fixture
def silent_redis(settings):
    """A Redis host that takes the connection and never answers (not one that refuses it)."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)  # connections wait in the backlog: nobody ever reads them
        settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{listener.getsockname()[1]}/0")}
        yield


def test_rate_limit_fails_open_soon_when_redis_takes_the_connection_and_never_answers(silent_redis, caplog):
    """Within the socket timeouts: a request is never held until gunicorn kills it, submission lost."""
    request = RequestFactory().post("/", REMOTE_ADDR="10.9.8.7")
    assert not too_many_submissions(request, "join", rate="1/h")
    assert "Rate limit for the join form not applied" in caplog.text


def test_rate_limit_fails_open_when_the_cache_raises(caplog):
    from unittest import mock

    with mock.patch("home.forms.get_usage", side_effect=ConnectionError("redis down")):
        assert not too_many_submissions(RequestFactory().post("/", REMOTE_ADDR="10.9.8.7"), "join")
    assert "Rate limit for the join form not applied" in caplog.text


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        (0, None, "10.0.0.9"),  # no proxy: the connecting address
        (0, "203.0.113.5", "10.0.0.9"),  # a header nobody should trust is ignored
        (1, "203.0.113.5", "203.0.113.5"),  # one proxy: the address it saw
        (1, "6.6.6.6, 203.0.113.5", "203.0.113.5"),  # what the visitor wrote on the left is ignored
        (2, "6.6.6.6, 203.0.113.5, 10.0.0.2", "203.0.113.5"),  # a CDN, then our proxy
        (2, "203.0.113.5", "10.0.0.9"),  # fewer entries than proxies: not through them, not trusted
        (1, "not-an-address", "10.0.0.9"),
        (1, None, "10.0.0.9"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_address_comes_from_the_trusted_proxies(settings, proxies, forwarded_for, expected):
    from home.client_address import client_ip

    settings.TRUSTED_PROXY_COUNT = proxies
    headers = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for is not None else {}
    assert client_ip(RequestFactory().post("/", REMOTE_ADDR="10.0.0.9", **headers)) == expected


@override_settings(FORM_RATE_LIMIT="1/h", TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_each_visitor_has_their_own_limit():
    factory = RequestFactory()

    def post(visitor):
        return factory.post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=visitor)

    assert not too_many_submissions(post("203.0.113.5"), "join")
    assert too_many_submissions(post("203.0.113.5"), "join")
    assert not too_many_submissions(post("198.51.100.7"), "join")  # same proxy, another visitor
    # A visitor cannot escape their limit by writing their own header: the proxy appends the real one.
    assert too_many_submissions(post("1.2.3.4, 203.0.113.5"), "join")


@override_settings(FORM_RATE_LIMIT="1/h", TRUSTED_PROXY_COUNT=0)
def test_without_a_proxy_a_forwarded_header_changes_nothing():
    factory = RequestFactory()
    assert not too_many_submissions(factory.post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.1.1.1"), "join")
    assert too_many_submissions(factory.post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="2.2.2.2"), "join")
