"""Factories for the support groups. Every value is lazy (factory.Faker), never fixed at import."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from groups.choices import ContactMethod, Frequency, JoinRequestStatus, MeetingFormat
from groups.models import (
    CancelledMeeting,
    GroupFacilitator,
    JoinRequest,
    MeetingRule,
    SupportGroupIndexPage,
    SupportGroupPage,
    Venue,
)
from home.factories import PersonFactory


class VenueFactory(DjangoModelFactory):
    name = factory.Faker("company")
    street_address = factory.Faker("street_address")
    locality = factory.Faker("random_element", elements=["Asheville", "Black Mountain", "Weaverville"])
    region = "NC"
    postal_code = factory.Faker("numerify", text="288##")
    area = factory.Faker("random_element", elements=["West Asheville", "Downtown", "North Asheville"])
    wheelchair_accessible = factory.Faker("pybool")
    accessibility = factory.Faker("sentence")
    parking = factory.Faker("sentence")
    transit = factory.Faker("sentence")
    latitude = factory.Faker("pydecimal", left_digits=2, right_digits=5, min_value=35, max_value=36)
    longitude = factory.Faker("pydecimal", left_digits=2, right_digits=5, min_value=-83, max_value=-82)

    class Meta:
        model = Venue


class SupportGroupIndexPageFactory(wagtail_factories.PageFactory):
    title = "Support groups"
    slug = factory.Sequence(lambda n: f"support-groups-{n}")
    intro = factory.Faker("sentence")

    class Meta:
        model = SupportGroupIndexPage


class SupportGroupPageFactory(wagtail_factories.PageFactory):
    """A weekly in-person group; pass `meeting_rules__…` or use MeetingRuleFactory for other schedules."""

    title = factory.Faker("catch_phrase")
    slug = factory.Sequence(lambda n: f"group-{n}")
    summary = factory.Faker("sentence", nb_words=14)
    meeting_format = MeetingFormat.IN_PERSON
    venue = factory.SubFactory(VenueFactory)
    online_platform = ""
    online_meeting_url = factory.Maybe(
        factory.LazyAttribute(lambda o: o.meeting_format != MeetingFormat.IN_PERSON),
        yes_declaration=factory.Faker("uri"),
        no_declaration="",
    )
    how_to_join = factory.Faker("paragraph")
    first_meeting = factory.Faker("paragraph")
    last_verified = factory.Faker("date_this_year")

    class Meta:
        model = SupportGroupPage
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if extracted:
            self.topics.set(extracted)
            if create:
                self.save()


class MeetingRuleFactory(DjangoModelFactory):
    page = factory.SubFactory(SupportGroupPageFactory)
    frequency = Frequency.WEEKLY
    weekday = factory.Faker("random_int", min=0, max=6)
    start_time = datetime.time(18, 30)
    end_time = datetime.time(20, 0)
    first_date = factory.Faker("date_between", start_date="-60d", end_date="-1d")
    last_date = None

    class Meta:
        model = MeetingRule


class CancelledMeetingFactory(DjangoModelFactory):
    page = factory.SubFactory(SupportGroupPageFactory)
    date = factory.Faker("date_between", start_date="+1d", end_date="+60d")
    note = factory.Faker("sentence", nb_words=5)

    class Meta:
        model = CancelledMeeting


class GroupFacilitatorFactory(DjangoModelFactory):
    page = factory.SubFactory(SupportGroupPageFactory)
    person = factory.SubFactory(PersonFactory)

    class Meta:
        model = GroupFacilitator


class JoinRequestFactory(DjangoModelFactory):
    group = factory.SubFactory(SupportGroupPageFactory)
    name = factory.Faker("first_name")
    contact_method = ContactMethod.EMAIL
    email = factory.Faker("email")
    phone = ""
    ok_to_leave_message = factory.Faker("pybool")
    note = factory.Faker("sentence")
    consented_at = factory.Faker("date_time_this_month", tzinfo=datetime.UTC)
    status = JoinRequestStatus.NEW

    class Meta:
        model = JoinRequest
