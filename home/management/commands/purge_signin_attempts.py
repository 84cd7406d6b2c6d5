"""Delete records of failed staff sign-ins older than SIGNIN_ATTEMPT_RETENTION_DAYS (default 1): run daily.

python manage.py purge_signin_attempts

django-axes keeps a failed sign-in (account name, address, browser) to count towards a lockout.
Axes removes those older than the cool-off when someone next signs in; on quiet days nobody does,
so this purge makes the retention in docs/privacy.md true. It also empties axes' sign-in and
failure logs, which the settings switch off, in case an older configuration left any.
"""

import datetime

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone


class Command(BaseCommand):
    help = "Delete records of failed staff sign-ins older than SIGNIN_ATTEMPT_RETENTION_DAYS."

    def handle(self, *args, **options):
        days = settings.SIGNIN_ATTEMPT_RETENTION_DAYS
        cutoff = timezone.now() - datetime.timedelta(days=days)
        deleted, _ = AccessAttempt.objects.filter(attempt_time__lt=cutoff).delete()
        logs = AccessLog.objects.all().delete()[0] + AccessFailureLog.objects.all().delete()[0]
        if options["verbosity"] >= 1:
            self.stdout.write(
                f"Deleted {deleted} failed sign-in record{'s' if deleted != 1 else ''} older than {days} "
                f"day{'s' if days != 1 else ''}, and {logs} sign-in log entr{'ies' if logs != 1 else 'y'}."
            )
