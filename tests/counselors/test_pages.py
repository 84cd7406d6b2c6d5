"""A counselor's page: what it shows, its JSON-LD, and the groups and articles of the person."""

import datetime
import json
import re
from http import HTTPStatus

import pytest

from blog.factories import ArticleIndexPageFactory, ArticlePageFactory
from groups.factories import SupportGroupIndexPageFactory

pytestmark = pytest.mark.django_db


def json_ld(response):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
    return [json.loads(block) for block in blocks]


def test_the_page_shows_the_person_and_what_they_offer(client, counselors):
    response = client.get("/our-counselors/jordan/")
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "<h1>Jordan Reyes</h1>" in html
    assert "Accepting new clients" in html
    assert 'href="/our-counselors/?language=spanish"' in html
    assert 'href="/our-counselors/?insurance=medicaid"' in html
    assert "In person or by telehealth" in html
    assert counselors["jordan"].licence_number in html


def test_a_hidden_licence_stays_off_the_page(client, counselors):
    page = counselors["jordan"]
    page.show_licence = False
    page.save_revision().publish()
    html = client.get("/our-counselors/jordan/").content.decode()
    assert page.licence_number not in html
    assert page.licence_type in html


def test_json_ld_is_a_person_working_for_the_clinic(client, counselors, practice):
    data = json_ld(client.get("/our-counselors/jordan/"))[0]
    assert data["@type"] == "ProfilePage"
    person = data["mainEntity"]
    assert person["@type"] == "Person"  # not Physician: counselors are not medical doctors
    assert person["name"] == "Jordan Reyes"
    assert person["jobTitle"] == "Licensed clinical social worker"
    assert person["knowsLanguage"] == [
        {"@type": "Language", "name": "English", "alternateName": "en"},
        {"@type": "Language", "name": "Spanish", "alternateName": "es"},
    ]
    credential = person["hasCredential"]
    assert credential["@type"] == "EducationalOccupationalCredential"
    assert credential["credentialCategory"] == "license"
    assert credential["identifier"] == counselors["jordan"].licence_number
    assert credential["validIn"] == {"@type": "State", "name": "North Carolina"}
    assert person["worksFor"] == {"@type": "MedicalClinic", "name": practice.practice_name, "url": "http://localhost/"}


def test_the_index_json_ld_is_a_collection_page(client, counselors):
    assert json_ld(client.get("/our-counselors/"))[0]["@type"] == "CollectionPage"


def test_groups_they_lead_and_articles_they_wrote_come_from_their_apps(client, counselors, site_root):
    from groups.factories import MeetingRuleFactory, SupportGroupPageFactory
    from groups.models import GroupFacilitator
    from groups.schedule import now_local

    person = counselors["jordan"].person
    finder = SupportGroupIndexPageFactory(parent=site_root, slug="support-groups")
    group = SupportGroupPageFactory(parent=finder, title="Tuesday grief circle", slug="grief-circle")
    MeetingRuleFactory(page=group, weekday=1, first_date=now_local().date() - datetime.timedelta(days=7))
    GroupFacilitator.objects.create(page=group, person=person)
    articles = ArticleIndexPageFactory(parent=site_root, slug="articles")
    ArticlePageFactory(parent=articles, title="When grief arrives", people=[person])
    ArticlePageFactory(parent=articles, title="Someone else's article")
    html = client.get("/our-counselors/jordan/").content.decode()
    assert "Groups they lead" in html and "Tuesday grief circle" in html
    assert "Articles they wrote" in html and "When grief arrives" in html
    assert "Someone else" not in html
    assert "Groups they lead" not in client.get("/our-counselors/sam/").content.decode()


def test_the_page_says_what_a_first_session_costs_once_the_fees_are_set(client, counselors, counselor_index):
    from counselors.factories import FeesPageFactory, ServiceIndexPageFactory
    from counselors.fees import FeeSettings

    url = counselors["jordan"].url
    assert "counselor-cost" not in client.get(url).content.decode()
    fees = FeeSettings.load()
    fees.first_fee = 160
    fees.save()
    html = client.get(url).content.decode()
    assert '<p class="counselor-cost">A first session costs $160. </p>' in html
    fees.individual_fee = 130
    fees.sliding_scale_bands = [
        ("band", {"income_from": 0, "income_to": 30000, "fee": 55}),
        ("band", {"income_from": 30001, "income_to": None, "fee": 40}),
    ]
    fees.save()
    services = ServiceIndexPageFactory(parent=counselor_index.get_parent(), slug="counseling-services")
    FeesPageFactory(parent=services, slug="fees-and-insurance")
    # On the counselor's page and on "Our counselors", where a visitor choosing someone reads it first.
    for html in (client.get(url).content.decode(), client.get(counselor_index.url).content.decode()):
        assert "A first session costs $160, later sessions $130; sliding-scale fees from $40." in html
        assert (
            '<a href="/counseling-services/fees-and-insurance/">Fees, insurance and your Good Faith Estimate</a>'
            in html
        )
