"""Factories for the community app's models, for its tests and those of the pages that show it.

Every value is lazy (factory.Faker), never fixed at import.
"""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from community.choices import CrisisKind
from community.models import Area, CommunityIndexPage, CommunityPage, CommunityResource, CrisisResource


class AreaFactory(DjangoModelFactory):
    name = factory.Faker("city")
    slug = factory.Sequence(lambda n: f"area-{n}")
    parent = None

    class Meta:
        model = Area
        django_get_or_create = ("slug",)


def set_topics(page, create, extracted):
    """Topics for a page or resource: `topics=[topic, …]`; saved so the parental relation is kept."""
    if extracted:
        page.topics.set(extracted)
        if create:
            page.save()


class CommunityIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=2)
    slug = factory.Sequence(lambda n: f"community-{n}")
    intro = factory.Faker("paragraph", nb_sentences=2)

    class Meta:
        model = CommunityIndexPage


class CommunityPageFactory(wagtail_factories.PageFactory):
    """`CommunityPageFactory(parent=index, topics=[…], resources=2)` adds two resources."""

    title = factory.Faker("sentence", nb_words=4)
    slug = factory.Sequence(lambda n: f"community-page-{n}")
    intro = factory.Faker("paragraph", nb_sentences=2)
    area = factory.SubFactory(AreaFactory)
    body = factory.LazyAttribute(
        lambda o: [
            {"type": "heading", "value": {"text": "Around here", "size": "h2"}},
            {"type": "paragraph", "value": "<p>Some text about local life.</p>"},
        ]
    )

    class Meta:
        model = CommunityPage
        skip_postgeneration_save = True

    topics = factory.PostGeneration(set_topics)

    @factory.post_generation
    def resources(self, create, extracted, **kwargs):
        for _ in range(extracted or 0):
            CommunityResourceFactory(page=self)


class CommunityResourceFactory(DjangoModelFactory):
    """A resource on an existing page: `CommunityResourceFactory(page=page, topics=[…])`."""

    organization = factory.Faker("company")
    offers = factory.Faker("paragraph", nb_sentences=2)
    phone = factory.Faker("numerify", text="(828) 555-01##")
    website = factory.Faker("url")
    street_address = factory.Faker("street_address")
    town = factory.Faker("city")
    postal_code = factory.Faker("postcode")
    hours = factory.Faker("sentence", nb_words=5)
    cost = factory.Faker("random_element", elements=["Free", "Sliding scale", "Pay what you can"])

    class Meta:
        model = CommunityResource
        skip_postgeneration_save = True

    topics = factory.PostGeneration(set_topics)


class CrisisResourceFactory(DjangoModelFactory):
    """Crisis help on an existing area: `CrisisResourceFactory(area=area, kind=CrisisKind.WALK_IN)`."""

    name = factory.Faker("company")
    kind = CrisisKind.CRISIS_LINE
    description = factory.Faker("sentence", nb_words=12)
    phone = factory.Faker("numerify", text="(828) 555-01##")
    hours = "24 hours, every day"

    class Meta:
        model = CrisisResource
