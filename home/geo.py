"""Distances for "near me" searches: where a ZIP code is, how far two points are, and the same in SQL.

In the core because every area that lists places (the group finder, What's on) filters the same
way, and areas do not import each other (the forms' and views' side: home/near_me.py). Nothing
here reaches the network: ZIP code centres come from the `zipcodes` package, which ships the whole
table inside it (coordinates from GeoNames, CC BY 4.0; docs/editors.md, "Map coordinates"). A
visitor's position is never stored or logged:
the finder and What's on round it (`round_coordinate`) and keep it out of every link they make
(home/near_me.py).

Distances are straight-line ("as the crow flies") miles on a sphere, by the haversine formula:
`distance_miles` in Python, `distance_expression` in the database, where a bounding box on the
venue's columns (`bounding_box`) narrows the rows first, so a search costs the same few queries
however many groups there are.
"""

import math
from functools import lru_cache

import zipcodes
from django.conf import settings
from django.db.models import Case, F, FloatField, Q, Value, When
from django.db.models.functions import ASin, Cast, Cos, Least, Power, Radians, Sin, Sqrt
from django_permissions_policy import PermissionsPolicyMiddleware

EARTH_RADIUS_MILES = 3958.8
# The distances a visitor can choose in every finder that searches near a place, and the one chosen until they do.
WITHIN_CHOICES = [(5, "5 miles"), (10, "10 miles"), (25, "25 miles"), (50, "50 miles")]
DEFAULT_WITHIN = 25
# Decimal places a visitor's coordinates are rounded to before use: about 0.7 mile, enough to sort
# groups in the mountains, not enough to find a house.
VISITOR_PRECISION = 2
# One degree of latitude in miles; a degree of longitude is this times cos(latitude).
MILES_PER_DEGREE = 2 * math.pi * EARTH_RADIUS_MILES / 360


def round_coordinate(value):
    """A visitor's latitude or longitude as the site uses it: rounded to VISITOR_PRECISION places."""
    return round(float(value), VISITOR_PRECISION)


@lru_cache(maxsize=2048)
def zip_centroid(zip_code):
    """(latitude, longitude) of the centre of a five-digit US ZIP code, or None when the table has no such ZIP.

    The first look-up in a process unpacks the package's table (about half a second); then a
    look-up takes well under a millisecond, and recent ones are remembered here.
    """
    if not (isinstance(zip_code, str) and len(zip_code) == 5 and zip_code.isascii() and zip_code.isdigit()):
        return None
    try:
        found = zipcodes.matching(zip_code)
    except ValueError:
        return None
    for row in found:
        try:
            return float(row["lat"]), float(row["long"])
        except (KeyError, TypeError, ValueError):
            continue
    return None


def distance_miles(start, end):
    """Straight-line miles between two (latitude, longitude) points (the package's haversine)."""
    (lat1, lng1), (lat2, lng2) = start, end
    return zipcodes.haversine(float(lng1), float(lat1), float(lng2), float(lat2))


def bounding_box(point, miles):
    """(south, north, west, east) in degrees around `point` that holds every place within `miles` of it.

    A little larger than the circle, so that rows outside it can be dropped by plain comparisons
    on the columns before the exact distance is worked out.
    """
    lat, lng = point
    lat_margin = miles / MILES_PER_DEGREE
    # Near the poles a degree of longitude shrinks to nothing: then every longitude is in range.
    cos_lat = math.cos(math.radians(min(abs(lat) + lat_margin, 89.9)))
    lng_margin = min(miles / (MILES_PER_DEGREE * cos_lat), 180)
    return lat - lat_margin, lat + lat_margin, lng - lng_margin, lng + lng_margin


def within_box(point, miles, lat_field, lng_field):
    """A Q that keeps rows whose (lat_field, lng_field) lies in `bounding_box(point, miles)`."""
    south, north, west, east = bounding_box(point, miles)
    return Q(**{f"{lat_field}__gte": south, f"{lat_field}__lte": north, f"{lng_field}__gte": west}) & Q(
        **{f"{lng_field}__lte": east}
    )


def distance_expression(point, lat_field, lng_field):
    """Miles from `point` to (lat_field, lng_field) in SQL (haversine); NULL where a coordinate is missing.

    SQLite has the functions through Django, PostgreSQL natively. The columns are decimals and are
    cast to floats first, so every term is of one type.
    """
    lat, lng = point
    row_lat = Radians(Cast(F(lat_field), FloatField()))
    row_lng = Radians(Cast(F(lng_field), FloatField()))
    here_lat = Value(math.radians(lat), output_field=FloatField())
    here_lng = Value(math.radians(lng), output_field=FloatField())
    half_chord = Power(Sin((row_lat - here_lat) / 2), 2) + Cos(here_lat) * Cos(row_lat) * Power(
        Sin((row_lng - here_lng) / 2), 2
    )
    # Rounding can push the term a hair past 1 for points on opposite sides of the earth.
    miles = 2 * EARTH_RADIUS_MILES * ASin(Sqrt(Least(half_chord, Value(1.0, output_field=FloatField()))))
    return Case(
        When(Q(**{f"{lat_field}__isnull": True}) | Q(**{f"{lng_field}__isnull": True}), then=Value(None)),
        default=miles,
        output_field=FloatField(),
    )


def describe_miles(miles):
    """'0.4 miles', '1 mile', '2.3 miles', '12 miles': one decimal under ten miles, whole miles past it;
    'under 0.1 miles' for a place next door (never '0 miles away')."""
    if miles < 0.05:
        return "under 0.1 miles"
    shown = round(miles, 1) if miles < 10 else round(miles)
    if shown == int(shown):
        shown = int(shown)
    return f"{shown} mile" + ("" if shown == 1 else "s")


def permissions_policy_allowing(*features):
    """The site's Permissions-Policy header with `features` allowed to the site itself (never to a frame).

    Geolocation is off everywhere (config/settings/base.py PERMISSIONS_POLICY) except on a page that
    offers "Use my location" (the group finder, What's on): home.near_me.keep_position_private sets
    this as its response's policy.
    """
    policy = {**settings.PERMISSIONS_POLICY, **{feature: ["self"] for feature in features}}
    return PermissionsPolicyMiddleware.compute_header_value(policy, name="PERMISSIONS_POLICY")
