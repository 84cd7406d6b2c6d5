"""Our counselors: an index with the house's filters, and a page per counselor.

- `InsurancePlan` and `Language`: small snippets the pages choose from, so the index can filter
  on them ("Spanish", "Medicaid") and editors add a plan or a language without a developer.
- `CounselorIndexPage`: "Our counselors", one per site under the home page; lists the
  counselors with filters by specialty, insurance, language, telehealth and whether they are
  taking new clients (home/filters.py, the one filter style).
- `CounselorPage`: one counselor. It links to the core's `Person` snippet (`person`, a foreign
  key, related name `counselor_pages`) rather than replacing it: articles' authors and groups'
  facilitators are People and keep working unchanged. The name, role, credentials and photo
  come from the Person; the page adds pronouns, licence, approach, specialties (`topics`, the
  name every page type with topics uses, which the front cache's purges and the API rely on),
  populations, languages, how they meet, availability, insurance panels and sliding-scale places.
  One page per Person is checked in `clean()` (a foreign key rather than a one-to-one, so copying
  a page in the admin is never a database error).

Groups a counselor leads and articles they wrote come from the apps that own them, through their
inclusion tags (`groups_led_by`, `articles_by`), called from the counselor's template with the
person's id. Bylines elsewhere do not link to a counselor's page yet: that needs the owning apps'
templates to ask for it, and is left for a later step.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Case, IntegerField, Value, When
from django.forms import CheckboxSelectMultiple
from django.utils.functional import cached_property
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from counselors.appointment_page import AppointmentRequestPage, appointment_url
from counselors.appointments import AppointmentRequest
from counselors.choices import AcceptingClients, Population
from counselors.fields import ChoiceListField
from counselors.forms import CounselorFilterForm
from counselors.serializers import (
    ChoiceListAPIField,
    InsurancePlanListField,
    LanguageListField,
    LicenceField,
    PersonSummaryField,
)
from home.blocks import BaseStreamBlock
from home.content_version import remember
from home.models import BasePage, IntroBodyMixin, SiteSettings, SlugFromNameMixin, Topic
from home.pagination import paginate
from home.serializers import RenditionField, TopicListField

__all__ = [
    "AppointmentRequest",
    "AppointmentRequestPage",
    "CounselorIndexPage",
    "CounselorPage",
    "InsurancePlan",
    "Language",
]


class InsurancePlan(SlugFromNameMixin, index.Indexed, models.Model):
    """A kind of insurance a counselor is in network with: 'Medicare', 'Employer PPO plans', …"""

    name = models.CharField(
        max_length=120,
        unique=True,
        help_text="As clients know it, for example 'Medicare' or 'Medicaid (NC Medicaid Managed Care)'.",
    )
    slug = models.SlugField(
        max_length=120,
        unique=True,
        blank=True,
        help_text="Used in web addresses such as ?insurance=medicare. Filled in from the name if left empty.",
    )
    note = models.CharField(
        max_length=300,
        blank=True,
        help_text="Anything clients should know, for example 'Call us to check your plan first'. Optional.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("note")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    api_fields = [APIField("name"), APIField("slug"), APIField("note")]

    class Meta:
        ordering = ["name"]
        verbose_name = "insurance plan"
        verbose_name_plural = "insurance plans"

    def __str__(self):
        return self.name


class Language(SlugFromNameMixin, index.Indexed, models.Model):
    """A language a counselor offers sessions in: English, Spanish, American Sign Language, …"""

    name = models.CharField(max_length=80, unique=True, help_text="In English, for example 'Spanish'.")
    slug = models.SlugField(
        max_length=80,
        unique=True,
        blank=True,
        help_text="Used in web addresses such as ?language=spanish. Filled in from the name if left empty.",
    )
    code = models.CharField(
        "language code",
        max_length=20,
        blank=True,
        help_text="The standard code, for example 'es' for Spanish or 'ase' for American Sign Language. Optional.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("code")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    api_fields = [APIField("name"), APIField("slug"), APIField("code")]

    class Meta:
        ordering = ["name"]
        verbose_name = "language"
        verbose_name_plural = "languages"

    def __str__(self):
        return self.name


# Taking new clients first, then a waiting list, then the others: what a visitor looks for first.
ACCEPTING_ORDER = Case(
    When(accepting=AcceptingClients.YES, then=Value(0)),
    When(accepting=AcceptingClients.WAITLIST, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)

# What a counselor's card and page read, fetched with the pages (no query per counselor).
CARD_SELECT_RELATED = ("person", "person__photo", "photo")
CARD_PREFETCH_RELATED = ("topics", "languages")


def cost_context(request):
    """What a first session costs and the "Fees and insurance" page's URL, for the index and each counselor.

    Imported here, not at the top: the fees and services modules import this one (see its end).
    """
    from counselors.fees import cost_summary
    from counselors.services import fees_page_url

    return {"cost": cost_summary(), "fees_url": fees_page_url(request)}


class CounselorIndexPage(IntroBodyMixin, BasePage):
    """'Our counselors': every counselor, those taking new clients first, with the house's filters."""

    intro_help_text = "One or two sentences at the top of the page: who our counselors are and how to choose."
    body_help_text = "Anything else to say, shown below the list of counselors. Optional."

    parent_page_types = ["home.HomePage"]
    subpage_types = ["counselors.CounselorPage"]
    max_count_per_parent = 1
    page_size = 12
    search_kind = "List of counselors"
    search_lists_pages = True

    content_panels = [*BasePage.content_panels, *IntroBodyMixin.intro_body_panels]
    search_fields = [*BasePage.search_fields, *IntroBodyMixin.intro_search_fields]
    api_fields = [*IntroBodyMixin.intro_body_api_fields]

    class Meta:
        verbose_name = "counselor index"

    def filter_choices(self):
        """The filter's choices: only specialties, plans and languages some counselor here has.

        Kept until content changes, so the page costs the same few queries however many there are.
        """

        def build():
            pages = CounselorPage.objects.child_of(self).readable()
            return {
                "specialties": [
                    (topic.slug, topic.name)
                    for topic in Topic.objects.filter(counselor_pages__in=pages).distinct().order_by("name")
                ],
                "plans": [
                    (plan.slug, plan.name)
                    for plan in InsurancePlan.objects.filter(counselor_pages__in=pages).distinct().order_by("name")
                ],
                "languages": [
                    (language.slug, language.name)
                    for language in Language.objects.filter(counselor_pages__in=pages).distinct().order_by("name")
                ],
            }

        return remember("counselor-filter-choices", build, self.pk)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        choices = self.filter_choices()
        form = CounselorFilterForm(
            request.GET,
            specialty_choices=choices["specialties"],
            insurance_choices=choices["plans"],
            language_choices=choices["languages"],
        )
        counselors = (
            form.filter(CounselorPage.objects.child_of(self).readable())
            .select_related(*CARD_SELECT_RELATED)
            .prefetch_related(*CARD_PREFETCH_RELATED)
            .order_by(ACCEPTING_ORDER, "title", "pk")
        )
        context.update(
            filter_form=form,
            filter_notes=form.notes(),
            filter_description=form.describe(),
            is_filtered=bool(form.filters),
            results=paginate(request, counselors, self.page_size),
            appointment_url=appointment_url(request),
            **cost_context(request),
        )
        return context

    def get_json_ld(self, request=None):
        return self.web_page_json_ld(request, "CollectionPage")


