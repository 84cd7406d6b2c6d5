"""Delete form submissions past the retention period: `python manage.py purge_form_submissions`.

Messages sent through the contact page are health information: they are kept
for FORM_SUBMISSION_RETENTION_DAYS (180 by default) and then deleted. Run it
daily from the host's scheduler. It prints how many it deleted, never what
they said.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission


class Command(BaseCommand):
    help = "Delete form submissions (contact messages) older than FORM_SUBMISSION_RETENTION_DAYS."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep this many days instead of FORM_SUBMISSION_RETENTION_DAYS.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Count what would be deleted; delete nothing.")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.FORM_SUBMISSION_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError("Keep submissions for at least one day (--days 1 or more).")
        cutoff = timezone.now() - timedelta(days=days)
        old = FormSubmission.objects.filter(submit_time__lt=cutoff)
        if dry_run:
            self.stdout.write(f"{old.count()} form submission(s) older than {days} days would be deleted.")
            return
        deleted, _by_model = old.delete()
        self.stdout.write(f"Deleted {deleted} form submission(s) older than {days} days.")
