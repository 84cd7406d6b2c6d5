"""The 'Group coordinators' role: edits and publishes support groups, answers join requests.

Join requests are visible only to superusers and to members of this group
(Django's view/change permissions on JoinRequest, which no other group is given).
Coordinators also keep venues and facilitators (people) up to date and upload the photos
these need. They have no page permissions outside the group finders. home/roles.py
describes every role.
"""

from home.roles import (
    COORDINATORS,
    IMAGE_COLLECTION_PERMISSIONS,
    LISTING_REPORT_PERMISSIONS,
    grant_collection_permissions,
    grant_model_permissions,
    grant_page_permissions,
)

COORDINATORS_GROUP = COORDINATORS

# (app_label, codename) of model permissions the coordinators hold.
COORDINATOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("groups", "view_joinrequest"),
    ("groups", "change_joinrequest"),
    ("groups", "add_venue"),
    ("groups", "change_venue"),
    ("groups", "view_venue"),
    # Facilitators are people (home.Person), as are article authors.
    ("home", "add_person"),
    ("home", "change_person"),
    ("home", "view_person"),
    ("home", "view_topic"),
    # Reports of problems with listings: coordinators see those on their groups (home/roles.py).
    *LISTING_REPORT_PERMISSIONS,
]

# Page permissions on each group finder (and so on every group below it). Groups go live from
# the coordinators directly: holding publish, they are never held up by a workflow.
COORDINATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


def grant_coordinator_permissions(apps=None):
    """The role's model and image permissions. Idempotent."""
    grant_model_permissions(COORDINATORS_GROUP, COORDINATOR_PERMISSIONS, apps)
    grant_collection_permissions(COORDINATORS_GROUP, IMAGE_COLLECTION_PERMISSIONS, apps)


def grant_finder_permissions(page, apps=None):
    """Let the coordinators add, edit and publish support groups under `page` (a finder). Idempotent."""
    grant_page_permissions(page, COORDINATORS_GROUP, COORDINATOR_PAGE_PERMISSIONS, apps)
