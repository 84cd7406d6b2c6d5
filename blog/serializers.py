"""What the APIs give for an article's authors, suggested articles and content notes.

API v2 uses these fields as they are; API v3 types its schema from the return
annotation of each `to_representation`, so the OpenAPI document describes the
same shapes (typing_extensions' TypedDict, as Wagtail's own image field uses,
because pydantic needs it before Python 3.12). Images, topics and links to
pages use the shapes every page type shares (home/serializers.py).
"""

from typing_extensions import TypedDict

from blog.choices import ContentNote
from home.serializers import PageLinkData, ReadOnlyField


class ArticleAuthorData(TypedDict):
    id: int
    name: str
    role: str
    credentials: str
    bio: str


class AuthorsField(ReadOnlyField):
    """The article's authors in order, each with what readers see under the article."""

    def to_representation(self, authors) -> list[ArticleAuthorData]:
        rows = authors.all()
        if getattr(rows, "_result_cache", None) is None:  # not prefetched: fetch the people in the same query
            rows = rows.select_related("person")
        return [
            ArticleAuthorData(
                id=row.person.pk,
                name=row.person.name,
                role=row.person.role,
                credentials=row.person.credentials,
                bio=row.person.short_bio,
            )
            for row in rows
        ]


class RelatedArticlesField(ReadOnlyField):
    """The editor's suggested articles that readers may see (live and public), in order."""

    def to_representation(self, page) -> list[PageLinkData]:
        request = self.context.get("request")
        return [
            PageLinkData(id=article.pk, title=article.title, url=article.get_full_url(request))
            for article in page.get_related_articles()
        ]


class FeaturedArticleField(ReadOnlyField):
    """The article the editor chose to show large at the top of the index, if readers may see it.

    When there is none, the site features the newest article: the first of
    `?type=blog.ArticlePage&child_of=<index>&order=-date` (docs/api.md).
    """

    def to_representation(self, index) -> PageLinkData | None:
        article = index.get_readable_featured_article()
        if article is None:
            return None
        return PageLinkData(id=article.pk, title=article.title, url=article.get_full_url(self.context.get("request")))


class FeedUrlField(ReadOnlyField):
    """The index's RSS feed of the latest articles."""

    def to_representation(self, index) -> str:
        return index.feed_url(self.context.get("request"))


class ContentNoteData(TypedDict):
    value: str
    label: str


class ContentNotesField(ReadOnlyField):
    """The content notes the editor chose, in order: what the text mentions (`label` completes
    "This story mentions …"). An empty list when there is none."""

    def to_representation(self, notes) -> list[ContentNoteData]:
        labels = dict(ContentNote.choices)
        return [ContentNoteData(value=note, label=labels[note]) for note in notes or [] if note in labels]


class PublicNoteField(ReadOnlyField):
    """For a member's story, what readers are told about the writer's name, e.g. "Names and some details
    have been changed to protect privacy."; null for an article. Nothing else of the consent record."""

    def to_representation(self, article) -> str | None:
        return article.public_note or None
