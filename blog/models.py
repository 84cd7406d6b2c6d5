"""The articles: one index per site, and article pages under it.

Authors and the editor's "Discover more" choices are ordered inline rows on the
article (`Orderable` with a `ParentalKey`), so drafts, previews and revisions
keep them. Listings fetch everything their cards show up front (`prefetch_cards`;
`ArticlePage.api_prefetch_related` for API listings), so their number of queries
does not grow with the number of articles.
"""

import re
from datetime import datetime, time

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property, classproperty
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Orderable, PageManager, PageViewRestriction, Site
from wagtail.query import PageQuerySet
from wagtail.search import index

from blog.feeds import ArticleFeed
from blog.forms import ArticlePageForm
from blog.serializers import AuthorsField, FeaturedArticleField, FeedUrlField, RelatedArticlesField
from blog.text import reading_minutes, stream_text
from home.blocks import BaseStreamBlock
from home.models import BasePage, SiteSettings, Topic
from home.pagination import get_page_number
from home.queries import restricted_q
from home.serializers import RenditionField, TopicListField

# The renditions a card's picture uses (templates/blog/components/article_card.html and
# article_feature.html); listings prefetch exactly these. Keep the two in step.
CARD_IMAGE_SPEC = "format-{webp,jpeg} fill-{400x267,800x533,1200x800}"
# The small round photo beside an author's bio on the article page.
AUTHOR_PHOTO_SPEC = "format-{webp,jpeg} fill-{96x96,192x192}"
# The hero image as the API gives it: its own proportions, 1200 pixels wide.
API_IMAGE_SPEC = "width-1200"
# What a topic's slug can be (Topic.slug is a SlugField): anything else is no topic, and is not looked up.
TOPIC_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,80}")


def _renditions_prefetch(lookup, spec):
    """Prefetch the renditions for `spec` of the images at `lookup` (ending in `renditions`).

    They go where Wagtail looks for prefetched renditions. Images joined with
    `select_related` cost nothing more; otherwise they are fetched on the way.
    """
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=Filter.expand_spec(spec))
    return Prefetch(lookup, queryset=renditions, to_attr="prefetched_renditions")


def card_renditions():
    """The renditions of the hero images on article cards."""
    return _renditions_prefetch("hero_image__renditions", CARD_IMAGE_SPEC)


def card_relations():
    """The authors (with their people and photos) and topics an article card shows."""
    return [
        Prefetch("authors", queryset=ArticleAuthor.objects.select_related("person", "person__photo")),
        Prefetch("topics", queryset=Topic.objects.order_by("name")),
    ]


def prefetch_cards(articles):
    """Fetch what the cards of `articles` (a list) show, in three queries however many there are.

    Cheapest when the articles come from a queryset with `.for_cards()` (images joined).
    Only for cards: the renditions prefetched are the cards' own, and an image with
    prefetched renditions looks no further for others.
    """
    articles = [article for article in articles if article is not None]
    prefetch_related_objects(articles, card_renditions(), *card_relations())
    return articles


def _ids(values):
    """Primary keys from model instances or ids, one or many; None gives none."""
    if values is None:
        return []
    if isinstance(values, models.Model | int | str):
        values = [values]
    ids = []
    for value in values:
        if isinstance(value, models.Model):
            ids.append(value.pk)
        elif str(value).isdigit():
            ids.append(int(value))
    return ids


