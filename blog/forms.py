"""The articles' forms: the index's filter (the core's index-filter base), the article's admin form
and the story consent's."""

import re

from django import forms
from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from blog.choices import ArticleKind, ContentNote
from blog.models.consent import stories_as_drafted
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
    """`?topic=<slug>` and `?kind=story` on the articles index; the links on the page are this form's choices.

    "Members' stories" is this filter (`?kind=story`) rather than a page or route of its own: it
    combines with a topic, pages and the "we left out" note like every other listing.
    """

    topic = TopicSlugField(label="topic")
    kind = forms.ChoiceField(label="kind", choices=ArticleKind.choices, required=False)

    lookups = {"topic": "topics"}

    def __init__(self, data, *, topics):
        super().__init__(data)
        self.fields["topic"].known = {topic.slug: topic for topic in topics}


def adopt_saved_rows(formset, field_name):
    """Give each new row the id of the saved row it repeats, so saving updates that row.

    A draft's rows are saved with it on every save, autosave included, but the browser's
    form keeps them as new rows (no id) until the page is reloaded. Saved rows that the form
    does not show are kept (modelcluster), so pressing Publish right after an autosave used
    to insert the same (article, person) a second time: an IntegrityError. A new row whose
    person (or article) a saved row already has, that no other row of the form claims, is
    that saved row.
    """
    if formset is None or not formset.instance.pk:
        return
    attname = formset.model._meta.get_field(field_name).attname
    forms = [form for form in formset.forms if form.is_valid() and not formset._should_delete_form(form)]
    claimed = {form.instance.pk for form in forms if form.instance.pk is not None}
    saved = dict(formset.model.objects.filter(**{formset.fk.name: formset.instance.pk}).values_list(attname, "pk"))
    for form in forms:
        if form.instance.pk is None and form.has_changed():
            pk = saved.get(getattr(form.instance, attname))
            if pk is not None and pk not in claimed:
                form.instance.pk = pk
                claimed.add(pk)


class ArticlePageForm(WagtailAdminPageForm):
    # Stored as a list (a JSONField); edited as ticks.
    content_notes = forms.MultipleChoiceField(
        label="Content note",
        choices=ContentNote.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=(
            "Tick what the text mentions that some readers may want to know before they read. Readers see a "
            "note and crisis numbers above the text, and can skip to it."
        ),
    )

    # Child rows that name something once per article (a unique constraint on page and field).
    ONCE_PER_ARTICLE = {"authors": "person", "related_article_links": "article"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "kind" in self.fields:
            # An article unless the editor chooses otherwise (a form posted without the field too).
            self.fields["kind"].required = False

    def clean_kind(self):
        return self.cleaned_data.get("kind") or ArticleKind.ARTICLE

    def save(self, commit=True):
        for relation, field_name in self.ONCE_PER_ARTICLE.items():
            adopt_saved_rows(self.formsets.get(relation), field_name)
        return super().save(commit=commit)

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


class StoryConsentForm(WagtailAdminModelForm):
    """A consent record in the admin: for a story that has none yet; who records it is remembered.

    The story is chosen once: a record stays with its story (withdrawn, not moved).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        story = self.fields.get("story")
        if story is None:
            return
        if self.instance.pk:
            story.disabled = True
        else:
            story.queryset = stories_as_drafted(story.queryset.filter(consent__isnull=True)).order_by("title")

    def save(self, commit=True):
        if self.instance.pk is None and self.for_user is not None and self.for_user.is_authenticated:
            self.instance.recorded_by = self.for_user
        return super().save(commit=commit)
