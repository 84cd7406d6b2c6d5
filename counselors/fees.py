"""The practice's fees, in one place: Settings → Fees and insurance, kept by moderators.

A site setting rather than a snippet: the practice has one fee schedule, every service page and
the "Fees and insurance" page show the same one, and there is nothing to choose on a page (a
snippet would let a page point at an old or a second schedule). Settings are a model permission
of their own (`counselors.change_feesettings`), which migration 0003 gives Moderators only:
editors write about a service, moderators decide what it costs. Saving it purges every page from
the cache in front, as every site setting does (home/frontend_cache.py).

What the pages, the API and the JSON-LD read is `fees_data()`: one dict, built from the setting
and its insurance plans and kept until any content changes, so a page showing the fees costs no
query for them once warm.
"""

from django.db import models
from django.forms import CheckboxSelectMultiple
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField

from counselors.blocks import SlidingScaleBandBlock
from counselors.choices import SessionFee
from counselors.serializers import FeesData, SessionFeeData
from home.content_version import remember

# The notice the No Surprises Act asks providers to give clients who do not use insurance: the
# words of the model notice published by CMS. The web address is given as text, not a link.
GOOD_FAITH_ESTIMATE_NOTICE = "\n\n".join(
    [
        "You have the right to receive a “Good Faith Estimate” explaining how much your medical care will cost.",
        "Under the law, health care providers need to give patients who don't have insurance or who are not using "
        "insurance an estimate of the bill for medical items and services.",
        "You have the right to receive a Good Faith Estimate for the total expected cost of any non-emergency items "
        "or services. This includes related costs like medical tests, prescription drugs, equipment, and hospital "
        "fees.",
        "Make sure your health care provider gives you a Good Faith Estimate in writing at least 1 business day "
        "before your medical service or item. You can also ask your health care provider, and any other provider "
        "you choose, for a Good Faith Estimate before you schedule an item or service.",
        "If you receive a bill that is at least $400 more than your Good Faith Estimate, you can dispute the bill.",
        "Make sure to save a copy or picture of your Good Faith Estimate.",
        "For questions or more information about your right to a Good Faith Estimate, visit www.cms.gov/nosurprises "
        "or call 1-800-985-3059.",
    ]
)

HOW_TO_ASK = (
    "Ask us for a Good Faith Estimate when you book, or at any time: call the office or ask your counselor. "
    "We give it to you in writing, at no charge."
)


def fee_field(label):
    return models.PositiveIntegerField(
        label, null=True, blank=True, help_text="In whole dollars, e.g. 120. Leave empty if we do not offer it."
    )