class ArticlePageQuerySet(PageQuerySet):
    def newest_first(self):
        return self.order_by("-date", "-first_published_at", "-pk")

    def on_topics(self, topics):
        """Articles on any of `topics`: a queryset of topics, or a list of topics or their ids."""
        if isinstance(topics, models.Manager):
            topics = topics.all()
        if isinstance(topics, models.QuerySet):
            # A subquery: topics, or the ids of topics (e.g. `.values("topic_id")`).
            topic_ids = topics.values("pk") if topics.model is Topic else topics
        else:
            topic_ids = _ids(topics)
        through = ArticlePage.topics.through.objects.filter(topic__in=topic_ids)
        return self.filter(pk__in=through.values("articlepage_id"))

    def excluding(self, articles):
        ids = _ids(articles)
        return self.exclude(pk__in=ids) if ids else self

    def readable(self):
        """Live articles without a view restriction on them or above them: what anyone may read."""
        return self.live().exclude(restricted_q())

    def for_readers(self, request=None):
        """What anyone may read, of the request's site when there is one."""
        queryset = self.readable()
        site = Site.find_for_request(request) if request is not None else None
        return queryset.in_site(site) if site is not None else queryset

    def for_cards(self):
        """With the hero images joined in, for `prefetch_cards`."""
        return self.select_related("hero_image")


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)


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

    per_page = 12
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
        readable = ArticlePage.objects.readable()
        return [Prefetch("featured_article", queryset=readable, to_attr="readable_featured_article")]

    class Meta:
        verbose_name = "articles index"

    def articles(self):
        """The articles readers of this index may see, newest first.

        Live children without a view restriction of their own: a restriction on the
        index or above it has already been checked before this page is served.
        """
        return (
            ArticlePage.objects.live()
            .child_of(self)
            .exclude(pk__in=PageViewRestriction.objects.values("page_id"))
            .newest_first()
        )

    def get_readable_featured_article(self):
        """The editor's choice of featured article if readers may see it (prefetched in API lists), else None."""
        if "readable_featured_article" in self.__dict__:
            return self.readable_featured_article
        if not self.featured_article_id:
            return None
        return ArticlePage.objects.readable().filter(pk=self.featured_article_id).first()

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

        slug = request.GET.get("topic", "").strip()
        topic = next((t for t in topics if t.slug == slug), None)
        if topic is None and TOPIC_SLUG.fullmatch(slug):
            topic = Topic.objects.filter(slug=slug).first()  # a topic with no articles yet
        unknown_topic = bool(slug) and topic is None

        featured = None
        if topic is not None:
            articles = articles.filter(topics=topic)
        else:
            featured = self.get_featured_article(articles)
            if featured is not None:
                articles = articles.exclude(pk=featured.pk)

        page_obj = get_page_number(request, Paginator(articles.for_cards(), self.per_page))
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
                "unknown_topic": unknown_topic,
                # Said back to the visitor when there is no such topic: printable, and not too long.
                "unknown_topic_name": "".join(ch for ch in slug if ch.isprintable())[:80] if unknown_topic else "",
                "feed_url": self.feed_url(request),
                "topic_feed_url": self.feed_url(request, topic) if topic else "",
            }
        )
        return context

    def feed_url(self, request=None, topic=None):
        if topic is not None:
            return self.get_full_url(request) + self.reverse_subpage("topic_feed", kwargs={"topic_slug": topic.slug})
        return self.get_full_url(request) + self.reverse_subpage("feed")

    @path("feed/", name="feed")
    def feed(self, request):
        """RSS 2.0: the latest articles."""
        return ArticleFeed(self)(request)

    @path("feed/<slug:topic_slug>/", name="topic_feed")
    def topic_feed(self, request, topic_slug):
        """RSS 2.0: the latest articles on one topic."""
        return ArticleFeed(self, get_object_or_404(Topic, slug=topic_slug))(request)


