"""Reports from visitors that a listing is wrong: a group that no longer meets, a resource's old address.

Shared by every page type that lists something people go to (support groups, community pages
and their resources, events when they come), so it lives in the core: each area's page adds the
`report/` route with `home.listing_reports.ListingReportMixin`, and this model points at the
page through Wagtail's own `Page`, knowing no area.

What a visitor tells us here is about the listing, not about themselves: no health question is
asked, the note's help text says not to give any, and no IP address is stored. Still, a note or
a contact detail is personal, so reports are treated as join requests are: read in the admin
only (never in a page, the API, search or an email), purged after LISTING_REPORT_RETENTION_DAYS.
Its `__str__` carries no detail, because Wagtail's audit log and admin messages store it.

When the page is deleted its reports go with it (CASCADE): there is nothing left to fix, and
keeping a visitor's note or contact detail for a listing that no longer exists serves no one.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.permission_policies.pages import PagePermissionPolicy

__all__ = ["ListingProblem", "ListingReport", "ReportStatus"]

NOTE_MAX_LENGTH = 500
CONTACT_MAX_LENGTH = 254


class ListingProblem(models.TextChoices):
    """What a visitor says is wrong, in words that fit a group, an event or a local resource."""

    WRONG_TIME = "wrong_time", "The day or time is wrong"
    NO_LONGER_MEETS = "no_longer_meets", "It no longer meets or has closed"
    NOBODY_CAME = "nobody_came", "I went and nobody was there"
    WRONG_ADDRESS = "wrong_address", "The address or place is wrong"
    OTHER = "other", "Something else"


class ReportStatus(models.TextChoices):
    NEW = "new", "New"
    CHECKED = "checked", "Checked, being fixed"
    FIXED = "fixed", "Fixed"
    NOT_A_PROBLEM = "not_a_problem", "Not a problem"


# Reports someone still has to look at (the dashboard's count, the editor's notice).
OPEN_STATUSES = (ReportStatus.NEW, ReportStatus.CHECKED)
# Who reads reports at all (Moderators and Group coordinators: home/roles.py); each of them only
# the reports on pages they may edit, so coordinators see their groups' and nothing else.
VIEW_PERMISSION = "home.view_listingreport"


class AnswerPanel(FieldPanel):
    """What the visitor sent, shown to staff read-only and in words: "Not given" for an empty answer."""

    def __init__(self, field_name, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(field_name, **kwargs)

    def format_value_for_display(self, value):
        if value is None or value == "":
            return "Not given"
        return super().format_value_for_display(value)


class ListingReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def for_user(self, user):
        """The reports `user` may read: with the permission, those on pages they may edit."""
        if not user.has_perm(VIEW_PERMISSION):
            return self.none()
        if user.is_superuser:
            return self
        editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
        return self.filter(page__in=editable.values("pk"))

    def past_retention(self, days=None):
        days = settings.LISTING_REPORT_RETENTION_DAYS if days is None else days
        return self.filter(created_at__lt=timezone.now() - datetime.timedelta(days=days))


class ListingReport(models.Model):
    # Not in Wagtail's reference index: a page's "Usage" would list reports to anyone who may edit it.
    wagtail_reference_index_ignore = True

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="listing_reports",
        verbose_name="listing",
        help_text="The page the visitor was reading.",
    )
    resource = models.CharField(
        "which resource",
        max_length=160,
        blank=True,
        help_text="On a community page: the local resource they chose, by its name when they sent it.",
    )
    problem = models.CharField("what is wrong", max_length=20, choices=ListingProblem.choices)
    note = models.TextField("their note", blank=True, max_length=NOTE_MAX_LENGTH)
    contact = models.CharField(
        "contact",
        max_length=CONTACT_MAX_LENGTH,
        blank=True,
        help_text="An email address or phone number, only if they would like to hear back.",
    )
    status = models.CharField(
        max_length=20,
        choices=ReportStatus.choices,
        default=ReportStatus.NEW,
        help_text=(
            "New: nobody has looked yet. 'Checked, being fixed' once you know it is right and the page needs "
            "changing; 'Fixed' once it is published; 'Not a problem' when the listing was right."
        ),
    )
    staff_note = models.TextField(
        blank=True, help_text="For the team only: what you checked and with whom. Deleted with the report."
    )
    # The form's hidden key (home.forms.SubmissionKeyMixin): the same form posted twice is one report.
    submission_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    created_at = models.DateTimeField("received", auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ListingReportQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                AnswerPanel("page"),
                AnswerPanel("resource"),
                AnswerPanel("problem"),
                AnswerPanel("note"),
                AnswerPanel("contact"),
                AnswerPanel("created_at"),
            ],
            heading="What they told us",
        ),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("staff_note")], heading="Follow-up"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "listing report"
        verbose_name_plural = "listing reports"

    def __str__(self):
        return f"Listing report #{self.pk}" if self.pk else "Listing report"
