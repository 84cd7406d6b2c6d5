"""What API v2 and v3 give other apps about a counselor: typed, so v3's OpenAPI document describes it.

Each `to_representation` returns a TypedDict (typing_extensions', as pydantic needs before
Python 3.12). Lists read `.all()`, so a listing that prefetches them costs no query per page.
"""

from typing_extensions import TypedDict

from home.serializers import ReadOnlyField


class PersonSummary(TypedDict):
    id: int
    name: str
    role: str
    credentials: str


class PersonSummaryField(ReadOnlyField):
    """The Person the page is about (the same snippet articles' authors and groups' facilitators are)."""

    def to_representation(self, person) -> PersonSummary | None:
        if person is None:
            return None
        return PersonSummary(id=person.pk, name=person.name, role=person.role, credentials=person.credentials)


class LicenceData(TypedDict):
    type: str
    number: str | None
    state: str | None


class LicenceField(ReadOnlyField):
    """The licence as the practice chooses to show it: number and state are null when it keeps them off the page."""

    def to_representation(self, page) -> LicenceData:
        shown = page.licence_shown
        return LicenceData(
            type=page.licence_type,
            number=page.licence_number if shown else None,
            state=page.licence_state if shown else None,
        )


class ChoiceData(TypedDict):
    value: str
    label: str


class ChoiceListAPIField(ReadOnlyField):
    """A list of choice values as {value, label}, in the choices' order."""

    def __init__(self, choices_class, **kwargs):
        self.choices_class = choices_class
        super().__init__(**kwargs)

    def to_representation(self, values) -> list[ChoiceData]:
        labels = dict(self.choices_class.choices)
        return [ChoiceData(value=value, label=str(labels[value])) for value in values or [] if value in labels]


class LanguageData(TypedDict):
    id: int
    name: str
    slug: str
    code: str


class LanguageListField(ReadOnlyField):
    def to_representation(self, value) -> list[LanguageData]:
        return [LanguageData(id=item.pk, name=item.name, slug=item.slug, code=item.code) for item in value.all()]


class InsurancePlanData(TypedDict):
    id: int
    name: str
    slug: str
    note: str


class InsurancePlanListField(ReadOnlyField):
    def to_representation(self, value) -> list[InsurancePlanData]:
        return [InsurancePlanData(id=item.pk, name=item.name, slug=item.slug, note=item.note) for item in value.all()]


# Fees and insurance (counselors/fees.py) and the counseling services ------------------------------


class SessionFeeData(TypedDict):
    kind: str
    label: str
    amount: int


class SlidingScaleBand(TypedDict):
    income_from: int
    income_to: int | None
    fee: int


class FeesData(TypedDict):
    """The practice's fees as Settings → Fees and insurance gives them; amounts in whole US dollars."""

    intro: str
    session_fees: list[SessionFeeData]
    fee_note: str
    sliding_scale: list[SlidingScaleBand]
    sliding_scale_note: str
    insurance_plans: list[InsurancePlanData]
    insurance_note: str
    medicaid_accepted: bool
    medicaid_plans: list[str]
    superbills: bool
    superbill_note: str
    good_faith_estimate: str
    good_faith_estimate_how_to_ask: str


class FeesField(ReadOnlyField):
    """The whole fees section (the same on every page that gives it: read once per content change)."""

    def to_representation(self, page) -> FeesData:
        from counselors.fees import fees_data

        return fees_data()


class SessionFeeField(ReadOnlyField):
    """The fee of the session a service page is about, or null when it names none or none is set."""

    def to_representation(self, page) -> SessionFeeData | None:
        return page.session_fee
