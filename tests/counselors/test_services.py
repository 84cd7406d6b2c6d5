"""Counseling services and fees: the pages, the fees on them and in the API, JSON-LD, permissions, search."""

import json
import re
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from counselors.choices import ServiceFormat, SessionFee
from counselors.factories import (
    AppointmentRequestPageFactory,
    FeesPageFactory,
    ServiceIndexPageFactory,
    ServicePageFactory,
)
from counselors.fees import FeeSettings, fees_data
from home.roles import EDITORS, MODERATORS

pytestmark = pytest.mark.django_db


def json_ld(response):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
    return [json.loads(block) for block in blocks]


@pytest.fixture
def fees(plans):
    setting = FeeSettings.load()
    setting.first_fee = 150
    setting.individual_fee = 120
    setting.couples_fee = 140
    setting.group_fee = 45
    setting.sliding_scale_bands = [
        ("band", {"income_from": 0, "income_to": 25000, "fee": 40}),
        ("band", {"income_from": 25001, "income_to": None, "fee": 90}),
    ]
    setting.medicaid_accepted = True
    setting.medicaid_plans = "NC Medicaid Direct\nNC Medicaid Managed Care Standard Plans"
    setting.superbills = True
    setting.save()
    setting.insurance_plans.set([plans["medicaid"], plans["medicare"]])
    return setting


@pytest.fixture
def services(site_root, topics):
    index = ServiceIndexPageFactory(parent=site_root, slug="counseling-services", show_in_menus=True)
    return {
        "index": index,
        "individual": ServicePageFactory(
            parent=index, title="Individual counseling", slug="individual", topics=[topics["grief"]]
        ),
        "couples": ServicePageFactory(
            parent=index, title="Couples counseling", slug="couples", fee_kind=SessionFee.COUPLES, topics=[]
        ),
        "telehealth": ServicePageFactory(
            parent=index, title="Telehealth", slug="telehealth", format=ServiceFormat.TELEHEALTH, fee_kind=""
        ),
        "fees": FeesPageFactory(parent=index, slug="fees-and-insurance"),
    }


# The pages --------------------------------------------------------------------------------------------


def test_the_index_lists_the_services_and_links_to_the_fees(client, services):
    response = client.get("/counseling-services/")
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    for title in ("Individual counseling", "Couples counseling", "Telehealth"):
        assert title in html
    assert 'href="/counseling-services/fees-and-insurance/"' in html


def test_a_service_page_shows_its_parts_and_the_fees(client, services, fees):
    response = client.get("/counseling-services/individual/")
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "<h2>Who it is for</h2>" in html
    assert "What to expect." in html
    assert "Call us" in html and 'class="service-steps"' in html
    assert "Individual session: $120, or less on our sliding scale" in html
    assert "Sessions of 50 minutes" in html
    assert "$0 to $25000" in html and "$25001 and above" in html
    assert "Medicare" in html and "NC Medicaid Direct" in html
    assert "superbill" in html
    assert "Good Faith Estimate" in html and "$400" in html
    assert "www.cms.gov/nosurprises" in html
    # The CMS address is text to read, never a link: nothing on the page reaches another site.
    assert 'href="http' not in html.split("fees-good-faith-estimate")[1].split("</div>")[0]


def test_a_service_without_a_fee_set_shows_no_fee_line(client, services):
    html = client.get("/counseling-services/telehealth/").content.decode()
    assert "Individual session:" not in html
    assert "Telehealth (video from home)" in html


def test_the_fees_page_shows_every_fee(client, services, fees):
    html = client.get("/counseling-services/fees-and-insurance/").content.decode()
    assert "First session (intake)" in html and "$150" in html
    assert "Couples session" in html and "$140" in html
    assert "Group session" in html and "$45" in html
    assert "Family session" not in html  # no fee set: not offered


def test_the_good_faith_estimate_notice_is_there_before_anyone_edits_the_fees(client, services):
    html = client.get("/counseling-services/fees-and-insurance/").content.decode()
    assert "You have the right to receive a “Good Faith Estimate”" in html
    assert "at least $400 more than your Good Faith Estimate" in html
    assert "1-800-985-3059" in html


def test_request_a_first_appointment_goes_to_the_live_request_page_else_the_phone(client, services, practice):
    html = client.get("/counseling-services/individual/").content.decode()
    assert "Request a first appointment" not in html
    assert 'href="tel:+18285550142"' in html
    page = AppointmentRequestPageFactory(parent=services["index"].get_parent(), slug="request-an-appointment")
    html = client.get("/counseling-services/individual/").content.decode()
    assert '<a class="button button--primary" href="/request-an-appointment/">Request a first' in html
    page.unpublish()
    html = client.get("/counseling-services/individual/").content.decode()
    assert "Request a first appointment" not in html  # never a link to a 404


def test_related_counselors_share_a_topic_and_telehealth_lists_who_offers_it(client, services, counselors):
    html = client.get("/counseling-services/individual/").content.decode()
    related = html.split('id="related-counselors-heading"')[1]
    assert "Jordan Reyes" in related and "Ana Ruiz" in related  # both help with grief
    assert "Sam Lee" not in related
    html = client.get("/counseling-services/telehealth/").content.decode()
    related = html.split('id="related-counselors-heading"')[1]
    assert "Jordan Reyes" in related and "Sam Lee" in related
    assert "Ana Ruiz" not in related  # no telehealth


def test_related_counselors_cost_the_same_queries_however_many(client, services, counselors, counselor_index, topics):
    from counselors.factories import CounselorPageFactory

    def count():
        for _ in range(2):  # warm, as tests/test_query_budget.py
            client.get("/counseling-services/individual/")
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/counseling-services/individual/").status_code == HTTPStatus.OK
        return len(captured)

    before = count()
    for _ in range(4):
        CounselorPageFactory(parent=counselor_index, topics=[topics["grief"]])
    assert count() == before


