"""What's on: the events index and event pages, each with one date or a short series of dates.

- `EventIndexPage`: "What's on", one per site under the home page. Upcoming events soonest first,
  with the house's filters (events/forms.py, home/filters.py), and the past ones in an archive
  (`past/`) that the listing links to. Which is which is asked of the database on each request by
  comparing the events' end times with now (`EventPageQuerySet`): nothing has to run at midnight.
- `EventPage`: one event. Its dates are inline rows (`EventDate`, start and end in Asheville's
  time); its leaders are People (home.Person); where it happens is a groups Venue (shared with the
  groups: one address, one set of access notes) and/or online, whose link is never published, as
  for groups. An event may belong to a group (`group`, a foreign key to groups.SupportGroupPage):
  the group's page shows it through this app's `{% events_for_group %}` tag, so groups never import
  events.
- Registration: how to come (just come, ask with a form, ask by phone) and `capacity`. "Ask with
  the form" is the event's `register/` page (events/registration_page.py), whose requests
  (events/registrations.py) take a place or, when they are all taken, join the waiting list.
- Postponed: the editor sets the status and, once the new date is known, replaces the dates and
  keeps the date first planned in `previous_start` (events/jsonld.py, events/calendar.py).
"""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, OuterRef, Prefetch, Subquery, prefetch_related_objects
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from events import serializers
from events.choices import AUDIENCE_CHOICES, EventKind, EventStatus, Registration
from events.forms import EventAPIFilterForm, EventFilterForm, month_choices
from events.jsonld import event_json_ld
from events.registration_page import RegistrationMixin
from home import frontend_cache
from home.blocks import BaseStreamBlock
from home.choices import Cost, MeetingFormat
from home.content_version import remember
from home.geo import describe_miles
from home.listing_reports import ListingReportMixin
from home.local_time import TIMEZONE
from home.models import BasePage, IntroBodyMixin, SiteSettings, Topic
from home.near_me import keep_position_private, rounded_position_redirect
from home.pagination import paginate
from home.panels import ListingReportsPanel
from home.queries import ReadablePageQuerySet, renditions_prefetch
from home.serializers import RenditionField, TopicListField, VenueField
from home.utils import tel_href

__all__ = ["EventDate", "EventIndexPage", "EventLeader", "EventPage", "EventRegistration"]


# Upcoming events' order (EventPageQuerySet.upcoming), and after the distance in a "near me" search.
SOONEST_FIRST = ("next_start", "title", "pk")


class EventPageQuerySet(ReadablePageQuerySet):
    """Upcoming and past by the events' own end times against now: no stored flag, no nightly job."""

    def with_times(self, now=None):
        """Each event annotated with `next_start` (its first date not yet over), `first_start` and `last_end`."""
        now = now or timezone.now()
        dates = EventDate.objects.filter(page=OuterRef("pk"))
        return self.annotate(
            next_start=Subquery(dates.filter(end__gt=now).order_by("start").values("start")[:1]),
            first_start=Subquery(dates.order_by("start").values("start")[:1]),
            last_end=Subquery(dates.order_by("-end").values("end")[:1]),
        )

    def upcoming(self, now=None):
        """Events with a date that has not ended yet, soonest first."""
        now = now or timezone.now()
        return self.with_times(now).filter(next_start__isnull=False).order_by(*SOONEST_FIRST)

    def past(self, now=None):
        """Events whose every date has ended, the latest first (the archive)."""
        now = now or timezone.now()
        return self.with_times(now).filter(last_end__lte=now).order_by(F("last_end").desc(), "title", "pk")


# What an event's card reads, fetched with the events (no query per card).
CARD_SELECT_RELATED = ("venue", "image")
# The renditions a card's picture uses (templates/events/components/event_card.html): keep the two in step.
CARD_IMAGE_SPEC = "format-{webp,jpeg} fill-{400x267,800x533}"
# A leader's photo on the event page (templates/events/event_page.html): keep the two in step.
LEADER_PHOTO_SPEC = "format-{webp,jpeg} fill-{120x120,240x240}"


