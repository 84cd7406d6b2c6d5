from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The site's own pages, shared blocks and snippets, site settings and search."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = "Site"

    def ready(self):
        from django.core.signals import request_finished, request_started
        from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
        from django.urls import register_converter
        from django.utils.autoreload import file_changed

        from home import checks, content_version, frontend_cache, signals  # noqa: F401 (they register their checks and receivers)
        from home.api import stream_types
        from home.content_version import mark_content_changed
        from home.converters import IdConverter

        # Before Wagtail's API v3 builds its schemas (wagtail.images' ready(), later in INSTALLED_APPS).
        stream_types.register()
        # `<id:pk>` in the areas' URLs and admin URLs (read later, when the URLconf loads).
        register_converter(IdConverter, "id")

        post_save.connect(mark_content_changed, dispatch_uid="content-changed-on-save")
        post_delete.connect(mark_content_changed, dispatch_uid="content-changed-on-delete")
        # Purge the cache in front (Varnish, a CDN) of what a change shows in (home/frontend_cache.py).
        frontend_cache.connect()
        m2m_changed.connect(mark_content_changed, dispatch_uid="content-changed-on-m2m")
        post_migrate.connect(content_version.forget_after_migrate, sender=self, dispatch_uid="page-cache-after-migrate")
        file_changed.connect(content_version.forget_when_a_template_changes, dispatch_uid="page-cache-file-changed")
        # The content generation is read once per request (home/content_version.py).
        request_started.connect(content_version.request_started, dispatch_uid="content-generation-per-request")
        request_finished.connect(content_version.request_finished, dispatch_uid="content-generation-per-request")
