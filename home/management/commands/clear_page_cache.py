"""Make every page in the page cache stale, in every process: `python manage.py clear_page_cache`.

Changes to content do this by themselves (home/page_cache.py); a deployment that changes
templates or code without a migration runs it once the new version serves, or its visitors may
see the old pages for up to PAGE_CACHE_SECONDS.
"""

from django.core.management.base import BaseCommand

from home.page_cache import forget_cached_pages


class Command(BaseCommand):
    help = "Make every page in the in-process page cache stale (every process sharing the cache)."

    def handle(self, *args, **options):
        forget_cached_pages()
        self.stdout.write("The page cache is empty: every page is rendered afresh at its next visit.")
