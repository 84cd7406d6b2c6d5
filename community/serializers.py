"""API fields of the community pages: an area with the larger areas it sits in.

Typed like the core's fields (home/serializers.py): each `to_representation`
returns a TypedDict, so API v3 describes it in the OpenAPI document.
"""

from typing_extensions import TypedDict

from home.serializers import ReadOnlyField


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
