"""The article page: intro, hero image, body, authors, topics and what to read next.

Its inline rows are in blog/models/inlines.py, the queries its listings use in
blog/queries.py and its structured data in blog/jsonld.py.
"""

import logging
from datetime import datetime, time

from django import forms
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from django.utils.functional import cached_property, classproperty
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.log_actions import log
from wagtail.search import index

from blog.choices import ArticleKind, ContentNote
from blog.forms import ArticlePageForm
from blog.jsonld import article_json_ld
from blog.models.consent import SCHEDULE_CANCELLED_ACTION, ConsentRequired, StoryConsent, require_consent
from blog.models.index import ArticleIndexPage
from blog.models.inlines import ArticleAuthor, RelatedArticle
from blog.panels import StoryConsentPanel
from blog.queries import ArticlePageManager, card_relations, card_renditions, renditions_prefetch
from blog.serializers import AuthorsField, ContentNotesField, PublicNoteField, RelatedArticlesField
from blog.text import reading_minutes, stream_text
from home.blocks import BaseStreamBlock
from home.content_version import for_request, remember
from home.models import BasePage, Topic
from home.serializers import RenditionField, TopicListField

# The small round photo beside an author's bio on the article page.
AUTHOR_PHOTO_SPEC = "format-{webp,jpeg} fill-{96x96,192x192}"
# The hero image as the API gives it: its own proportions, 1200 pixels wide.
API_IMAGE_SPEC = "width-1200"

logger = logging.getLogger(__name__)


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
    kind = models.CharField(
        max_length=20,
        choices=ArticleKind.choices,
        default=ArticleKind.ARTICLE,
        help_text=(
            "Choose “Member's story” for a member's own account of getting through a hard time. A story is "
            "published only with their consent, which a moderator records (see the note below)."
        ),
    )
    content_notes = models.JSONField(
        "content note",
        default=list,
        blank=True,
        help_text=(
            "Tick what the text mentions that some readers may want to know before they read. Readers see "
            "a note and crisis numbers above the text, and can skip to it."
        ),
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
    search_kind = "Article"
    search_result_template = "blog/components/article_search_meta.html"

    objects = ArticlePageManager()
    base_form_class = ArticlePageForm

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [StoryConsentPanel(), FieldPanel("kind"), FieldPanel("content_notes")],
            heading="Kind and content note",
        ),
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
        APIField("kind"),
        APIField("content_notes", serializer=ContentNotesField()),
        APIField("public_note", serializer=PublicNoteField(source="*")),
        APIField("related_articles", serializer=RelatedArticlesField(source="*")),
    ]

    class Meta:
        verbose_name = "article"

    # What api_fields read, fetched with the pages (home/api/endpoints.py), so a listing costs the
    # same number of queries however many articles it holds.
    # The consent record is joined only for its public fact (PublicNoteField); nothing else of it is read.
    api_select_related = ["hero_image", "consent"]

    @classproperty
    def api_prefetch_related(cls):
        return [
            renditions_prefetch("hero_image__renditions", API_IMAGE_SPEC),
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
        known = ContentNote.values
        unknown = [note for note in self.content_notes or [] if note not in known]
        if unknown or not isinstance(self.content_notes, list):
            raise ValidationError({"content_notes": "Choose content notes from the list."})
        # One of each, in the order readers read them.
        self.content_notes = [note for note in known if note in self.content_notes]
        if self.pk and not self.is_story and StoryConsent.objects.filter(story_id=self.pk).exists():
            # Else a draft of kind "article", approved, would keep the member's story live past its consent.
            raise ValidationError(
                {
                    "kind": "This is a member's story with a consent record: it stays a story. To make it an "
                    "article, a moderator deletes the consent record first (which unpublishes the story)."
                }
            )

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if self.live and self.is_story and self.pk is None:
            # A new story: Wagtail's create view adds a page live before publishing its revision, but a
            # story cannot have consent before it exists. It starts as a draft; publish() then refuses.
            self.live = False
        elif self.live and (update_fields is None or {"live", "kind"} & set(update_fields)):
            # A story saved live by code, past publish(): the model's own last check.
            require_consent(self)
        if update_fields is None or "body" in update_fields:
            self.update_reading_time()
        if self.date is None and self.live:
            # Published now for the first time (or the date was cleared): the day it went live.
            self.date = timezone.localdate(self.first_published_at or timezone.now())
        return super().save(*args, **kwargs)

    def publish(self, revision, user=None, changed=True, log_action=True, previous_revision=None, **kwargs):
        """Publish `revision` (Wagtail's one way in: the admin, workflow approval, bulk actions, scheduling),
        if it is not a story without consent in force. That raises `ConsentRequired`, which the admin shows
        as a message. Run by `publish_scheduled`, the schedule is cancelled instead, so the command goes on
        to the other pages due: the story stays unpublished and the log says why."""
        edited = revision.as_object()
        if edited.is_story:
            try:
                require_consent(edited)
            except ConsentRequired:
                if log_action != "wagtail.publish.scheduled":
                    raise
                type(revision).objects.filter(pk=revision.pk).update(approved_go_live_at=None)
                log(instance=self, action=SCHEDULE_CANCELLED_ACTION, revision=revision)
                logger.warning("Scheduled story %s not published: no consent in force; schedule cancelled", self.pk)
                return None
        return super().publish(
            revision, user=user, changed=changed, log_action=log_action, previous_revision=previous_revision, **kwargs
        )

    # Reading -----------------------------------------------------------------

    @property
    def is_story(self):
        return self.kind == ArticleKind.STORY

    @property
    def kind_label(self):
        """What readers call it: "story" or "article"."""
        return "story" if self.is_story else "article"

    @property
    def content_note_labels(self):
        """The content notes in words, in order: ["suicide", "self-harm"]."""
        labels = dict(ContentNote.choices)
        return [labels[note].lower() for note in self.content_notes or [] if note in labels]

    @property
    def content_note_text(self):
        """ "This story mentions suicide and self-harm." or "" when there is no note."""
        labels = self.content_note_labels
        if not labels:
            return ""
        listed = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]
        return f"This {self.kind_label} mentions {listed}."

    @cached_property
    def public_note(self):
        """For a published story, what readers are told about the writer's name (from the consent record)."""
        if not self.is_story or not self.pk:
            return ""
        try:
            consent = self.consent
        except ObjectDoesNotExist:
            return ""
        return consent.public_note if consent.in_force else ""

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

    def cached_discover_more(self, request):
        """`get_discover_more`, which articles kept until any content changes (never in a preview):
        then one query for their cards rather than one for the editor's choices and more for the
        topics' articles."""
        if getattr(request, "is_preview", False):
            return self.get_discover_more(request)
        ids = remember(
            "discover-more",
            lambda: [article.pk for article in self.get_discover_more(request)],
            self.pk,
            *for_request(request),
        )
        found = ArticlePage.objects.for_cards().in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        discover_more = self.cached_discover_more(request)
        prefetch_related_objects(discover_more, card_renditions())
        if getattr(request, "is_preview", False):
            # The authors and topics as edited are in memory; fetching would read the saved ones.
            prefetch_related_objects(discover_more, *card_relations())
        else:
            # The article's own authors and topics come in the same queries as the cards'.
            prefetch_related_objects([self, *discover_more], *card_relations())
            photos = renditions_prefetch("authors__person__photo__renditions", AUTHOR_PHOTO_SPEC)
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
        return article_json_ld(self, request)
