"""Emails to staff that something arrived: never what it says, only where to read it.

The email leaves the visitor's request: `notify_staff` queues a background task
(django-tasks) once the submission is committed, and nothing that goes wrong with
the queue or the mail server reaches the visitor, whose request or message is
already saved. In production the database backend's worker (`manage.py db_worker`)
sends it and tries again, a bounded number of times, while the mail server is down;
in development and tests the immediate backend sends it during the request.
"""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)


def notify_staff(subject, what, admin_path):
    """Tell staff that `what` arrived, with a link to read it in the admin.

    The email holds no details of the visitor or their message: email is not a
    safe place for health information. Queued after the current transaction
    commits, so a submission that is rolled back is never announced.
    """
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + admin_path
    transaction.on_commit(lambda: _queue(subject, what, link))


def _queue(subject, what, link):
    try:
        send_staff_email.enqueue(subject, what, link)
    except Exception as error:
        # The submission is saved: the visitor is thanked, staff find it in the admin.
        logger.error("A staff notification could not be queued (%s)", type(error).__name__)


# Ahead of Wagtail's own tasks (search and reference indexing), which can queue by the hundred
# after a bulk edit: staff hear that someone is waiting as soon as the worker is free.
@task(takes_context=True, priority=10)
def send_staff_email(context, subject, what, link, attempt=1):
    """Send the email; if the mail server does not take it, queue another try later."""
    body = (
        f"{what} arrived on the website.\n\n"
        f"Read and answer it in the admin (you will be asked to log in):\n{link}\n\n"
        "For privacy, this email does not include any of the details."
    )
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, settings.STAFF_NOTIFICATION_EMAILS, fail_silently=False)
    except (OSError, smtplib.SMTPException) as error:
        return try_again_later(context, error, "A staff notification", subject, what, link, attempt=attempt)
    return "sent"


def try_again_later(context, error, what, *args, attempt):
    """After a mail server refused a task's email: queue the task again, or give up and raise.

    Doubling waits (1, 2, 4 … minutes by default), STAFF_EMAIL_ATTEMPTS tries in all; `what`
    names the email in the log. The error's text may carry a recipient's address: only its
    kind is logged. `args` are the task's own, given again to the next try.
    """
    reason = type(error).__name__
    task_ = context.task_result.task
    if attempt >= settings.STAFF_EMAIL_ATTEMPTS or not task_.get_backend().supports_defer:
        logger.error("%s was not sent after %d attempt(s) (%s)", what, attempt, reason)
        raise error
    wait = datetime.timedelta(seconds=settings.STAFF_EMAIL_FIRST_RETRY_SECONDS * 2 ** (attempt - 1))
    task_.using(run_after=timezone.now() + wait).enqueue(*args, attempt=attempt + 1)
    logger.warning("%s was not sent (%s); trying again in %s", what, reason, wait)
    return "retrying"
