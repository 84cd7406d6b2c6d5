"""API fields of the community pages: an area with the larger areas it sits in.

Typed like the core's fields (home/serializers.py): each `to_representation`
returns a TypedDict, so API v3 describes it in the OpenAPI document.
"""

from typing_extensions import TypedDict

from home.serializers import LocalCrisisService, ReadOnlyField


class AreaStep(TypedDict):
    id: int
    name: str
    slug: str


class AreaSummary(TypedDict):
    id: int
    name: str
    slug: str
    full_name: str
    trail: list[AreaStep]


class AreaField(ReadOnlyField):
    """An area with the larger areas it sits in: Buncombe County > Asheville > West Asheville.

    The trail follows `parent` links, so select_related("area__parent__parent__parent")
    keeps it free of extra queries.
    """

    def to_representation(self, area) -> AreaSummary:
        trail = area.get_trail()
        return AreaSummary(
            id=area.pk,
            name=area.name,
            slug=area.slug,
            full_name=area.full_name,
            trail=[AreaStep(id=step.pk, name=step.name, slug=step.slug) for step in trail],
        )


class CrisisHelpField(ReadOnlyField):
    """A community page's local crisis help: its area's services, then the larger areas', nearest first.

    Reads each area's `crisis_resources.all()`: prefetched with the page (CommunityPage's
    api_prefetch_related), no query per page.
    """

    def to_representation(self, services) -> list[LocalCrisisService]:
        return [crisis_service_data(service) for service in services]


def crisis_service_data(service) -> LocalCrisisService:
    """A crisis service as the API gives it (here and in the site settings' crisis block)."""
    return LocalCrisisService(
        area=service.area.name,
        kind=service.kind,
        kind_label=service.get_kind_display(),
        name=service.name,
        description=service.description,
        phone=service.phone,
        website=service.website,
        street_address=service.street_address,
        town=service.town,
        postal_code=service.postal_code,
        hours=service.hours,
    )
