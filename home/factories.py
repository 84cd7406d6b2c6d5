"""Factories for the site's own models. Every value is lazy (factory.Faker), never fixed at import."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from home.models import HomePage, Person, SiteImage, StandardPage, Topic


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
    intro = factory.Faker("paragraph", nb_sentences=2)
    body = factory.LazyAttribute(
        lambda o: [
            {"type": "heading", "value": {"text": "A heading", "size": "h2"}},
            {"type": "paragraph", "value": "<p>Some text for the page.</p>"},
        ]
    )

    class Meta:
        model = StandardPage
