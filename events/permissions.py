"""Who edits events (home/roles.py describes the roles; README "Roles and review").

- Editors add and change events under each events index and submit them for review; the site's
  "Moderators approval" workflow (on the root page) publishes them. Events are not clinical
  content, so they do not go through "Clinical review".
- Moderators publish anywhere already.
- Group coordinators add, change and publish events under each events index, as they do groups
  under a finder. Wagtail's page permissions follow the page tree, not the group an event belongs
  to, so a coordinator may edit any event: kept simple, as for groups.

Granted by events/migrations/0002 for indexes already there and by events/signals.py for new ones.
"""

from home.roles import COORDINATORS, editors_write_in, grant_page_permissions

COORDINATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


def grant_events_index_permissions(page, apps=None):
    """Editors write under `page` (an events index); coordinators write and publish there. Idempotent."""
    editors_write_in(page, apps)
    grant_page_permissions(page, COORDINATORS, COORDINATOR_PAGE_PERMISSIONS, apps)
