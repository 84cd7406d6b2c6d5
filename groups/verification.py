"""Keeping listings current: which groups need their details checked, the one-click "nothing
changed", and the coordinators' weekly reminder.

A group shows "Details last checked on …" in public (the page, the API, the feeds), so that
date has to stay honest and easy to keep. Every week `manage.py send_verification_digests`
queues one email per coordinator who has groups to check: the groups' titles and the date each
was last checked, with a link per group to a page in the admin where, once signed in, one click
confirms that nothing changed. The email holds nothing a visitor sent: only what the public
pages show already.

Confirming publishes the group again with today's date, through Wagtail's own publishing (a
revision, the history, the caches purged), so the new date reaches every place that shows it.
A group with unpublished changes is not confirmed that way: publishing would put those changes
live unseen, so the page sends the coordinator to the editor instead.
"""

import logging
import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone
from django_tasks import task
from wagtail.log_actions import log
from wagtail.permission_policies.pages import PagePermissionPolicy

from groups.models import SupportGroupPage
from groups.permissions import COORDINATORS_GROUP
from home.notifications import try_again_later

logger = logging.getLogger(__name__)

# The history's name for a confirmation (registered in groups/wagtail_hooks.py).
CONFIRMED_ACTION = "groups.details_confirmed"


class CannotConfirm(Exception):
    """The group cannot be confirmed with one click; the message says what to do instead."""


def groups_to_verify(user):
    """The live groups `user` may edit whose details need checking, oldest check first."""
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return SupportGroupPage.objects.live().needs_verifying().filter(pk__in=editable.values("pk"))


def can_confirm(group, user):
    """Whether `user` may publish `group`: confirming publishes it again."""
    return group.permissions_for_user(user).can_publish()


def confirm_details(group, user):
    """Record that `user` checked `group` today and nothing changed, and publish it so.

    Raises CannotConfirm when the group has unpublished changes, is not live, is locked by
    someone else, or no longer passes the page's own checks (the editor shows what to fix).
    """
    if not group.live:
        raise CannotConfirm("This group is not published, so there is nothing to confirm.")
    lock = group.get_lock()
    if lock and lock.for_user(user):
        raise CannotConfirm("This group is locked by someone editing it. Try again once they have unlocked it.")
    if group.has_unpublished_changes:
        raise CannotConfirm(
            "This group has changes that are not published yet. Open it in the editor, "
            "check the changes, set the date and publish."
        )
    checked = group.get_latest_revision_as_object()
    checked.last_verified = timezone.localdate()
    try:
        revision = checked.save_revision(user=user, log_action=True)
    except ValidationError as error:
        raise CannotConfirm(
            "This group's details need correcting before it can be published again. Open it in the editor."
        ) from error
    revision.publish(user=user)
    log(instance=checked, action=CONFIRMED_ACTION, user=user, revision=revision)
    return checked


def confirm_url(group):
    """The admin page where one click confirms `group`, as a full address for an email."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("groups_confirm_details", args=[group.pk])


# The weekly digest --------------------------------------------------------------------------


def coordinators():
    """Active members of the Group coordinators role with an email address."""
    return (
        get_user_model()
        .objects.filter(groups__name=COORDINATORS_GROUP, is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def queue_digests():
    """Queue one digest per coordinator; each task finds out itself whether there is anything to say.

    Returns how many were queued. A coordinator whose digest cannot be queued is logged (by
    number, not address) and the others still get theirs.
    """
    queued = 0
    for user_pk in coordinators().values_list("pk", flat=True):
        try:
            send_verification_digest.enqueue(user_pk)
        except Exception as error:
            logger.error("A verification digest could not be queued for user %s (%s)", user_pk, type(error).__name__)
        else:
            queued += 1
    return queued


def digest_body(user, groups):
    """The email's text: each group, when it was last checked, and where to confirm it."""
    lines = [
        f"Hello {user.first_name or user.get_username()},",
        "",
        f"These support groups were last checked more than {settings.GROUP_VERIFY_AFTER_DAYS} days ago. "
        "Visitors see that date on each group's page.",
        "Please check the times, the place and the cost with each facilitator.",
        "",
    ]
    for group in groups:
        lines += [
            f"- {group.title}: last checked on {group.last_verified:%B} {group.last_verified.day}, "
            f"{group.last_verified.year}",
            f"  Nothing changed? Confirm it here: {confirm_url(group)}",
            "",
        ]
    lines += [
        "If something changed, open the group in the admin, correct it, set 'details last checked' "
        "to the day you checked, and publish.",
        "",
        "You get this email every week while any of your groups needs checking.",
    ]
    return "\n".join(lines)


@task(takes_context=True)
def send_verification_digest(context, user_pk, attempt=1):
    """Email one coordinator the groups they should check; nothing when there are none."""
    user = get_user_model().objects.filter(pk=user_pk, is_active=True).exclude(email="").first()
    if user is None:
        return "no such coordinator"
    groups = list(groups_to_verify(user).only("pk", "title", "last_verified", "url_path", "live"))
    if not groups:
        return "nothing to check"
    subject = f"{len(groups)} support group{'s' if len(groups) != 1 else ''} to check"
    try:
        send_mail(subject, digest_body(user, groups), settings.DEFAULT_FROM_EMAIL, [user.email])
    except (OSError, smtplib.SMTPException) as error:
        return try_again_later(context, error, "A verification digest", user_pk, attempt=attempt)
    return "sent"
