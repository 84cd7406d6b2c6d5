"""Snippets that articles, groups and community pages share."""

from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.search import index

from home.models.mixins import SlugFromNameMixin


class Person(index.Indexed, models.Model):
    """Someone on the practice's team: an article's author or a group's facilitator."""

    name = models.CharField(max_length=120, help_text="Full name as it should appear on the site.")
    role = models.CharField(
        max_length=120,
        blank=True,
        help_text="What they do here, for example 'Licensed clinical social worker' or 'Peer facilitator'.",
    )
    credentials = models.CharField(
        max_length=120,
        blank=True,
        help_text="Letters after their name, for example 'LCSW' or 'LPC, NCC'. Leave empty for peer facilitators.",
    )
    short_bio = models.TextField(
        max_length=600,
        blank=True,
        help_text="Two or three sentences about them, in plain words. Shown under articles and on group pages.",
    )
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A friendly head-and-shoulders photo. Optional.",
    )

    panels = [
        FieldPanel("name"),
        MultiFieldPanel([FieldPanel("role"), FieldPanel("credentials")], heading="What they do"),
        FieldPanel("short_bio"),
        FieldPanel("photo"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
    ]

    api_fields = [APIField("name"), APIField("role"), APIField("credentials"), APIField("short_bio")]

    class Meta:
        ordering = ["name"]
        verbose_name = "person"
        verbose_name_plural = "people"

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        """The name with credentials, as it reads under an article: 'Ana Ruiz, LCSW'."""
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


class Topic(SlugFromNameMixin, index.Indexed, models.Model):
    """What an article, a group or a community page is about: depression, grief, …"""

    name = models.CharField(max_length=80, unique=True, help_text="For example 'Anxiety' or 'Grief and loss'.")
    slug = models.SlugField(
        max_length=80,
        unique=True,
        blank=True,
        help_text="Used in web addresses such as /articles/?topic=anxiety. Filled in from the name if left empty.",
    )
    description = models.TextField(
        max_length=400,
        blank=True,
        help_text="One or two sentences shown on topic listings.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    api_fields = [APIField("name"), APIField("slug"), APIField("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = "topic"
        verbose_name_plural = "topics"

    def __str__(self):
        return self.name
