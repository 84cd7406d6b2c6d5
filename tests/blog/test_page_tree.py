"""Where articles may live: one index per site under its home page, articles only under an index."""

import pytest
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase

from blog.factories import ArticleIndexPageFactory, ArticlePageFactory
from blog.models import ArticleIndexPage, ArticlePage
from home.factories import HomePageFactory
from home.models import HomePage, StandardPage


@pytest.mark.django_db
class TestArticlePageTree(WagtailPageTestCase):
    def test_the_index_goes_under_a_home_page_and_holds_only_articles(self):
        self.assertAllowedParentPageTypes(ArticleIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ArticleIndexPage, {ArticlePage})

    def test_articles_go_only_under_an_index_and_have_no_children(self):
        self.assertAllowedParentPageTypes(ArticlePage, {ArticleIndexPage})
        self.assertAllowedSubpageTypes(ArticlePage, set())

    def test_where_editors_can_create_them(self):
        self.assertCanCreateAt(HomePage, ArticleIndexPage)
        self.assertCanCreateAt(ArticleIndexPage, ArticlePage)
        self.assertCanNotCreateAt(HomePage, ArticlePage)
        self.assertCanNotCreateAt(StandardPage, ArticlePage)
        self.assertCanNotCreateAt(StandardPage, ArticleIndexPage)
        self.assertCanNotCreateAt(ArticlePage, ArticlePage)
        self.assertCanNotCreateAt(Page, ArticleIndexPage)

    def test_one_index_per_site(self):
        home = HomePageFactory(parent=Page.get_first_root_node())
        other_home = HomePageFactory(parent=Page.get_first_root_node())
        ArticleIndexPageFactory(parent=home)
        assert not ArticleIndexPage.can_create_at(home)
        assert ArticleIndexPage.can_create_at(other_home)

    def test_pages_are_routable_and_render(self):
        home = HomePageFactory(parent=Page.get_first_root_node())
        Site.objects.update(root_page=home)
        index = ArticleIndexPageFactory(parent=home, slug="articles")
        article = ArticlePageFactory(parent=index, slug="first")
        for page in (index, article):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)
        self.assertPageIsRoutable(index, "feed/")
        self.assertPageIsRenderable(index, "feed/")
