"""The filters of "What's on": a plain GET form that works without JavaScript (home/filters.py).

Kind, topic, month, free, online or in person, and near a ZIP code or the browser's rounded
position, nearest first with the distance shown (home/near_me.py, as the group finder searches).
Unknown or malformed values are left out with a note, never an error page.
Months are the coming twelve in Asheville's time: an event at 9pm on the 31st is in that month,
whatever the date in UTC.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.http import urlencode

from events.choices import EventKind
from home.choices import Cost, MeetingFormat
from home.filters import FlagField, IndexFilterForm
from home.geo import DEFAULT_WITHIN, WITHIN_CHOICES, zip_centroid
from home.local_time import TIMEZONE, now_local
from home.near_me import CoordinateField, NearMeMixin, WithinSelect

MONTHS_AHEAD = 12
FORMAT_CHOICES = [("", "In person or online"), ("in_person", "In person"), ("online", "Online")]


def month_choices(today=None):
    """('2026-12', 'December 2026') for this month and the eleven after it, in Asheville's time."""
    today = today or now_local().date()
    year, month = today.year, today.month
    choices = []
    for _ in range(MONTHS_AHEAD):
        choices.append((f"{year:04d}-{month:02d}", datetime.date(year, month, 1).strftime("%B %Y")))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return choices


def month_bounds(value):
    """The aware start of the month `value` ('2026-12') and of the next, at local midnight."""
    year, month = (int(part) for part in value.split("-"))
    start = datetime.datetime(year, month, 1, tzinfo=TIMEZONE)
    following = datetime.datetime(year + (month == 12), 1 if month == 12 else month + 1, 1, tzinfo=TIMEZONE)
    return start, following


class EventFilterForm(NearMeMixin, IndexFilterForm):
    kind = forms.ChoiceField(label="Kind of event", choices=[("", "Any kind"), *EventKind.choices], required=False)
    topic = forms.ChoiceField(label="Topic", required=False)
    month = forms.ChoiceField(label="Month", required=False)
    attendance = forms.ChoiceField(label="Online or in person", choices=FORMAT_CHOICES, required=False)
    free = FlagField(label="Free events only")
    zip = forms.CharField(
        label="Near ZIP code",
        required=False,
        max_length=10,
        help_text="Five digits, e.g. 28801. We sort events by distance from it; online events are always shown.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code", "size": 6}),
    )
    within = forms.TypedChoiceField(
        label="Within",
        choices=WITHIN_CHOICES,
        coerce=int,
        required=False,
        empty_value=None,
        initial=DEFAULT_WITHIN,
        widget=WithinSelect,
    )
    lat = CoordinateField(label="Latitude", required=False, min_value=-90, max_value=90)
    lng = CoordinateField(label="Longitude", required=False, min_value=-180, max_value=180)

    note_templates = {
        "topic": "None of our events is about “{value}”, so events on every topic are shown.",
        "month": "We can show the next twelve months; “{value}” is not one of them, so we left it out.",
        "zip": "We do not know where the ZIP code “{value}” is, so events everywhere are shown.",
    }
    lookups = {"topic": "topics__slug"}

    def __init__(self, data=None, *, topics=(), months=(), with_position=False):
        super().__init__(data, auto_id="filter-%s", with_position=with_position)
        self.fields["topic"].choices = [("", "Any topic"), *topics]
        self.fields["month"].choices = [("", "Any month"), *months]

    def clean_zip(self):
        value = "".join(self.cleaned_data.get("zip", "").split())[:5]
        if value and zip_centroid(value) is None:
            raise ValidationError("We do not know where that ZIP code is.", code="unknown")
        return value

    def filter(self, queryset):
        # A relation filter joins a table: one event matching twice would be listed twice.
        filtered = super().filter(queryset)
        if any(name in self.filters for name in ("topic", "month")):
            filtered = queryset.filter(pk__in=filtered.values("pk"))
        # Near a ZIP code or the visitor's position: in-person and hybrid events within reach, with
        # their distance, and online ones wherever the visitor is (home/near_me.py).
        online = Q(attendance=MeetingFormat.ONLINE)
        # In-person and hybrid events at a place not on the map (a venue without coordinates, an
        # outing's meeting point): not in a distance search, and the page says how many.
        self.unplaced = filtered.exclude(online).filter(
            Q(venue__isnull=True) | Q(venue__latitude__isnull=True) | Q(venue__longitude__isnull=True)
        )
        return self.nearest_first(filtered, online, "venue__latitude", "venue__longitude")

    def filter_month(self, queryset, value):
        start, following = month_bounds(value)
        return queryset.filter(dates__start__gte=start, dates__start__lt=following)

    def filter_attendance(self, queryset, wanted):
        # Hybrid events happen both ways, so they match in person and online.
        return queryset.filter(attendance__in={wanted, MeetingFormat.HYBRID})

    def filter_free(self, queryset, _on):
        return queryset.filter(cost=Cost.FREE)

    def query_string(self):
        """The filters for the page's links (the calendar feed): never the visitor's position."""
        return urlencode(self.query_items())


