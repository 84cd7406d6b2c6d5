"""Where the counselor pages may live: one 'Our counselors' under the home page, counselors only under it."""

import pytest
from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase

from counselors import factories as counselor_factories
from counselors.models import AppointmentRequestPage, CounselorIndexPage, CounselorPage
from home import factories as home_factories
from home.models import HomePage, StandardPage


@pytest.mark.django_db
class TestCounselorPageTree(WagtailPageTestCase):
    def test_the_index_goes_under_home_and_holds_counselors_only(self):
        self.assertAllowedParentPageTypes(CounselorIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CounselorIndexPage, {CounselorPage})

    def test_a_counselor_goes_under_the_index_only_and_has_no_children(self):
        self.assertAllowedParentPageTypes(CounselorPage, {CounselorIndexPage})
        self.assertAllowedSubpageTypes(CounselorPage, set())
        self.assertCanNotCreateAt(HomePage, CounselorPage)
        self.assertCanNotCreateAt(StandardPage, CounselorPage)

    def test_one_index_per_home_page_and_both_routable(self):
        from wagtail.models import Page

        home = home_factories.HomePageFactory(parent=Page.get_first_root_node())
        Site.objects.update(root_page=home)
        self.assertCanCreateAt(HomePage, CounselorIndexPage)
        index = counselor_factories.CounselorIndexPageFactory(parent=home, slug="our-counselors")
        assert not CounselorIndexPage.can_create_at(home)
        counselor = counselor_factories.CounselorPageFactory(parent=index)
        self.assertPageIsRoutable(index)
        self.assertPageIsRenderable(index)
        self.assertPageIsRoutable(counselor)
        self.assertPageIsRenderable(counselor)


@pytest.mark.django_db
class TestAppointmentPageTree(WagtailPageTestCase):
    def test_the_appointment_page_goes_under_home_and_has_no_children(self):
        self.assertAllowedParentPageTypes(AppointmentRequestPage, {HomePage})
        self.assertAllowedSubpageTypes(AppointmentRequestPage, set())
        self.assertCanNotCreateAt(StandardPage, AppointmentRequestPage)


@pytest.mark.django_db
def test_one_appointment_page_per_home_page_its_form_and_thank_you_routable(site_root, client):
    page = counselor_factories.AppointmentRequestPageFactory(parent=site_root)
    assert not AppointmentRequestPage.can_create_at(site_root)
    assert client.get(page.url).status_code == 200
    assert client.get(page.url + "thank-you/").status_code == 200


@pytest.mark.django_db
def test_a_person_has_one_counselor_page(counselor_index):
    from django.core.exceptions import ValidationError

    first = counselor_factories.CounselorPageFactory(parent=counselor_index)
    second = CounselorPage(title="Again", slug="again", person=first.person, intro="Hello.")
    with pytest.raises(ValidationError) as error:
        counselor_index.add_child(instance=second)
    assert "person" in error.value.message_dict
