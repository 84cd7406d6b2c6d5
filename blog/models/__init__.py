"""The articles: one index per site, and article pages under it with their inline rows.

The query helpers (the article queryset, `prefetch_cards`) live in blog/queries.py.
"""

from .article import ArticlePage
from .index import ArticleIndexPage
from .inlines import ArticleAuthor, RelatedArticle

__all__ = ["ArticleAuthor", "ArticleIndexPage", "ArticlePage", "RelatedArticle"]
