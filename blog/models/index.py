"""The articles index: one per site, newest first, with a featured article, filters (topic, members' stories),
pages and feeds.

Defined before the article (blog/models/article.py imports it), so it finds the
article model by name when it needs it.
"""

from django.apps import apps
from django.db import models
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.functional import classproperty
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from blog.choices import ArticleKind
from blog.feeds import ArticleFeed
from blog.forms import ArticleFilterForm
from blog.queries import prefetch_cards
from blog.serializers import FeaturedArticleField, FeedUrlField
from home.models import BasePage, Topic
from home.pagination import paginate


def article_model():
    """`ArticlePage`, whose module imports this one."""
    return apps.get_model("blog", "ArticlePage")


class ArticleIndexPage(RoutablePageMixin, BasePage):
    """The articles, newest first: a featured article, topic filters, pages of cards and feeds."""

    intro = models.TextField(
        max_length=600,
        blank=True,
        help_text="A sentence or two at the top of the page, e.g. what readers will find in our articles.",
    )
    featured_article = models.ForeignKey(
        "blog.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown large at the top of the first page. Leave empty to feature the newest article.",
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.ArticlePage"]
    # One articles section per site, directly under its home page.
    max_count_per_parent = 1
    summary_field = "intro"
    search_kind = "List of articles"
    search_lists_pages = True
    json_ld_type = "CollectionPage"

    page_size = 12
    # A feed carries the latest articles; feed readers keep what they have already seen.
    feed_length = 50

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        PageChooserPanel("featured_article", "blog.ArticlePage"),
    ]

    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    api_fields = [
        APIField("intro"),
        APIField("featured_article", serializer=FeaturedArticleField(source="*")),
        APIField("feed_url", serializer=FeedUrlField(source="*")),
    ]

    @classproperty
    def api_prefetch_related(cls):
        # The editor's choice if readers may see it, fetched for a whole list at once.
        readable = article_model().objects.readable()
        return [Prefetch("featured_article", queryset=readable, to_attr="readable_featured_article")]

    class Meta:
        verbose_name = "articles index"

    def articles(self):
        """The articles readers of this index may see, newest first.

        Live children without a view restriction of their own: a restriction on the
        index or above it has already been checked before this page is served.
        """
        return article_model().objects.child_of(self).readable(within=self).newest_first()

    def get_readable_featured_article(self):
        """The editor's choice of featured article if readers may see it (prefetched in API lists), else None."""
        if "readable_featured_article" in self.__dict__:
            return self.readable_featured_article
        if not self.featured_article_id:
            return None
        return article_model().objects.readable().filter(pk=self.featured_article_id).first()

    def get_featured_article(self, articles):
        articles = articles.for_cards()
        if self.featured_article_id:
            chosen = articles.filter(pk=self.featured_article_id).first()
            if chosen is not None:
                return chosen
        return articles.first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = self.articles()
        topics = list(Topic.objects.filter(articles__in=articles).distinct())

        form = ArticleFilterForm(request.GET, topics=topics)
        filters = form.filters
        topic = filters.get("topic")
        stories = filters.get("kind") == ArticleKind.STORY
        ignored = dict(form.ignored)  # {label: value} of what was left out
        featured = None
        if filters:
            articles = form.filter(articles)
        else:
            featured = self.get_featured_article(articles)
            if featured is not None:
                articles = articles.exclude(pk=featured.pk)

        page_obj = paginate(request, articles.for_cards(), self.page_size)
        if page_obj.number > 1:
            featured = None  # Shown on the first page only, and never twice.
        cards = prefetch_cards([featured, *page_obj.object_list])
        if featured is not None:
            cards = cards[1:]

        context.update(
            {
                "articles": cards,
                "featured": featured,
                "page_obj": page_obj,
                "topics": topics,
                "current_topic": topic,
                "stories": stories,
                "filtered": bool(filters),
                # Links keep the other filter: a topic within the stories, the stories on a topic.
                "kind_query": "kind=story&" if stories else "",
                "unknown_topic": "topic" in ignored,
                # Said back to the visitor when there is no such topic: printable, and not too long.
                "unknown_topic_name": ignored.get("topic", ""),
                "unknown_kind": "kind" in ignored,
                "feed_url": self.feed_url(request),
                "topic_feed_url": self.feed_url(request, topic) if topic else "",
            }
        )
        return context

    def feed_url(self, request=None, topic=None):
        if topic is not None:
            return self.get_full_url(request) + self.reverse_subpage("topic_feed", kwargs={"topic_slug": topic.slug})
        return self.get_full_url(request) + self.reverse_subpage("feed")

    def get_cached_paths(self):
        """What a front cache holds for this index (home/frontend_cache.py purges them when an article
        changes): the listing (its pages and topic filters are query strings of it) and every feed."""
        topic_feeds = [
            self.reverse_subpage("topic_feed", kwargs={"topic_slug": slug})
            for slug in Topic.objects.values_list("slug", flat=True)
        ]
        return ["/", "/" + self.reverse_subpage("feed"), *("/" + path for path in topic_feeds)]

    @path("feed/", name="feed")
    def feed(self, request):
        """RSS 2.0: the latest articles."""
        return ArticleFeed(self)(request)

    @path("feed/<slug:topic_slug>/", name="topic_feed")
    def topic_feed(self, request, topic_slug):
        """RSS 2.0: the latest articles on one topic."""
        return ArticleFeed(self, get_object_or_404(Topic, slug=topic_slug))(request)
