"""Queue each group coordinator's weekly email of the groups whose details need checking.

python manage.py send_verification_digests

Run weekly by the host's scheduler (docs/deployment.md). The task worker sends the emails; a
coordinator with nothing to check gets none.
"""

from django.core.management.base import BaseCommand

from groups.verification import queue_digests


class Command(BaseCommand):
    help = "Queue an email to each group coordinator listing their groups whose details need checking."

    def handle(self, *args, **options):
        queued = queue_digests()
        if options["verbosity"] >= 1:
            self.stdout.write(f"Queued {queued} verification digest{'s' if queued != 1 else ''}.")
