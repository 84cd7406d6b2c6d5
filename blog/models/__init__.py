"""The articles: one index per site, and article pages under it with their inline rows.

The query helpers live in blog/queries.py; `prefetch_cards` and the article
queryset are named here too for code that imported them from `blog.models`.
"""

from blog.queries import ArticlePageQuerySet, prefetch_cards

from .article import ArticlePage
from .index import ArticleIndexPage
from .inlines import ArticleAuthor, RelatedArticle

__all__ = [
    "ArticleAuthor",
    "ArticleIndexPage",
    "ArticlePage",
    "ArticlePageQuerySet",
    "RelatedArticle",
    "prefetch_cards",
]
