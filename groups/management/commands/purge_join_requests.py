"""Delete join requests older than JOIN_REQUEST_RETENTION_DAYS (default 180): run daily by the host's scheduler.

python manage.py purge_join_requests
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from groups.models import JoinRequest


class Command(BaseCommand):
    help = "Delete requests to join a support group once they are older than JOIN_REQUEST_RETENTION_DAYS."

    def handle(self, *args, **options):
        days = settings.JOIN_REQUEST_RETENTION_DAYS
        deleted, _ = JoinRequest.objects.past_retention(days).delete()
        if options["verbosity"] >= 1:
            self.stdout.write(f"Deleted {deleted} join request{'s' if deleted != 1 else ''} older than {days} days.")
