"""When the site's public content last changed: the API's Last-Modified.

Any save or delete marks the moment (in the shared cache: Redis in
production), so clients and CDNs can revalidate with If-Modified-Since. On a
cold cache it falls back to the latest page publication.
"""

from django.core.cache import cache
from django.db.models import Max
from django.utils import timezone

CACHE_KEY = "content-last-changed"
# Saved on every request by staff or the rate limiter: not content.
IGNORED_MODELS = {"sessions.session", "wagtailusers.userprofile", "auth.user", "wagtailcore.pagelogentry"}


def content_last_changed():
    value = cache.get(CACHE_KEY)
    if value is None:
        from wagtail.models import Page

        value = Page.objects.live().aggregate(latest=Max("last_published_at"))["latest"]
        if value is not None:
            cache.set(CACHE_KEY, value, None)
    return value


def mark_content_changed(sender, **kwargs):
    if sender._meta.label_lower in IGNORED_MODELS:
        return
    cache.set(CACHE_KEY, timezone.now().replace(microsecond=0), None)
