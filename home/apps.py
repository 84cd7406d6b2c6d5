from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The site's own pages, shared blocks and snippets, site settings and search."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = "Site"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from home import checks, frontend_cache, signals  # noqa: F401 (they register their checks and receivers)
        from home.api import stream_types
        from home.content_version import mark_content_changed

        # Before Wagtail's API v3 builds its schemas (wagtail.images' ready(), later in INSTALLED_APPS).
        stream_types.register()

        post_save.connect(mark_content_changed, dispatch_uid="content-changed-on-save")
        post_delete.connect(mark_content_changed, dispatch_uid="content-changed-on-delete")
        # Purge the cache in front (Varnish, a CDN) of what a change shows in (home/frontend_cache.py).
        frontend_cache.connect()
