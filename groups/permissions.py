"""The 'Group coordinators' role: edits support group pages and reads join requests.

Join requests are visible only to superusers and to members of this group
(Django's view/change permissions on JoinRequest, which no other group is given).
"""

COORDINATORS_GROUP = "Group coordinators"

# (app_label, codename) of model permissions the coordinators hold.
COORDINATOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("groups", "view_joinrequest"),
    ("groups", "change_joinrequest"),
    ("groups", "add_venue"),
    ("groups", "change_venue"),
    ("groups", "view_venue"),
]

# Page permissions on each group finder (and so on every group below it): edit, not publish,
# so changes go through the review workflow.
COORDINATOR_PAGE_PERMISSIONS = ["add_page", "change_page"]


def grant_finder_permissions(page, group_model, permission_model, page_permission_model):
    """Let the coordinators add and edit support groups under `page` (a finder). Idempotent."""
    group = group_model.objects.filter(name=COORDINATORS_GROUP).first()
    if group is None:
        return
    for codename in COORDINATOR_PAGE_PERMISSIONS:
        permission = permission_model.objects.filter(content_type__app_label="wagtailcore", codename=codename).first()
        if permission is not None:
            page_permission_model.objects.get_or_create(group=group, page_id=page.pk, permission=permission)
