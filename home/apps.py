from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The site's own pages, shared blocks and snippets, site settings and search."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = "Site"
