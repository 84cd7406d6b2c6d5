"""'Our counselors' in a real browser on a phone: axe-core, no third parties, finding a counselor by filters."""

import pytest

from counselors.choices import AcceptingClients
from counselors.factories import CounselorIndexPageFactory, CounselorPageFactory, InsurancePlanFactory, LanguageFactory
from home.factories import ImageFactory, PersonFactory, TopicFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def site(site_root, practice):
    grief = TopicFactory(name="Grief and loss", slug="grief")
    anxiety = TopicFactory(name="Anxiety", slug="anxiety")
    english = LanguageFactory(name="English", slug="english", code="en")
    spanish = LanguageFactory(name="Spanish", slug="spanish", code="es")
    medicaid = InsurancePlanFactory(name="Medicaid (NC Medicaid Managed Care)", slug="medicaid", note="")
    medicare = InsurancePlanFactory(name="Medicare", slug="medicare", note="Call us to check your plan first.")
    index = CounselorIndexPageFactory(parent=site_root, title="Our counselors", slug="our-counselors")
    photo = ImageFactory(description="Jordan smiling on a porch, the hills behind")
    CounselorPageFactory(
        parent=index,
        slug="jordan-reyes",
        person=PersonFactory(name="Jordan Reyes", role="Licensed clinical social worker", credentials="LCSW"),
        photo=photo,
        pronouns="he/him",
        topics=[grief],
        populations=["adults", "families"],
        languages=[english, spanish],
        insurance_plans=[medicaid],
        telehealth=True,
        sliding_scale=True,
        sliding_scale_places=2,
        accepting=AcceptingClients.YES,
    )
    CounselorPageFactory(
        parent=index,
        slug="ana-ruiz",
        person=PersonFactory(name="Ana Ruiz", credentials="LCMHC"),
        topics=[anxiety],
        languages=[spanish],
        insurance_plans=[medicare],
        telehealth=False,
        accepting=AcceptingClients.WAITLIST,
    )
    return index


@pytest.mark.parametrize(
    "path",
    [
        "/our-counselors/",
        "/our-counselors/?language=spanish&insurance=medicaid&telehealth=1",
        "/our-counselors/?insurance=nowhere&accepting=perhaps",
        "/our-counselors/?language=english&accepting=no",
        "/our-counselors/jordan-reyes/",
        "/our-counselors/ana-ruiz/",
    ],
)
def test_pages_have_no_accessibility_violations(page, live_server, site, axe_check, offsite_requests, path):
    response = page.goto(live_server.url + path)
    assert response.status == 200
    axe_check(page)
    assert offsite_requests == []


def test_a_visitor_finds_a_spanish_speaker_who_takes_their_insurance(page, live_server, site):
    page.goto(live_server.url + "/our-counselors/")
    page.get_by_label("Language").select_option("spanish")
    page.get_by_label("Insurance").select_option("medicaid")
    page.get_by_role("button", name="Show counselors").click()
    page.wait_for_url("**/our-counselors/?*language=spanish*")
    titles = page.locator(".counselor-card .card__title").all_inner_texts()
    assert titles == ["Jordan Reyes"]
    page.get_by_role("link", name="Jordan Reyes").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Jordan Reyes"
    assert page.get_by_text("Accepting new clients").is_visible()
