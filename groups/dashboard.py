"""Panels on the admin's dashboard for the support groups: who is waiting for a reply, what to re-check.

Both are one or two queries however many groups or requests there are. The join
requests panel gives counts and dates only: never a visitor's name, contact details
or note, which are health information and stay behind the join requests listing.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, Min
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

from groups import verification
from groups.choices import JoinRequestStatus
from groups.models import JoinRequest, SupportGroupIndexPage, SupportGroupPage

# How many groups a panel lists before saying how many more there are.
PANEL_ROWS = 10


def can_see_join_requests(user):
    """Superusers and the group coordinators (groups.view_joinrequest): see groups/permissions.py."""
    return user.has_perm("groups.view_joinrequest")


def join_requests_url(**filters):
    url = reverse("groups_joinrequest_modeladmin_index")
    return f"{url}?{urlencode(filters)}" if filters else url


class JoinRequestsPanel(Component):
    """New join requests nobody has answered yet: per group, how many and since when."""

    name = "join_requests_awaiting_reply"
    template_name = "groups/admin/dashboard/join_requests.html"
    order = 110

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        rows = list(
            JoinRequest.objects.filter(status=JoinRequestStatus.NEW)
            .values("group_id", "group__title")
            .annotate(waiting=Count("pk"), oldest=Min("created_at"))
            .order_by("oldest", "group__title")
        )
        for row in rows:
            row["days"] = (today - timezone.localdate(row["oldest"])).days
            row["url"] = join_requests_url(status__exact=JoinRequestStatus.NEW, group__page_ptr__exact=row["group_id"])
        return {
            "rows": rows,
            "total": sum(row["waiting"] for row in rows),
            "all_new_url": join_requests_url(status__exact=JoinRequestStatus.NEW),
        }


class GroupsToVerifyPanel(Component):
    """Live groups whose details were last checked too long ago, oldest check first."""

    name = "groups_to_verify"
    template_name = "groups/admin/dashboard/groups_to_verify.html"
    order = 130

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        groups = verification.groups_to_verify(self.user)
        today = timezone.localdate()
        rows = [
            {
                "title": group.title,
                "last_verified": group.last_verified,
                "days": (today - group.last_verified).days,
                "edit_url": reverse("wagtailadmin_pages:edit", args=[group.pk]),
                "confirm_url": reverse("groups_confirm_details", args=[group.pk]),
            }
            for group in groups.only("pk", "title", "last_verified")[:PANEL_ROWS]
        ]
        total = len(rows) if len(rows) < PANEL_ROWS else groups.count()
        return {
            "rows": rows,
            "more": total - len(rows),
            "days": settings.GROUP_VERIFY_AFTER_DAYS,
        }


def can_edit_groups(user):
    """Whether `user` may edit a group finder or a group (not so for editors: home/roles.py)."""
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return editable.type(SupportGroupIndexPage, SupportGroupPage).exists()


def add_panels(request, panels):
    user = request.user
    if can_see_join_requests(user):
        panels.append(JoinRequestsPanel())
    if can_edit_groups(user):
        panels.append(GroupsToVerifyPanel(user))
