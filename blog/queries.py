"""How articles are fetched: the article queryset and what a card needs, prefetched up front.

Listings (the articles index, the blog template tags, "Discover more") fetch what
their cards show with `prefetch_cards`, so their number of queries does not grow
with the number of articles. The page models (blog/models/) use these helpers;
nothing here imports them, so this module can be imported first.
"""

from django.apps import apps
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from wagtail.models import PageManager

from home.models import Topic
from home.queries import ReadablePageQuerySet, renditions_prefetch

# The renditions a card's picture uses (templates/blog/components/article_card.html and
# article_feature.html); listings prefetch exactly these. Keep the two in step.
CARD_IMAGE_SPEC = "format-{webp,jpeg} fill-{400x267,800x533,1200x800}"


def card_renditions():
    """The renditions of the hero images on article cards."""
    return renditions_prefetch("hero_image__renditions", CARD_IMAGE_SPEC)


def card_relations():
    """The authors (with their people and photos) and topics an article card shows."""
    # Looked up by name: blog/models/ imports this module.
    author_model = apps.get_model("blog", "ArticleAuthor")
    return [
        Prefetch("authors", queryset=author_model.objects.select_related("person", "person__photo")),
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


def ids_of(values):
    """Primary keys from model instances or ids, one or many (a manager or queryset too); None gives none."""
    if values is None:
        return []
    if isinstance(values, models.Manager):
        values = values.all()
    if isinstance(values, models.Model | int | str):
        values = [values]
    ids = []
    for value in values:
        if isinstance(value, models.Model):
            ids.append(value.pk)
        elif str(value).isdigit():
            ids.append(int(value))
    return ids


class ArticlePageQuerySet(ReadablePageQuerySet):
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
            topic_ids = ids_of(topics)
        through = self.model.topics.through.objects.filter(topic__in=topic_ids)
        return self.filter(pk__in=through.values("articlepage_id"))

    def excluding(self, articles):
        ids = ids_of(articles)
        return self.exclude(pk__in=ids) if ids else self

    def for_cards(self):
        """With the hero images joined in, for `prefetch_cards`."""
        return self.select_related("hero_image")


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)
