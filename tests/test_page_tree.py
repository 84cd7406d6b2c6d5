"""Where each page type may live in the tree, and that every page type has a factory."""

import pytest
from wagtail.models import Page, Site, get_page_models
from wagtail.test.utils import WagtailPageTestCase

from blog import factories as blog_factories
from counselors import factories as counselors_factories
from events import factories as events_factories
from groups import factories as groups_factories
from home import factories as home_factories
from home.models import HomePage, StandardPage

# Each app's factories module: every page type must have a factory in one of them.
FACTORY_MODULES = [home_factories, blog_factories, groups_factories, counselors_factories, events_factories]


def test_every_page_type_has_a_factory():
    factory_models = {
        getattr(obj._meta, "model", None)
        for module in FACTORY_MODULES
        for obj in vars(module).values()
        if hasattr(obj, "_meta")
    }
    ours = {"home", "blog", "groups", "counselors", "events"}
    page_models = {model for model in get_page_models() if model.__module__.split(".")[0] in ours}
    missing = {model.__name__ for model in page_models} - {model.__name__ for model in factory_models if model}
    assert not missing, f"Page types without a factory: {sorted(missing)}"


@pytest.mark.django_db
class TestPageTree(WagtailPageTestCase):
    def test_home_page_lives_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_standard_pages_go_under_home_or_another_standard_page(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_standard_page_can_be_created_under_home(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_pages_are_routable(self):
        root = Page.get_first_root_node()
        home = home_factories.HomePageFactory(parent=root)
        Site.objects.update(root_page=home)
        about = home_factories.StandardPageFactory(parent=home, title="About us", slug="about")
        self.assertPageIsRoutable(home)
        self.assertPageIsRoutable(about)
        self.assertPageIsRenderable(about)
