"""API fields shared by the site's page types, for API v2 and v3 alike.

API v3 types a custom serializer from the return annotation of its
`to_representation`, so each returns a TypedDict (from typing_extensions, as
pydantic requires on Python 3.11) rather than a bare dict.
"""

from rest_framework.fields import Field
from typing_extensions import TypedDict


class TopicSummary(TypedDict):
    id: int
    name: str
    slug: str


class TopicListField(Field):
    """A `topics` many-to-many field as a list of {id, name, slug}.

    Reads `.all()`, so a queryset with `prefetch_related("topics")` costs no
    query per item.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value) -> list[TopicSummary]:
        return [TopicSummary(id=topic.pk, name=topic.name, slug=topic.slug) for topic in value.all()]


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


class AreaField(Field):
    """An area with the larger areas it sits in: Buncombe County > Asheville > West Asheville.

    The trail follows `parent` links, so select_related("area__parent__parent__parent")
    keeps it free of extra queries.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, area) -> AreaSummary:
        trail = area.get_trail()
        return AreaSummary(
            id=area.pk,
            name=area.name,
            slug=area.slug,
            full_name=area.full_name,
            trail=[AreaStep(id=step.pk, name=step.name, slug=step.slug) for step in trail],
        )
