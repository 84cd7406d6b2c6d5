"""Counseling services and fees in a real browser on a phone: axe-core, no third parties, what a first session costs."""

import pytest

from counselors.choices import ServiceFormat, SessionFee
from counselors.factories import (
    CounselorIndexPageFactory,
    CounselorPageFactory,
    FeesPageFactory,
    InsurancePlanFactory,
    ServiceIndexPageFactory,
    ServicePageFactory,
)
from counselors.fees import FeeSettings
from home.factories import PersonFactory, TopicFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def site(site_root, practice):
    grief = TopicFactory(name="Grief and loss", slug="grief")
    medicaid = InsurancePlanFactory(name="Medicaid (NC Medicaid Managed Care)", slug="medicaid", note="")
    counselors = CounselorIndexPageFactory(parent=site_root, title="Our counselors", slug="our-counselors")
    CounselorPageFactory(
        parent=counselors,
        slug="jordan-reyes",
        person=PersonFactory(name="Jordan Reyes", credentials="LCSW"),
        topics=[grief],
        telehealth=True,
    )
    index = ServiceIndexPageFactory(parent=site_root, slug="counseling-services", show_in_menus=True)
    ServicePageFactory(parent=index, title="Individual counseling", slug="individual-counseling", topics=[grief])
    ServicePageFactory(
        parent=index, title="Telehealth", slug="telehealth", format=ServiceFormat.TELEHEALTH, fee_kind=SessionFee.FIRST
    )
    FeesPageFactory(parent=index, slug="fees-and-insurance")
    fees = FeeSettings.load()
    fees.first_fee, fees.individual_fee, fees.couples_fee = 150, 120, 140
    fees.sliding_scale_bands = [("band", {"income_from": 0, "income_to": 25000, "fee": 40})]
    fees.medicaid_accepted = True
    fees.medicaid_plans = "NC Medicaid Direct"
    fees.save()
    fees.insurance_plans.set([medicaid])
    return index


@pytest.mark.parametrize(
    "path",
    [
        "/counseling-services/",
        "/counseling-services/individual-counseling/",
        "/counseling-services/telehealth/",
        "/counseling-services/fees-and-insurance/",
    ],
)
def test_pages_have_no_accessibility_violations(page, live_server, site, axe_check, offsite_requests, path):
    response = page.goto(live_server.url + path)
    assert response.status == 200
    axe_check(page)
    assert offsite_requests == []


def test_a_visitor_reads_what_a_first_session_costs(page, live_server, site):
    page.goto(live_server.url + "/")
    menu_toggle = page.get_by_role("button", name="Menu")
    if menu_toggle.is_visible():
        menu_toggle.click()
    page.get_by_role("link", name="Counseling services").click()
    page.get_by_role("link", name="Fees and insurance").click()
    row = page.get_by_role("row", name="First session (intake) $150")
    assert row.is_visible()
    assert page.get_by_text("at least $400 more than your Good Faith Estimate").is_visible()