@register_setting(icon="doc-full", name="fees-and-insurance")
class FeeSettings(BaseGenericSetting):
    """Session fees, the sliding scale, insurance, Medicaid, superbills and the Good Faith Estimate notice."""

    intro = models.TextField(
        blank=True,
        max_length=600,
        help_text="One or two sentences above the fees, e.g. 'If cost is a worry, talk to us.'",
    )
    first_fee = fee_field("first session (intake)")
    individual_fee = fee_field("individual session")
    couples_fee = fee_field("couples session")
    family_fee = fee_field("family session")
    group_fee = fee_field("group session")
    fee_note = models.TextField(
        "about the fees",
        blank=True,
        max_length=600,
        help_text="How long a session is, how to pay, cancellations. Optional.",
    )
    sliding_scale_bands = StreamField(
        [("band", SlidingScaleBandBlock())],
        blank=True,
        use_json_field=True,
        help_text="Yearly household income ranges and the session fee for each, lowest first.",
    )
    sliding_scale_note = models.TextField(
        "about the sliding scale",
        blank=True,
        max_length=600,
        help_text="Who can ask for it and how, e.g. 'Tell us your household income; we do not ask for proof.'",
    )
    insurance_plans = models.ManyToManyField(
        "counselors.InsurancePlan",
        blank=True,
        related_name="+",
        verbose_name="insurance plans accepted",
        help_text="Plans the practice bills. New ones are added under Snippets, then Insurance plans.",
    )
    insurance_note = models.TextField(
        "about insurance",
        blank=True,
        max_length=600,
        help_text="E.g. 'Call us with your plan's name and we will check your cover before you start.'",
    )
    medicaid_accepted = models.BooleanField("we accept Medicaid", default=False)
    medicaid_plans = models.TextField(
        "NC Medicaid plans we accept",
        blank=True,
        help_text="One per line, as clients know them, e.g. 'NC Medicaid Direct'.",
    )
    superbills = models.BooleanField(
        "we give superbills",
        default=True,
        help_text="A receipt with the codes an out-of-network insurer needs to pay the client back.",
    )
    superbill_note = models.TextField(
        "about superbills",
        blank=True,
        max_length=600,
        help_text="E.g. 'Ask us after each session or once a month.'",
    )
    good_faith_estimate = models.TextField(
        "Good Faith Estimate notice",
        default=GOOD_FAITH_ESTIMATE_NOTICE,
        help_text=(
            "The No Surprises Act notice for clients who pay for themselves. The model notice from CMS is filled "
            "in: change it only on advice. Leave a blank line between paragraphs."
        ),
    )
    good_faith_estimate_how_to_ask = models.TextField(
        "how to ask for a Good Faith Estimate",
        default=HOW_TO_ASK,
        max_length=600,
    )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("intro"),
                    MultiFieldPanel(
                        [
                            FieldPanel("first_fee"),
                            FieldRowPanel([FieldPanel("individual_fee"), FieldPanel("couples_fee")]),
                            FieldRowPanel([FieldPanel("family_fee"), FieldPanel("group_fee")]),
                            FieldPanel("fee_note"),
                        ],
                        heading="Session fees",
                    ),
                    MultiFieldPanel(
                        [FieldPanel("sliding_scale_bands"), FieldPanel("sliding_scale_note")], heading="Sliding scale"
                    ),
                ],
                heading="Fees",
            ),
            ObjectList(
                [
                    FieldPanel("insurance_plans", widget=CheckboxSelectMultiple),
                    FieldPanel("insurance_note"),
                    MultiFieldPanel(
                        [FieldPanel("medicaid_accepted"), FieldPanel("medicaid_plans")], heading="Medicaid"
                    ),
                    MultiFieldPanel([FieldPanel("superbills"), FieldPanel("superbill_note")], heading="Out of network"),
                ],
                heading="Insurance",
            ),
            ObjectList(
                [FieldPanel("good_faith_estimate"), FieldPanel("good_faith_estimate_how_to_ask")],
                heading="Good Faith Estimate",
            ),
        ]
    )

    class Meta:
        verbose_name = "fees and insurance"

    def __str__(self):
        return "Fees and insurance"

    def session_fees(self):
        """Each fee the practice has set, in the order of SessionFee."""
        return [
            SessionFeeData(kind=kind.value, label=str(kind.label), amount=amount)
            for kind in SessionFee
            if (amount := getattr(self, f"{kind.value}_fee")) is not None
        ]

    def as_data(self) -> FeesData:
        return FeesData(
            intro=self.intro,
            session_fees=self.session_fees(),
            fee_note=self.fee_note,
            sliding_scale=[block.block.get_api_representation(block.value) for block in self.sliding_scale_bands],
            sliding_scale_note=self.sliding_scale_note,
            insurance_plans=[
                {"id": plan.pk, "name": plan.name, "slug": plan.slug, "note": plan.note}
                for plan in self.insurance_plans.all()
            ],
            insurance_note=self.insurance_note,
            medicaid_accepted=self.medicaid_accepted,
            medicaid_plans=[line.strip() for line in self.medicaid_plans.splitlines() if line.strip()],
            superbills=self.superbills,
            superbill_note=self.superbill_note,
            good_faith_estimate=self.good_faith_estimate,
            good_faith_estimate_how_to_ask=self.good_faith_estimate_how_to_ask,
        )


def fees_data() -> FeesData:
    """The fees as the pages, the API and the JSON-LD give them: kept until any content changes."""
    return remember("counselor-fees", lambda: FeeSettings.load().as_data())


def session_fee(kind) -> SessionFeeData | None:
    """The fee of one kind of session (SessionFee), or None when none is set."""
    return next((fee for fee in fees_data()["session_fees"] if fee["kind"] == kind), None)


def cost_summary():
    """What a counselor's page says a first session costs: the first and later sessions' fees and the
    lowest sliding-scale fee, each None when the practice has not set it."""
    fees = fees_data()
    first, individual = session_fee(SessionFee.FIRST), session_fee(SessionFee.INDIVIDUAL)
    bands = [band["fee"] for band in fees["sliding_scale"] if band.get("fee") is not None]
    return {
        "first": first["amount"] if first else None,
        "individual": individual["amount"] if individual else None,
        "sliding_scale_from": min(bands) if bands else None,
    }
