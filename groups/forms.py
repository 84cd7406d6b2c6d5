"""The finder's filters and the join request form, used by the group pages (groups/models/pages.py).

The page module imports this one, so nothing here imports it back: the join
form's model comes from groups.models.join, which imports no page.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
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
from home.filters import FlagField, IndexFilterForm
from home.forms import HoneypotFormMixin, StoredOnceMixin
from home.geo import DEFAULT_WITHIN, WITHIN_CHOICES, zip_centroid
from home.models import Topic
from home.near_me import POSITION_FIELDS, CoordinateField, NearMeMixin, WithinSelect, rounded_position_query

ANY = [("", "Any")]
# Days in the URL as words (?day=tuesday): readable and shareable.
DAY_CHOICES = [(day.label.lower(), day.label) for day in Weekday]
DAY_NUMBERS = {day.label.lower(): day.value for day in Weekday}
# "Near me" (the ZIP code, how far, the browser's position) is the core's, shared with What's on.
__all__ = ["POSITION_FIELDS", "FinderForm", "JoinRequestForm", "rounded_position_query"]


class FinderForm(NearMeMixin, IndexFilterForm):
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

    def __init__(self, *args, topics=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = topics if topics is not None else Topic.objects.all()

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

    # Near me (home/near_me.py) ---------------------------------------------------------------

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

    def filter(self, queryset):
        queryset = self._filter_without_distance(queryset)
        # In-person and hybrid groups whose venue has no coordinates: not in a distance search (the page says how many).
        self.unplaced = queryset.exclude(meeting_format=MeetingFormat.ONLINE).filter(
            Q(venue__latitude__isnull=True) | Q(venue__longitude__isnull=True)
        )
        return self.nearest_first(
            queryset, Q(meeting_format=MeetingFormat.ONLINE), "venue__latitude", "venue__longitude"
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
