"""What a change purges from the cache in front for the counselors (home/ and counselors/frontend_cache.py)."""

import pytest

from blog.models import ArticlePage
from counselors.models import CounselorPage, InsurancePlan
from groups.models import SupportGroupPage
from tests.test_frontend_cache import purged  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db


def publish(page):
    page.save_revision().publish()


def test_unpublishing_a_counselor_purges_their_page_and_the_index(demo_site, purged):  # noqa: F811
    page = CounselorPage.objects.live().order_by("pk").first()
    url = page.url
    paths = purged(lambda: page.unpublish())
    assert {url, "/our-counselors/", f"/api/v2/pages/{page.pk}/"} <= paths


def test_an_article_or_group_by_a_counselor_purges_the_counselors_page(demo_site, purged):  # noqa: F811
    counselor = CounselorPage.objects.live().get(person__name="Jordan Reyes")
    article = ArticlePage.objects.live().filter(authors__person=counselor.person).first()
    group = SupportGroupPage.objects.live().filter(facilitators__person=counselor.person).first()
    assert article is not None and group is not None  # the demo's Jordan writes and leads groups
    assert counselor.url in purged(lambda: publish(article))
    assert counselor.url in purged(lambda: publish(group))


def test_a_changed_insurance_plan_purges_the_counselors_who_take_it(demo_site, purged):  # noqa: F811
    plan = InsurancePlan.objects.get(name="Medicare")
    takers = CounselorPage.objects.live().filter(insurance_plans=plan)

    def rename():
        plan.note = "Call us to check your plan first."
        plan.save()

    paths = purged(rename)
    assert {page.url for page in takers} <= paths


def test_a_counselor_changing_purges_the_service_pages_that_list_them(demo_site, purged):  # noqa: F811
    from counselors.services import ServicePage

    counselor = CounselorPage.objects.live().get(person__name="Jordan Reyes")
    paths = purged(lambda: publish(counselor))
    assert {service.url for service in ServicePage.objects.live()} <= paths


def test_a_counselor_changing_purges_the_articles_and_groups_that_link_their_byline(demo_site, purged):  # noqa: F811
    counselor = CounselorPage.objects.live().get(person__name="Jordan Reyes")
    articles = ArticlePage.objects.live().filter(authors__person=counselor.person)
    groups = SupportGroupPage.objects.live().filter(facilitators__person=counselor.person)
    paths = purged(lambda: counselor.unpublish())
    assert {page.url for page in [*articles, *groups]} <= paths


def test_the_appointment_page_changing_purges_every_page_that_links_to_it(demo_site, purged):  # noqa: F811
    from counselors.appointment_page import AppointmentRequestPage
    from counselors.frontend_cache import appointment_paths
    from counselors.services import FeesPage, ServicePage

    page = AppointmentRequestPage.objects.live().get()
    # The demo's is a top-level page (the main menu's level): its changes purge everything.
    assert purged(lambda: page.unpublish()) == "everything"
    # Anywhere else, the pages that link to it go.
    linking = [*CounselorPage.objects.live(), *ServicePage.objects.live(), *FeesPage.objects.live()]
    paths = set(appointment_paths(page))
    assert {other.url for other in linking} <= paths and "/our-counselors/" in paths
    assert appointment_paths(linking[0]) == []


def test_a_plan_renamed_purges_the_fees_pages_and_reindexes_their_search_text(demo_site, purged):  # noqa: F811
    from counselors.fees import FeeSettings
    from counselors.services import FeesPage, ServicePage

    plan = FeeSettings.load().insurance_plans.first()
    assert plan is not None  # the demo's fees list the plans they take

    def rename():
        plan.name = "Mountain Health Plan (demo)"
        plan.save()

    paths = purged(rename)
    assert {page.url for page in [*ServicePage.objects.live(), *FeesPage.objects.live()]} <= paths
    found = FeesPage.objects.live().search("Mountain Health Plan")
    assert [page.title for page in found] == ["Fees and insurance"]
