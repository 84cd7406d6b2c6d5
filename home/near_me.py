""" "Near me" for every index that lists places: a ZIP code or the browser's rounded position, how far, nearest first.

The group finder (groups/forms.py) and What's on (events/forms.py) search the same way, and areas
do not import each other, so the form's behaviour and the view's privacy rules live here once:

- `NearMeMixin`, put before `IndexFilterForm` (home/filters.py) in a filter form that declares
  `zip` (with its own `clean_zip`: a five-digit ZIP code that `home.geo.zip_centroid` knows),
  `within` (`WithinSelect`, `home.geo.WITHIN_CHOICES`) and `lat`, `lng` (`CoordinateField`).
  It works out where to measure from (`position`), keeps the visitor's position out of every link
  the page makes (`query_items`), never shows a position it could not read back to them
  (`ignored`, `notes`), and gives the results within reach with their distances (`nearest_first`,
  `ordering`): places nearest first, online-only ones after them, since they are open to anyone.
- For the view: `rounded_position_redirect` (a position more precise than the site uses is sent
  back rounded, so it is never echoed or kept in the history) and `keep_position_private` (a page
  that used a position is kept by no cache; only such a page may ask the browser for it).

The browser rounds the position before it leaves (static/js/near-me.js); the site rounds it again
(`home.geo.round_coordinate`), never stores it, and the logs carry no query string (home/logging.py).
"""

import math
from typing import NamedTuple

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Case, F, FloatField, IntegerField, Q, Value, When
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control

from home.filters import printable
from home.geo import (
    DEFAULT_WITHIN,
    describe_miles,
    distance_expression,
    permissions_policy_allowing,
    round_coordinate,
    within_box,
    zip_centroid,
)

# The visitor's own position, from the browser: never in a link the site makes (query_items).
POSITION_FIELDS = ("lat", "lng")
NEAR_FIELDS = ("zip", "within", *POSITION_FIELDS)
POSITION_LABEL = "Your location"
POSITION_NOTE = "We could not read your location, so we left it out."


def rounded_position_query(query):
    """`query` (a QueryDict) with latitude and longitude rounded as the site uses them; None if they are already.

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


def rounded_position_redirect(request):
    """A private redirect to the same search with the position rounded, or None when it already is."""
    rounded = rounded_position_query(request.GET)
    if rounded is None:
        return None
    response = redirect(f"{request.path}?{rounded.urlencode()}")
    patch_cache_control(response, private=True, no_store=True)
    return response


def keep_position_out_of_caches(request, response):
    """An answer to a URL that names a position is the visitor's: no cache in front keeps it, or a hit
    would tell that someone searched from there. A calendar feed ignores the position, but a pasted or
    hand-made feed URL may still carry one."""
    if any(name in request.GET for name in POSITION_FIELDS):
        patch_cache_control(response, private=True, no_store=True)
    return response


def keep_position_private(request, response):
    """A page searched from the visitor's position is kept by no cache; and this page (only a page that
    offers "Use my location") may ask the browser for the position."""
    keep_position_out_of_caches(request, response)
    response._permissions_policy_override = permissions_policy_allowing("geolocation")
    return response


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


class NearMeMixin:
    """Distance from a ZIP code or the visitor's position for an IndexFilterForm (see the module's docstring).

    `with_position=False` where the visitor's own position must not count (feeds, kept by caches
    and fetched by calendar apps for years): there `lat` and `lng` are unknown parameters.
    """

    def __init__(self, *args, with_position=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_position:
            for name in POSITION_FIELDS:
                del self.fields[name]
                if self.is_bound:
                    self.data.pop(self.add_prefix(name), None)
            self._left_out = [item for item in self._left_out if item[0] not in POSITION_FIELDS]

    def filter_zip(self, queryset, _value):
        return queryset  # distance in nearest_first(), with the position and how far

    filter_within = filter_lat = filter_lng = filter_zip

    def clean(self):
        cleaned = super().clean()
        # A position needs both halves: when one is missing or unreadable, the other is left out too.
        given = [name for name in POSITION_FIELDS if self.data.get(self.add_prefix(name)) not in (None, "")]
        readable = [name for name in POSITION_FIELDS if cleaned.get(name) is not None]
        if given and len(readable) < len(POSITION_FIELDS):
            for name in readable:
                self.add_error(name, ValidationError("Needs both latitude and longitude.", code="incomplete"))
        return cleaned

    def _kept(self):
        """The base form's filters, before the distance's own rules."""
        return super().filters

    @property
    def position(self):
        """Where to measure from: the ZIP code typed, else the browser's rounded position, else None.

        The ZIP code wins over the browser's position: it is what the form shows (the button
        clears the ZIP field when it fills in the position, and typing a ZIP clears the position).
        """
        kept = self._kept()
        if kept.get("zip"):
            return Position(*zip_centroid(kept["zip"]), kept["zip"])
        if kept.get("lat") is not None and kept.get("lng") is not None:
            return Position(kept["lat"], kept["lng"], "")
        return None

    @property
    def within_miles(self):
        return self._kept().get("within") or DEFAULT_WITHIN

    @property
    def filters(self):
        """The filters that apply: how far only with somewhere to measure from; one position, never two."""
        filters = self._kept()
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
                    ignored.append((POSITION_LABEL, "could not be read"))
                    shown_position = True
                continue
            ignored.append((self._label(name), printable(value)))
        return ignored

    def notes(self):
        notes, shown_position = [], False
        for name, value in self._left_out_in_order():
            if name in POSITION_FIELDS:
                if not shown_position:
                    notes.append(POSITION_NOTE)
                    shown_position = True
                continue
            template = self.note_templates.get(name, self.default_note)
            notes.append(template.format(label=self._label(name), value=printable(value)))
        return notes

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

    def nearest_first(self, queryset, online, lat_field, lng_field):
        """`queryset` kept to what is within reach of the position, and what is online only (`online`, a Q).

        Each row gets `online_only` (1 or 0) and `distance_miles` (None for online only), worked out
        in the database: the queries do not grow with the rows. Unchanged without a position.
        """
        position = self.position
        if position is None:
            return queryset
        miles = self.within_miles
        return queryset.annotate(
            online_only=Case(When(online, then=Value(1)), default=Value(0), output_field=IntegerField()),
            distance_miles=Case(
                When(online, then=Value(None)),
                default=distance_expression(position.point, lat_field, lng_field),
                output_field=FloatField(),
            ),
        ).filter(online | (within_box(position.point, miles, lat_field, lng_field) & Q(distance_miles__lte=miles)))

    def ordering(self, default):
        """How results are sorted: nearest first (online-only ones after them) when there is a position."""
        if self.position is None:
            return default
        return ("online_only", F("distance_miles").asc(nulls_last=True), *default)
