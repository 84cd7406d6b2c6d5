"""The articles' forms: the index's topic filter (the core's index-filter base) and the article's admin form."""

import re

from django import forms
from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminPageForm

from home.filters import IndexFilterForm
from home.models import Topic

# What a topic's slug can be (Topic.slug is a SlugField): anything else is no topic, and is not looked up.
TOPIC_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,80}")


class TopicSlugField(forms.Field):
    """A topic by its slug: one of the index's topics, else any topic there is (one with no articles yet)."""

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)
        self.known = {}

    def to_python(self, value):
        slug = (value or "").strip()
        if not slug:
            return None
        topic = self.known.get(slug)
        if topic is None and TOPIC_SLUG.fullmatch(slug):
            topic = Topic.objects.filter(slug=slug).first()
        if topic is None:
            raise ValidationError("There is no such topic.", code="invalid_choice")
        return topic


class ArticleFilterForm(IndexFilterForm):
    """`?topic=<slug>` on the articles index; the topic links on the page are this form's choices."""

    topic = TopicSlugField(label="topic")

    lookups = {"topic": "topics"}

    def __init__(self, data, *, topics):
        super().__init__(data)
        self.fields["topic"].known = {topic.slug: topic for topic in topics}


class ArticlePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        suggestions = self.formsets.get("related_article_links")
        if suggestions is not None and self.instance.pk:
            for form in suggestions.forms:
                if not form.is_valid() or form.cleaned_data.get("DELETE"):
                    continue
                article = form.cleaned_data.get("article")
                if article is not None and article.pk == self.instance.pk:
                    form.add_error("article", "An article cannot suggest itself. Choose another article.")
        return cleaned_data
