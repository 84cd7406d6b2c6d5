"""The articles: one index per site, and article pages under it with their inline rows.

Members' stories are articles of the kind "Member's story", published only with the consent
recorded in blog/models/consent.py. The query helpers (the article queryset, `prefetch_cards`)
live in blog/queries.py.
"""

from .article import ArticlePage
from .consent import StoryConsent
from .index import ArticleIndexPage
from .inlines import ArticleAuthor, RelatedArticle

__all__ = ["ArticleAuthor", "ArticleIndexPage", "ArticlePage", "RelatedArticle", "StoryConsent"]
