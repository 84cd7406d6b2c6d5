"""Counseling services: "Counseling services" (an index in the main menu), a page per service, and "Fees and insurance".

Page types rather than standard pages (DESIGN.md's first sketch): a service has the same parts every
time (a summary, who it is for, what to expect, the first steps, how it meets, how long a session is,
which fee applies, what it helps with), so editors fill in the same boxes, each service page reads
alike to a visitor, and the API and the JSON-LD can say them as data (a schema.org Service with its
offer) rather than as paragraphs. The fees themselves are one site setting (counselors/fees.py).

- `ServiceIndexPage`: one per site, under the home page; lists the services and links to the fees.
- `ServicePage`: individual, couples, family or group counseling, telehealth. Related counselors
  are those whose specialties share a topic with the service (and who offer telehealth, for a
  telehealth-only service), fetched in one query with what their cards read.
- `FeesPage`: "Fees and insurance", the fees setting in full, with an intro and a body of its own.
  Search finds it by the fees' words too (`fees_search_text`), reindexed when the setting changes
  (counselors/signals.py).

"Request a first appointment" goes to the live appointment request page (counselors/appointment_page.py
`appointment_url`); without one the pages give the office's phone number instead.
"""

from django.db import models
from django.db.models import Q
from django.forms import CheckboxSelectMultiple
from django.utils.functional import cached_property
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from counselors.blocks import StepsBlock
from counselors.choices import ServiceFormat, SessionFee
from counselors.fees import fees_data, session_fee
from counselors.models import ACCEPTING_ORDER, CARD_PREFETCH_RELATED, CARD_SELECT_RELATED, CounselorPage
from counselors.serializers import FeesField, SessionFeeField
from home.blocks import BaseStreamBlock
from home.models import BasePage, IntroBodyMixin, SiteSettings
from home.serializers import TopicListField

__all__ = ["FeesPage", "ServiceIndexPage", "ServicePage"]

RELATED_COUNSELORS = 6


def practice_json_ld(page, request=None):
    """The practice as the provider of a service: the MedicalBusiness (a clinic) at the site's root."""
    practice = SiteSettings.load(request_or_site=request)
    parts = page.get_url_parts(request)
    return {"@type": "MedicalClinic", "name": practice.practice_name, "url": (parts[1] if parts else "") + "/"}


class ServiceIndexPage(IntroBodyMixin, BasePage):
    """'Counseling services': the kinds of counseling the practice offers, and a link to the fees."""

    intro_help_text = "One or two sentences at the top of the page: what counseling with us is like."
    body_help_text = "Anything else to say, shown below the list of services. Optional."

    parent_page_types = ["home.HomePage"]
    subpage_types = ["counselors.ServicePage", "counselors.FeesPage"]
    max_count_per_parent = 1
    search_kind = "List of services"
    search_lists_pages = True

    content_panels = [*BasePage.content_panels, *IntroBodyMixin.intro_body_panels]
    search_fields = [*BasePage.search_fields, *IntroBodyMixin.intro_search_fields]
    api_fields = [*IntroBodyMixin.intro_body_api_fields]

    class Meta:
        verbose_name = "services index"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = self.get_children().live().public().specific().order_by("path")
        context["services"] = [page for page in children if isinstance(page, ServicePage)]
        context["fees_page"] = next((page for page in children if isinstance(page, FeesPage)), None)
        context["fees"] = fees_data()
        return context

    def get_json_ld(self, request=None):
        return self.web_page_json_ld(request, "CollectionPage")