class _EventAPIFilterFields(IndexFilterForm):
    """API v2's own filters of events (`?type=events.EventPage&upcoming=1&from=2026-12-01&to=2026-12-31`).

    `upcoming`: only events with a date not yet over (soonest first), or with `upcoming=0` only past ones.
    `from` and `to`: events with a date starting on those days or between them, in Asheville's time.
    A value it cannot read is a 400 (home/api/filters.py, PageTypeFilter).
    """

    upcoming = forms.NullBooleanField(
        required=False,
        widget=forms.Select(choices=[("", ""), ("1", "1"), ("0", "0"), ("true", "true"), ("false", "false")]),
    )

    def clean_upcoming(self):
        raw = self.data.get("upcoming")
        if raw in (None, ""):
            return None
        if raw.lower() not in {"1", "0", "true", "false"}:
            raise ValidationError("Use 1 or 0.", code="invalid")
        return raw.lower() in {"1", "true"}

    @property
    def filters(self):
        filters = super().filters
        # False is a filter here (past events only), not "off".
        if self.is_bound and self.cleaned_data.get("upcoming") is False:
            filters["upcoming"] = False
        return filters

    def filter_upcoming(self, queryset, wanted):
        if self.data.get("search"):
            # By key: a search (modelsearch) cannot read the upcoming()/past() annotations, and
            # orders by relevance anyway.
            events = queryset.model.objects.upcoming() if wanted else queryset.model.objects.past()
            return queryset.filter(pk__in=events.values("pk"))
        return queryset.upcoming() if wanted else queryset.past()

    def filter_from(self, queryset, day):
        start = datetime.datetime.combine(day, datetime.time(), tzinfo=TIMEZONE)
        return queryset.filter(pk__in=queryset.model.objects.filter(dates__start__gte=start).values("pk"))

    def filter_to(self, queryset, day):
        following = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(), tzinfo=TIMEZONE)
        return queryset.filter(pk__in=queryset.model.objects.filter(dates__start__lt=following).values("pk"))

    def filter(self, queryset):
        filters = self.filters
        if "from" in filters and "to" in filters:
            # One date in the range, not one date after `from` and another before `to`.
            start = datetime.datetime.combine(filters["from"], datetime.time(), tzinfo=TIMEZONE)
            following = datetime.datetime.combine(
                filters["to"] + datetime.timedelta(days=1), datetime.time(), tzinfo=TIMEZONE
            )
            within = queryset.model.objects.filter(dates__start__gte=start, dates__start__lt=following)
            queryset = queryset.filter(pk__in=within.values("pk"))
            if "upcoming" in filters:
                queryset = self.filter_upcoming(queryset, filters["upcoming"])
            return queryset
        return super().filter(queryset)


# `from` is a Python keyword, so the date fields are added by name.
EventAPIFilterForm = type(
    "EventAPIFilterForm",
    (_EventAPIFilterFields,),
    {
        "__module__": __name__,
        "__doc__": _EventAPIFilterFields.__doc__,
        "from": forms.DateField(required=False, input_formats=["%Y-%m-%d"]),
        "to": forms.DateField(required=False, input_formats=["%Y-%m-%d"]),
    },
)