def ended_event_keys(request=None):
    """The keys of the events that have ended: one query for the whole sitemap (kept on the request)."""
    keys = getattr(request, "_ended_event_keys", None)
    if keys is None:
        keys = set(EventPage.objects.past().values_list("pk", flat=True))
        if request is not None:
            request._ended_event_keys = keys
    return keys


def card_prefetch():
    """What a list of event cards reads besides CARD_SELECT_RELATED: the dates and the pictures' renditions."""
    return ("dates", renditions_prefetch("image__renditions", CARD_IMAGE_SPEC))


class EventIndexPage(RoutablePageMixin, IntroBodyMixin, BasePage):
    """'What's on': upcoming events soonest first, with filters; past events at `past/`."""

    intro_help_text = "One or two welcoming sentences above the list, e.g. what kinds of events we run."
    body_help_text = "Anything else to say below the list of events. Optional."

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    page_size = 10
    search_kind = "What's on"
    search_lists_pages = True
    json_ld_type = "CollectionPage"

    content_panels = [*BasePage.content_panels, *IntroBodyMixin.intro_body_panels]
    search_fields = [*BasePage.search_fields, *IntroBodyMixin.intro_search_fields]
    api_fields = [
        *IntroBodyMixin.intro_body_api_fields,
        APIField("calendar_url", serializer=serializers.FeedUrlField("events:calendar", source="*")),
    ]

    class Meta:
        verbose_name = "events index (What's on)"

    def get_events(self):
        """Live, public events under this index, with what their cards read."""
        return EventPage.objects.readable().descendant_of(self).select_related(*CARD_SELECT_RELATED)

    def topic_choices(self):
        """Topics some event here has, kept until content changes (no query per request)."""

        def build():
            events = EventPage.objects.child_of(self).readable()
            return [
                (topic.slug, topic.name)
                for topic in Topic.objects.filter(event_pages__in=events).distinct().order_by("name")
            ]

        return remember("event-topic-choices", build, self.pk)

    def filter_form(self, request, with_position=False):
        """The listing's filters from the query string (also the calendar feed's).

        The visitor's own position (`lat`, `lng` from "Use my location") only `with_position`: the
        listing itself, which no cache keeps then. A feed is kept by caches and fetched by calendar
        apps for years, so there the parameters mean nothing; a ZIP code works everywhere.
        """
        return EventFilterForm.from_query(
            request.GET, topics=self.topic_choices(), months=month_choices(), with_position=with_position
        )

    @path("")
    def upcoming_view(self, request):
        """Upcoming events soonest first; near a ZIP code or the visitor's position, nearest first
        (online-only events after them), each with its distance (home/near_me.py)."""
        if rounded := rounded_position_redirect(request):
            # A position more precise than the site uses (typed by hand): the same search, rounded.
            return rounded
        form = self.filter_form(request, with_position=True)
        events = form.filter(self.get_events().upcoming())
        events = events.order_by(*form.ordering(SOONEST_FIRST)).prefetch_related(*card_prefetch())
        page_obj = paginate(request, events, self.page_size)
        query = form.query_string()
        calendar_path = serializers.calendar_path(query)
        position = form.position
        response = self.render(
            request,
            context_overrides={
                "form": form,
                "filtered": bool(form.filters),
                "filters_text": form.describe(),
                "calendar_filters_text": form.describe(with_position=False),
                "near": position,
                "within_text": describe_miles(form.within_miles) if position else "",
                "unplaced": form.unplaced.count() if position else 0,
                "near_left_out": form.near_left_out(),
                "ignored": form.ignored,
                "page_obj": page_obj,
                "events": page_obj.object_list,
                "archive_url": self.url + self.reverse_subpage("archive"),
                "calendar_url": request.build_absolute_uri(calendar_path),
                "webcal_url": "webcal://" + request.get_host() + calendar_path,
            },
        )
        # The visitor's own position is theirs: no cache keeps the page; "Use my location" may ask for it here.
        return keep_position_private(request, response)

    @path("past/", name="archive")
    def archive(self, request):
        """Events that have ended, the latest first: reachable from the listing, left out of it and of feeds."""
        page_obj = paginate(request, self.get_events().past().prefetch_related(*card_prefetch()), self.page_size)
        return self.render(
            request,
            template="events/event_archive.html",
            context_overrides={"page_obj": page_obj, "events": page_obj.object_list, "index_url": self.url},
        )


