"""Factories for the articles. Every value is lazy (factory.Faker), never fixed at import.

    index = ArticleIndexPageFactory(parent=home)
    ArticlePageFactory(parent=index, topics=[anxiety], people=[jordan, priya], with_image=True)

`people` become the article's authors, in order (one new person when not given).

    story = StoryFactory(parent=index)              # a member's story, a draft: it needs consent first
    StoryConsentFactory(story=story)                # then `story.save_revision().publish()` works
"""

import factory
import wagtail_factories

from blog.choices import ArticleKind, NameShown
from blog.models import ArticleAuthor, ArticleIndexPage, ArticlePage, RelatedArticle, StoryConsent
from home.factories import ImageFactory, PersonFactory


class ArticleIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=2)
    slug = factory.Sequence(lambda n: f"articles-{n}")
    intro = factory.Faker("paragraph", nb_sentences=2)
    show_in_menus = True

    class Meta:
        model = ArticleIndexPage


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=6)
    slug = factory.Sequence(lambda n: f"article-{n}")
    intro = factory.Faker("paragraph", nb_sentences=2)
    date = factory.Faker("date_between", start_date="-2y", end_date="-1d")
    body = factory.LazyAttribute(
        lambda o: [
            {"type": "heading", "value": {"text": o.heading_text, "size": "h2"}},
            {"type": "paragraph", "value": f"<p>{o.paragraph_text}</p><ul><li>{o.list_item}</li></ul>"},
        ]
    )
    topics = factory.LazyFunction(list)
    authors = factory.LazyAttribute(
        lambda o: [ArticleAuthor(person=person, sort_order=i) for i, person in enumerate(o.people)]
    )

    class Params:
        heading_text = factory.Faker("sentence", nb_words=4)
        paragraph_text = factory.Faker("paragraph", nb_sentences=6)
        list_item = factory.Faker("sentence")
        people = factory.List([factory.SubFactory(PersonFactory)])
        with_image = factory.Trait(hero_image=factory.SubFactory(ImageFactory))

    class Meta:
        model = ArticlePage


class RelatedArticleFactory(factory.django.DjangoModelFactory):
    """A suggestion under "Discover more", saved at once: `RelatedArticleFactory(page=a, article=b)`."""

    sort_order = factory.Sequence(int)

    class Meta:
        model = RelatedArticle


class StoryFactory(ArticlePageFactory):
    """A member's story, saved as a draft: a story is published only once it has consent."""

    slug = factory.Sequence(lambda n: f"story-{n}")
    kind = ArticleKind.STORY
    live = False
    content_notes = factory.LazyFunction(list)


class StoryConsentFactory(factory.django.DjangoModelFactory):
    """A consent in force for `story`, saved at once."""

    given_by = factory.Faker("name")
    agreed_on = factory.Faker("date_between", start_date="-1y", end_date="-1d")
    name_shown = NameShown.CHANGED
    may_quote = False
    how_given = "Signed consent form, kept in the office file"

    class Meta:
        model = StoryConsent
