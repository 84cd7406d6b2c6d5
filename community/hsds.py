"""The local resources in the Open Referral HSDS feed (/api/hsds/): each resource row an organization and its service.

A resource on a community page names another organization and what it offers, so each
row becomes that organization, one service (what it offers, its hours in words, its
cost) and, when it has a street address, one location. Rows are not merged by name:
two pages may list different branches of the same organization. The feed itself is
the core's (home/api/hsds.py); this provider is registered from CommunityConfig.ready().
Only rows of live, public community pages of the request's site are read.
docs/api.md ("Open Referral HSDS") explains each choice.
"""

from django.db.models import F
from django.db.models.functions import Coalesce

from community.models import CommunityPage, CommunityResource
from home.api import hsds

SERVICE = "resource-service"
ORGANIZATION = "resource-organization"
LOCATION = "resource-location"
REGION = "NC"


def readable_resources(request):
    """Rows of live, public community pages of the request's site, in page then editor's order."""
    pages = CommunityPage.objects.for_readers(request).values("pk")
    return (
        CommunityResource.objects.filter(page__in=pages)
        .select_related("page")
        .annotate(
            hsds_modified=Coalesce(
                F("page__last_published_at"), F("page__first_published_at"), F("page__latest_revision_created_at")
            )
        )
        .order_by("page_id", "sort_order", "pk")
    )


def organization_record(resource):
    return hsds.without_empty(
        {
            "id": hsds.hsds_id(ORGANIZATION, resource.pk),
            "name": resource.organization,
            "description": resource.offers,
            "website": resource.website,
        }
    )


def location_record(resource):
    """Where to find them, or None for a resource with no street address (a phone line, a website)."""
    if not resource.street_address:
        return None
    location_id = hsds.hsds_id(LOCATION, resource.pk)
    street = hsds.address("resource", resource.pk, resource.street_address, resource.town, REGION, resource.postal_code)
    return hsds.without_empty(
        {
            "id": location_id,
            "location_type": "physical",
            "organization_id": hsds.hsds_id(ORGANIZATION, resource.pk),
            "name": resource.organization,
            # When the ZIP code is not known HSDS's address cannot be given: the address in words instead.
            "description": None if street else ", ".join(resource.address_lines),
            "addresses": [{**street, "location_id": location_id}] if street else [],
        }
    )


def service_summary(resource, request):
    modified = getattr(resource, "hsds_modified", None) or resource.page.last_published_at
    checked = resource.page.resources_checked
    return hsds.without_empty(
        {
            "id": hsds.hsds_id(SERVICE, resource.pk),
            "organization_id": hsds.hsds_id(ORGANIZATION, resource.pk),
            "name": resource.organization,
            "description": resource.offers,
            "url": resource.website,
            "status": "active",
            "fees_description": resource.cost,
            "assured_date": checked.isoformat() if checked else None,
            "last_modified": hsds.hsds_datetime(modified) if modified else None,
        }
    )


def service_record(resource, request):
    """In full: with its organization, phone, hours (in words: staff write them so) and place."""
    service_id = hsds.hsds_id(SERVICE, resource.pk)
    record = service_summary(resource, request)
    record["organization"] = organization_record(resource)
    if resource.phone:
        record["phones"] = [
            {"id": hsds.hsds_id("resource-phone", resource.pk), "service_id": service_id, "number": resource.phone}
        ]
    if resource.hours:
        record["schedules"] = [
            {"id": hsds.hsds_id("resource-hours", resource.pk), "service_id": service_id, "description": resource.hours}
        ]
    location = location_record(resource)
    if location:
        record["service_at_locations"] = [
            {
                "id": hsds.hsds_id("resource-at-location", resource.pk),
                "service_id": service_id,
                "location_id": location["id"],
                "location": location,
            }
        ]
    return record


class CommunityProvider(hsds.Provider):
    """The local resources listed on community pages: other organizations, their services and places."""

    position = 20

    def services(self, request, modified_after=None):
        resources = readable_resources(request)
        if modified_after is not None:
            resources = resources.filter(hsds_modified__gte=modified_after)

        def record(resource):
            return {**service_summary(resource, request), "organization": organization_record(resource)}

        return hsds.Listing(resources, record)

    def _find(self, request, kind, wanted):
        resources = readable_resources(request)
        key = hsds.find_key(kind, resources.values_list("pk", flat=True), wanted)
        return None if key is None else resources.get(pk=key)

    def service(self, request, service_id):
        resource = self._find(request, SERVICE, service_id)
        return service_record(resource, request) if resource else None

    def services_of(self, request, organization_id):
        resource = self._find(request, ORGANIZATION, organization_id)
        return [service_summary(resource, request)] if resource else []

    def organizations(self, request):
        return hsds.Listing(readable_resources(request), organization_record)

    def organization(self, request, organization_id):
        resource = self._find(request, ORGANIZATION, organization_id)
        if resource is None:
            return None
        record = organization_record(resource)
        if resource.phone:
            record["phones"] = [
                {
                    "id": hsds.hsds_id("resource-organization-phone", resource.pk),
                    "organization_id": record["id"],
                    "number": resource.phone,
                }
            ]
        location = location_record(resource)
        if location:
            record["locations"] = [location]
        return record

    def locations(self, request):
        return hsds.Listing(readable_resources(request).exclude(street_address=""), location_record)

    def paths_for(self, page):
        if not isinstance(page, CommunityPage):
            return []
        # Rows the change removed are not known any more: their entries answer 404 from the site
        # and may stay in the cache in front for its s-maxage (docs/api.md).
        paths = []
        for key in page.resources.values_list("pk", flat=True):
            for kind, list_path in ((SERVICE, "services"), (ORGANIZATION, "organizations")):
                path = f"/api/hsds/{list_path}/{hsds.hsds_id(kind, key)}"
                paths += [path, path + "/"]
        return paths
