"""The counselors' demo: four fictional counselors marked as demo, loaded once however often it runs."""

from http import HTTPStatus

import pytest

from counselors import demo
from counselors.choices import AcceptingClients
from counselors.models import CounselorIndexPage, CounselorPage, InsurancePlan, Language

pytestmark = pytest.mark.django_db


def test_four_demo_counselors_on_the_demo_people(demo_site):
    index = CounselorIndexPage.objects.get()
    pages = CounselorPage.objects.child_of(index).live().select_related("person")
    assert pages.count() == 4
    for page in pages:
        assert "Demo profile" in page.person.short_bio, page.title
        assert demo.DEMO_NOTE in str(page.body), page.title
        assert page.licence_number.endswith("-DEMO"), page.title
    assert {page.accepting for page in pages} == set(AcceptingClients.values)


def test_a_spanish_speaker_who_takes_medicaid_is_found(client, demo_site):
    index = CounselorIndexPage.objects.get()
    response = client.get(index.url, {"language": "spanish", "insurance": "medicaid-nc-medicaid-managed-care"})
    assert response.status_code == HTTPStatus.OK
    assert [page.display_name for page in response.context["results"].object_list] == ["Jordan Reyes"]


def test_plans_are_kinds_of_plan_marked_as_demo(demo_site):
    for plan in InsurancePlan.objects.all():
        assert plan.note.startswith("Demo listing"), plan.name


def test_loading_again_changes_nothing(demo_site):
    counts = (CounselorPage.objects.count(), InsurancePlan.objects.count(), Language.objects.count())
    demo.load(lambda message: None)
    assert (CounselorPage.objects.count(), InsurancePlan.objects.count(), Language.objects.count()) == counts


def test_multiply_makes_more_counselors_on_their_own_people(demo_site):
    demo.multiply(3, log=lambda message: None)
    pages = CounselorPage.objects.all()
    assert pages.count() == 12
    assert len({page.person_id for page in pages}) == 12
    assert demo.bench_urls()
