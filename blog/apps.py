from django.apps import AppConfig


class BlogConfig(AppConfig):
    """The practice's articles: the index, article pages, their feeds and template tags."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "blog"
    verbose_name = "Articles"

    def ready(self):
        from blog import signals  # noqa: F401 (connects the receivers)
