"""The article's admin form: checks that span the article and its inline rows."""

from wagtail.admin.forms import WagtailAdminPageForm


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
