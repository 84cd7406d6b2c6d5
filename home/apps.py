from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The site's own pages, shared blocks and snippets, site settings and search."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = "Site"

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
        from django.utils.autoreload import file_changed

        from home import checks, frontend_cache, signals  # noqa: F401 (they register their checks and receivers)
        from home.api import stream_types
        from home.content_version import mark_content_changed
        from home.page_cache import forget_cached_pages_after_migrate, forget_cached_pages_when_a_file_changes

        # Before Wagtail's API v3 builds its schemas (wagtail.images' ready(), later in INSTALLED_APPS).
        stream_types.register()

        post_save.connect(mark_content_changed, dispatch_uid="content-changed-on-save")
        post_delete.connect(mark_content_changed, dispatch_uid="content-changed-on-delete")
        # Purge the cache in front (Varnish, a CDN) of what a change shows in (home/frontend_cache.py).
        frontend_cache.connect()
        m2m_changed.connect(mark_content_changed, dispatch_uid="content-changed-on-m2m")
        post_migrate.connect(forget_cached_pages_after_migrate, sender=self, dispatch_uid="page-cache-after-migrate")
        file_changed.connect(forget_cached_pages_when_a_file_changes, dispatch_uid="page-cache-file-changed")
