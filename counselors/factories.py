"""Factories for the counselors app's models, for its tests and those of the pages that show it.

Every value is lazy (factory.Faker), never fixed at import.
"""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from counselors.choices import (
    AcceptingClients,
    ContactTime,
    MeetingPreference,
    Payment,
    ServiceFormat,
    SessionFee,
    SessionTime,
)
from counselors.models import (
    AppointmentRequest,
    AppointmentRequestPage,
    CounselorIndexPage,
    CounselorPage,
    FeesPage,
    InsurancePlan,
    Language,
    ServiceIndexPage,
    ServicePage,
)
from home.contact_details import ContactMethod
from home.factories import PersonFactory


class InsurancePlanFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Plan type {n}")
    slug = factory.Sequence(lambda n: f"plan-{n}")
    note = factory.Faker("sentence", nb_words=6)

    class Meta:
        model = InsurancePlan
        django_get_or_create = ("slug",)


class LanguageFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Language {n}")
    slug = factory.Sequence(lambda n: f"language-{n}")
    code = factory.Faker("language_code")

    class Meta:
        model = Language
        django_get_or_create = ("slug",)


class CounselorIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=2)
    slug = factory.Sequence(lambda n: f"counselors-{n}")
    intro = factory.Faker("paragraph", nb_sentences=2)

    class Meta:
        model = CounselorIndexPage


def set_many(name):
    """A post-generation setter for a many-to-many field: `topics=[topic, …]`, saved so it is kept."""

    def setter(page, create, extracted):
        if extracted:
            getattr(page, name).set(extracted)
            if create:
                page.save()

    return factory.PostGeneration(setter)


class CounselorPageFactory(wagtail_factories.PageFactory):
    """`CounselorPageFactory(parent=index, topics=[…], languages=[…], insurance_plans=[…])`."""

    title = factory.LazyAttribute(lambda o: o.person.name)
    slug = factory.Sequence(lambda n: f"counselor-{n}")
    person = factory.SubFactory(PersonFactory)
    pronouns = factory.Faker("random_element", elements=["she/her", "he/him", "they/them"])
    licence_type = "Licensed Clinical Social Worker (LCSW)"
    licence_number = factory.Faker("numerify", text="C######")
    licence_state = "North Carolina"
    intro = factory.Faker("paragraph", nb_sentences=2)
    body = factory.LazyAttribute(lambda o: [{"type": "paragraph", "value": "<p>How I work, in plain words.</p>"}])
    populations = factory.LazyAttribute(lambda o: ["adults"])
    in_person = True
    telehealth = factory.Faker("boolean")
    accepting = AcceptingClients.YES
    sliding_scale = False

    class Meta:
        model = CounselorPage
        skip_postgeneration_save = True

    topics = set_many("topics")
    languages = set_many("languages")
    insurance_plans = set_many("insurance_plans")


class ServiceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Counseling services"
    slug = factory.Sequence(lambda n: f"services-{n}")
    intro = factory.Faker("paragraph", nb_sentences=2)

    class Meta:
        model = ServiceIndexPage


class ServicePageFactory(wagtail_factories.PageFactory):
    """`ServicePageFactory(parent=index, topics=[…], fee_kind=SessionFee.COUPLES)`."""

    title = factory.Faker("sentence", nb_words=2)
    slug = factory.Sequence(lambda n: f"service-{n}")
    summary = factory.Faker("paragraph", nb_sentences=2)
    who_for = factory.Faker("paragraph", nb_sentences=3)
    what_to_expect = factory.LazyAttribute(lambda o: [{"type": "paragraph", "value": "<p>What to expect.</p>"}])
    first_steps = factory.LazyAttribute(
        lambda o: [{"type": "step", "value": {"heading": "Call us", "text": "We reply within a working day."}}]
    )
    format = ServiceFormat.BOTH
    session_minutes = 50
    fee_kind = SessionFee.INDIVIDUAL

    class Meta:
        model = ServicePage
        skip_postgeneration_save = True

    topics = set_many("topics")


class FeesPageFactory(wagtail_factories.PageFactory):
    title = "Fees and insurance"
    slug = factory.Sequence(lambda n: f"fees-{n}")
    intro = factory.Faker("paragraph", nb_sentences=2)

    class Meta:
        model = FeesPage


class AppointmentRequestPageFactory(wagtail_factories.PageFactory):
    """`AppointmentRequestPageFactory(parent=home)`: the one "Request an appointment" page of a site."""

    title = "Request an appointment"
    slug = factory.Sequence(lambda n: f"request-an-appointment-{n}")
    intro = factory.Faker("paragraph", nb_sentences=2)
    reply_working_days = 2

    class Meta:
        model = AppointmentRequestPage


class AppointmentRequestFactory(DjangoModelFactory):
    """A request as a visitor would send it (tests of the admin, the export and the purge)."""

    name = factory.Faker("first_name")
    contact_method = ContactMethod.EMAIL
    email = factory.Faker("email")
    phone = ""
    contact_times = factory.LazyAttribute(lambda o: [ContactTime.MORNING])
    ok_to_leave_message = False
    help_with = factory.Faker("sentence", nb_words=8)
    meeting_preference = MeetingPreference.EITHER
    session_times = factory.LazyAttribute(lambda o: [SessionTime.WEEKDAY_EVENING])
    payment = Payment.NOT_SURE

    class Meta:
        model = AppointmentRequest
