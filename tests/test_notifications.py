"""Staff emails as background tasks: queued after commit, tried again while the mail server is down,
and never able to turn a saved submission into an error page.

The worker's own loop runs for real in tests/test_faults.py; here its `run_task` is called in the
test's transaction, one ready task at a time.
"""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from home.notifications import notify_staff

pytestmark = pytest.mark.django_db

SMTP_DOWN = {
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "EMAIL_HOST": "127.0.0.1",
    "EMAIL_PORT": 2599,  # nothing listens here
    "EMAIL_TIMEOUT": 5,
}
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_ready_tasks():
    """What `manage.py db_worker --batch` does, without its exclusive transaction."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
    )
    while (result := DBTaskResult.objects.ready().first()) is not None:
        result.claim(worker.worker_id)
        worker.run_task(result)


def notify():
    notify_staff("New message", "A message sent through the contact form", "/admin/forms/submissions/3/")


def test_nothing_is_sent_until_the_submission_is_committed(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify()
    assert mail.outbox == [] and len(callbacks) == 1
    callbacks[0]()
    assert len(mail.outbox) == 1


@override_settings(**SMTP_DOWN)
def test_with_the_immediate_backend_a_mail_server_that_is_down_is_logged_not_raised(
    django_capture_on_commit_callbacks, caplog
):
    with django_capture_on_commit_callbacks(execute=True):
        notify()  # no exception reaches the caller
    assert "A staff notification was not sent after 1 attempt(s) (ConnectionRefusedError)" in caplog.text


def test_a_queue_that_fails_is_logged_not_raised(django_capture_on_commit_callbacks, caplog):
    with (
        mock.patch("home.notifications.send_staff_email", **{"enqueue.side_effect": RuntimeError("queue down")}),
        django_capture_on_commit_callbacks(execute=True),
    ):
        notify()
    assert "A staff notification could not be queued (RuntimeError)" in caplog.text


@override_settings(TASKS=DATABASE_TASKS, STAFF_NOTIFICATION_EMAILS=["office@example.com"])
def test_the_worker_tries_again_later_and_sends_once_the_mail_server_is_back(
    django_capture_on_commit_callbacks, settings
):
    with django_capture_on_commit_callbacks(execute=True):
        notify()
    assert mail.outbox == []  # queued, not sent in the request
    assert DBTaskResult.objects.ready().count() == 1

    with override_settings(**SMTP_DOWN):
        run_ready_tasks()
    (retry,) = DBTaskResult.objects.filter(status="READY")
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}
    wait = retry.run_after - timezone.now()
    assert datetime.timedelta(seconds=50) < wait <= datetime.timedelta(seconds=60)
    run_ready_tasks()
    assert mail.outbox == []  # not before its time

    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_ready_tasks()
    (email,) = mail.outbox
    assert email.to == ["office@example.com"] and "/admin/forms/submissions/3/" in email.body
    assert DBTaskResult.objects.filter(status="READY").count() == 0


@override_settings(TASKS=DATABASE_TASKS, STAFF_EMAIL_ATTEMPTS=3, STAFF_EMAIL_FIRST_RETRY_SECONDS=0, **SMTP_DOWN)
def test_the_worker_gives_up_after_the_last_attempt(django_capture_on_commit_callbacks, caplog):
    with django_capture_on_commit_callbacks(execute=True):
        notify()
    run_ready_tasks()
    results = DBTaskResult.objects.order_by("enqueued_at")
    assert [result.status for result in results] == ["SUCCESSFUL", "SUCCESSFUL", "FAILED"]
    assert [result.args_kwargs["kwargs"].get("attempt", 1) for result in results] == [1, 2, 3]
    assert "not sent after 3 attempt(s)" in caplog.text
