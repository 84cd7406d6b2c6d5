"""Delete requests for a place at an event past their retention period:
`python manage.py purge_event_registrations` (`--dry-run`, `--days N`).

Kept for EVENT_REGISTRATION_RETENTION_DAYS (180 by default), answered or not, and at least until the
event is over (every date of it has ended, or it has none), then deleted. Run it
daily from the host's scheduler (docs/deployment.md). It prints how many it deleted, never what
they said.
"""

from events.registrations import EventRegistration
from home.purge import PurgeCommand


class Command(PurgeCommand):
    help = (
        "Delete requests for a place at an event older than EVENT_REGISTRATION_RETENTION_DAYS, once the event is over."
    )
    setting = "EVENT_REGISTRATION_RETENTION_DAYS"
    what = "event registration(s)"

    def past_retention(self, days):
        return EventRegistration.objects.past_retention(days)
