"""Factories for the site's own models. Every value is lazy (factory.Faker), never fixed at import."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from home.models import (
    Area,
    CommunityIndexPage,
    CommunityPage,
    CommunityResource,
    ContactFormField,
    ContactPage,
    HomePage,
    Person,
    SiteImage,
    StandardPage,
    Topic,
)


class ImageFactory(wagtail_factories.ImageFactory):
    description = factory.Faker("sentence", nb_words=6)

    class Meta:
        model = SiteImage


class TopicFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    description = factory.Faker("sentence")

    class Meta:
        model = Topic
        django_get_or_create = ("slug",)


class PersonFactory(DjangoModelFactory):
    name = factory.Faker("name")
    role = factory.Faker("job")
    credentials = "LCSW"
    short_bio = factory.Faker("paragraph", nb_sentences=2)

    class Meta:
        model = Person


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    slug = factory.Sequence(lambda n: f"home-{n}")
    hero_heading = factory.Faker("sentence", nb_words=5)
    hero_text = factory.Faker("paragraph", nb_sentences=2)
    intro = factory.Faker("paragraph", nb_sentences=3)

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=3)
    # Unique among siblings whatever title Faker picks (two "Try." would clash).
    slug = factory.Sequence(lambda n: f"standard-page-{n}")
    intro = factory.Faker("paragraph", nb_sentences=2)
    body = factory.LazyAttribute(
        lambda o: [
            {"type": "heading", "value": {"text": "A heading", "size": "h2"}},
            {"type": "paragraph", "value": "<p>Some text for the page.</p>"},
        ]
    )

    class Meta:
        model = StandardPage


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


# The contact form as the demo has it: name, email, message and preferred contact time.
DEFAULT_CONTACT_FIELDS = [
    {"label": "Your name", "field_type": "singleline", "required": True},
    {"label": "Email", "field_type": "email", "required": True},
    {"label": "Message", "field_type": "multiline", "required": True},
    {
        "label": "Preferred contact time",
        "field_type": "radio",
        "required": False,
        "choices": "Morning\nAfternoon\nEvening",
    },
]


class ContactFormFieldFactory(DjangoModelFactory):
    label = factory.Faker("sentence", nb_words=3)
    field_type = "singleline"
    help_text = factory.Faker("sentence", nb_words=6)

    class Meta:
        model = ContactFormField


class ContactPageFactory(wagtail_factories.PageFactory):
    """`ContactPageFactory(parent=home)` has the default fields; `fields=[{…}, …]` sets others."""

    title = factory.Faker("sentence", nb_words=2)
    slug = factory.Sequence(lambda n: f"contact-{n}")
    intro = factory.Faker("paragraph", nb_sentences=2)
    thank_you_text = factory.Faker("paragraph", nb_sentences=2)

    class Meta:
        model = ContactPage
        skip_postgeneration_save = True

    @factory.post_generation
    def fields(self, create, extracted, **kwargs):
        if not create:
            return
        for order, spec in enumerate(DEFAULT_CONTACT_FIELDS if extracted is None else extracted):
            ContactFormFieldFactory(page=self, sort_order=order, **spec)
