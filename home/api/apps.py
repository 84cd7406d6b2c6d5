"""Applies the site's changes to Wagtail's shared API v3 object, once, when Django starts.

Wagtail's apps add their v3 routes from their own `ready()` (images, documents, snippets,
redirects), and the images route can only be imported once wagtail.images has registered
its schemas. So this app is listed after wagtail.images and wagtail.api.v3 in INSTALLED_APPS
(before the core `wagtail` app, which adds no v3 route): `HomeConfig` stays
first, for its templates and for the StreamField types that must be registered before
the v3 API builds its page schemas.
"""

from django.apps import AppConfig


class HomeAPIConfig(AppConfig):
    """The headless API (home/api/): its v3 additions are installed once Wagtail's routes exist."""

    name = "home.api"
    label = "home_api"
    verbose_name = "Site API"

    def ready(self):
        from home.api import hsds, v3
        from home.frontend_cache import register_page_urls

        v3.install()
        # The HSDS feed: the practice is the core's own record; the areas register theirs from their ready().
        hsds.register(hsds.PracticeProvider())
        register_page_urls(hsds.feed_paths)
