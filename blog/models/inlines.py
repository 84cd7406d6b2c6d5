"""The rows edited inline on an article: its authors and the editor's "Discover more" choices.

Ordered rows on the article (`Orderable` with a `ParentalKey`), so drafts,
previews and revisions keep them.
"""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.models import Orderable


class ArticleAuthor(Orderable):
    """One author of an article: a person from the People snippets."""

    page = ParentalKey("blog.ArticlePage", on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey(
        "home.Person",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Choose someone from People. Their short bio is shown at the end of the article.",
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = "author"
        constraints = [models.UniqueConstraint(fields=["page", "person"], name="blog_author_once_per_article")]

    def __str__(self):
        return str(self.person)


class RelatedArticle(Orderable):
    """An article the editor suggests at the end of another, under "Discover more"."""

    page = ParentalKey("blog.ArticlePage", on_delete=models.CASCADE, related_name="related_article_links")
    article = models.ForeignKey(
        "blog.ArticlePage",
        on_delete=models.CASCADE,
        related_name="suggested_in",
        help_text="An article readers of this one may like next.",
    )

    panels = [PageChooserPanel("article", "blog.ArticlePage")]

    class Meta(Orderable.Meta):
        verbose_name = "suggested article"
        constraints = [models.UniqueConstraint(fields=["page", "article"], name="blog_suggestion_once_per_article")]

    def __str__(self):
        return str(self.article)

    def clean(self):
        super().clean()
        if self.article_id and self.page_id and self.article_id == self.page_id:
            raise ValidationError({"article": "An article cannot suggest itself. Choose another article."})