class ServicePage(BasePage):
    """One kind of counseling: who it is for, what to expect, the first steps, how it meets and what it costs."""

    summary = models.TextField(
        max_length=600,
        help_text="Two or three plain sentences: what this counseling is. Shown on the list of services and in search.",
    )
    who_for = models.TextField(
        "who it is for",
        max_length=1200,
        help_text="Who comes to it and why, in plain words. Leave a blank line between paragraphs.",
    )
    what_to_expect = StreamField(
        BaseStreamBlock(),
        blank=True,
        help_text="What a first session and the ones after it are like. Start sections with a heading.",
    )
    first_steps = StreamField(
        StepsBlock(),
        blank=True,
        help_text="How to start, one step at a time, e.g. 'Call or write to us', then 'A short phone call'.",
    )
    format = models.CharField(
        "how it meets",
        max_length=20,
        choices=ServiceFormat.choices,
        default=ServiceFormat.BOTH,
    )
    session_minutes = models.PositiveSmallIntegerField(
        "session length in minutes", null=True, blank=True, help_text="E.g. 50. Leave empty if it varies."
    )
    fee_kind = models.CharField(
        "fee",
        max_length=20,
        choices=SessionFee.choices,
        blank=True,
        help_text="Which fee in Settings → Fees and insurance a session of this kind costs. Empty: none is shown.",
    )
    topics = ParentalManyToManyField(
        "home.Topic",
        blank=True,
        related_name="service_pages",
        help_text="What it helps with. Counselors with these specialties are shown on the page.",
    )

    parent_page_types = ["counselors.ServiceIndexPage"]
    subpage_types = []
    summary_field = "summary"
    search_kind = "Counseling service"

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("who_for"),
        FieldPanel("what_to_expect"),
        FieldPanel("first_steps"),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldRowPanel([FieldPanel("session_minutes"), FieldPanel("fee_kind")]),
                FieldPanel("topics", widget=CheckboxSelectMultiple),
            ],
            heading="How it works",
        ),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("who_for"),
        index.SearchField("what_to_expect"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]

    api_fields = [
        APIField("summary"),
        APIField("who_for"),
        APIField("what_to_expect"),
        APIField("first_steps"),
        APIField("format"),
        APIField("session_minutes"),
        APIField("topics", serializer=TopicListField()),
        APIField("session_fee", serializer=SessionFeeField(source="*")),
        APIField("fees", serializer=FeesField(source="*")),
    ]
    api_prefetch_related = ["topics"]

    class Meta:
        verbose_name = "counseling service"

    @property
    def session_fee(self):
        return session_fee(self.fee_kind) if self.fee_kind else None

    @cached_property
    def topic_list(self):
        return list(self.topics.all())

    def related_counselors(self):
        """Counselors who help with what this service does, taking new clients first: one query and its prefetches."""
        counselors = CounselorPage.objects.readable()
        if self.format == ServiceFormat.TELEHEALTH:
            counselors = counselors.filter(telehealth=True)
        elif self.format == ServiceFormat.IN_PERSON:
            counselors = counselors.filter(in_person=True)
        topic_ids = [topic.pk for topic in self.topic_list]
        if topic_ids:
            counselors = counselors.filter(pk__in=CounselorPage.objects.filter(Q(topics__in=topic_ids)).values("pk"))
        return list(
            counselors.select_related(*CARD_SELECT_RELATED)
            .prefetch_related(*CARD_PREFETCH_RELATED, "photo__renditions", "person__photo__renditions")
            .order_by(ACCEPTING_ORDER, "title", "pk")[:RELATED_COUNSELORS]
        )

    def get_context(self, request, *args, **kwargs):
        from counselors.appointment_page import appointment_url

        context = super().get_context(request, *args, **kwargs)
        context.update(
            fees=fees_data(),
            related_counselors=self.related_counselors(),
            first_appointment_url=appointment_url(request),
        )
        return context

    def get_json_ld(self, request=None):
        """A page about a service: schema.org's Service, provided by the practice, with its offer when a fee is set.

        A Service rather than a MedicalTherapy: schema.org gives a therapy no provider and no offers,
        which are what a visitor (and a search engine) asks of a practice's service.
        """
        data = self.web_page_json_ld(request)
        service = {
            "@type": "Service",
            "name": self.title,
            "serviceType": self.title,
            "description": self.summary,
            "provider": practice_json_ld(self, request),
            "areaServed": {"@type": "State", "name": "North Carolina"},
            "url": data["url"],
        }
        if self.topic_list:
            service["category"] = [topic.name for topic in self.topic_list]
        fee = self.session_fee
        if fee:
            service["offers"] = {
                "@type": "Offer",
                "name": fee["label"],
                "price": fee["amount"],
                "priceCurrency": "USD",
            }
        data["mainEntity"] = service
        return data


class FeesPage(IntroBodyMixin, BasePage):
    """'Fees and insurance': the fees setting in full, with the practice's own words around it."""

    intro_help_text = "One or two sentences at the top of the page, also used in search results."
    body_help_text = "Anything else about paying, shown below the fees, e.g. what support groups cost. Optional."

    parent_page_types = ["counselors.ServiceIndexPage"]
    subpage_types = []
    max_count_per_parent = 1
    search_kind = "Fees and insurance"

    content_panels = [*BasePage.content_panels, *IntroBodyMixin.intro_body_panels]
    search_fields = [
        *BasePage.search_fields,
        *IntroBodyMixin.intro_search_fields,
        index.SearchField("body"),
        index.SearchField("fees_search_text"),
    ]
    api_fields = [*IntroBodyMixin.intro_body_api_fields, APIField("fees", serializer=FeesField(source="*"))]

    class Meta:
        verbose_name = "fees and insurance page"

    @property
    def fees_search_text(self):
        """The fees' words (plans, Medicaid, superbills, the estimate), so search finds this page by them."""
        from counselors.fees import FeeSettings

        data = FeeSettings.load().as_data()
        words = [
            "fees insurance cost sliding scale Medicaid superbill Good Faith Estimate",
            data["intro"],
            data["fee_note"],
            data["sliding_scale_note"],
            data["insurance_note"],
            data["superbill_note"],
            *(plan["name"] for plan in data["insurance_plans"]),
            *data["medicaid_plans"],
        ]
        return "\n".join(word for word in words if word)

    def get_context(self, request, *args, **kwargs):
        from counselors.appointment_page import appointment_url

        context = super().get_context(request, *args, **kwargs)
        context.update(fees=fees_data(), first_appointment_url=appointment_url(request))
        return context


def fees_page_url(request=None):
    """The live, public "Fees and insurance" page's URL, or "" without one."""
    page = FeesPage.objects.live().public().order_by("path").first()
    return (page.get_url(request) or "") if page else ""
