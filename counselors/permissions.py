"""What the core's roles may do with the counselors' snippets (home/roles.py describes the roles).

Editors choose insurance plans and languages for a counselor's page; Moderators add, change and
delete them. Granted by counselors/migrations/0002. Moderators also keep the fees setting
(migration 0003).
"""

from home.roles import EDITORS, MODERATORS, grant_model_permissions

SNIPPETS = ("insuranceplan", "language")
EDITOR_PERMISSIONS = [("counselors", f"view_{model}") for model in SNIPPETS]
MODERATOR_PERMISSIONS = [
    ("counselors", f"{action}_{model}") for model in SNIPPETS for action in ("add", "change", "delete", "view")
]


def grant_snippet_permissions(apps=None):
    """Give Editors and Moderators their permissions on plans and languages. Idempotent; missing groups are skipped."""
    grant_model_permissions(EDITORS, EDITOR_PERMISSIONS, apps)
    grant_model_permissions(MODERATORS, MODERATOR_PERMISSIONS, apps)


# Settings → Fees and insurance (counselors/fees.py): moderators decide what the practice charges.
# Editors write the service pages (a clinically reviewed section, counselors/signals.py) but not the fees.
FEE_MODERATOR_PERMISSIONS = [("counselors", "change_feesettings"), ("counselors", "view_feesettings")]


def grant_fee_permissions(apps=None):
    """Give Moderators the fees setting. Idempotent; a missing group is skipped."""
    grant_model_permissions(MODERATORS, FEE_MODERATOR_PERMISSIONS, apps)