class EventPage(RegistrationMixin, ListingReportMixin, RoutablePageMixin, BasePage):
    """One event: what it is, who it is for, when and where, what it costs and how to come.

    Visitors ask for a place on `register/` (events/registration_page.py) and tell us when its
    details are wrong on `report/` (home/listing_reports.py).
    """

    summary = models.TextField(
        max_length=300,
        help_text="Two sentences at most: what happens and who it is for. Shown in the list of events.",
    )
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A calm picture for the list and the top of the page. Optional; never a photo of members.",
    )
    description = StreamField(
        BaseStreamBlock(),
        blank=True,
        help_text="More about the event: what you will do, what it feels like, who comes.",
    )
    kind = models.CharField(
        "kind of event",
        max_length=20,
        choices=EventKind.choices,
        default=EventKind.WORKSHOP,
        help_text="Visitors filter What's on by this.",
    )
    topics = ParentalManyToManyField(
        "home.Topic",
        blank=True,
        related_name="event_pages",
        help_text="What the event is about. Visitors filter What's on by these.",
    )
    audience = models.CharField(
        "who it is for",
        max_length=20,
        choices=AUDIENCE_CHOICES,
        default="everyone",
        help_text="The people the event is meant for.",
    )
    group = models.ForeignKey(
        "groups.SupportGroupPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text="The support group this event belongs to, if any: the group's page lists it.",
    )
    members_only = models.BooleanField(
        "for group members only",
        default=False,
        help_text="Tick if only members of the group above may come. Otherwise it is open to all.",
    )
    attendance = models.CharField(
        "format",
        max_length=20,
        choices=MeetingFormat.choices,
        default=MeetingFormat.IN_PERSON,
        help_text="In person needs a venue; online needs the meeting link; hybrid needs both.",
    )
    venue = models.ForeignKey(
        "groups.Venue",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        help_text="Where it happens, with its access notes. Add a new venue under Snippets → Venues.",
    )
    meeting_point = models.CharField(
        max_length=240,
        blank=True,
        help_text="For outings: exactly where to meet, e.g. 'Craggy Gardens visitor center, by the signboard'.",
    )
    what_to_bring = models.TextField(
        blank=True, help_text="For outings and classes: shoes, water, a packed lunch, anything to make or share."
    )
    online_platform = models.CharField(
        max_length=60, blank=True, help_text="The name of the video service, e.g. 'Zoom'. Shown on the page."
    )
    online_meeting_url = models.URLField(
        "online meeting link (private)",
        blank=True,
        help_text=(
            "Never shown on the website, in feeds or to other apps: staff send it to people who are coming. "
            "Keep it here so everyone on the team can find it."
        ),
    )
    cost = models.CharField(max_length=20, choices=Cost.choices, default=Cost.FREE)
    fee_amount = models.DecimalField(
        "fee in dollars",
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="For a fee: the amount, e.g. 25. For a sliding scale: the suggested amount, optional.",
    )
    cost_details = models.CharField(
        max_length=160,
        blank=True,
        help_text="For example '$10 to $40, you choose' or 'Materials included'. Optional.",
    )
    registration = models.CharField(
        "how to come",
        max_length=20,
        choices=Registration.choices,
        default=Registration.NONE,
        help_text="Whether people just come or ask for a place first.",
    )
    registration_phone = models.CharField(
        "phone number to ask",
        max_length=40,
        blank=True,
        help_text="For asking by phone. The office's number (Practice details) if left empty.",
    )
    capacity = models.PositiveSmallIntegerField(
        "places",
        null=True,
        blank=True,
        help_text="How many people can come. Leave empty for no limit.",
    )
    status = models.CharField(
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text=(
            "Cancelled: the page, calendars and other apps say so. Postponed: replace the dates with the new "
            "ones when you know them and put the date first planned below. Full: no more places."
        ),
    )
    previous_start = models.DateTimeField(
        "first planned for",
        null=True,
        blank=True,
        help_text="For a postponed event with its new dates: when it was first going to start (Asheville time).",
    )
    status_note = models.CharField(
        max_length=240,
        blank=True,
        help_text="A sentence for visitors, e.g. 'Because of the storm forecast. We are sorry.' Optional.",
    )
    # RFC 5545 3.8.7.4: calendar apps replace their copy only when SEQUENCE goes up. Raised on
    # publishing when the dates or the status change (`save`); never lowered, never edited by hand.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    last_verified = models.DateField(
        "details last checked",
        default=datetime.date.today,
        help_text="The date someone last checked the dates, place and cost with the leader. Shown on the page.",
    )

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    summary_field = "summary"
    image_field = "image"
    search_kind = "Event"
    report_listing_name = "this event's details"

    content_panels = [
        ListingReportsPanel(),
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("audience")]),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("group"), FieldPanel("members_only")]),
            ],
            heading="What and who for",
        ),
        InlinePanel(
            "leaders", heading="Led by", label="Leader", help_text="Who leads it. People are kept under Snippets."
        ),
    ]
    when_panels = [
        MultiFieldPanel([FieldPanel("last_verified")], heading="Checking the details"),
        InlinePanel(
            "dates",
            heading="Dates",
            label="Date",
            min_num=1,
            help_text="One row for a single event; one row per session for a course (e.g. four Tuesdays). "
            "Asheville time.",
        ),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("previous_start"), FieldPanel("status_note")], heading="Status"
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance"),
                FieldPanel("venue"),
                FieldPanel("meeting_point"),
                FieldPanel("what_to_bring"),
                FieldPanel("online_platform"),
                FieldPanel("online_meeting_url"),
            ],
            heading="Where",
        ),
    ]
    coming_panels = [
        MultiFieldPanel(
            [FieldPanel("cost"), FieldRowPanel([FieldPanel("fee_amount"), FieldPanel("cost_details")])],
            heading="Cost",
        ),
        MultiFieldPanel(
            [FieldPanel("registration"), FieldPanel("registration_phone"), FieldPanel("capacity")],
            heading="Places",
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(when_panels, heading="When and where"),
            ObjectList(coming_panels, heading="Cost and places"),
            ObjectList(BasePage.promote_panels, heading="Promotion"),
            ObjectList(BasePage.settings_panels, heading="Settings"),
        ]
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("kind"),
        index.FilterField("status"),
    ]

    api_fields = [
        APIField("summary"),
        APIField("image", serializer=RenditionField("fill-800x533")),
        APIField("description"),
        APIField("kind"),
        APIField("topics", serializer=TopicListField()),
        APIField("audience"),
        APIField("group", serializer=serializers.GroupField()),
        APIField("members_only"),
        APIField("attendance"),
        APIField("venue", serializer=VenueField()),
        APIField("meeting_point"),
        APIField("what_to_bring"),
        APIField("online_platform"),
        APIField("dates", serializer=serializers.DatesField(source="*")),
        APIField("status"),
        APIField("previous_start", serializer=serializers.LocalDateTimeField()),
        APIField("status_note"),
        APIField("cost"),
        APIField("fee_amount"),
        APIField("cost_details"),
        APIField("registration"),
        APIField("capacity"),
        APIField("leaders", serializer=serializers.LeadersField(source="*")),
        APIField("last_verified"),
        APIField("calendar_url", serializer=serializers.EventCalendarUrlField(source="*")),
    ]
    # API v2's `upcoming`, `from` and `to` (home/api/filters.py, PageTypeFilter).
    api_filter_form = EventAPIFilterForm
    # Fields API v3 filters by value beside the form's (`?type=events.EventPage&kind=outing`): Wagtail's own.
    api_value_filters = ("kind", "status", "cost", "attendance", "topics")
    api_select_related = ("venue", "image", "group")
    api_prefetch_related = (
        "topics",
        "dates",
        "image__renditions",
        "leaders__person__photo__renditions",
    )

    objects = PageManager.from_queryset(EventPageQuerySet)()

    class Meta:
        verbose_name = "event"

    # Dates ------------------------------------------------------------------------------------

    @cached_property
    def date_list(self):
        """Every date, in order (from the prefetch when there is one)."""
        return sorted((d for d in self.dates.all() if d.start and d.end), key=lambda d: d.start)

    @property
    def upcoming_dates(self):
        now = timezone.now()
        return [d for d in self.date_list if d.end > now]

    @property
    def first_date(self):
        return self.date_list[0] if self.date_list else None

    @property
    def last_date(self):
        return max(self.date_list, key=lambda d: d.end) if self.date_list else None

    @property
    def next_date(self):
        upcoming = self.upcoming_dates
        return upcoming[0] if upcoming else None

    @property
    def has_ended(self):
        last = self.last_date
        return last is not None and last.end <= timezone.now()

    @property
    def is_series(self):
        return len(self.date_list) > 1

    # Display helpers --------------------------------------------------------------------------

    @property
    def is_free(self):
        return self.cost == Cost.FREE

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def is_postponed(self):
        return self.status == EventStatus.POSTPONED

    @property
    def is_rescheduled(self):
        """Postponed and given its new dates: the date first planned is kept in `previous_start`."""
        return self.is_postponed and self.previous_start is not None

    @property
    def in_person(self):
        return self.attendance in {MeetingFormat.IN_PERSON, MeetingFormat.HYBRID}

    @property
    def online(self):
        return self.attendance in {MeetingFormat.ONLINE, MeetingFormat.HYBRID}

    @property
    def cost_text(self):
        if self.is_free:
            return "Free"
        label = self.get_cost_display()
        if self.fee_amount is not None:
            amount = f"${self.fee_amount:,.2f}".removesuffix(".00")
            label = f"{label}: {amount}" if self.cost == Cost.FEE else f"{label}, {amount} suggested"
        return f"{label} ({self.cost_details})" if self.cost_details else label

    @property
    def place_text(self):
        """Where, in a few words: 'West Asheville', 'Online', 'Black Mountain or online'."""
        town = (self.venue.area or self.venue.locality) if self.venue and self.in_person else ""
        if not town:
            return "Online" if self.online else (self.meeting_point if self.meeting_point else "")
        return f"{town} or online" if self.online else town

    @property
    def asks_for_a_place(self):
        return self.registration in {Registration.FORM, Registration.PHONE}

    def phone_number(self, request=None):
        return self.registration_phone or SiteSettings.load(request_or_site=request).phone

    def clean(self):
        super().clean()
        errors = {}
        if self.in_person and not self.venue_id and not self.meeting_point:
            errors["venue"] = (
                "An in-person event needs a place: choose a venue, or for an outing write the meeting point."
            )
        if self.online and not self.online_meeting_url:
            errors["online_meeting_url"] = (
                "Online and hybrid events need the meeting link (it stays private). Add it, or set the format "
                "to 'In person'."
            )
        if self.cost == Cost.FEE and self.fee_amount is None:
            errors["fee_amount"] = "Write the fee, e.g. 25, or set the cost to free or sliding scale."
        if self.members_only and not self.group_id:
            errors["members_only"] = "Choose the group whose members may come, or untick 'for group members only'."
        if self.previous_start and self.status != EventStatus.POSTPONED:
            errors["previous_start"] = "Only a postponed event has a date it was first planned for. Clear it."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.pk and self.live and kwargs.get("update_fields") is None:
            stored = EventPage.objects.filter(pk=self.pk).values("live", "status", "sequence", "group_id").first()
            if stored is not None:
                if stored["group_id"] and stored["group_id"] != self.group_id:
                    # The group page it leaves listed it: purge that page too (the new one: events/feeds.py).
                    frontend_cache.page_changed(Page(pk=stored["group_id"]))
                self.sequence = self._next_sequence(stored)
        return super().save(*args, **kwargs)

    def _next_sequence(self, stored):
        """One more than the live version's when the dates or status differ from it, else the same.

        The database row and dates still hold the version being replaced (modelcluster writes the
        new dates after the page). A revision published again keeps the highest number reached.
        """
        current = max(self.sequence, stored["sequence"])
        if not stored["live"]:
            return current
        before = sorted(EventDate.objects.filter(page_id=self.pk).values_list("start", "end"))
        after = sorted((d.start, d.end) for d in self.dates.all())
        changed = stored["status"] != self.status or before != after
        return current + 1 if changed else current

    # Pages and calendars ----------------------------------------------------------------------

    @path("")
    def event(self, request):
        """The event page: the same for every visitor, so shared caches may keep it."""
        if not getattr(request, "is_preview", False):
            prefetch_related_objects(
                [self],
                "topics",
                "dates",
                Prefetch("leaders", queryset=EventLeader.objects.select_related("person", "person__photo")),
                renditions_prefetch("leaders__person__photo__renditions", LEADER_PHOTO_SPEC),
            )
        phone = self.phone_number(request)
        return self.render(
            request,
            context_overrides={
                "report_url": self.get_report_url(request),
                "calendar_url": self.get_calendar_path(),
                "webcal_url": "webcal://" + request.get_host() + self.get_calendar_path(),
                "index_url": self.get_parent().url if self.get_parent() else "",
                "phone": phone,
                "phone_href": tel_href(phone),
                "register_url": self.get_register_url(request),
                "full": self.places_full(),
            },
        )

    def get_calendar_path(self):
        return serializers.event_calendar_path(self.pk)

    def get_json_ld(self, request=None):
        return event_json_ld(self, request)

    def get_sitemap_urls(self, request=None):
        """Past events stay reachable but lose their weight: search engines are asked to look rarely."""
        urls = super().get_sitemap_urls(request)
        if self.pk in ended_event_keys(request):
            for entry in urls:
                entry["changefreq"] = "never"
        return urls


class EventDate(Orderable):
    """One date of an event: when it starts and ends, in Asheville's time."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="dates")
    start = models.DateTimeField(help_text="Asheville time, e.g. 18:30 for 6:30pm.")
    end = models.DateTimeField(help_text="When it ends, the same day or a later one.")
    note = models.CharField(max_length=120, blank=True, help_text="Optional, e.g. 'Week 2: breathing' or 'Rain date'.")

    panels = [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = "date"
        indexes = [models.Index(fields=["page", "end"])]

    def __str__(self):
        return self.start.astimezone(TIMEZONE).strftime("%Y-%m-%d %H:%M") if self.start else "Date"

    @property
    def local_start(self):
        return self.start.astimezone(TIMEZONE)

    @property
    def local_end(self):
        return self.end.astimezone(TIMEZONE)

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": "It ends before it starts: set the end after the start (24-hour clock)."})


class EventLeader(Orderable):
    """A person who leads the event, in the order they are listed."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="leaders")
    person = models.ForeignKey(
        "home.Person",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Choose someone from Snippets → People, or add them there first.",
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = "leader"


# Requests for a place live in their own module; imported here so Django finds the model.
from events.registrations import EventRegistration  # noqa: E402
