"""The home page and standard pages (About, Get help now, Privacy, …)."""

from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.serializers import PageLinkField, RenditionField

from .mixins import BasePage, IntroBodyMixin
from .settings import SiteSettings

__all__ = ["HomePage", "StandardPage"]


class HomePage(BasePage):
    """The front door: who we are, the one next step, and what is coming up.

    Articles, upcoming groups and community highlights are shown by the apps
    that own them, through their template tags; each shows nothing when empty.
    Page types below the home page say so themselves (`parent_page_types`).
    """

    hero_heading = models.CharField(
        max_length=120,
        default="You don't have to carry it alone",
        help_text="The large heading at the top of the home page.",
    )
    hero_text = models.TextField(
        max_length=400,
        blank=True,
        help_text="One or two sentences under the heading: who we are and who we are for.",
    )
    hero_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A calm, wide image (at least 1600 pixels wide).",
    )
    cta_label = models.CharField(
        "button label",
        max_length=60,
        default="Take the first step",
        help_text="The one button in the hero. Say what happens when it is pressed.",
    )
    cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="button goes to",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Usually the support group finder or the contact page.",
    )
    intro = models.TextField(
        max_length=800,
        blank=True,
        help_text="A short welcome shown under the hero.",
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        help_text="Anything else the home page should say, below the latest articles and groups.",
    )

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    summary_field = "hero_text"
    image_field = "hero_image"
    search_kind = "Home page"
    search_lists_pages = True

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("cta_label"),
                PageChooserPanel("cta_page"),
            ],
            heading="Top of the page",
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    search_fields = [*BasePage.search_fields, index.SearchField("hero_text"), index.SearchField("intro")]

    api_fields = [
        APIField("hero_heading"),
        APIField("hero_text"),
        APIField("hero_image", serializer=RenditionField("fill-1600x700")),
        APIField("cta_label"),
        APIField("cta_page", serializer=PageLinkField()),
        APIField("intro"),
        APIField("body"),
    ]

    # What api_fields read, fetched with the page (home/api/endpoints.py).
    api_select_related = ["hero_image", "cta_page"]
    api_prefetch_related = ["hero_image__renditions"]

    class Meta:
        verbose_name = "home page"

    def get_json_ld(self, request=None):
        return SiteSettings.load(request_or_site=request).get_json_ld(self.get_full_url(request))


class StandardPage(IntroBodyMixin, BasePage):
    """A plain page of text and images: About, Get help now, Privacy, …"""

    body_help_text = "The page itself: headings, text, pictures and quotes. Start sections with a heading."

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    content_panels = [*BasePage.content_panels, *IntroBodyMixin.intro_body_panels]

    search_fields = [*BasePage.search_fields, *IntroBodyMixin.intro_search_fields, index.SearchField("body")]

    api_fields = [*IntroBodyMixin.intro_body_api_fields]

    class Meta:
        verbose_name = "standard page"