class ArticlePage(BasePage):
    """An article: intro, hero image, body, authors, topics and what to read next."""

    intro = models.TextField(
        max_length=600,
        help_text=(
            "One or two sentences that sum up the article. Shown under the title, on article lists "
            "and in search results."
        ),
    )
    hero_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=(
            "A calm image shown at the top of the article and on article lists, at least 1200 pixels wide. "
            "Its alt text is the description you gave the image in the media library."
        ),
    )
    body = StreamField(
        BaseStreamBlock(),
        help_text="The article itself. Start sections with a heading; keep paragraphs short for reading on a phone.",
    )
    date = models.DateField(
        "publication date",
        null=True,
        blank=True,
        help_text="Shown on the article. Leave empty to use the day it is first published.",
    )
    topics = ParentalManyToManyField(
        "home.Topic",
        blank=True,
        related_name="articles",
        help_text="What the article is about. Readers can list articles by topic.",
    )
    reading_time = models.PositiveSmallIntegerField(
        "reading time in minutes",
        default=1,
        editable=False,
        help_text="Worked out from the text each time the article is saved.",
    )

    parent_page_types = ["blog.ArticleIndexPage"]
    subpage_types = []
    summary_field = "intro"
    image_field = "hero_image"

    objects = ArticlePageManager()
    base_form_class = ArticlePageForm

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        InlinePanel(
            "authors",
            heading="Authors",
            label="Author",
            help_text="Who wrote the article, in the order their names should appear. People are kept under Snippets.",
        ),
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("topics", widget=forms.CheckboxSelectMultiple)],
            heading="Date and topics",
        ),
    ]
    # What readers see after the article and how it is shared: the "Promotion" tab (home.models.BasePage).
    promote_panels = [
        InlinePanel(
            "related_article_links",
            heading="Discover more",
            label="Suggested article",
            max_num=3,
            help_text=(
                "Up to three articles to suggest at the end. Leave empty and readers are shown the newest "
                "articles on the same topics."
            ),
        ),
        *BasePage.promote_panels,
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.RelatedFields("authors", [index.RelatedFields("person", [index.SearchField("name")])]),
        index.FilterField("date"),
    ]

    api_fields = [
        APIField("intro"),
        APIField("hero_image", serializer=RenditionField(API_IMAGE_SPEC)),
        APIField("body"),
        APIField("authors", serializer=AuthorsField()),
        APIField("topics", serializer=TopicListField()),
        APIField("date"),
        APIField("reading_time"),
        APIField("related_articles", serializer=RelatedArticlesField(source="*")),
    ]

    class Meta:
        verbose_name = "article"

    # What api_fields read, fetched with the pages (config/api.py), so a listing costs the
    # same number of queries however many articles it holds.
    api_select_related = ["hero_image"]

    @classproperty
    def api_prefetch_related(cls):
        return [
            _renditions_prefetch("hero_image__renditions", API_IMAGE_SPEC),
            Prefetch("authors", queryset=ArticleAuthor.objects.select_related("person")),
            Prefetch("topics", queryset=Topic.objects.order_by("name")),
            Prefetch(
                "related_article_links",
                queryset=RelatedArticle.objects.filter(article__in=ArticlePage.objects.readable())
                .select_related("article")
                .order_by("sort_order"),
            ),
        ]

    # Saving ------------------------------------------------------------------

    def update_reading_time(self):
        self.reading_time = reading_minutes(self.intro, stream_text(self.body))

    def clean(self):
        super().clean()
        # Also runs before a preview, so the preview shows the right reading time.
        self.update_reading_time()

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "body" in update_fields:
            self.update_reading_time()
        if self.date is None and self.live:
            # Published now for the first time (or the date was cleared): the day it went live.
            self.date = timezone.localdate(self.first_published_at or timezone.now())
        return super().save(*args, **kwargs)

    # Reading -----------------------------------------------------------------

    @property
    def display_date(self):
        """The publication date, or today's date in a preview of an article not yet published."""
        return self.date or timezone.localdate(self.first_published_at or timezone.now())

    @property
    def published_at(self):
        """When the article was published, as a moment: for feeds."""
        first = self.first_published_at
        if first is not None and timezone.localdate(first) == self.display_date:
            return first
        return timezone.make_aware(datetime.combine(self.display_date, time(9)))

    @cached_property
    def author_list(self):
        """The article's authors in order, with their people (in a preview, as edited)."""
        return [author for author in self.authors.all() if author.person_id]

    @cached_property
    def topic_list(self):
        return list(self.topics.all())

    def get_related_articles(self):
        """The editor's choices that readers may see, in the editor's order (in a preview, as edited)."""
        links = self.related_article_links
        if "related_article_links" in getattr(self, "_prefetched_objects_cache", {}):
            # Prefetched for the API (api_prefetch_related), already limited to what readers may see.
            return [link.article for link in links.all() if link.article_id != self.pk]
        readable = ArticlePage.objects.readable().for_cards().exclude(pk=self.pk)
        if links.is_deferring:
            # A preview: the rows as the editor left them, not yet saved.
            ids = [link.article_id for link in links.all() if link.article_id]
            found = readable.in_bulk(ids) if ids else {}
            return [found[pk] for pk in ids if pk in found]
        return list(readable.filter(suggested_in__page=self).order_by("suggested_in__sort_order"))

    def get_discover_more(self, request=None, count=3):
        """The articles under "Discover more".

        The editor's choices, else the newest on the same topics, else the newest of all.
        """
        articles = self.get_related_articles()[:count]
        if not articles:
            readable = ArticlePage.objects.for_readers(request).for_cards().excluding(self).newest_first()
            if getattr(request, "is_preview", False):
                topics = [topic.pk for topic in self.topic_list]  # as edited
            else:
                topics = ArticlePage.topics.through.objects.filter(articlepage=self).values("topic_id")
            articles = list(readable.on_topics(topics)[:count]) or list(readable[:count])
        return articles

    @cached_property
    def index_page(self):
        parent = self.get_parent()
        return parent.specific if parent else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        discover_more = self.get_discover_more(request)
        prefetch_related_objects(discover_more, card_renditions())
        if getattr(request, "is_preview", False):
            # The authors and topics as edited are in memory; fetching would read the saved ones.
            prefetch_related_objects(discover_more, *card_relations())
        else:
            # The article's own authors and topics come in the same queries as the cards'.
            prefetch_related_objects([self, *discover_more], *card_relations())
            photos = _renditions_prefetch("authors__person__photo__renditions", AUTHOR_PHOTO_SPEC)
            prefetch_related_objects([self], photos)
        index_page = self.index_page
        context.update(
            {
                "og_type": "article",
                "index_page": index_page,
                "index_url": index_page.get_url(request) if index_page else "",
                "authors": self.author_list,
                "topics": self.topic_list,
                "discover_more": discover_more,
                "feed_url": index_page.feed_url(request) if isinstance(index_page, ArticleIndexPage) else "",
            }
        )
        return context

    def get_json_ld(self, request=None):
        """schema.org `Article`: headline, dates, authors, image and the practice as publisher."""
        url = self.get_full_url(request)
        _, root_url, _ = self.get_url_parts(request) or (None, url, None)
        practice = SiteSettings.load(request_or_site=request)
        publisher = practice.get_json_ld(root_url.rstrip("/") + "/")
        publisher.pop("@context", None)
        authors = [
            {
                "@type": "Person",
                "name": author.person.name,
                **({"jobTitle": author.person.role} if author.person.role else {}),
                **({"honorificSuffix": author.person.credentials} if author.person.credentials else {}),
            }
            for author in self.author_list
        ]
        data = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.title[:110],
            "description": self.get_meta_description(),
            "url": url,
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "datePublished": timezone.localtime(self.published_at).isoformat(),
            "dateModified": timezone.localtime(
                max(self.last_published_at or self.published_at, self.published_at)
            ).isoformat(),
            "author": authors or [{"@type": "Organization", "name": practice.practice_name, "url": publisher["url"]}],
            "publisher": publisher,
            "timeRequired": f"PT{self.reading_time}M",
            "inLanguage": "en-US",
        }
        topics = [topic.name for topic in self.topic_list]
        if topics:
            data["keywords"] = topics
        image = self.get_social_image()
        if image is not None:
            rendition = image.get_rendition("fill-1200x630")
            data["image"] = [rendition.full_url]
        return data


class ArticleAuthor(Orderable):
    """One author of an article: a person from the People snippets."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey(
        "home.Person",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Choose someone from People. Their short bio is shown at the end of the article.",
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = "author"
        constraints = [models.UniqueConstraint(fields=["page", "person"], name="blog_author_once_per_article")]

    def __str__(self):
        return str(self.person)


class RelatedArticle(Orderable):
    """An article the editor suggests at the end of another, under "Discover more"."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_article_links")
    article = models.ForeignKey(
        ArticlePage,
        on_delete=models.CASCADE,
        related_name="suggested_in",
        help_text="An article readers of this one may like next.",
    )

    panels = [PageChooserPanel("article", "blog.ArticlePage")]

    class Meta(Orderable.Meta):
        verbose_name = "suggested article"
        constraints = [models.UniqueConstraint(fields=["page", "article"], name="blog_suggestion_once_per_article")]

    def __str__(self):
        return str(self.article)

    def clean(self):
        super().clean()
        if self.article_id and self.page_id and self.article_id == self.page_id:
            raise ValidationError({"article": "An article cannot suggest itself. Choose another article."})
