"""Make every page in the page cache stale, in every process: `python manage.py clear_page_cache`.

The parts of pages kept in the cache (home/content_version.py: menus, sections, article bodies)
go too. Changes to content do this by themselves; a deployment that changes templates or code
without a migration runs it once the new version serves, or its visitors may see the old pages
for up to PAGE_CACHE_SECONDS and old parts of pages for up to an hour.
"""

from django.core.management.base import BaseCommand

from home.content_version import forget_cached_copies


class Command(BaseCommand):
    help = "Make every page in the in-process page cache, and every part of a page kept, stale (every process)."

    def handle(self, *args, **options):
        forget_cached_copies()
        self.stdout.write("The page cache is empty: every page is rendered afresh at its next visit.")
