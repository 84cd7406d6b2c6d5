"""Mixins that bring their own fields and panels to the site's page types."""

from django.conf import settings
from django.db import models
from django.db.models.signals import class_prepared
from django.dispatch import receiver
from django.utils.functional import classproperty
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.search import index
from wagtail.search.tasks import insert_or_update_object_task

from home.blocks import BaseStreamBlock
from home.content_version import remember
from home.queries import ReadablePageQuerySet


class SlugFromNameMixin:
    """For snippets staff name (topics, areas): a slug left empty is made from the name on save."""

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[: self._meta.get_field("slug").max_length]
        super().save(*args, **kwargs)


class SocialMixin(models.Model):
    """What a page looks like when shared: an image and a line of text."""

    social_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when the page is shared on social media or in messages. The page's main image if left empty.",
    )
    social_text = models.CharField(
        max_length=200,
        blank=True,
        help_text="One sentence shown under the title when shared. The search description if left empty.",
    )

    social_panels = [
        MultiFieldPanel([FieldPanel("social_image"), FieldPanel("social_text")], heading="Sharing on social media")
    ]

    class Meta:
        abstract = True


class BasePage(SocialMixin, Page):
    """The base of every page type on the site: SEO and sharing fields, and their fallbacks."""

    # The field a page's description falls back to when its search description is empty.
    summary_field = None
    # What schema.org calls a page of this type in its JSON-LD (`get_json_ld`): an index is a CollectionPage.
    json_ld_type = "WebPage"
    # The image a page is shared with when it has no social image.
    image_field = None

    # What the site's search calls a page of this type, beside its title ("Article", "Support group").
    search_kind = "Page"
    # A page that lists other pages (an index, a finder): search shows it after the pages themselves,
    # which answer a visitor's words better than the list they are in.
    search_lists_pages = False
    # A template with what else a result of this type shows (an article's date, a group's next
    # meeting), given `page`; and what it reads, fetched for a whole page of results at once.
    search_result_template = None
    search_prefetch_related = ()

    # Every page type's queryset has readable(): live pages anyone may read (home/queries.py).
    objects = PageManager.from_queryset(ReadablePageQuerySet)()

    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("show_in_menus"),
            ],
            heading="Search engines and menus",
            help_text=(
                "How the page appears in Google and in the site's menus. "
                "The page's own title and summary are used when these are left empty."
            ),
        ),
        *SocialMixin.social_panels,
    ]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        if kwargs.get("update_fields") is None and self._indexes_related_fields():
            # Wagtail indexes a page for search on Django's post_save, reading it back from the
            # database; modelcluster writes the page's inline rows and many-to-many fields (topics,
            # authors) only after that. Without this the index held the topics of the save before.
            insert_or_update_object_task.enqueue(self._meta.app_label, self._meta.model_name, str(self.pk))
        return result

    def get_view_restrictions(self):
        """The view restrictions on this page and above it (Wagtail checks them before serving a page).

        Wagtail asks the database twice on every page served; which pages carry a restriction is
        kept in the cache until any content changes (home/content_version.py), so a page with
        none above it costs no query. A restriction saved or deleted changes the content
        generation at once, so a newly restricted page is never served from an old list.
        """
        restricted_paths = remember(
            "restricted-paths", lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True))
        )
        if self.alias_of_id is None and not any(self.path.startswith(path) for path in restricted_paths):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    # The pages above this one, from the site's root down, when home/routing.py found them on the way.
    route_ancestors = None

    def breadcrumb_pages(self):
        """The pages above this one, from the site's home page down: its breadcrumbs."""
        if self.route_ancestors is not None:
            return self.route_ancestors
        return list(self.get_ancestors().filter(depth__gt=1))

    @classmethod
    def _indexes_related_fields(cls):
        return getattr(cls, "search_auto_update", True) and any(
            isinstance(field, index.RelatedFields) for field in cls.get_search_fields()
        )

    @classproperty
    def edit_handler(cls):
        """The editor's tabs, named as staff talk about them: Content, Promotion, Settings.

        Built from each page type's own `content_panels`, `promote_panels` and
        `settings_panels`, as Wagtail's default is; a page type that needs more tabs
        (support groups) declares its own `edit_handler`. Wagtail builds it once per type.
        """
        tabs = [
            ObjectList(cls.content_panels, heading="Content"),
            ObjectList(cls.promote_panels, heading="Promotion"),
            ObjectList(cls.settings_panels, heading="Settings"),
        ]
        return TabbedInterface([tab for tab in tabs if tab.children])

    def get_meta_title(self):
        return self.seo_title or self.title

    def get_meta_description(self):
        if self.search_description:
            return self.search_description
        summary = getattr(self, self.summary_field, "") if self.summary_field else ""
        return str(summary)[:300]

    def get_social_image(self):
        return self.social_image or (getattr(self, self.image_field, None) if self.image_field else None)

    def get_social_text(self):
        return self.social_text or self.get_meta_description()

    def get_json_ld(self, request=None):
        """The page as schema.org structured data (base.html's `json_ld` tag); page types say more."""
        return self.web_page_json_ld(request, self.json_ld_type)

    def web_page_json_ld(self, request=None, schema_type="WebPage"):
        """What schema.org says of any page of the site; page types add to it in `get_json_ld`."""
        from .settings import SiteSettings

        practice = SiteSettings.load(request_or_site=request)
        data = {
            "@context": "https://schema.org",
            "@type": schema_type,
            "name": self.get_meta_title(),
            "url": self.get_full_url(request),
            "inLanguage": "en-US",
            "publisher": {"@type": "MedicalBusiness", "name": practice.practice_name},
        }
        description = self.get_meta_description()
        if description:  # never an empty one: search engines read "" as a description that says nothing
            data["description"] = description
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        return data


class IntroBodyMixin(models.Model):
    """An intro and a body of the shared blocks: the standard page and the indexes that list other pages.

    The fields are declared once, here; each page type words their help for its own
    editors (`intro_help_text`, `body_help_text`), since "the list of groups" and
    "the page itself" are not the same thing to say. The words reach the page
    type's own copy of each field when Django prepares the class, so the admin, the
    migrations and the API's field descriptions read exactly as the page type says.
    """

    intro = models.TextField(max_length=600, blank=True)
    body = StreamField(BaseStreamBlock(), blank=True)

    intro_help_text = "One or two sentences at the top of the page, also used in search results."
    body_help_text = "Anything else to say, shown below the list. Optional."

    summary_field = "intro"
    intro_body_panels = [FieldPanel("intro"), FieldPanel("body")]
    intro_body_api_fields = [APIField("intro"), APIField("body")]
    intro_search_fields = [index.SearchField("intro")]

    class Meta:
        abstract = True


@receiver(class_prepared)
def word_intro_and_body(sender, **kwargs):
    """Each page type's help text on its own copies of `intro` and `body` (Django copies an abstract model's fields)."""
    if issubclass(sender, IntroBodyMixin):
        sender._meta.get_field("intro").help_text = sender.intro_help_text
        sender._meta.get_field("body").help_text = sender.body_help_text
