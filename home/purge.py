"""The shape of every "delete what visitors sent once its retention period is over" command.

A subclass names the queryset (`past_retention(days)`), the setting that holds the days and what
the rows are called; it gets `--days N` and `--dry-run`, refuses to keep less than a day, and
prints how many rows it deleted, never what they said. Run daily by the host's scheduler
(docs/deployment.md).
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class PurgeCommand(BaseCommand):
    setting = ""  # e.g. "LISTING_REPORT_RETENTION_DAYS"
    what = ""  # e.g. "listing report(s)"

    def past_retention(self, days):
        raise NotImplementedError

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help=f"Keep this many days instead of {self.setting}.")
        parser.add_argument("--dry-run", action="store_true", help="Count what would be deleted; delete nothing.")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = getattr(settings, self.setting) if days is None else days
        if days < 1:
            raise CommandError("Keep them for at least one day (--days 1 or more).")
        old = self.past_retention(days)
        if dry_run:
            self.stdout.write(f"{old.count()} {self.what} older than {days} days would be deleted.")
            return
        deleted, _by_model = old.delete()
        self.stdout.write(f"Deleted {deleted} {self.what} older than {days} days.")
