"""What the core's roles may do with story consents (home/roles.py describes the roles).

Moderators publish, so they record, change (withdraw) and read consents; Editors write stories
but never read who agreed, so they have no permission here. Granted by blog/migrations/0004.
"""

from home.roles import MODERATORS, grant_model_permissions

MODERATOR_PERMISSIONS = [("blog", f"{action}_storyconsent") for action in ("add", "change", "delete", "view")]


def grant_consent_permissions(apps=None):
    """Give Moderators their permissions on story consents. Idempotent; a missing group is skipped."""
    grant_model_permissions(MODERATORS, MODERATOR_PERMISSIONS, apps)
