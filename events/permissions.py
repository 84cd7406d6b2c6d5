"""Who edits events (home/roles.py describes the roles; README "Roles and review").

- Editors add and change events under each events index and submit them for review; the site's
  "Moderators approval" workflow (on the root page) publishes them. Events are not clinical
  content, so they do not go through "Clinical review".
- Moderators publish anywhere already.
- Group coordinators add, change and publish events under each events index, as they do groups
  under a finder. Wagtail's page permissions follow the page tree, not the group an event belongs
  to, so a coordinator may edit any event: kept simple, as for groups.

Granted by events/migrations/0002 for indexes already there and by events/signals.py for new ones.

Requests for a place at an event (events/registrations.py) are answered by the same role as join
requests: Group coordinators read them and change their status (events/migrations/0004), as do
administrators; no other role is given them, and only administrators delete one. Reading them
needs two-factor sign-in (home.roles.HEALTH_INFORMATION_PERMISSIONS).
"""

from django.apps import apps as global_apps

from home.roles import COORDINATORS, editors_write_in, get_group, grant_model_permissions, grant_page_permissions

COORDINATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


def grant_events_index_permissions(page, apps=None):
    """Editors write under `page` (an events index); coordinators write and publish there. Idempotent."""
    editors_write_in(page, apps)
    grant_page_permissions(page, COORDINATORS, COORDINATOR_PAGE_PERMISSIONS, apps)


REGISTRATION_PERMISSIONS = [
    ("events", "view_eventregistration"),
    ("events", "change_eventregistration"),
]


def grant_registration_permissions(apps=None):
    """Group coordinators read and answer event registrations. Idempotent; a missing group is skipped."""
    grant_model_permissions(COORDINATORS, REGISTRATION_PERMISSIONS, apps)


def revoke_registration_permissions(apps=None):
    group = get_group(COORDINATORS, apps)
    if group is not None:
        codenames = [codename for _app, codename in REGISTRATION_PERMISSIONS]
        permission_model = (apps or global_apps).get_model("auth", "Permission")
        group.permissions.remove(
            *permission_model.objects.filter(content_type__app_label="events", codename__in=codenames)
        )
