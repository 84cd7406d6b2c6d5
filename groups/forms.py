"""The finder's filters and the join request form, used by the group pages (groups/models/pages.py).

The page module imports this one, so nothing here imports it back: the join
form's model comes from groups.models.join, which imports no page.
"""

import datetime
import math
from typing import NamedTuple

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Case, F, FloatField, IntegerField, Q, Value, When
from django.utils import timezone

from groups.choices import (
    TIME_OF_DAY_RANGES,
    Audience,
    Cost,
    GroupStatus,
    LedBy,
    MeetingFormat,
    TimeOfDay,
    Weekday,
)
from groups.models.join import JoinRequest
from groups.schedule import format_meeting, now_local
from home.contact_details import ContactDetailsMixin
from home.filters import FlagField, IndexFilterForm, printable
from home.forms import HoneypotFormMixin, StoredOnceMixin
from home.geo import (
    DEFAULT_WITHIN,
    WITHIN_CHOICES,
    describe_miles,
    distance_expression,
    round_coordinate,
    within_box,
    zip_centroid,
)
from home.models import Topic

ANY = [("", "Any")]
# Days in the URL as words (?day=tuesday): readable and shareable.
DAY_CHOICES = [(day.label.lower(), day.label) for day in Weekday]
DAY_NUMBERS = {day.label.lower(): day.value for day in Weekday}
# "Near me": how far a visitor will travel, in miles, and how far if they do not say.
# The visitor's own position, from the browser: never in a link the site makes (query_items).
POSITION_FIELDS = ("lat", "lng")
NEAR_FIELDS = ("zip", "within", *POSITION_FIELDS)


def rounded_position_query(query):
    """`query` (a QueryDict) with latitude and longitude rounded as the finder uses them; None if they are already.

    Values that are not finite numbers are left as they are: the form leaves them out.
    """
    changed = query.copy()
    for name in POSITION_FIELDS:
        value = query.get(name)
        try:
            number = float(value)
        except (TypeError, ValueError):
            continue
        if math.isfinite(number) and value != f"{round_coordinate(number):.2f}":
            changed.setlist(name, [f"{round_coordinate(number):.2f}"])
    return changed if changed != query else None


class WithinSelect(forms.Select):
    """Shows the default distance as chosen when the search gave none (a bound form would show the first)."""

    def format_value(self, value):
        return super().format_value(DEFAULT_WITHIN if value in (None, "") else value)


class Position(NamedTuple):
    """Where distances are measured from: a ZIP code's centre, or the visitor's rounded position."""

    latitude: float
    longitude: float
    zip_code: str  # "" for the visitor's own position

    @property
    def point(self):
        return self.latitude, self.longitude

    @property
    def words(self):
        return f"ZIP {self.zip_code}" if self.zip_code else "your location"


class CoordinateField(forms.FloatField):
    """A latitude or longitude from the "Use my location" button: a finite number in range, rounded."""

    widget = forms.HiddenInput

    def to_python(self, value):
        number = super().to_python(value)
        if number is not None and not math.isfinite(number):
            raise ValidationError("Not a number.", code="invalid")
        return None if number is None else round_coordinate(number)


