"""Delete requests for a first appointment past their retention period:
`python manage.py purge_appointment_requests` (`--dry-run`, `--days N`).

Kept for APPOINTMENT_REQUEST_RETENTION_DAYS (180 by default), answered or not, then deleted:
what a client shares once they are seen belongs in the clinical record, not on the website.
Run it daily from the host's scheduler (docs/deployment.md). It prints how many it deleted,
never what they said.
"""

from counselors.appointments import AppointmentRequest
from home.purge import PurgeCommand


class Command(PurgeCommand):
    help = "Delete requests for a first appointment older than APPOINTMENT_REQUEST_RETENTION_DAYS."
    setting = "APPOINTMENT_REQUEST_RETENTION_DAYS"
    what = "appointment request(s)"

    def past_retention(self, days):
        return AppointmentRequest.objects.past_retention(days)
