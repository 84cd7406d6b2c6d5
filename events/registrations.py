"""Requests for a place at an event: health information, read by staff in the admin and nowhere else.

The twin of a join request (groups.models.join), answered by the same role: an event registration
is not a page, a snippet, an API resource or a search result, is left out of Wagtail's reference
index and of the content version (home.content_version.IGNORED_MODELS: a burst of them never
empties a cache), and its `__str__` carries no personal detail (Wagtail's audit log and the admin's
messages store it). It asks only what the organiser needs to get in touch: a name, how to reach
them, whether a message may be left, an optional note, and their consent.

Places: an event's `capacity` (None: no limit) is shared by the requests that hold a place
(new, contacted, confirmed: `PLACE_HOLDING_STATUSES`). When they are all taken, or the editor has
set the event to "Full", a request goes on the waiting list. `request_place` counts the places
with the event's row locked (SELECT … FOR UPDATE on PostgreSQL), so two requests racing for the
last place never both get it.

Read and answered by Group coordinators and administrators (events/migrations/0004);
purged after EVENT_REGISTRATION_RETENTION_DAYS once the event is over (`purge_event_registrations`). The page that asks
is the event's own `register/` route (events/registration_page.py); this module imports no page
module, so the event's model is reached through the relation.
"""

import datetime

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from events.choices import PLACE_HOLDING_STATUSES, EventStatus, Registration, RegistrationStatus
from home.contact_details import PHONE_MAX_LENGTH, ContactMethod
from home.panels import ReadOnlyPanel

NOTE_MAX_LENGTH = 1000


def awaits_new_date(event):
    """Postponed and not yet given its new dates: the dates shown are the ones first planned."""
    return event.is_postponed and not event.is_rescheduled


def takes_registrations(event):
    """Whether the event's form is open: it asks with the form, is neither cancelled nor postponed without its
    new date, and has a date still to come."""
    return (
        event.registration == Registration.FORM
        and not event.is_cancelled
        and not awaits_new_date(event)
        and event.next_date is not None
    )


def places_taken(event):
    """How many requests hold a place at `event` (one query)."""
    return EventRegistration.objects.filter(event_id=event.pk, status__in=PLACE_HOLDING_STATUSES).count()


def has_room(event):
    """Whether a new request gets a place (read inside the lock in EventRegistration.objects.request_place)."""
    if event.status == EventStatus.FULL:
        return False
    return event.capacity is None or places_taken(event) < event.capacity


def full_with(event, taken):
    """Whether `event` is full with `taken` places held: the editor set it to "Full", or it asks with the form
    and has no place left. The one notion of "full": the pages, the JSON-LD and the dashboard all read it."""
    if event.status == EventStatus.FULL:
        return True
    return event.capacity is not None and event.registration == Registration.FORM and taken >= event.capacity


def is_full(event):
    """What the pages say (`full_with`), counting the places taken: no query without a limit."""
    if event.status == EventStatus.FULL:
        return True
    if event.capacity is None or event.registration != Registration.FORM:
        return False
    return full_with(event, places_taken(event))


class RegistrationsClosed(Exception):
    """The event stopped taking requests between the form's check and the save (cancelled, postponed, ended).

    `event` is the event as its locked row reads, to say why."""

    def __init__(self, event):
        super().__init__("The event no longer takes requests.")
        self.event = event


class EventRegistrationQuerySet(models.QuerySet):
    def past_retention(self, days=None, now=None):
        """Requests older than the retention period whose event is over: every date of it has ended, or it
        has none. A request made months before a distant event is kept until the event has taken place."""
        days = settings.EVENT_REGISTRATION_RETENTION_DAYS if days is None else days
        now = now or timezone.now()
        return self.filter(created_at__lt=now - datetime.timedelta(days=days)).exclude(event__dates__end__gt=now)


class EventRegistrationManager(models.Manager.from_queryset(EventRegistrationQuerySet)):
    def request_place(self, event, **fields):
        """Save a request for a place at `event`: a place if one is free, else the waiting list.

        The event's row is locked (SELECT … FOR UPDATE on PostgreSQL; SQLite's IMMEDIATE transactions
        serialise writers anyway) while places are counted, so two requests racing for the last place
        cannot both get it. Whether the event still takes requests is read again from the locked row
        (its status and dates): cancelled or postponed meanwhile, `RegistrationsClosed` and nothing saved.
        """
        event_model = self.model._meta.get_field("event").related_model
        with transaction.atomic():
            locked = event_model.objects.select_for_update(of=("self",)).get(pk=event.pk)
            if not takes_registrations(locked):
                raise RegistrationsClosed(locked)
            status = RegistrationStatus.NEW if has_room(locked) else RegistrationStatus.WAITLISTED
            return self.create(event=locked, status=status, **fields)


class EventRegistration(models.Model):
    # Not in Wagtail's reference index: an event's "Usage" would list the people asking to come.
    wagtail_reference_index_ignore = True

    event = models.ForeignKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="registrations", verbose_name="event"
    )
    name = models.CharField(max_length=80, help_text="The name they chose to give: it may be a first name only.")
    contact_method = models.CharField("how to contact them", max_length=10, choices=ContactMethod.choices)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=PHONE_MAX_LENGTH, blank=True)
    ok_to_leave_message = models.BooleanField(
        "safe to leave a message",
        default=False,
        help_text="If No, do not leave a voicemail or a message that says who is calling.",
    )
    note = models.TextField("their note", blank=True, max_length=NOTE_MAX_LENGTH)
    consented_at = models.DateTimeField("agreed to the privacy statement")
    status = models.CharField(
        max_length=20,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.NEW,
        help_text=(
            "New: nobody has replied yet. New, Contacted and Place confirmed each hold one of the event's places; "
            "'On the waiting list' and 'Cancelled or withdrawn' do not, so changing a request to one of them "
            "frees its place for the next person."
        ),
    )
    staff_notes = models.TextField(
        blank=True, help_text="For the team only: when you called, what was agreed. Deleted with the request."
    )
    # The form's hidden key (home.forms.StoredOnceMixin): the same form posted twice is one request.
    submission_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    created_at = models.DateTimeField("received", auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventRegistrationManager()

    panels = [
        MultiFieldPanel(
            [
                ReadOnlyPanel("event"),
                ReadOnlyPanel("name"),
                FieldRowPanel([ReadOnlyPanel("contact_method"), ReadOnlyPanel("ok_to_leave_message")]),
                FieldRowPanel([ReadOnlyPanel("email"), ReadOnlyPanel("phone")]),
                ReadOnlyPanel("note"),
                ReadOnlyPanel("created_at"),
            ],
            heading="What they sent",
        ),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("staff_notes")], heading="Follow-up"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "event registration"
        verbose_name_plural = "event registrations"
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self):
        return f"Event registration #{self.pk}" if self.pk else "Event registration"
