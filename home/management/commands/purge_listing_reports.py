"""Delete visitors' reports of problems with listings past their retention period:
`python manage.py purge_listing_reports`.

A report's note and contact detail are a visitor's own words: kept for
LISTING_REPORT_RETENTION_DAYS (90 by default), fixed or not, and then deleted. Run it daily
from the host's scheduler (docs/deployment.md). It prints how many it deleted, never what
they said.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home.models import ListingReport


class Command(BaseCommand):
    help = "Delete reports of problems with listings older than LISTING_REPORT_RETENTION_DAYS."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Keep this many days instead of LISTING_REPORT_RETENTION_DAYS."
        )
        parser.add_argument("--dry-run", action="store_true", help="Count what would be deleted; delete nothing.")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.LISTING_REPORT_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError("Keep reports for at least one day (--days 1 or more).")
        old = ListingReport.objects.past_retention(days)
        if dry_run:
            self.stdout.write(f"{old.count()} listing report(s) older than {days} days would be deleted.")
            return
        deleted, _by_model = old.delete()
        self.stdout.write(f"Deleted {deleted} listing report(s) older than {days} days.")
