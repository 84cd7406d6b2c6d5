"""When the site's public content last changed: the API's Last-Modified.

Any save or delete marks the moment (in the shared cache: Redis in
production), so clients and CDNs can revalidate with If-Modified-Since. On a
cold cache it falls back to the latest page publication. The same change makes
every page in the in-process page cache stale (home/page_cache.py).

What is content: every model's rows, save those written by signing in, by the
admin's own bookkeeping (revisions, drafts, autosaves, editing sessions, log
entries, comments, workflow states, indexes) and by rendering (image renditions,
embeds): none of them changes what a visitor sees, and some are written every few
seconds while an editor types, which would otherwise empty the page cache as often.
A draft saved on a page or snippet writes only draft fields of the object itself
(DRAFT_FIELDS); publishing saves the whole object. Many-to-many rows changed
after their object's save (a snippet's plain ManyToManyField) count too.
"""

import hashlib
import re
import threading
import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from home.page_cache import forget_cached_pages

CACHE_KEY = "content-last-changed"
# Apps whose rows are never what a visitor sees: accounts, sign-in, sessions, tasks, the admin's own.
IGNORED_APPS = {
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
# Saved on every request by staff or the rate limiter, by the admin's bookkeeping, or while a page
# renders: not content.
IGNORED_MODELS = {
    "sessions.session",
    "wagtailusers.userprofile",
    "auth.user",
    "admin.logentry",
    "axes.accessattempt",
    "axes.accessfailurelog",
    "axes.accesslog",
    "django_tasks_database.dbtaskresult",
    "otp_static.staticdevice",
    "otp_static.statictoken",
    "otp_totp.totpdevice",
    "wagtailadmin.editingsession",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.referenceindex",
    "wagtailcore.revision",
    "wagtailcore.taskstate",
    "wagtailcore.uploadedfile",
    "wagtailcore.workflowstate",
    "wagtailembeds.embed",
    "wagtailsearch.indexentry",
    "home.siterendition",
    "wagtailimages.rendition",
    # What visitors send (a request to join a group, a message to the practice, a report of a problem
    # with a listing): private, on no page. A burst of them must not empty the page cache or purge
    # the caches in front, nor move the API's Last-Modified (which would tell when one arrived).
    "counselors.appointmentrequest",
    "events.eventregistration",
    "groups.joinrequest",
    "wagtailforms.formsubmission",
    "home.listingreport",
}
# A save that writes only these fields is a draft (save_revision, autosave, a lock): not what visitors see.
DRAFT_FIELDS = {
    "wagtail_admin_comments",
    "draft_title",
    "has_unpublished_changes",
    "latest_revision",
    "latest_revision_created_at",
    "locked",
    "locked_at",
    "locked_by",
}


def content_last_changed():
    value = cache.get(CACHE_KEY)
    if value is None:
        from wagtail.models import Page

        value = Page.objects.live().aggregate(latest=Max("last_published_at"))["latest"]
        if value is not None:
            cache.set(CACHE_KEY, value, None)
    return value


def is_content_change(sender, update_fields=None, action=None, **kwargs):
    if sender._meta.app_label in IGNORED_APPS or sender._meta.label_lower in IGNORED_MODELS:
        return False
    if update_fields and set(update_fields) <= DRAFT_FIELDS:
        return False
    # m2m_changed: once the rows have changed, not before.
    return action is None or action in {"post_add", "post_remove", "post_clear"}


def mark_content_changed(sender, **kwargs):
    """Receiver of post_save, post_delete and m2m_changed for every model (connected in home/apps.py)."""
    if not is_content_change(sender, **kwargs):
        return
    cache.set(CACHE_KEY, timezone.now().replace(microsecond=0), None)
    forget_cached_copies()
    connection = transaction.get_connection(kwargs.get("using"))
    if connection.in_atomic_block and not any(
        entry[1] is forget_cached_copies for entry in getattr(connection, "run_on_commit", [])
    ):
        # Again once the transaction commits (once, however many rows it saved): a copy built by
        # another process in between read the content as it was before the commit.
        transaction.on_commit(forget_cached_copies, using=kwargs.get("using"), robust=True)


def forget_cached_copies():
    """Every copy built from the content goes stale: the page cache's pages and what `remember` keeps."""
    forget_cached_pages()
    _new_generation()


def forget_after_migrate(**kwargs):
    """A deployment migrates: what was built from templates and code that may have changed starts afresh."""
    forget_cached_copies()


def forget_when_a_template_changes(sender, file_path, **kwargs):
    """`make run` (runserver) reloads templates without restarting: what was built from them starts afresh too.

    Returns None, so the autoreloader still restarts for Python files.
    """
    if file_path.suffix != ".py":
        forget_cached_copies()


GENERATION_KEY = "content-generation"
SAFE_KEY = re.compile(r"[\w:.,\-\[\]]+")


def content_generation():
    """A token that changes whenever any content is saved or deleted: part of the key of what the
    site caches from the database (the menus and practice details, the groups' feeds), so a change
    anywhere makes all of it stale at once and nothing needs to know what depends on what.

    Read once per request (a page asks for it for every part it takes from the cache): one
    request sees one state of the content. None when the cache does not answer (Redis down):
    callers then build from the database.
    """
    remembered = getattr(_this_request, "generation", UNREAD)
    if remembered is not UNREAD:
        return remembered
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = uuid.uuid4().hex
        if not cache.add(GENERATION_KEY, value, None):
            value = cache.get(GENERATION_KEY)
    if getattr(_this_request, "active", False):
        # None too: with Redis silent, one request waits for its timeouts once, not at every part.
        _this_request.generation = value
    return value


def _new_generation():
    value = uuid.uuid4().hex
    cache.set(GENERATION_KEY, value, None)
    if getattr(_this_request, "active", False):
        _this_request.generation = value


# The generation as the request being served read it (Django's request_started and
# request_finished, connected in home/apps.py); outside a request it is read every time.
_this_request = threading.local()
UNREAD = object()


def request_started(**kwargs):
    _this_request.active, _this_request.generation = True, UNREAD


def request_finished(**kwargs):
    _this_request.active, _this_request.generation = False, UNREAD


def remember(name, build, *parts, timeout=60 * 60):
    """`build()`, kept in the cache until any content changes (or `timeout` seconds pass).

    `parts` (strings or numbers) tell apart the copies of one thing, e.g. a site's id or a
    feed's filters. Without a cache (an outage) it is built every time.
    """
    return remember_until(name, lambda: (build(), None), *parts, longest=timeout)


def for_request(request):
    """The parts that tell apart copies built for different sites and host names (links differ)."""
    from wagtail.models import Site

    site = Site.find_for_request(request) if request is not None else None
    return (site.pk if site else "", request.get_host() if request is not None else "")


def remember_until(name, build, *parts, longest=60 * 60):
    """`remember` for what also goes stale as time passes (the groups meeting soonest).

    `build()` returns the value and the moment it stops being right (an aware datetime), or None
    when only a change of content makes it stale; it is kept until then, `longest` seconds at most.
    """
    generation = content_generation()
    if generation is None:
        return build()[0]
    key = ":".join(["remember", name, generation, *(str(part) for part in parts)])
    if len(key) > 200 or not SAFE_KEY.fullmatch(key):
        # Long, or with spaces or other characters not every cache backend takes (a heading).
        key = f"remember:{name}:{generation}:{hashlib.sha256(key.encode()).hexdigest()}"
    found = cache.get(key)
    if found is not None:
        return found[0]
    value, stale_at = build()
    timeout = longest
    if stale_at is not None:
        timeout = min(longest, int((stale_at - timezone.now()).total_seconds()))
    if timeout > 0:
        cache.set(key, (value,), timeout)
    return value
