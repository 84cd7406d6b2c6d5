"""What the core's roles may do with areas, the community app's snippet (home/roles.py describes the roles).

Editors choose an area for a page; Moderators add, change and delete areas. Granted by
community/migrations/0002 (and kept by the rows that moved from `home` with the content type).
"""

from home.roles import EDITORS, MODERATORS, grant_model_permissions

EDITOR_PERMISSIONS = [("community", "view_area")]
MODERATOR_PERMISSIONS = [("community", f"{action}_area") for action in ("add", "change", "delete", "view")]


def grant_area_permissions(apps=None):
    """Give Editors and Moderators their area permissions. Idempotent; missing groups are skipped."""
    grant_model_permissions(EDITORS, EDITOR_PERMISSIONS, apps)
    grant_model_permissions(MODERATORS, MODERATOR_PERMISSIONS, apps)
