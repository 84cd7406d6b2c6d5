"""What the roles may do with the counselors' snippets and appointment requests (home/roles.py describes the roles).

Editors choose insurance plans and languages for a counselor's page; Moderators add, change and
delete them. Granted by counselors/migrations/0002. Moderators also keep the fees setting
(migration 0003).

The "Intake coordinators" role (made by counselors/migrations/0004) reads and answers requests for
a first appointment, and nothing else: it has no page permissions and reads no other visitor's
messages. Appointment requests are visible only to it and to administrators (Django's view and
change permissions on AppointmentRequest, which no other role is given): Editors never see them,
and Moderators, who read the contact messages, do not read these either (README, "Roles and
review": each kind of visitor's request has the one role that answers it). Its members sign in
with two factors (home.roles.TWO_FACTOR_ROLES).
"""

from django.apps import apps as global_apps

from home.roles import EDITORS, INTAKE_COORDINATORS, MODERATORS, get_group, grant_model_permissions

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


INTAKE_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("counselors", "view_appointmentrequest"),
    ("counselors", "change_appointmentrequest"),
]


def create_intake_coordinators(apps=None):
    """The "Intake coordinators" group and its permissions. Idempotent."""
    (apps or global_apps).get_model("auth", "Group").objects.get_or_create(name=INTAKE_COORDINATORS)
    grant_model_permissions(INTAKE_COORDINATORS, INTAKE_PERMISSIONS, apps)


def remove_intake_coordinators(apps=None):
    group = get_group(INTAKE_COORDINATORS, apps)
    if group is not None:
        group.delete()
