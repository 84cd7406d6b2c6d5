"""Factories for events. Every value is lazy (factory.Faker), never fixed at import."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from events.choices import EventKind, RegistrationStatus
from events.models import EventDate, EventIndexPage, EventLeader, EventPage, EventRegistration
from home.choices import MeetingFormat
from home.contact_details import ContactMethod
from home.factories import PersonFactory


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "What's on"
    slug = factory.Sequence(lambda n: f"whats-on-{n}")
    intro = factory.Faker("sentence")

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    """An in-person, free workshop; give it dates with EventDateFactory (or `dates=` through it)."""

    title = factory.Faker("catch_phrase")
    slug = factory.Sequence(lambda n: f"event-{n}")
    summary = factory.Faker("sentence", nb_words=14)
    kind = EventKind.WORKSHOP
    attendance = MeetingFormat.IN_PERSON
    venue = factory.SubFactory("groups.factories.VenueFactory")
    online_meeting_url = factory.Maybe(
        factory.LazyAttribute(lambda o: o.attendance != MeetingFormat.IN_PERSON),
        yes_declaration=factory.Faker("uri"),
        no_declaration="",
    )

    class Meta:
        model = EventPage


class EventDateFactory(DjangoModelFactory):
    """A two-hour date a week from now, unless `start` is given."""

    page = factory.SubFactory(EventPageFactory)
    start = factory.LazyFunction(lambda: (timezone.now() + datetime.timedelta(days=7)).replace(microsecond=0))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    note = ""

    class Meta:
        model = EventDate


class EventLeaderFactory(DjangoModelFactory):
    page = factory.SubFactory(EventPageFactory)
    person = factory.SubFactory(PersonFactory)

    class Meta:
        model = EventLeader


class EventRegistrationFactory(DjangoModelFactory):
    """A new request for a place, by email."""

    event = factory.SubFactory(EventPageFactory)
    name = factory.Faker("first_name")
    contact_method = ContactMethod.EMAIL
    email = factory.Faker("email")
    phone = ""
    ok_to_leave_message = factory.Faker("pybool")
    note = factory.Faker("sentence")
    consented_at = factory.Faker("date_time_this_month", tzinfo=datetime.UTC)
    status = RegistrationStatus.NEW

    class Meta:
        model = EventRegistration