# The API ---------------------------------------------------------------------------------------------


def test_v2_gives_a_service_with_its_fee_and_the_fees(client, services, fees):
    page = services["couples"]
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert data["meta"]["type"] == "counselors.ServicePage"
    assert data["session_fee"] == {"kind": "couples", "label": "Couples session", "amount": 140}
    assert data["format"] == "both" and data["session_minutes"] == 50
    assert data["first_steps"][0]["type"] == "step"
    assert data["first_steps"][0]["value"] == {"heading": "Call us", "text": "We reply within a working day."}
    section = data["fees"]
    assert section["session_fees"][0] == {"kind": "first", "label": "First session (intake)", "amount": 150}
    assert section["sliding_scale"] == [
        {"income_from": 0, "income_to": 25000, "fee": 40},
        {"income_from": 25001, "income_to": None, "fee": 90},
    ]
    assert [plan["slug"] for plan in section["insurance_plans"]] == ["medicaid", "medicare"]
    assert section["medicaid_accepted"] is True
    assert section["medicaid_plans"] == ["NC Medicaid Direct", "NC Medicaid Managed Care Standard Plans"]
    assert section["superbills"] is True
    assert "$400" in section["good_faith_estimate"]


def test_a_service_without_a_fee_gives_null(client, services, fees):
    data = client.get(f"/api/v2/pages/{services['telehealth'].pk}/").json()
    assert data["session_fee"] is None


def test_the_fees_page_gives_the_fees(client, services, fees):
    data = client.get(f"/api/v2/pages/{services['fees'].pk}/").json()
    assert data["fees"] == json.loads(json.dumps(fees_data()))


def test_v3_gives_the_same_values_and_types_them(client, services, fees):
    page = services["couples"]
    v2 = client.get(f"/api/v2/pages/{page.pk}/").json()
    response = client.get(f"/api/v3/pages/{page.pk}/")
    assert response.status_code == HTTPStatus.OK
    v3 = response.json()
    for name in ("summary", "session_fee", "fees", "format", "session_minutes", "topics"):
        assert v3[name] == v2[name], name
    schema = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    names = " ".join(schema)
    assert "FeesData" in names and "SessionFeeData" in names and "SlidingScaleBand" in names


def test_v2_lists_services_with_every_field(client, services, fees):
    response = client.get("/api/v2/pages/", {"type": "counselors.ServicePage", "fields": "*"})
    assert response.status_code == HTTPStatus.OK
    assert [item["title"] for item in response.json()["items"]] == [
        "Individual counseling",
        "Couples counseling",
        "Telehealth",
    ]


# JSON-LD --------------------------------------------------------------------------------------------------


def test_json_ld_is_a_service_of_the_practice_with_its_offer(client, services, fees, practice):
    data = json_ld(client.get("/counseling-services/couples/"))[0]
    assert data["@type"] == "WebPage"
    service = data["mainEntity"]
    assert service["@type"] == "Service"
    assert service["name"] == "Couples counseling"
    assert service["provider"] == {"@type": "MedicalClinic", "name": practice.practice_name, "url": "http://localhost/"}
    assert service["offers"] == {"@type": "Offer", "name": "Couples session", "price": 140, "priceCurrency": "USD"}


def test_json_ld_has_no_offer_without_a_fee(client, services):
    service = json_ld(client.get("/counseling-services/telehealth/"))[0]["mainEntity"]
    assert "offers" not in service


# Roles ----------------------------------------------------------------------------------------------------


def test_moderators_change_the_fees_and_editors_do_not():
    moderators = Group.objects.get(name=MODERATORS)
    editors = Group.objects.get(name=EDITORS)
    change = Permission.objects.get(content_type__app_label="counselors", codename="change_feesettings")
    assert change in moderators.permissions.all()
    assert change not in editors.permissions.all()


def test_a_new_services_index_is_written_by_editors_under_clinical_review(services):
    index = services["index"]
    editors = Group.objects.get(name=EDITORS)
    granted = set(editors.page_permissions.filter(page=index).values_list("permission__codename", flat=True))
    assert granted == {"add_page", "change_page"}
    assert index.get_workflow().name == "Clinical review"
    assert Page.objects.get(pk=services["individual"].pk).get_workflow().name == "Clinical review"


# Search ---------------------------------------------------------------------------------------------------


def test_search_finds_the_fees_page_by_the_plans_it_accepts(client, services, fees):
    services["fees"].save_revision().publish()  # indexed with the fees' words
    html = client.get("/search/", {"query": "superbill"}).content.decode()
    assert "Fees and insurance" in html


def test_a_change_to_the_fees_reindexes_the_fees_page(client, services, fees):
    setting = FeeSettings.load()
    setting.insurance_note = "We check your zebracover with you."
    setting.save()
    assert "Fees and insurance" in client.get("/search/", {"query": "zebracover"}).content.decode()


FEES_ADMIN = "/admin/settings/counselors/feesettings/"


def test_a_moderator_edits_the_fees_in_the_admin_and_an_editor_cannot(client, plans):
    from tests.staff import sign_in, staff_user

    sign_in(client, staff_user(MODERATORS, "mo"))
    response = client.get(FEES_ADMIN, follow=True)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Good Faith Estimate" in html and "Sliding scale" in html and "Medicaid (NC Medicaid Managed Care)" in html
    client.logout()
    sign_in(client, staff_user(EDITORS, "ed"))
    response = client.get(FEES_ADMIN, follow=True)
    assert "Good Faith Estimate notice" not in response.content.decode()
