"""The group finder (the groups index) and the support group page, with its schedule and facilitators.

Each page handles its own requests in routed methods using the forms in
groups/forms.py (the finder's filters, the join form); the calendar and
Meeting Guide feeds are plain views in groups/feeds.py that read these pages.
"""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.db.models.functions import Lower
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.utils.http import urlencode
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PageManager
from wagtail.search import index

from groups import next_meetings, printing, schedule, serializers
from groups.admin_forms import SupportGroupPageForm
from groups.choices import (
    PLACE_HOLDING_STATUSES,
    Audience,
    Cost,
    GroupStatus,
    JoinRequestStatus,
    LedBy,
    MeetingFormat,
)
from groups.forms import POSITION_FIELDS, FinderForm, JoinRequestForm
from groups.jsonld import group_json_ld
from groups.models.inlines import GroupFacilitator
from groups.next_meetings import STALE, saving_group
from groups.panels import VerificationPanel
from home.blocks import BaseStreamBlock
from home.forms import Outcome, handle_submission, private_form_response
from home.geo import describe_miles
from home.listing_reports import ListingReportMixin
from home.models import BasePage, IntroBodyMixin, SiteSettings, Topic
from home.near_me import keep_position_private, rounded_position_redirect
from home.notifications import notify_staff
from home.pagination import paginate
from home.panels import ListingReportsPanel
from home.queries import ReadablePageQuerySet
from home.serializers import RenditionField, RichTextAPIField, TopicListField
from home.utils import add_working_days

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class SupportGroupIndexPage(RoutablePageMixin, IntroBodyMixin, BasePage):
    """The group finder: every support group, filtered by what the visitor needs.

    Its calendar and Meeting Guide feeds are plain Django views (groups/feeds.py, routed by groups/urls.py):
    Wagtail's page URLs always end in a slash, feeds end in .ics and .json.
    """

    intro_help_text = "One or two welcoming sentences above the finder, e.g. who the groups are for."
    body_help_text = "Anything else to say below the list of groups, e.g. how groups work. Optional."

    parent_page_types = ["home.HomePage"]
    subpage_types = ["groups.SupportGroupPage"]
    max_count_per_parent = 1

    content_panels = [*BasePage.content_panels, *IntroBodyMixin.intro_body_panels]
    search_fields = [*BasePage.search_fields, *IntroBodyMixin.intro_search_fields]
    api_fields = [
        *IntroBodyMixin.intro_body_api_fields,
        APIField("calendar_url", serializer=serializers.FeedUrlField("groups:calendar", source="*")),
        APIField("meeting_guide_url", serializer=serializers.FeedUrlField("groups:meeting_guide", source="*")),
    ]

    page_size = 10
    # The printed list holds at most this many groups (one sheet of A4 or Letter in two columns):
    # past it, the sheet says how many more there are and where to find them.
    print_limit = 12
    search_kind = "Group finder"
    search_lists_pages = True
    json_ld_type = "CollectionPage"

    class Meta:
        verbose_name = "support group finder"

    @path("")
    def finder(self, request):
        """The finder: filters in the query string, results soonest first, paginated.

        Sorted by each group's stored next meeting in the database (groups/next_meetings.py);
        only the page shown is fetched, with its topics: the number of queries does not grow
        with the number of groups, nor does the work.
        """
        if rounded := rounded_position_redirect(request):
            # A position more precise than the site uses (typed by hand): the same search, rounded,
            # so the precise one is never echoed in the page's links or kept in the browser's history.
            return rounded
        form = self.filter_form(request, with_position=True)
        groups = form.filter(self.get_groups())
        position = form.position
        counts = groups.aggregate(
            total=models.Count("pk"), stale=models.Count("pk", filter=models.Q(next_meeting_start__lt=timezone.now()))
        )
        if counts["stale"]:
            # A meeting has begun since it was stored: store the next ones before sorting.
            next_meetings.refresh_stale()
        ordered = groups.order_by(*form.ordering(SOONEST_FIRST))
        page_obj = paginate(request, ordered, self.page_size, count=counts["total"])
        prefetch_related_objects(page_obj.object_list, "topics")
        query = urlencode(form.query_items())
        calendar_path = reverse("groups:calendar") + (f"?{query}" if query else "")
        filters = form.filters
        response = self.render(
            request,
            context_overrides={
                "form": form,
                "filtered": bool(filters),
                "filters_text": form.describe(),
                "calendar_filters_text": form.describe(with_position=False),
                "ignored": form.ignored,
                "more_filters": any(name in filters for name in ("audience", "led_by", "free", "open")),
                "page_obj": page_obj,
                "groups": page_obj.object_list,
                "total": counts["total"],
                "near": position,
                "within_text": describe_miles(form.within_miles) if position else "",
                "unplaced": form.unplaced.count() if position else 0,
                "near_left_out": form.near_left_out(),
                "calendar_url": request.build_absolute_uri(calendar_path),
                "webcal_url": "webcal://" + request.get_host() + calendar_path,
                "meeting_guide_url": request.build_absolute_uri(reverse("groups:meeting_guide")),
                "print_url": self.url + self.reverse_subpage("print_list") + (f"?{query}" if query else ""),
            },
        )
        # The visitor's own position is theirs: no cache keeps the page; "Use my location" may ask for it here.
        return keep_position_private(request, response)

    @path("print/", name="print_list")
    def print_list(self, request):
        """The groups the finder's filters match, as one printable sheet for waiting rooms and notice boards.

        The same filters as the finder, checked the same way (bad values left out, with a note);
        public like the finder. At most `print_limit` groups (the nearest ones for a ZIP code, as the
        finder sorts them), then by day of the week, with their meeting times fetched in one query:
        the queries do not grow with the groups. Never the visitor's own position (`lat`, `lng`).
        """
        form = self.filter_form(request)
        groups = form.filter(self.get_groups())
        total = groups.count()
        shown = list(groups.order_by(*form.ordering(SOONEST_FIRST))[: self.print_limit])
        prefetch_related_objects(shown, "meeting_rules")
        query = urlencode(form.query_items())
        root_url = self._root_url(request)
        finder_url = root_url + self.url + (f"?{query}" if query else "")

        def link_for(group):
            url = root_url + reverse("groups:short_link", kwargs={"pk": group.pk})
            return url, printing.without_scheme(url)

        response = self.render(
            request,
            template="groups/print_list.html",
            context_overrides={
                "filtered": bool(form.filters),
                "filters_text": form.describe(),
                "ignored": form.ignored,
                "entries": printing.printed_groups(shown, link_for),
                "total": total,
                "more": total - len(shown),
                "finder_path": self.url + (f"?{query}" if query else ""),
                "finder_url": finder_url,
                "finder_url_text": printing.without_scheme(finder_url),
                "site_text": printing.without_scheme(root_url),
                "crisis_chat_text": printing.without_scheme(SiteSettings.load(request_or_site=request).crisis_chat_url),
                "printed_on": printing.long_date(schedule.now_local().date()),
            },
        )
        if any(name in request.GET for name in POSITION_FIELDS):
            # The sheet never uses a position (only a ZIP code), but an address that carries one is
            # the visitor's own: no cache keeps it.
            patch_cache_control(response, private=True, no_store=True)
        return response

    def _root_url(self, request):
        """The site's own root URL (its Site record), as the JSON-LD and calendars name it, never the Host header."""
        parts = self.get_url_parts(request)
        return parts[1] if parts else request.build_absolute_uri("/").rstrip("/")

    def filter_form(self, request, with_position=False):
        """The finder's filters from the query string (also the finder's calendar feed's); topics with groups only.

        The visitor's own position (`lat`, `lng` from "Use my location") only `with_position`: the finder
        page itself, which no cache keeps then. A feed is kept by caches and fetched by calendar apps
        for years, so there the parameters mean nothing; a ZIP code works everywhere.
        """
        topics = Topic.objects.filter(support_groups__in=self.get_groups().values("pk")).distinct().order_by("name")
        return FinderForm.from_query(request.GET, topics=topics, with_position=with_position)

    def get_groups(self):
        """Live, public groups under this finder, with their venues and pictures (feeds add their rules)."""
        return SupportGroupPage.objects.readable().descendant_of(self).select_related("venue", "image")


