"""Factories for the site's own models. Every value is lazy (factory.Faker), never fixed at import."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from home.models import (
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


# The contact form as the demo has it: name, email, message and preferred contact time.
DEFAULT_CONTACT_FIELDS = [
    {"label": "Your name", "field_type": "singleline", "required": True},
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
