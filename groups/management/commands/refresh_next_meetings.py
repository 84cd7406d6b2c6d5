"""`manage.py refresh_next_meetings`: store again the next meeting of every group whose meeting has begun.

Run it every few minutes from the host's scheduler (docs/deployment.md). Listings refresh
the few stale groups they meet on their own, so a missed run never shows a past meeting as
the next one; this keeps that work off visitors' requests. `--all` works out every group's
again (after restoring a backup, say).
"""

from django.core.management.base import BaseCommand

from groups import next_meetings


class Command(BaseCommand):
    help = "Store the next meeting again of every group whose stored one has begun (--all: of every group)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Work out every group's next meeting again.")

    def handle(self, *args, **options):
        changed = next_meetings.refresh_all() if options["all"] else next_meetings.refresh_stale(limit=None)
        if options["verbosity"] >= 1:
            self.stdout.write(f"Next meetings stored again: {changed}")
