"""What the APIs give for an article's image, authors, topics and suggested articles.

API v2 uses these fields as they are; API v3 types its schema from the return
annotation of each `to_representation`, so the OpenAPI document describes the
same shapes (typing_extensions' TypedDict, as Wagtail's own image field uses,
because pydantic needs it before Python 3.12).
"""

from rest_framework.fields import Field
from typing_extensions import TypedDict

from home.images import image_api_representation


class ArticleImageData(TypedDict):
    url: str
    width: int
    height: int
    alt: str


class ArticleAuthorData(TypedDict):
    id: int
    name: str
    role: str
    credentials: str
    bio: str


class ArticleLinkData(TypedDict):
    id: int
    title: str
    url: str


class ArticleImageField(Field):
    """An image as one rendition: absolute URL, width, height and alt text."""

    def __init__(self, filter_spec, **kwargs):
        self.filter_spec = filter_spec
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, image) -> ArticleImageData | None:
        return image_api_representation(image, self.filter_spec, request=self.context.get("request"))


class AuthorsField(Field):
    """The article's authors in order, each with what readers see under the article."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

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


class RelatedArticlesField(Field):
    """The editor's suggested articles that readers may see (live and public), in order."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, page) -> list[ArticleLinkData]:
        request = self.context.get("request")
        return [
            ArticleLinkData(id=article.pk, title=article.title, url=article.get_full_url(request))
            for article in page.get_related_articles()
        ]
