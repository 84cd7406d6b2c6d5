"""Asking for a first appointment in a real browser on a phone: the whole journey from "Our counselors" (a
Spanish-speaking counselor who takes the visitor's insurance, what a first session costs, the request and
the answer), and axe."""

import pytest
from playwright.sync_api import expect

from counselors.choices import AcceptingClients
from counselors.factories import (
    AppointmentRequestPageFactory,
    CounselorIndexPageFactory,
    CounselorPageFactory,
    InsurancePlanFactory,
    LanguageFactory,
)
from counselors.fees import FeeSettings
from counselors.models import AppointmentRequest
from home.factories import PersonFactory, TopicFactory
from tests.browser.conftest import Steps

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Most a visitor should have to do, from the list of counselors to "we have your request": open the
# list, choose a language and a plan, show, open a counselor, ask, give a name, a way to reach them and
# the address, say whether a message may be left, how they will pay and with which plan, and send.
MOST_STEPS = 14


@pytest.fixture
def site(site_root, practice):
    grief = TopicFactory(name="Grief and loss", slug="grief")
    spanish = LanguageFactory(name="Spanish", slug="spanish", code="es")
    english = LanguageFactory(name="English", slug="english", code="en")
    medicaid = InsurancePlanFactory(name="Medicaid (NC Medicaid Managed Care)", slug="medicaid", note="")
    medicare = InsurancePlanFactory(name="Medicare", slug="medicare", note="")
    index = CounselorIndexPageFactory(parent=site_root, title="Our counselors", slug="our-counselors")
    CounselorPageFactory(
        parent=index,
        slug="jordan-reyes",
        person=PersonFactory(name="Jordan Reyes", role="Licensed clinical social worker", credentials="LCSW"),
        topics=[grief],
        languages=[english, spanish],
        insurance_plans=[medicaid],
        telehealth=True,
        accepting=AcceptingClients.YES,
    )
    CounselorPageFactory(
        parent=index,
        slug="ana-ruiz",
        person=PersonFactory(name="Ana Ruiz", credentials="LCMHC"),
        languages=[spanish],
        insurance_plans=[medicare],
        accepting=AcceptingClients.WAITLIST,
    )
    AppointmentRequestPageFactory(parent=site_root, title="Request an appointment", slug="request-an-appointment")
    fees = FeeSettings.load()
    fees.first_fee, fees.individual_fee = 160, 130
    fees.sliding_scale_bands = [("band", {"income_from": 0, "income_to": 30000, "fee": 40})]
    fees.save()
    return index


def test_a_visitor_on_a_phone_finds_a_counselor_and_asks_for_an_appointment_quickly(page, live_server, site):
    step = Steps()
    step(page.goto, live_server.url + "/our-counselors/")
    step(page.get_by_label("Language").select_option, "spanish")
    step(page.get_by_label("Insurance").select_option, "medicaid")
    step(page.get_by_role("button", name="Show counselors").click)
    page.wait_for_url("**/our-counselors/?*language=spanish*")
    step(page.get_by_role("link", name="Jordan Reyes").click)
    # What a first session costs, read beside the button that asks for one: no step of its own.
    cost = page.locator(".counselor-cost")
    expect(cost).to_contain_text("A first session costs $160, later sessions $130; sliding-scale fees from $40.")
    assert cost.bounding_box()["y"] < page.viewport_size["height"] * 2  # near the top, not at the foot
    step(page.get_by_role("link", name="Ask for a first appointment").click)
    page.wait_for_url("**/request-an-appointment/?counselor=*")
    assert page.get_by_label("Would you like to see a particular counselor?").input_value() != ""
    assert "Jordan Reyes" in page.locator("#id_counselor option:checked").inner_text()
    assert page.get_by_text("This form is not for emergencies.").is_visible()

    step(page.get_by_label("Your first name, or a name you would like us to use").fill, "Marisol")
    step(page.get_by_label("Email", exact=True).check)
    step(page.get_by_label("Email address").fill, "marisol@example.org")
    step(page.get_by_label("No, please do not leave a message").check)
    step(page.get_by_label("With my insurance").check)
    step(
        page.get_by_label("If you are using insurance, which plan?").select_option,
        label="Medicaid (NC Medicaid Managed Care)",
    )
    step(page.get_by_role("button", name="Send my request").click)

    page.wait_for_url("**/request-an-appointment/thank-you/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Thank you")
    assert page.get_by_role("heading", name="What happens next").is_visible()
    assert step.count <= MOST_STEPS, f"{step.count} steps"
    saved = AppointmentRequest.objects.get()
    assert saved.counselor.title == "Jordan Reyes" and saved.insurance_plan.slug == "medicaid"
    assert "Marisol" not in page.content()


@pytest.mark.parametrize("path", ["/request-an-appointment/", "/request-an-appointment/thank-you/"])
def test_the_appointment_pages_have_no_accessibility_violations(
    page, live_server, site, axe_check, offsite_requests, path
):
    response = page.goto(live_server.url + path)
    assert response.status == 200
    axe_check(page)
    assert offsite_requests == []


def test_a_mistake_is_shown_at_the_top_and_explained_without_losing_anything(page, live_server, site):
    page.goto(live_server.url + "/request-an-appointment/")
    page.get_by_label("Your first name, or a name you would like us to use").fill("Marisol")
    page.get_by_label("What would you like help with?").fill("Sleep, mostly.")
    page.get_by_role("button", name="Send my request").click()
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert "how we should contact you" in summary.inner_text()
    assert page.get_by_label("What would you like help with?").input_value() == "Sleep, mostly."