class FinderForm(IndexFilterForm):
    """The finder's filters: a plain GET form, so every search has a URL that can be shared.

    Audience and who leads a group filter on the field of the same name (the base's
    default), the topic through `lookups`; the others say how below. Values it does not understand are left
    out with a note (home/filters.py).
    """

    topic = forms.ModelChoiceField(
        queryset=Topic.objects.none(), to_field_name="slug", required=False, empty_label="Any topic"
    )
    meeting_format = forms.ChoiceField(
        label="Format",
        choices=[("", "In person or online"), *MeetingFormat.choices],
        required=False,
        help_text="Hybrid groups show up under both.",
    )
    day = forms.ChoiceField(choices=[("", "Any day"), *DAY_CHOICES], required=False)
    time_of_day = forms.ChoiceField(label="Time of day", choices=[("", "Any time"), *TimeOfDay.choices], required=False)
    audience = forms.ChoiceField(label="Who it is for", choices=[("", "Anyone"), *Audience.choices], required=False)
    led_by = forms.ChoiceField(label="Led by", choices=[("", "Peers or professionals"), *LedBy.choices], required=False)
    free = FlagField(label="Free groups only")
    open = FlagField(label="Open to new members now")
    zip = forms.CharField(
        label="ZIP code",
        required=False,
        max_length=10,
        help_text="Five digits, e.g. 28801. We sort groups by distance from it.",
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

    lookups = {"topic": "topics"}

    def __init__(self, *args, topics=None, with_position=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = topics if topics is not None else Topic.objects.all()
        if not with_position:
            # Where the visitor's own position must not count (feeds, kept by caches): unknown parameters.
            for name in POSITION_FIELDS:
                del self.fields[name]
                if self.is_bound:
                    self.data.pop(self.add_prefix(name), None)
            self._left_out = [item for item in self._left_out if item[0] not in POSITION_FIELDS]

    def filter_meeting_format(self, queryset, wanted):
        # Hybrid groups meet both ways, so they match in person and online too.
        formats = {wanted} if wanted == MeetingFormat.HYBRID else {wanted, MeetingFormat.HYBRID}
        return queryset.filter(meeting_format__in=formats)

    def filter_free(self, queryset, _on):
        return queryset.filter(cost=Cost.FREE)

    def filter_open(self, queryset, _on):
        return queryset.filter(status=GroupStatus.OPEN)

    def filter_day(self, queryset, _day):
        return queryset  # with the time of day in filter(): both must match the same meeting time

    filter_time_of_day = filter_day

    # Near me --------------------------------------------------------------------------------

    def filter_zip(self, queryset, _value):
        return queryset  # distance in filter(), with the position and how far

    filter_within = filter_lat = filter_lng = filter_zip

    def clean_zip(self):
        value = "".join(self.cleaned_data.get("zip", "").split())
        if not value:
            return ""
        if len(value) == 10 and value[5] == "-" and value[6:].isdigit():
            value = value[:5]  # ZIP+4: the first five digits say where
        if not (len(value) == 5 and value.isascii() and value.isdigit()):
            raise ValidationError("A ZIP code has five digits, e.g. 28801.", code="invalid")
        if zip_centroid(value) is None:
            raise ValidationError("We do not know where that ZIP code is.", code="unknown")
        return value

    def clean(self):
        cleaned = super().clean()
        # A position needs both halves: when one is missing or unreadable, the other is left out too.
        given = [name for name in POSITION_FIELDS if self.data.get(self.add_prefix(name)) not in (None, "")]
        readable = [name for name in POSITION_FIELDS if cleaned.get(name) is not None]
        if given and len(readable) < len(POSITION_FIELDS):
            for name in readable:
                self.add_error(name, ValidationError("Needs both latitude and longitude.", code="incomplete"))
        return cleaned

    @property
    def position(self):
        """Where to measure from: the ZIP code typed, else the browser's rounded position, else None.

        The ZIP code wins over the browser's position: it is what the form shows (the button
        clears the ZIP field when it fills in the position, and typing a ZIP clears the position).
        """
        kept = IndexFilterForm.filters.fget(self)
        if kept.get("zip"):
            return Position(*zip_centroid(kept["zip"]), kept["zip"])
        if kept.get("lat") is not None and kept.get("lng") is not None:
            return Position(kept["lat"], kept["lng"], "")
        return None

    @property
    def within_miles(self):
        return IndexFilterForm.filters.fget(self).get("within") or DEFAULT_WITHIN

    @property
    def filters(self):
        """The filters that apply: how far only with somewhere to measure from; one position, never two."""
        filters = super().filters
        position = self.position
        if position is None:
            return {name: value for name, value in filters.items() if name not in NEAR_FIELDS}
        filters["within"] = self.within_miles
        if position.zip_code:
            filters = {name: value for name, value in filters.items() if name not in POSITION_FIELDS}
        return filters

    @property
    def ignored(self):
        """As the base says, but a position left out is never shown back, not even in part."""
        ignored, shown_position = [], False
        for name, value in self._left_out_in_order():
            if name in POSITION_FIELDS:
                if not shown_position:
                    ignored.append(("Your location", "could not be read"))
                    shown_position = True
                continue
            ignored.append((self._label(name), printable(value)))
        return ignored

    def notes(self):
        return [
            "We could not read your location, so we left it out."
            if label == "Your location"
            else self.default_note.format(label=label, value=value)
            for label, value in self.ignored
        ]

    def near_left_out(self):
        """'zip' when a ZIP code was left out, 'position' when the browser's position was, else ''."""
        names = {name for name, _value in self._left_out_in_order()}
        return "zip" if "zip" in names else "position" if names & set(POSITION_FIELDS) else ""

    def query_items(self):
        """The filters as kept, for links the page makes (the calendar feed): never the visitor's position."""
        return [(name, value) for name, value in super().query_items() if name not in POSITION_FIELDS]

    def describe(self, with_position=True):
        """The filters in words, distance last ("grief, within 10 miles of ZIP 28801").

        Without `with_position`, a distance from the visitor's own position is left out, as the
        links the page makes leave it out (query_items); one from a ZIP code stays.
        """
        filters = self.filters
        words = [
            self._describe_value(self.fields[name], value) for name, value in filters.items() if name not in NEAR_FIELDS
        ]
        position = self.position
        if position is not None and (with_position or position.zip_code):
            words.append(f"within {describe_miles(self.within_miles)} of {position.words}")
        return ", ".join(words)

    def ordering(self, default):
        """How results are sorted: nearest first (online-only groups after them) when there is a position."""
        if self.position is None:
            return default
        return ("online_only", F("distance_miles").asc(nulls_last=True), *default)

    def filter(self, queryset):
        queryset = self._filter_without_distance(queryset)
        position = self.position
        # In-person and hybrid groups whose venue has no coordinates: not in a distance search (the page says how many).
        self.unplaced = queryset.exclude(meeting_format=MeetingFormat.ONLINE).filter(
            Q(venue__latitude__isnull=True) | Q(venue__longitude__isnull=True)
        )
        if position is None:
            return queryset
        online = Q(meeting_format=MeetingFormat.ONLINE)
        miles = self.within_miles
        return queryset.annotate(
            online_only=Case(When(online, then=Value(1)), default=Value(0), output_field=IntegerField()),
            distance_miles=Case(
                When(online, then=Value(None)),
                default=distance_expression(position.point, "venue__latitude", "venue__longitude"),
                output_field=FloatField(),
            ),
        ).filter(
            online
            | (within_box(position.point, miles, "venue__latitude", "venue__longitude") & Q(distance_miles__lte=miles))
        )

    def _filter_without_distance(self, queryset):
        queryset = super().filter(queryset)
        filters = self.filters
        if "day" in filters or "time_of_day" in filters:
            # Day and time must match the same meeting time, and one that has not ended.
            today = now_local().date()
            rule = Q(meeting_rules__last_date__isnull=True) | Q(meeting_rules__last_date__gte=today)
            if "day" in filters:
                rule &= Q(meeting_rules__weekday=DAY_NUMBERS[filters["day"]])
            if "time_of_day" in filters:
                start, end = TIME_OF_DAY_RANGES[filters["time_of_day"]]
                rule &= Q(meeting_rules__start_time__gte=start)
                if end is not None:
                    rule &= Q(meeting_rules__start_time__lt=end)
            queryset = queryset.filter(pk__in=queryset.model.objects.filter(rule).values("pk"))
        return queryset


class JoinRequestForm(HoneypotFormMixin, StoredOnceMixin, ContactDetailsMixin, forms.ModelForm):
    """Asking to join a group. Only what the facilitator needs to get in touch.

    How to reach them, and whether a message may be left, are asked as the contact form
    asks them (home.contact_details).
    """

    stored_model = JoinRequest

    preferred_session = forms.ChoiceField(
        label="Which date would suit you?",
        required=False,
        error_messages={"invalid_choice": "That date has passed or changed: please choose one of the dates listed."},
    )
    consent = forms.BooleanField(
        required=True,
        error_messages={"required": "Please tick the box to say you agree, so that we may keep your details."},
    )

    class Meta:
        model = JoinRequest
        fields = ["name", "contact_method", "email", "phone", "ok_to_leave_message", "preferred_session", "note"]
        labels = {
            "name": "Your name",
            "note": "Anything you would like us to know",
        }
        help_texts = {
            "name": "A first name or a name you prefer is fine.",
            "note": "For example what you are hoping for, or anything that would help you feel comfortable.",
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "note": forms.Textarea(attrs={"rows": 4, "maxlength": 1000}),
        }

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        self.group = group
        session = self.fields["preferred_session"]
        if group.intro_session_required:
            session.label = "Which meeting would you like to start with?"
            session.help_text = "We will arrange a short introductory chat with the facilitator before it."
        else:
            session.label = "Which meeting would you like to come to first?"
        self.fields["preferred_session"].choices = [("", "No preference")] + [
            (meeting.start.isoformat(), format_meeting(meeting)) for meeting in group.upcoming
        ]
        self.fields["name"].error_messages["required"] = "Please tell us what to call you: a first name is fine."

    def clean_preferred_session(self):
        value = self.cleaned_data.get("preferred_session")
        if not value:
            return None
        try:
            return datetime.datetime.fromisoformat(value)
        except ValueError as error:  # the choices already refuse it; this is belt and braces
            raise ValidationError("Choose one of the dates listed.") from error

    def answers(self):
        """The visitor's answers, as they are saved."""
        data = {name: self.cleaned_data.get(name) for name in self.Meta.fields}
        data["email"] = data["email"] or ""
        data["phone"] = data["phone"] or ""
        data["note"] = data["note"] or ""
        return data

    def submission_target(self):
        return f"group {self.group.pk}"

    def create_submission(self, **extra):
        """Saved through the capacity lock: its status says whether it went on the waiting list."""
        return JoinRequest.objects.request_place(self.group, consented_at=timezone.now(), **self.answers(), **extra)
