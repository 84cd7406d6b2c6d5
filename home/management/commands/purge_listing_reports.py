"""Delete visitors' reports of problems with listings past their retention period:
`python manage.py purge_listing_reports`.

A report's note and contact detail are a visitor's own words: kept for
LISTING_REPORT_RETENTION_DAYS (90 by default), fixed or not, and then deleted. Run it daily
from the host's scheduler (docs/deployment.md). It prints how many it deleted, never what
they said.
"""

from home.models import ListingReport
from home.purge import PurgeCommand


class Command(PurgeCommand):
    help = "Delete reports of problems with listings older than LISTING_REPORT_RETENTION_DAYS."
    setting = "LISTING_REPORT_RETENTION_DAYS"
    what = "listing report(s)"

    def past_retention(self, days):
        return ListingReport.objects.past_retention(days)
