"""The Open Referral HSDS 3.0 feed (/api/hsds/): the groups and local resources for 211-style directories.

Directories that follow the Human Services Data Specification read services, the
organizations that run them and the places they happen in one shape, whoever
publishes them. The content belongs to the areas (groups, community), and the core
imports no area, so this module holds what every HSDS answer shares: the
identifiers, the paged envelope, the query parameters and their errors, the
practice as an organization, and a registry. Each area registers a `Provider`
from its AppConfig.ready() and builds its own records; `register_page_urls` lets
the front cache drop the feed when a page it shows changes.

docs/api.md ("Open Referral HSDS") says what maps to what and what is left out.
"""

import datetime
import functools
import math
import operator
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q, Subquery
from django.http import JsonResponse
from django.urls import re_path
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.views.decorators.http import require_safe
from wagtail.api.utils import get_full_url
from wagtail.rich_text import get_text_for_indexing

from home.choices import Audience
from home.models import SiteSettings

HSDS_VERSION = "3.0"
# We publish HSDS 3.0 as it is, with no profile of our own: the profile named is the specification's.
HSDS_PROFILE = "https://docs.openreferral.org/en/3.0/"
HSDS_OPENAPI = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"
# Every HSDS identifier is a UUID: version 5 ones from this namespace and a record's kind and key, so the
# same group or resource keeps its id across answers, servers and restores without a stored column.
NAMESPACE = uuid.UUID("91e18c2f-973a-4154-b643-e396226d03d5")
PER_PAGE_DEFAULT = 20
PER_PAGE_MAX = settings.WAGTAILAPI_LIMIT_MAX
# The parameters each list understands; anything else (HSDS's optional search and taxonomy filters
# included) is refused with a 400, as the rest of the API refuses what it does not know.
LIST_PARAMETERS = frozenset({"page", "per_page", "format"})
SERVICE_LIST_PARAMETERS = LIST_PARAMETERS | {"modified_after"}
# Ages HSDS can filter by, where the audience says them; the others are for anyone of age.
AGES = {
    Audience.ADULTS: (18, None),
    Audience.YOUNG_ADULTS: (18, 25),
    Audience.TEENS: (13, 17),
    Audience.SENIORS: (60, None),
}