class CounselorPage(BasePage):
    """One counselor: who they are, how they work, who they see, and whether they can see someone new."""

    person = models.ForeignKey(
        "home.Person",
        null=True,
        on_delete=models.SET_NULL,
        related_name="counselor_pages",
        help_text=(
            "The counselor, from Snippets → People (add them there first). Their name, role, letters after "
            "their name and photo come from there, so they read the same under articles and groups."
        ),
    )
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A friendly head-and-shoulders photo, at least 800 pixels wide. The person's photo if left empty.",
    )
    pronouns = models.CharField(
        max_length=40, blank=True, help_text="As they would like them shown, for example 'she/her'. Optional."
    )
    licence_type = models.CharField(
        "licence",
        max_length=120,
        blank=True,
        help_text="The licence in full, for example 'Licensed Clinical Social Worker (LCSW)'.",
    )
    licence_number = models.CharField("licence number", max_length=40, blank=True)
    licence_state = models.CharField(
        "licensed in", max_length=40, blank=True, default="North Carolina", help_text="The state that issued it."
    )
    show_licence = models.BooleanField(
        "show the licence on the page",
        default=True,
        help_text="Untick to keep the licence details off the page and out of the API (the licence type still shows).",
    )
    intro = models.TextField(
        "approach in a few words",
        max_length=600,
        help_text=(
            "Two or three plain sentences: how they work and what a session with them feels like. "
            "Shown on the list of counselors and in search results."
        ),
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        help_text="More about their approach and background, in plain words. Keep paragraphs short.",
    )
    topics = ParentalManyToManyField(
        "home.Topic",
        blank=True,
        related_name="counselor_pages",
        verbose_name="specialties",
        help_text="What they help with most. Visitors filter the list of counselors by these.",
    )
    populations = ChoiceListField(
        "works with",
        choices_class=Population,
        blank=True,
        help_text="Who they see. Tick all that apply.",
    )
    languages = ParentalManyToManyField(
        Language,
        blank=True,
        related_name="counselor_pages",
        help_text="Languages they hold sessions in. New ones are added under Snippets, then Languages.",
    )
    in_person = models.BooleanField("sees clients in person", default=True)
    telehealth = models.BooleanField(
        "offers telehealth", default=False, help_text="Video sessions from home, for clients in North Carolina."
    )
    accepting = models.CharField(
        "new clients",
        max_length=20,
        choices=AcceptingClients.choices,
        default=AcceptingClients.YES,
        help_text="Change this as soon as their caseload changes: visitors filter on it.",
    )
    insurance_plans = ParentalManyToManyField(
        InsurancePlan,
        blank=True,
        related_name="counselor_pages",
        verbose_name="insurance panels",
        help_text="Plans they are in network with. New ones are added under Snippets, then Insurance plans.",
    )
    sliding_scale = models.BooleanField(
        "offers sliding-scale places", default=False, help_text="Reduced fees for clients on a lower income."
    )
    sliding_scale_places = models.PositiveSmallIntegerField(
        "sliding-scale places open",
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text="How many are open now. Leave empty to say only that they offer them.",
    )

    parent_page_types = ["counselors.CounselorIndexPage"]
    subpage_types = []
    summary_field = "intro"
    search_kind = "Counselor"

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("person"),
        FieldPanel("photo"),
        FieldPanel("pronouns"),
        MultiFieldPanel(
            [
                FieldPanel("licence_type"),
                FieldRowPanel([FieldPanel("licence_number"), FieldPanel("licence_state")]),
                FieldPanel("show_licence"),
            ],
            heading="Licence",
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=CheckboxSelectMultiple),
                FieldPanel("populations"),
                FieldPanel("languages", widget=CheckboxSelectMultiple),
            ],
            heading="Who they help",
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("in_person"), FieldPanel("telehealth")]), FieldPanel("accepting")],
            heading="How and when",
        ),
        MultiFieldPanel(
            [
                FieldPanel("insurance_plans", widget=CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("sliding_scale"), FieldPanel("sliding_scale_places")]),
            ],
            heading="Paying for sessions",
        ),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("person", [index.SearchField("name"), index.SearchField("role")]),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.RelatedFields("languages", [index.SearchField("name")]),
        index.RelatedFields("insurance_plans", [index.SearchField("name")]),
        index.FilterField("accepting"),
        index.FilterField("telehealth"),
    ]

    api_fields = [
        APIField("person", serializer=PersonSummaryField()),
        APIField("photo", serializer=RenditionField("fill-600x600", source="display_photo")),
        APIField("pronouns"),
        APIField("licence", serializer=LicenceField(source="*")),
        APIField("intro"),
        APIField("body"),
        APIField("topics", serializer=TopicListField()),
        APIField("populations", serializer=ChoiceListAPIField(Population)),
        APIField("languages", serializer=LanguageListField()),
        APIField("in_person"),
        APIField("telehealth"),
        APIField("accepting"),
        APIField("insurance_plans", serializer=InsurancePlanListField()),
        APIField("sliding_scale"),
        APIField("sliding_scale_places"),
    ]
    # Picked up by home/api/endpoints.py, so listing pages with their fields costs no query per page.
    api_select_related = [*CARD_SELECT_RELATED]
    api_prefetch_related = [
        *CARD_PREFETCH_RELATED,
        "insurance_plans",
        "photo__renditions",
        "person__photo__renditions",
    ]

    class Meta:
        verbose_name = "counselor"

    def clean(self):
        super().clean()
        if self.person_id is None:
            raise ValidationError({"person": "Choose the counselor from People (add them there first)."})
        others = CounselorPage.objects.filter(person_id=self.person_id)
        if self.pk:
            others = others.exclude(pk=self.pk)
        if others.exists():
            raise ValidationError(
                {"person": "This person has a counselor page already: edit that one instead of adding another."}
            )

    # What the template, the API and the JSON-LD read ----------------------------------------

    @property
    def display_name(self):
        return self.person.name if self.person else self.title

    @property
    def display_photo(self):
        """The page's own photo, else the person's: both are images with their required alt text."""
        return self.photo or (self.person.photo if self.person else None)

    image_field = "display_photo"

    @property
    def licence_shown(self):
        return bool(self.show_licence and self.licence_number)

    @cached_property
    def topic_list(self):
        return list(self.topics.all())

    @cached_property
    def language_list(self):
        return list(self.languages.all())

    @cached_property
    def plan_list(self):
        return list(self.insurance_plans.all())

    @property
    def population_labels(self):
        labels = dict(Population.choices)
        return [labels[value] for value in self.populations or [] if value in labels]

    @property
    def how_they_meet(self):
        """'In person or by telehealth', 'Telehealth only', 'In person'."""
        if self.in_person and self.telehealth:
            return "In person or by telehealth"
        if self.telehealth:
            return "Telehealth only"
        return "In person" if self.in_person else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        parent = self.get_parent()
        # Specialty, language and plan links open the index with its filter set.
        context["index_url"] = parent.get_url(request) if parent else ""
        context["appointment_url"] = appointment_url(request, counselor=self)
        # What a first session costs, beside the button that asks for one.
        context.update(cost_context(request))
        return context

    def get_json_ld(self, request=None):
        """A page about a person: the counselor as schema.org's Person, working for the practice (a clinic).

        Not a Physician (schema.org's type for medical doctors): counselors are licensed
        clinicians of other kinds, so a Person with a jobTitle and credentials says it truly.
        """
        data = self.web_page_json_ld(request, "ProfilePage")
        practice = SiteSettings.load(request_or_site=request)
        person = {"@type": "Person", "name": self.display_name}
        if self.person and self.person.role:
            person["jobTitle"] = self.person.role
        if self.person and self.person.credentials:
            person["honorificSuffix"] = self.person.credentials
        if self.licence_type:
            credential = {
                "@type": "EducationalOccupationalCredential",
                "credentialCategory": "license",
                "name": self.licence_type,
            }
            if self.licence_state:
                # Where the licence lets them practise (schema.org's recognizedBy would be the board, an Organization).
                credential["validIn"] = {"@type": "State", "name": self.licence_state}
            if self.licence_shown:
                credential["identifier"] = self.licence_number
            person["hasCredential"] = credential
        if self.language_list:
            person["knowsLanguage"] = [
                {"@type": "Language", "name": item.name, **({"alternateName": item.code} if item.code else {})}
                for item in self.language_list
            ]
        if self.topic_list:
            person["knowsAbout"] = [topic.name for topic in self.topic_list]
        parts = self.get_url_parts(request)
        person["worksFor"] = {
            "@type": "MedicalClinic",
            "name": practice.practice_name,
            "url": (parts[1] if parts else "") + "/",
        }
        data["mainEntity"] = person
        return data


# The services' pages and the fees setting live in their own modules; imported here so Django finds them.
from counselors.fees import FeeSettings  # noqa: E402
from counselors.services import FeesPage, ServiceIndexPage, ServicePage  # noqa: E402

__all__ += ["FeeSettings", "FeesPage", "ServiceIndexPage", "ServicePage"]
