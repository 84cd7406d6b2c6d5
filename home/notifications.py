"""Emails to staff that something arrived: never what it says, only where to read it."""

from django.conf import settings
from django.core.mail import send_mail


def notify_staff(subject, what, admin_path):
    """Tell staff that `what` arrived, with a link to read it in the admin.

    The email holds no details of the visitor or their message: email is not a
    safe place for health information.
    """
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + admin_path
    body = (
        f"{what} arrived on the website.\n\n"
        f"Read and answer it in the admin (you will be asked to log in):\n{link}\n\n"
        "For privacy, this email does not include any of the details."
    )
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, settings.STAFF_NOTIFICATION_EMAILS, fail_silently=False)
