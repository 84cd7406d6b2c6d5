"""Where groups meet in person: a snippet, shared by every group that meets there."""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.search import index

from home.geo import describe_miles, distance_miles, zip_centroid

# A venue's map point farther than this from the middle of its ZIP code is almost surely a typing slip.
MAX_MILES_FROM_ZIP = 30
# Roughly the United States with Alaska, Hawaii and Puerto Rico: north of 17°N, west of 64°W.
US_LATITUDES = (17, 72)
US_LONGITUDES = (-180, -64)


class Venue(index.Indexed, models.Model):
    """A building where groups meet: its address, how to get in, where to park, which bus to take."""

    name = models.CharField(max_length=120, help_text="What people call the place, e.g. 'Laurel Room, Grace Church'.")
    street_address = models.CharField(max_length=160, help_text="Street and number only, e.g. '14 Oak Street'.")
    locality = models.CharField(
        "town or city", max_length=80, default="Asheville", help_text="For example Asheville or Black Mountain."
    )
    region = models.CharField("state", max_length=40, default="NC", help_text="Two letters, e.g. NC.")
    postal_code = models.CharField("ZIP code", max_length=12, blank=True, help_text="For example 28806. Optional.")
    area = models.CharField(
        "neighborhood or area",
        max_length=80,
        blank=True,
        help_text="Helps people who do not know the street, e.g. 'West Asheville' or 'downtown Black Mountain'.",
    )
    wheelchair_accessible = models.BooleanField(
        default=False, help_text="Tick if a wheelchair user can reach the meeting room and a restroom without steps."
    )
    accessibility = models.TextField(
        "accessibility notes",
        blank=True,
        help_text="Steps, lifts, restrooms, lighting, hearing loops: what someone needs to know before coming.",
    )
    entrance = models.TextField(
        "finding the room",
        blank=True,
        help_text="Which door to use and where the room is, e.g. 'Side door off the car park, first room on the left'.",
    )
    parking = models.TextField("parking notes", blank=True, help_text="Where to park and whether it costs anything.")
    transit = models.TextField(
        "bus and transit notes", blank=True, help_text="The nearest bus routes and stops, e.g. 'ART route W, stop at…'."
    )
    latitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text="Optional, for the directions link and other apps. e.g. 35.59512 (right-click the place in a map).",
    )
    longitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text="Optional, e.g. -82.55154. Western North Carolina's longitudes are negative.",
    )

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("locality"), FieldPanel("region"), FieldPanel("postal_code")]),
                FieldPanel("area"),
                # Help here rather than on the fields: what the finder does with them (no migration for words).
                FieldRowPanel(
                    [
                        FieldPanel(
                            "latitude",
                            help_text=(
                                "e.g. 35.59512 (right-click the place in a map). Used for 'groups near me' "
                                "searches and the directions link; without it, the venue's groups are left out "
                                "of searches by distance."
                            ),
                        ),
                        FieldPanel("longitude", help_text="e.g. -82.55154: longitudes in the US are negative."),
                    ]
                ),
            ],
            heading="Address",
        ),
        MultiFieldPanel(
            [FieldPanel("wheelchair_accessible"), FieldPanel("accessibility"), FieldPanel("entrance")],
            heading="Getting in",
        ),
        MultiFieldPanel([FieldPanel("parking"), FieldPanel("transit")], heading="Getting there"),
    ]

    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("locality")]

    api_fields = [
        APIField("name"),
        APIField("street_address"),
        APIField("locality"),
        APIField("region"),
        APIField("postal_code"),
        APIField("area"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "venue"
        verbose_name_plural = "venues"

    def __str__(self):
        return f"{self.name}, {self.locality}"

    def clean(self):
        """Coordinates: both or neither, in the United States, and near the venue's ZIP code (docs/editors.md)."""
        super().clean()
        lat, lng = self.latitude, self.longitude
        if (lat is None) != (lng is None):
            missing = "longitude" if lng is None else "latitude"
            raise ValidationError({missing: f"Add the {missing} too, or clear both: a map point needs both numbers."})
        if lat is None or not (-90 <= lat <= 90 and -180 <= lng <= 180):
            return  # none given, or out of range: the fields' own validators say so
        if not (US_LATITUDES[0] <= lat <= US_LATITUDES[1] and US_LONGITUDES[0] <= lng <= US_LONGITUDES[1]):
            raise ValidationError(
                {
                    "longitude": (
                        "These coordinates are outside the United States. Check that the longitude has its minus "
                        "sign and that the two numbers are not swapped: Asheville is about 35.6 and -82.6."
                    )
                }
            )
        centre = zip_centroid((self.postal_code or "").strip()[:5])
        if centre is not None:
            miles = distance_miles(centre, (lat, lng))
            if miles > MAX_MILES_FROM_ZIP:
                raise ValidationError(
                    {
                        "latitude": (
                            f"This point is {describe_miles(miles)} from the middle of ZIP code {self.postal_code}. "
                            "Check the coordinates and the ZIP code: one of them is probably mistyped."
                        )
                    }
                )

    @property
    def address_lines(self):
        town = ", ".join(part for part in (self.locality, f"{self.region} {self.postal_code}".strip()) if part)
        return [line for line in (self.street_address, town) if line]

    @property
    def formatted_address(self):
        return ", ".join([*self.address_lines, "USA"])

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def directions_url(self):
        """A plain link that opens directions in the visitor's maps app; nothing is embedded or loaded."""
        destination = f"{self.latitude},{self.longitude}" if self.has_coordinates else self.formatted_address
        return "https://www.google.com/maps/dir/?" + urlencode({"api": "1", "destination": destination})

    def as_api_dict(self):
        return {
            "name": self.name,
            "street_address": self.street_address,
            "locality": self.locality,
            "region": self.region,
            "postal_code": self.postal_code,
            "area": self.area,
            "wheelchair_accessible": self.wheelchair_accessible,
            "accessibility": self.accessibility,
            "entrance": self.entrance,
            "parking": self.parking,
            "transit": self.transit,
            "latitude": float(self.latitude) if self.latitude is not None else None,
            "longitude": float(self.longitude) if self.longitude is not None else None,
            "directions_url": self.directions_url,
        }