def hsds_id(kind, key):
    """The UUID of one record: `kind` says what it is ("group-service"), `key` which one (a primary key)."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


def find_key(kind, keys, wanted):
    """The key among `keys` whose UUID of `kind` is `wanted` (a UUID string), or None.

    Version 5 UUIDs cannot be turned back into their key, so the candidates' keys
    (one query, a list of integers) are hashed and compared: cheap at the size of this site.
    """
    for key in keys:
        if hsds_id(kind, key) == wanted:
            return key
    return None


def hsds_datetime(value):
    """A datetime as HSDS's last_modified wants it: UTC, milliseconds, a Z."""
    return value.astimezone(datetime.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def plain_text(html):
    """Rich text (how to join, …) as plain text: HSDS's free-text fields carry no markup."""
    return " ".join(get_text_for_indexing(html or "").split())


def without_empty(record):
    """The record without keys whose value is unknown: HSDS leaves out what is not known, never gives ""."""
    return {key: value for key, value in record.items() if value not in (None, "", [])}


def address(kind, key, street, city, region, postal_code):
    """An HSDS address, or None when a part HSDS requires (street, city, state, ZIP) is not known."""
    if not (street and city and region and postal_code):
        return None
    return {
        "id": hsds_id(f"{kind}-address", key),
        "address_1": street,
        "city": city,
        "state_province": region,
        "postal_code": postal_code,
        "country": "US",
        "address_type": "physical",
    }


def venue_location(venue, request):
    """A meeting place (groups.Venue, where groups and events meet) as an HSDS location: address,
    coordinates, getting in and getting there."""
    location_id = hsds_id("venue-location", venue.pk)
    street = address("venue", venue.pk, venue.street_address, venue.locality, venue.region, venue.postal_code)
    step_free = (
        "Step-free: a wheelchair user can reach the meeting room and a restroom without steps."
        if venue.wheelchair_accessible
        else "Step-free access is not confirmed."
    )
    return without_empty(
        {
            "id": location_id,
            "location_type": "physical",
            "organization_id": practice_organization_id(),
            "name": venue.name,
            "description": venue.area,
            "transportation": " ".join(part for part in (venue.transit, venue.parking) if part),
            "latitude": float(venue.latitude) if venue.latitude is not None else None,
            "longitude": float(venue.longitude) if venue.longitude is not None else None,
            "addresses": [{**street, "location_id": location_id}] if street else [],
            "accessibility": [
                without_empty(
                    {
                        "id": hsds_id("venue-accessibility", venue.pk),
                        "location_id": location_id,
                        "description": " ".join(part for part in (step_free, venue.accessibility) if part),
                        "details": venue.entrance,
                    }
                )
            ],
        }
    )


# Providers ---------------------------------------------------------------------------------------


class Listing:
    """Records of one kind from one provider, counted and cut in the database, in a fixed order."""

    def __init__(self, queryset, to_record, prepare=None):
        self.queryset = queryset
        self.to_record = to_record
        self.prepare = prepare

    def count(self):
        return self.queryset.count()

    def records(self, start, stop):
        items = list(self.queryset[start:stop])
        if self.prepare is not None:
            self.prepare(items)
        return [self.to_record(item) for item in items]


class ListOf(Listing):
    """A listing already in memory (the practice: one organization)."""

    def __init__(self, records):
        self.items = list(records)

    def count(self):
        return len(self.items)

    def records(self, start, stop):
        return self.items[start:stop]


class Provider:
    """What an area gives the feed. Each method answers for the area's own records only, None when none.

    `request` gives the site (only its live, public pages are read) and absolute URLs;
    `modified_after` is an aware datetime or None.
    """

    # Where the area's records come in lists: the practice first, then the groups, then other organizations.
    position = 100

    def services(self, request, modified_after=None):
        return None

    def service(self, request, service_id):
        return None

    def services_of(self, request, organization_id):
        """The services an organization runs, in list form, for the organization's own answer."""
        return []

    def organizations(self, request):
        return None

    def organization(self, request, organization_id):
        return None

    def locations(self, request):
        return None

    def venues_in_use(self, request):
        """The ids of the meeting places (groups.Venue) the area's services meet at in person, as a
        queryset of one column, or None. The area that owns the venues lists every venue in use as
        one location, whichever services meet there (`venue_ids_in_use`)."""
        return None

    def paths_for(self, page):
        """Feed paths (besides the lists) that show `page`, for the front cache's purges."""
        return []


_providers = []


def register(provider):
    """Add an area's provider (called from its AppConfig.ready()); registering twice changes nothing."""
    if not any(type(existing) is type(provider) for existing in _providers):
        _providers.append(provider)
        _providers.sort(key=lambda item: item.position)
    return provider


def providers():
    return list(_providers)


def venue_ids_in_use(request):
    """A filter of the venues any area's services meet at in person (each provider's `venues_in_use`)."""
    in_use = [ids for ids in (provider.venues_in_use(request) for provider in _providers) if ids is not None]
    if not in_use:
        return Q(pk__in=[])
    return functools.reduce(operator.or_, (Q(pk__in=Subquery(ids.order_by())) for ids in in_use))


# The practice ------------------------------------------------------------------------------------

PRACTICE_ORGANIZATION = "practice-organization"


def practice_organization_id():
    return hsds_id(PRACTICE_ORGANIZATION, 1)


def practice_organization(request, full=False):
    """The practice as an HSDS organization, from its site settings (Settings → Practice details).

    It runs every support group. In full (its own answer), with its phone and office.
    """
    details = SiteSettings.load(request_or_site=request)
    organization_id = practice_organization_id()
    root = get_full_url(request, "/")
    record = without_empty(
        {
            "id": organization_id,
            "name": details.practice_name,
            "description": details.tagline or details.practice_name,
            "email": details.email,
            "website": root,
        }
    )
    if not full:
        return record
    record["phones"] = practice_phones(details, organization_id=organization_id)
    office = address(
        PRACTICE_ORGANIZATION, 1, details.street_address, details.locality, details.region, details.postal_code
    )
    if office:
        location_id = hsds_id("practice-office", 1)
        office["location_id"] = location_id
        record["locations"] = [
            without_empty(
                {
                    "id": location_id,
                    "location_type": "physical",
                    "organization_id": organization_id,
                    "name": f"{details.practice_name} office",
                    "addresses": [office],
                    "schedules": [{"id": hsds_id("practice-office-hours", 1), "description": details.hours}]
                    if details.hours
                    else [],
                }
            )
        ]
    return record


def practice_phones(details, **links):
    """The practice's office phone as an HSDS phone list ([] when none is set); `links` say whose it is."""
    if not details.phone:
        return []
    owner = next(iter(links.values()), "")
    return [
        {
            "id": hsds_id("practice-phone", owner),
            **links,
            "number": details.phone,
            "type": "voice",
            "description": f"{details.practice_name}'s office",
        }
    ]


class PracticeProvider(Provider):
    """The core's own record: the practice, the organization behind every group."""

    position = 0

    def organizations(self, request):
        return ListOf([practice_organization(request)])

    def organization(self, request, organization_id):
        if organization_id == practice_organization_id():
            return practice_organization(request, full=True)
        return None


# Parameters and answers --------------------------------------------------------------------------


class BadParameter(Exception):
    """A query parameter the feed cannot use: a 400 with its message."""


def bad_request(message):
    return JsonResponse({"message": message}, status=400)


def not_found(message):
    return JsonResponse({"message": message}, status=404)


def check_parameters(request, known):
    unknown = sorted(set(request.GET) - known)
    if unknown:
        raise BadParameter(
            f"query parameter is not recognised: {', '.join(unknown)}. This list takes: {', '.join(sorted(known))}."
        )
    fmt = request.GET.get("format")
    if fmt is not None and fmt != "json":
        raise BadParameter("format must be json (ndjson is not offered: page through the list instead).")


def positive_integer(request, name, default, largest=None):
    value = request.GET.get(name)
    if value is None:
        return default
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        raise BadParameter(f"{name} must be a whole number from 1" + (f" to {largest}." if largest else "."))
    number = int(value)
    if largest is not None and number > largest:
        raise BadParameter(f"{name} must be a whole number from 1 to {largest}.")
    return number


def modified_after(request):
    """`?modified_after=` as an aware datetime (a date alone is its midnight, Asheville time), or None."""
    value = request.GET.get("modified_after")
    if value is None:
        return None
    message = (
        "modified_after must be an ISO 8601 date and time, e.g. 2026-11-01T09:00:00Z or 2026-11-01T09:00:00-05:00, "
        "or a date, e.g. 2026-11-01."
    )
    try:
        parsed = parse_datetime(value)
        if parsed is None:
            day = parse_date(value)
            if day is None:
                raise BadParameter(message)
            parsed = datetime.datetime.combine(day, datetime.time.min)
    except (ValueError, OverflowError):
        raise BadParameter(message) from None
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    try:
        parsed.astimezone(datetime.UTC)
    except OverflowError:
        raise BadParameter(message) from None
    return parsed


@dataclass
class PagedRecords:
    contents: list
    total: int
    page: int
    per_page: int

    def envelope(self):
        total_pages = max(1, math.ceil(self.total / self.per_page))
        return {
            "total_items": self.total,
            "total_pages": total_pages,
            "page_number": self.page,
            "size": len(self.contents),
            "first_page": self.page == 1,
            "last_page": self.page >= total_pages,
            "empty": self.total == 0,
            "contents": self.contents,
        }


def paged(listings, page, per_page):
    """One page of several providers' listings, one after another: a count and at most one slice each."""
    listings = [listing for listing in listings if listing is not None]
    counts = [listing.count() for listing in listings]
    total = sum(counts)
    start, stop = (page - 1) * per_page, page * per_page
    contents, offset = [], 0
    for listing, count in zip(listings, counts, strict=True):
        low, high = max(start - offset, 0), min(stop - offset, count)
        if low < high:
            contents.extend(listing.records(low, high))
        offset += count
    return PagedRecords(contents, total, page, per_page)


def list_answer(request, known, listings_for):
    try:
        check_parameters(request, known)
        page = positive_integer(request, "page", 1)
        per_page = positive_integer(request, "per_page", PER_PAGE_DEFAULT, PER_PAGE_MAX)
        after = modified_after(request) if "modified_after" in known else None
    except BadParameter as error:
        return bad_request(str(error))
    result = paged(listings_for(after), page, per_page)
    envelope = result.envelope()
    if page > envelope["total_pages"]:
        return not_found(f"There is no page {page}: this list has {envelope['total_pages']}.")
    return JsonResponse(envelope)


def detail_answer(request, record_id, find, kind):
    if request.GET:
        return bad_request(f"query parameter is not recognised: {', '.join(sorted(request.GET))}.")
    try:
        wanted = str(uuid.UUID(record_id))
    except ValueError:
        return not_found(f"No {kind} has the id {record_id[:60]!r}: ids are UUIDs from this feed's lists.")
    for provider in providers():
        record = find(provider, wanted)
        if record is not None:
            return JsonResponse(record)
    return not_found(f"No {kind} has the id {wanted}.")


# Views -------------------------------------------------------------------------------------------


@require_safe
def root(request):
    """GET /api/hsds/: which HSDS this is (HSDS's required `/` endpoint)."""
    if request.GET:
        return bad_request(f"query parameter is not recognised: {', '.join(sorted(request.GET))}.")
    return JsonResponse({"version": HSDS_VERSION, "profile": HSDS_PROFILE, "openapi_url": HSDS_OPENAPI})


@require_safe
def services(request):
    """GET /api/hsds/services: every group and local resource, paged, optionally modified after a time."""
    return list_answer(
        request,
        SERVICE_LIST_PARAMETERS,
        lambda after: [provider.services(request, after) for provider in providers()],
    )


@require_safe
def service(request, record_id):
    """GET /api/hsds/services/<uuid>: one service, fully nested."""
    return detail_answer(request, record_id, lambda provider, wanted: provider.service(request, wanted), "service")


@require_safe
def organizations(request):
    """GET /api/hsds/organizations: the practice, then the organizations behind the local resources."""
    return list_answer(request, LIST_PARAMETERS, lambda _after: [p.organizations(request) for p in providers()])


@require_safe
def organization(request, record_id):
    """GET /api/hsds/organizations/<uuid>: one organization with its services (in list form)."""

    def find(provider, wanted):
        record = provider.organization(request, wanted)
        if record is not None:
            record["services"] = [item for each in providers() for item in each.services_of(request, wanted)]
        return record

    return detail_answer(request, record_id, find, "organization")


@require_safe
def locations(request):
    """GET /api/hsds/locations: the venues groups and events meet at in person and the local resources' addresses."""
    return list_answer(request, LIST_PARAMETERS, lambda _after: [p.locations(request) for p in providers()])


# HSDS's paths have no trailing slash; the site's usual one is accepted too.
urlpatterns = [
    re_path(r"^$", root, name="root"),
    re_path(r"^services/?$", services, name="services"),
    re_path(r"^services/(?P<record_id>[^/]{1,100})/?$", service, name="service"),
    re_path(r"^organizations/?$", organizations, name="organizations"),
    re_path(r"^organizations/(?P<record_id>[^/]{1,100})/?$", organization, name="organization"),
    re_path(r"^locations/?$", locations, name="locations"),
]
app_name = "hsds"
LIST_PATHS = ("/api/hsds/", "/api/hsds/services", "/api/hsds/organizations", "/api/hsds/locations")


def feed_paths(page):
    """Where a changed page shows in the feed: its own entries and, when it has any, the lists (both spellings)."""
    paths = [path for provider in providers() for path in provider.paths_for(page)]
    if paths:
        paths.extend(path for list_path in LIST_PATHS for path in (list_path, list_path.rstrip("/") + "/"))
    return sorted(set(paths))
