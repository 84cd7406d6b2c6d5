"""Each group's next meeting, stored on its page, so that listings sort and filter in the database.

A group page stores the start and end of its next meeting (`next_meeting_start`,
`next_meeting_end`). They are worked out again:

- when the page is saved: its rules, cancellations or status may have changed
  (SupportGroupPage.save, from the rows about to be written);
- when a meeting rule or a cancellation is saved or deleted on its own (the receivers below);
- once the stored meeting has begun: listings refresh the stale ones they meet, a bounded
  number per request (`refresh_stale`), and `manage.py refresh_next_meetings`, run every few
  minutes by the host's scheduler (docs/deployment.md), refreshes them all.

A stored value is never shown once its meeting has begun: `SupportGroupPage.next_meeting`
works it out from the rules instead.
"""

import contextlib
import contextvars

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

# The stored meeting has begun: work it out again.
STALE = object()
# How many stale groups one request refreshes before showing its listing.
STALE_REFRESH_LIMIT = 50

_saving = contextvars.ContextVar("saving_group", default=False)


@contextlib.contextmanager
def saving_group():
    """While a group page saves its rows, their receivers leave the next meeting to the page."""
    token = _saving.set(True)
    try:
        yield
    finally:
        _saving.reset(token)


def _group_model():
    return apps.get_model("groups", "SupportGroupPage")


def refresh(groups):
    """Work out the next meeting of each of `groups` again; save those that changed. Returns how many did."""
    changed = [group for group in groups if group.store_next_meeting()]
    if changed:
        _group_model().objects.bulk_update(changed, ["next_meeting_start", "next_meeting_end"])
        # Pages that show them change too: what is cached from them is stale.
        from home.content_version import mark_content_changed

        mark_content_changed(_group_model())
    return len(changed)


def stale_groups(now=None):
    return _group_model().objects.filter(next_meeting_start__lt=now or timezone.now())


def refresh_stale(limit=STALE_REFRESH_LIMIT, now=None):
    """Refresh the groups whose stored next meeting has begun, the soonest first, at most `limit`."""
    groups = stale_groups(now).order_by("next_meeting_start").prefetch_related("meeting_rules", "cancelled_meetings")
    return refresh(groups[:limit] if limit else groups)


def refresh_all():
    return refresh(_group_model().objects.prefetch_related("meeting_rules", "cancelled_meetings"))


def _row_changed(sender, instance, raw=False, **kwargs):
    if raw or _saving.get():
        return
    origin = kwargs.get("origin")
    if origin is not None and origin is not instance:
        return  # deleted with its group
    groups = _group_model().objects.filter(pk=instance.page_id)
    refresh(groups.prefetch_related("meeting_rules", "cancelled_meetings"))


@receiver(post_save, sender="groups.MeetingRule")
@receiver(post_delete, sender="groups.MeetingRule")
@receiver(post_save, sender="groups.CancelledMeeting")
@receiver(post_delete, sender="groups.CancelledMeeting")
def rule_or_cancellation_changed(sender, instance, **kwargs):
    _row_changed(sender, instance, **kwargs)
