"""Fixtures for the counselors: topics, languages, plans, and the index under the home page with three counselors."""

import pytest

from counselors.choices import AcceptingClients
from counselors.factories import (
    CounselorIndexPageFactory,
    CounselorPageFactory,
    InsurancePlanFactory,
    LanguageFactory,
)
from home.factories import PersonFactory, TopicFactory


@pytest.fixture
def topics(db):
    return {
        "grief": TopicFactory(name="Grief and loss", slug="grief"),
        "anxiety": TopicFactory(name="Anxiety", slug="anxiety"),
        "families": TopicFactory(name="Families and caregivers", slug="families-caregivers"),
    }


@pytest.fixture
def languages(db):
    return {
        "english": LanguageFactory(name="English", slug="english", code="en"),
        "spanish": LanguageFactory(name="Spanish", slug="spanish", code="es"),
    }


@pytest.fixture
def plans(db):
    return {
        "medicaid": InsurancePlanFactory(name="Medicaid (NC Medicaid Managed Care)", slug="medicaid", note=""),
        "medicare": InsurancePlanFactory(name="Medicare", slug="medicare", note=""),
    }


@pytest.fixture
def counselor_index(site_root):
    return CounselorIndexPageFactory(parent=site_root, title="Our counselors", slug="our-counselors")


@pytest.fixture
def counselors(counselor_index, topics, languages, plans):
    """Jordan speaks Spanish and takes Medicaid; Ana speaks Spanish and takes Medicare; Sam neither."""
    return {
        "jordan": CounselorPageFactory(
            parent=counselor_index,
            slug="jordan",
            person=PersonFactory(name="Jordan Reyes", role="Licensed clinical social worker", credentials="LCSW"),
            topics=[topics["grief"]],
            languages=[languages["english"], languages["spanish"]],
            insurance_plans=[plans["medicaid"]],
            telehealth=True,
            accepting=AcceptingClients.YES,
        ),
        "ana": CounselorPageFactory(
            parent=counselor_index,
            slug="ana",
            person=PersonFactory(name="Ana Ruiz", credentials="LCMHC"),
            topics=[topics["anxiety"], topics["grief"]],
            languages=[languages["spanish"]],
            insurance_plans=[plans["medicare"]],
            telehealth=False,
            accepting=AcceptingClients.WAITLIST,
        ),
        "sam": CounselorPageFactory(
            parent=counselor_index,
            slug="sam",
            person=PersonFactory(name="Sam Lee", credentials="LMFT"),
            topics=[topics["families"]],
            languages=[languages["english"]],
            insurance_plans=[plans["medicare"]],
            telehealth=True,
            accepting=AcceptingClients.NO,
        ),
    }
