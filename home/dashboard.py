"""Site-wide panels on the admin's dashboard: pages waiting for review, pages scheduled to go live,
and visitors' reports of problems with listings (a count and a link, never what they said).

Wagtail's own "Awaiting your review" panel lists what the user may review; it is
kept (not duplicated) and moved up with the other things that need doing. The
support groups add their own panels (groups/dashboard.py).
"""

from django.db.models import CharField, Count, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import Page, Revision
from wagtail.permission_policies.pages import PagePermissionPolicy

from home.models.reports import ListingReport, ReportStatus

# How many pages a panel lists before saying how many more there are.
PANEL_ROWS = 10
# Where "Awaiting your review" goes: after join requests (groups/dashboard.py), before the rest.
REVIEW_PANEL_ORDER = 120


def scheduled_pages(user):
    """Pages with a revision approved to go live later, soonest first, among those `user` may edit."""
    go_live_at = Revision.page_revisions.filter(
        object_id=Cast(OuterRef("pk"), output_field=CharField()), approved_go_live_at__isnull=False
    ).order_by("approved_go_live_at")
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return (
        Page.objects.annotate(scheduled_at=Subquery(go_live_at.values("approved_go_live_at")[:1]))
        .filter(scheduled_at__isnull=False, pk__in=editable.values("pk"))
        .order_by("scheduled_at", "pk")
    )


class ScheduledPagesPanel(Component):
    name = "scheduled_to_go_live"
    template_name = "home/admin/dashboard/scheduled_pages.html"
    order = 140

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        pages = scheduled_pages(self.user)
        rows = [
            {
                "title": page.get_admin_display_title(),
                "type": page.specific_class._meta.verbose_name if page.specific_class else "",
                "scheduled_at": page.scheduled_at,
                "live": page.live,
                "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
            }
            for page in pages[:PANEL_ROWS]
        ]
        more = pages.count() - len(rows) if len(rows) == PANEL_ROWS else 0
        return {"rows": rows, "more": more}


class ListingReportsPanel(Component):
    """How many reports of a problem with a listing nobody has looked at, on pages this person may edit.

    One query; counts only: a report's note and contact stay behind the reports' listing.
    """

    name = "listing_reports"
    template_name = "home/admin/dashboard/listing_reports.html"
    # After join requests (110), before "Awaiting your review" (120).
    order = 115

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        reports = ListingReport.objects.for_user(self.user)
        counts = reports.aggregate(
            new=Count("pk", filter=Q(status=ReportStatus.NEW)),
            checked=Count("pk", filter=Q(status=ReportStatus.CHECKED)),
        )
        url = reverse("home_listingreport_modeladmin_index")
        return {
            **counts,
            "new_url": f"{url}?status__exact={ReportStatus.NEW}",
            "checked_url": f"{url}?status__exact={ReportStatus.CHECKED}",
        }


def arrange_panels(request, panels):
    for panel in panels:
        if isinstance(panel, WorkflowObjectsToModeratePanel):
            panel.order = REVIEW_PANEL_ORDER
    if PagePermissionPolicy().user_has_permission(request.user, "change"):
        panels.append(ScheduledPagesPanel(request.user))
    if request.user.has_perm("home.view_listingreport"):
        panels.append(ListingReportsPanel(request.user))