# Listings: the stored next meeting first, groups without one last, then by title.
SOONEST_FIRST = (models.F("next_meeting_start").asc(nulls_last=True), Lower("title"), "pk")


def verify_before(today=None):
    """Groups last checked before this date need verifying (settings.GROUP_VERIFY_AFTER_DAYS)."""
    today = today or timezone.localdate()
    return today - datetime.timedelta(days=settings.GROUP_VERIFY_AFTER_DAYS)


class SupportGroupPageQuerySet(ReadablePageQuerySet):
    def needs_verifying(self, today=None):
        """Groups whose details were last checked too long ago, oldest check first."""
        return self.filter(last_verified__lt=verify_before(today)).order_by("last_verified", "title")


class SupportGroupPage(ListingReportMixin, RoutablePageMixin, BasePage):
    """One support group: what it is, who it is for, when and where it meets, and how to join.

    Visitors tell us when its details are wrong on `report/` (home/listing_reports.py).
    """

    summary = models.TextField(
        max_length=300,
        help_text="Two sentences at most: who the group is for and what happens there. Shown in the finder.",
    )
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A calm picture for the finder and the top of the page. Optional; never a photo of members.",
    )
    description = StreamField(
        BaseStreamBlock(),
        blank=True,
        help_text="More about the group: what a meeting looks like, what people talk about, who comes.",
    )
    topics = ParentalManyToManyField(
        "home.Topic",
        blank=True,
        related_name="support_groups",
        help_text="What the group is about. Visitors filter the finder by these.",
    )
    led_by = models.CharField(
        max_length=20,
        choices=LedBy.choices,
        default=LedBy.PROFESSIONAL,
        help_text="Peer-led groups are run by people with lived experience; the others by a licensed clinician.",
    )
    audience = models.CharField(
        "who it is for",
        max_length=20,
        choices=Audience.choices,
        default=Audience.ADULTS,
        help_text="The people the group is meant for. Visitors filter the finder by this.",
    )
    meeting_format = models.CharField(
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
        related_name="groups",
        help_text="Where the group meets in person. Add a new venue under Snippets → Venues.",
    )
    online_platform = models.CharField(
        max_length=60,
        blank=True,
        help_text="The name of the video service, e.g. 'Zoom' or 'Doxy.me'. Shown on the page.",
    )
    online_meeting_url = models.URLField(
        "online meeting link (private)",
        blank=True,
        help_text=(
            "Never shown on the website, in feeds or to other apps: staff send it to people once they have "
            "joined. Keep it here so everyone on the team can find it."
        ),
    )
    cost = models.CharField(
        max_length=20,
        choices=Cost.choices,
        default=Cost.FREE,
        help_text="Free, a sliding scale (people pay what they can within a range) or a set fee.",
    )
    cost_details = models.CharField(
        max_length=160,
        blank=True,
        help_text="For example '$10 to $40 a session, you choose' or '$25 a session'. Leave empty for free groups.",
    )
    insurance_note = models.CharField(
        max_length=240,
        blank=True,
        help_text="Whether insurance can cover it, e.g. 'Most plans cover this group; we will check yours for you.'",
    )
    status = models.CharField(
        max_length=20,
        choices=GroupStatus.choices,
        default=GroupStatus.OPEN,
        help_text=(
            "Open: new people can ask to join. Waiting list or closed cohort: requests go on the waiting list. "
            "Paused: the group is not meeting and the join form is hidden."
        ),
    )
    capacity = models.PositiveSmallIntegerField(
        "places",
        null=True,
        blank=True,
        help_text=(
            "How many people can join through the website. Each request that is new, contacted or joined holds "
            "a place; when none are left, new requests go on the waiting list. Leave empty for no limit."
        ),
    )
    how_to_join = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="The steps, in order, e.g. 1. Send the form below. 2. We call you within two working days. …",
    )
    intro_session_required = models.BooleanField(
        "intro session needed",
        default=False,
        help_text="Tick if new members meet the facilitator for a short introductory chat before their first group.",
    )
    first_meeting = RichTextField(
        "what to expect at a first meeting",
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="What happens when someone comes for the first time. Reassure: nobody has to share.",
    )
    # The next meeting, stored so that listings sort and filter in the database: worked out again
    # whenever the page is saved (its rules, cancellations or status changed), when a rule or a
    # cancellation is saved on its own, and once it has begun (groups/next_meetings.py).
    next_meeting_start = models.DateTimeField(null=True, blank=True, editable=False, db_index=True)
    next_meeting_end = models.DateTimeField(null=True, blank=True, editable=False)
    last_verified = models.DateField(
        "details last checked",
        default=datetime.date.today,
        help_text=(
            "The date someone last checked the times, place and cost with the facilitator. Shown on the page. "
            "When it is a few months old, the admin marks the group 'needs verifying'."
        ),
    )

    parent_page_types = ["groups.SupportGroupIndexPage"]
    subpage_types = []
    summary_field = "summary"
    image_field = "image"
    search_kind = "Support group"
    # The next meeting, as stored on the page (groups/next_meetings.py): nothing more to fetch.
    search_result_template = "groups/components/group_search_meta.html"
    search_prefetch_related = ()
    report_listing_name = "this group's details"

    content_panels = [
        VerificationPanel(),
        ListingReportsPanel(),
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                # Tick boxes, as on articles: every topic in sight, no Ctrl-click (docs/editors.md).
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("audience"), FieldPanel("led_by")]),
            ],
            heading="Who it is for",
        ),
        InlinePanel(
            "facilitators",
            heading="Facilitators",
            label="Facilitator",
            help_text="Who leads the group, in the order their names should appear. People are kept under Snippets.",
        ),
    ]
    schedule_panels = [
        MultiFieldPanel(
            [FieldPanel("last_verified")],
            heading="Checking the details",
            help_text=(
                "Every few months, check the times, the place and the cost with the facilitator, "
                "then set this date to the day you checked."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("meeting_format"),
                FieldPanel("venue"),
                FieldPanel("online_platform"),
                FieldPanel("online_meeting_url"),
            ],
            heading="Where it meets",
        ),
        InlinePanel(
            "meeting_rules",
            heading="When it meets",
            label="Meeting time",
            min_num=1,
            help_text="All times are Asheville time (Eastern). Add a second row if the group meets twice a week.",
        ),
        InlinePanel(
            "cancelled_meetings",
            heading="Cancelled meetings",
            label="Cancelled date",
            help_text="Dates when the group will not meet, e.g. holidays. They disappear from the page and calendars.",
        ),
    ]
    joining_panels = [
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("capacity")],
            heading="Places and status",
        ),
        MultiFieldPanel(
            [FieldPanel("how_to_join"), FieldPanel("intro_session_required"), FieldPanel("first_meeting")],
            heading="How to join",
        ),
        MultiFieldPanel(
            [FieldPanel("cost"), FieldPanel("cost_details"), FieldPanel("insurance_note")],
            heading="Cost",
        ),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(schedule_panels, heading="Schedule and place"),
            ObjectList(joining_panels, heading="Joining"),
            ObjectList(BasePage.promote_panels, heading="Promotion"),
            ObjectList(BasePage.settings_panels, heading="Settings"),
        ]
    )
    base_form_class = SupportGroupPageForm

    # What the API's fields read, fetched for a whole list at once (home/api/endpoints.py).
    api_select_related = ("venue", "image")
    api_prefetch_related = (
        "topics",
        "meeting_rules",
        "cancelled_meetings",
        "image__renditions",
        models.Prefetch(
            "facilitators",
            queryset=GroupFacilitator.objects.select_related("person", "person__photo").prefetch_related(
                "person__photo__renditions"
            ),
        ),
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        # What it costs and whether insurance covers it: visitors search for "free" or "insurance".
        index.SearchField("cost_text"),
        index.SearchField("insurance_note"),
        index.FilterField("meeting_format"),
        index.FilterField("status"),
    ]

    objects = PageManager.from_queryset(SupportGroupPageQuerySet)()

    class Meta:
        verbose_name = "support group"

    # Checking the details ---------------------------------------------------------------------

    @property
    def needs_verifying(self):
        """Whether the times, place and cost were last checked more than GROUP_VERIFY_AFTER_DAYS ago."""
        return self.last_verified is not None and self.last_verified < verify_before()

    # Schedule ---------------------------------------------------------------------------------

    @cached_property
    def upcoming(self):
        """The next four meetings (none while the group is paused), from prefetched rules when there are any."""
        if self.status == GroupStatus.PAUSED:
            return []
        return schedule.upcoming_meetings(self.active_rules, self.cancelled_dates, count=4)

    @cached_property
    def next_meeting(self):
        """The next meeting alone: what listings show and sort by.

        The stored one while it has not begun; worked out from the rules when they are at hand
        (prefetched, or being edited in a preview) or when the stored one has begun.
        """
        if "upcoming" in self.__dict__ or self.status == GroupStatus.PAUSED:
            return self.upcoming[0] if self.upcoming else None
        if not self._rules_at_hand():
            stored = self.stored_next_meeting()
            if stored is not STALE:
                return stored
        return self.work_out_next_meeting()

    def stored_next_meeting(self):
        """The stored next meeting, None when there is none, or STALE once it has begun."""
        start = self.next_meeting_start
        if start is None:
            return None
        if start < timezone.now():
            return STALE
        return schedule.Meeting(
            start.astimezone(schedule.TIMEZONE), self.next_meeting_end.astimezone(schedule.TIMEZONE)
        )

    def work_out_next_meeting(self, after=None):
        """The next meeting from the rules and cancellations as they are now (in memory while being saved)."""
        if self.status == GroupStatus.PAUSED or (self.pk is None and not self._rules_at_hand()):
            return None
        rules = [rule for rule in self.meeting_rules.all() if rule.first_date and rule.start_time]
        cancelled = [cancelled.date for cancelled in self.cancelled_meetings.all()]
        meetings = schedule.upcoming_meetings(rules, cancelled, count=1, after=after)
        return meetings[0] if meetings else None

    def _rules_at_hand(self):
        prefetched = getattr(self, "_prefetched_objects_cache", {})
        in_memory = getattr(self, "_cluster_related_objects", {})
        return "meeting_rules" in prefetched or "meeting_rules" in in_memory

    def store_next_meeting(self):
        """Set the stored next meeting from the rules; True when it changed."""
        meeting = self.work_out_next_meeting()
        value = (meeting.start, meeting.end) if meeting else (None, None)
        changed = (self.next_meeting_start, self.next_meeting_end) != value
        self.next_meeting_start, self.next_meeting_end = value
        return changed

    SCHEDULE_FIELDS = {"status", "meeting_rules", "cancelled_meetings"}

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None:
            self.store_next_meeting()
        elif self.SCHEDULE_FIELDS.intersection(update_fields):
            self.store_next_meeting()
            kwargs["update_fields"] = {*update_fields, "next_meeting_start", "next_meeting_end"}
        # The rules and cancellations are written after the page (modelcluster): their own
        # signals leave the next meeting to this save, which worked it out from them above.
        with saving_group():
            result = super().save(*args, **kwargs)
        for name in ("upcoming", "next_meeting", "active_rules", "cancelled_dates", "upcoming_cancellations"):
            self.__dict__.pop(name, None)
        return result

    @cached_property
    def active_rules(self):
        return [rule for rule in self.meeting_rules.all() if rule.first_date and rule.start_time]

    @cached_property
    def cancelled_dates(self):
        return [cancelled.date for cancelled in self.cancelled_meetings.all()]

    @cached_property
    def upcoming_cancellations(self):
        today = schedule.now_local().date()
        return sorted((c for c in self.cancelled_meetings.all() if c.date >= today), key=lambda c: c.date)

    @property
    def has_ended(self):
        today = schedule.now_local().date()
        rules = self.active_rules
        return bool(rules) and all(rule.last_date and rule.last_date < today for rule in rules)

    # Places -----------------------------------------------------------------------------------

    @property
    def accepts_requests(self):
        return self.status != GroupStatus.PAUSED and not self.has_ended

    def places_taken(self):
        return self.join_requests.filter(status__in=PLACE_HOLDING_STATUSES).count()

    def has_room(self):
        """Whether a new request gets a place (read inside the lock in JoinRequest.objects.request_place)."""
        if self.status != GroupStatus.OPEN:
            return False
        return self.capacity is None or self.places_taken() < self.capacity

    # Display helpers --------------------------------------------------------------------------

    @property
    def is_free(self):
        return self.cost == Cost.FREE

    @property
    def meets_in_person(self):
        return self.meeting_format in {MeetingFormat.IN_PERSON, MeetingFormat.HYBRID}

    @property
    def meets_online(self):
        return self.meeting_format in {MeetingFormat.ONLINE, MeetingFormat.HYBRID}

    @property
    def cost_text(self):
        if self.is_free:
            return "Free"
        label = self.get_cost_display()
        return f"{label}: {self.cost_details}" if self.cost_details else label

    @property
    def place_text(self):
        """Where, in a few words: 'Black Mountain', 'Online', 'West Asheville or online'."""
        town = (self.venue.area or self.venue.locality) if self.venue else ""
        if self.meeting_format == MeetingFormat.ONLINE or not town:
            return "Online" if self.meets_online else ""
        if self.meeting_format == MeetingFormat.HYBRID:
            return f"{town} or online"
        return town

    def clean(self):
        super().clean()
        errors = {}
        if not self.venue_id and not self.online_meeting_url:
            errors["venue"] = (
                "A group needs somewhere to meet: choose a venue (in person), add the online meeting link "
                "on the 'Schedule and place' tab, or both for a hybrid group."
            )
        else:
            if self.meets_in_person and not self.venue_id:
                errors["venue"] = "In-person and hybrid groups need a venue. Choose one, or set the format to 'Online'."
            if self.meets_online and not self.online_meeting_url:
                errors["online_meeting_url"] = (
                    "Online and hybrid groups need the meeting link (it stays private). Add it, or set the "
                    "format to 'In person'."
                )
        if errors:
            raise ValidationError(errors)

    # Pages and feeds --------------------------------------------------------------------------

    @path("")
    def group(self, request):
        """The group page: the same for every visitor, so shared caches may keep it (home/http_cache.py).

        It carries no form, so no CSRF token: asking to join is a page of its own (`join` below).
        """
        if request.method == "POST":
            # A join form shown before the form moved to its own page posted here: 307 sends the
            # browser on to the join page with the same request, so nothing the visitor typed is lost.
            return redirect(self.get_join_url(request), preserve_request=True)
        if not getattr(request, "is_preview", False):
            prefetch_related_objects(
                [self],
                "topics",
                "meeting_rules",
                "cancelled_meetings",
                Prefetch("facilitators", queryset=GroupFacilitator.objects.select_related("person", "person__photo")),
            )
        return self.render(
            request,
            context_overrides={
                "join_url": self.get_join_url(request),
                "report_url": self.get_report_url(request),
                "calendar_url": self.get_calendar_path(),
                "webcal_url": "webcal://" + request.get_host() + self.get_calendar_path(),
            },
        )

    @path("join/", name="join")
    def join(self, request):
        """Asking to join: the form posts back here and, once saved, redirects to the thank-you page.

        Private: the form carries a CSRF token (and, after a mistake, what the visitor typed).
        """
        form = JoinRequestForm(group=self) if self.accepts_requests else None
        outcome = Outcome()
        if request.method == "POST" and self.accepts_requests:
            form = JoinRequestForm(request.POST, group=self)
            outcome = handle_submission(
                request,
                form,
                rate_limit_group="join",
                thank_you_url=self._thank_you_url,
                notify=_notify_staff_of_request,
            )
            if outcome.redirect_to:
                return redirect(outcome.redirect_to)
        response = self.render(
            request,
            template="groups/join_page.html",
            context_overrides={
                "form": form,
                "join_url": self.get_join_url(request),
                "rate_limited": outcome.rate_limited,
                "retention_days": settings.JOIN_REQUEST_RETENTION_DAYS,
            },
        )
        return private_form_response(response, outcome.status)

    def get_join_url(self, request=None):
        """The join page's path (with the site's root when `request` is on another site), or None without a URL."""
        url = self.get_url(request)
        return url + self.reverse_subpage("join") if url else None

    def _thank_you_url(self, join_request):
        """The thank-you page; for the honeypot (no request), the plain one."""
        url = self.url + self.reverse_subpage("thank_you")
        if join_request is not None and join_request.status == JoinRequestStatus.WAITLISTED:
            url += "?" + urlencode({"list": "waiting"})
        return url

    @path("thank-you/", name="thank_you")
    def thank_you(self, request):
        waitlisted = request.GET.get("list") == "waiting"
        reply_by = add_working_days(schedule.now_local().date(), 2)
        return self.render(
            request,
            template="groups/thank_you.html",
            context_overrides={"waitlisted": waitlisted, "reply_by": reply_by},
        )

    def get_calendar_path(self):
        return reverse("groups:group_calendar", kwargs={"pk": self.pk})

    def get_json_ld(self, request=None):
        return group_json_ld(self, request)

    api_fields = [
        APIField("summary"),
        APIField("image", serializer=RenditionField("fill-800x533")),
        APIField("description"),
        APIField("topics", serializer=TopicListField()),
        APIField("led_by"),
        APIField("audience"),
        APIField("meeting_format"),
        APIField("venue", serializer=serializers.VenueField()),
        APIField("online_platform"),
        APIField("schedule", serializer=serializers.ScheduleField(source="*")),
        APIField("next_meetings", serializer=serializers.NextMeetingsField(source="*")),
        APIField("cancellations", serializer=serializers.CancellationsField(source="*")),
        APIField("facilitators", serializer=serializers.FacilitatorsField(source="*")),
        APIField("cost"),
        APIField("cost_details"),
        APIField("insurance_note"),
        APIField("status"),
        APIField("capacity"),
        APIField("how_to_join", serializer=RichTextAPIField()),
        APIField("intro_session_required"),
        APIField("first_meeting", serializer=RichTextAPIField()),
        APIField("last_verified"),
        APIField("calendar_url", serializer=serializers.CalendarUrlField(source="*")),
    ]


def _notify_staff_of_request():
    notify_staff(
        "New request to join a support group",
        "A request to join a support group",
        reverse("groups_joinrequest_modeladmin_index"),
    )
