"""Requests to join a group: health information, read by staff in the admin and nowhere else.

Not a snippet, not a page, not indexed for search and not in any API. Its
`__str__` carries no personal detail, because Wagtail's audit log and admin
messages store it.
"""

import datetime

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from groups.choices import ContactMethod, JoinRequestStatus
from home.panels import ReadOnlyPanel


class JoinRequestQuerySet(models.QuerySet):
    def past_retention(self, days=None):
        days = settings.JOIN_REQUEST_RETENTION_DAYS if days is None else days
        return self.filter(created_at__lt=timezone.now() - datetime.timedelta(days=days))


class JoinRequestManager(models.Manager.from_queryset(JoinRequestQuerySet)):
    def request_place(self, group, **fields):
        """Save a request to join `group`: a place if one is free, else the waiting list.

        The group's row is locked (SELECT … FOR UPDATE on PostgreSQL) while places
        are counted, so two requests racing for the last place cannot both get it.
        """
        # The group's page type, from the relation: this module imports no page module.
        group_model = self.model._meta.get_field("group").related_model
        with transaction.atomic():
            locked = group_model.objects.select_for_update(of=("self",)).get(pk=group.pk)
            status = JoinRequestStatus.NEW if locked.has_room() else JoinRequestStatus.WAITLISTED
            return self.create(group=locked, status=status, **fields)


class JoinRequest(models.Model):
    # Not in Wagtail's reference index: a group's "Usage" would list the requests to join it.
    wagtail_reference_index_ignore = True

    group = models.ForeignKey(
        "groups.SupportGroupPage", on_delete=models.CASCADE, related_name="join_requests", verbose_name="group"
    )
    name = models.CharField(max_length=80, help_text="The name they chose to give: it may be a first name only.")
    contact_method = models.CharField("how to contact them", max_length=10, choices=ContactMethod.choices)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    ok_to_leave_message = models.BooleanField(
        "safe to leave a message",
        default=False,
        help_text="If No, do not leave a voicemail or a message that says who is calling.",
    )
    preferred_session = models.DateTimeField(
        "preferred first or intro session", null=True, blank=True, help_text="Empty when they had no preference."
    )
    note = models.TextField("their note", blank=True, max_length=1000)
    consented_at = models.DateTimeField("agreed to the privacy statement")
    status = models.CharField(
        max_length=20,
        choices=JoinRequestStatus.choices,
        default=JoinRequestStatus.NEW,
        help_text=(
            "New: nobody has replied yet (these show on the dashboard). Change it to 'Contacted' once you have "
            "been in touch, then 'Joined', 'On the waiting list' or 'Declined or withdrawn'."
        ),
    )
    staff_notes = models.TextField(
        blank=True, help_text="For the team only: when you called, what was agreed. Deleted with the request."
    )
    # The join form's hidden key (home.forms.SubmissionKeyMixin): the same form posted twice is one request.
    submission_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    created_at = models.DateTimeField("received", auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = JoinRequestManager()

    panels = [
        MultiFieldPanel(
            [
                ReadOnlyPanel("group"),
                ReadOnlyPanel("name"),
                FieldRowPanel([ReadOnlyPanel("contact_method"), ReadOnlyPanel("ok_to_leave_message")]),
                FieldRowPanel([ReadOnlyPanel("email"), ReadOnlyPanel("phone")]),
                ReadOnlyPanel("preferred_session"),
                ReadOnlyPanel("note"),
                ReadOnlyPanel("created_at"),
            ],
            heading="What they sent",
        ),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("staff_notes")], heading="Follow-up"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "join request"
        verbose_name_plural = "join requests"

    def __str__(self):
        return f"Join request #{self.pk}" if self.pk else "Join request"

    @property
    def contact_detail(self):
        return self.email if self.contact_method == ContactMethod.EMAIL else self.phone
