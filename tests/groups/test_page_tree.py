"""Where the finder and group pages may live, and that both are routable."""

import pytest
from wagtail.test.utils import WagtailPageTestCase

from groups.factories import SupportGroupIndexPageFactory, SupportGroupPageFactory
from groups.models import SupportGroupIndexPage, SupportGroupPage
from home.factories import HomePageFactory
from home.models import HomePage, StandardPage


@pytest.mark.django_db
class TestGroupPageTree(WagtailPageTestCase):
    def test_finder_lives_under_home_and_holds_groups(self):
        self.assertAllowedParentPageTypes(SupportGroupIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(SupportGroupIndexPage, {SupportGroupPage})
        self.assertCanCreateAt(HomePage, SupportGroupIndexPage)

    def test_groups_live_only_under_the_finder(self):
        self.assertAllowedParentPageTypes(SupportGroupPage, {SupportGroupIndexPage})
        self.assertAllowedSubpageTypes(SupportGroupPage, set())
        self.assertCanNotCreateAt(HomePage, SupportGroupPage)
        self.assertCanNotCreateAt(StandardPage, SupportGroupPage)

    def test_pages_are_routable_and_renderable(self):
        from wagtail.models import Page, Site

        home = HomePageFactory(parent=Page.get_first_root_node())
        Site.objects.update(root_page=home)
        finder = SupportGroupIndexPageFactory(parent=home, slug="support-groups")
        group = SupportGroupPageFactory(parent=finder, slug="grief")
        self.assertPageIsRoutable(finder)
        self.assertPageIsRoutable(group)
        self.assertPageIsRoutable(group, "thank-you/")
        self.assertPageIsRenderable(finder)
        self.assertPageIsRenderable(group)
