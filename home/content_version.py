"""When the site's public content last changed: the API's Last-Modified.

Any save or delete marks the moment (in the shared cache: Redis in
production), so clients and CDNs can revalidate with If-Modified-Since. On a
cold cache it falls back to the latest page publication.
"""

import hashlib
import uuid

from django.core.cache import cache
from django.db import transaction
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
    if not _outside_generation(sender._meta):
        bump_generation()


GENERATION_KEY = "content-generation"
# Saved while visitors read, or never shown to them: not what cached copies are built from.
# Renditions above all: a page that makes one would otherwise make every cached copy stale.
NOT_CONTENT_APPS = {
    "admin",
    "auth",
    "axes",
    "contenttypes",
    "django_tasks_database",
    "otp_static",
    "otp_totp",
    "sessions",
    "wagtailadmin",
    "wagtailsearch",
    "wagtailusers",
}
NOT_CONTENT_MODELS = {
    "home.siterendition",
    "wagtailimages.rendition",
    "wagtailembeds.embed",
    "groups.joinrequest",
    "wagtailforms.formsubmission",
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.referenceindex",
    "wagtailcore.taskstate",
    "wagtailcore.workflowstate",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.pagesubscription",
    "wagtailcore.uploadedfile",
}


def _outside_generation(opts):
    return opts.app_label in NOT_CONTENT_APPS or opts.label_lower in NOT_CONTENT_MODELS


def content_generation():
    """A token that changes whenever any content is saved or deleted: part of the key of what the
    site caches from the database (the menus and practice details, the groups' feeds), so a change
    anywhere makes all of it stale at once and nothing needs to know what depends on what.

    None when the cache does not answer (Redis down): callers then build from the database.
    """
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = uuid.uuid4().hex
        if not cache.add(GENERATION_KEY, value, None):
            value = cache.get(GENERATION_KEY)
    return value


def _new_generation():
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def bump_generation():
    """Now, and again once the transaction commits: a copy built in between from what another
    connection still read as the old data is then never served."""
    _new_generation()
    transaction.on_commit(_new_generation)


def remember(name, build, *parts, timeout=60 * 60):
    """`build()`, kept in the cache until any content changes (or `timeout` seconds pass).

    `parts` (strings or numbers) tell apart the copies of one thing, e.g. a site's id or a
    feed's filters. Without a cache (an outage) it is built every time.
    """
    generation = content_generation()
    if generation is None:
        return build()
    key = ":".join(["remember", name, generation, *(str(part) for part in parts)])
    if len(key) > 200:
        key = f"remember:{name}:{generation}:{hashlib.sha256(key.encode()).hexdigest()}"
    found = cache.get(key)
    if found is not None:
        return found[0]
    value = build()
    cache.set(key, (value,), timeout)
    return value
