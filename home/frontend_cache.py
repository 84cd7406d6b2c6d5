"""Purging the shared HTTP cache in front of the site (Varnish, Cloudflare, CloudFront) when content changes.

A cache in front keeps anonymous pages for `s-maxage` seconds; without purges a published change
would wait that long. Wagtail's frontend cache (`wagtail.contrib.frontend_cache`) gives the backends
(settings.WAGTAILFRONTENDCACHE, configured from the environment in config/settings/base.py); this
module decides *what* to purge, because Wagtail's own receivers purge only the page itself, while a
change here shows in many places:

- a page: the page (and its routes), its ancestors' listings (articles index, finder, community
  index, the home page's sections), its descendants (their breadcrumbs), the pages that link to it
  or share a topic with it ("Read more", "Discover more", groups on a topic), the areas' feeds
  (`register_page_urls`), the sitemap, search, and the API's lists and entries. A page directly
  under the home page is in the main menu of every page: everything is purged.
- a snippet, image or document: the pages that use it, as above.
- a site setting (crisis bar, footer: on every page): everything.
- a redirect: its old path.

Nothing is purged inside a transaction: changes are collected and, once committed, one background
task (django-tasks; `manage.py db_worker` in production) sends the purges, so the editor never
waits for the cache and a cache that is down never breaks publishing: the failure is logged
(which backend, what kind of error; never a visitor's data) and tried again a few times.

`home` imports no area app: the areas add their own URLs (feeds) with `register_page_urls` from
their AppConfig.ready().
"""

import datetime
import functools
import logging
import threading
import urllib.error
import urllib.request
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db import transaction
from django.db.models import ManyToManyRel
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from django_tasks import task
from modelcluster.fields import ParentalKey
from wagtail import __version__ as wagtail_version
from wagtail.contrib.frontend_cache.backends import CloudflareBackend, CloudfrontBackend, HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Page, ReferenceIndex, Site

logger = logging.getLogger(__name__)

# Paths that list or index every page: purged whenever any page changes. A purge of a path also
# removes its query-string variants (`?page=2`, `?type=…`) in our Varnish configuration.
PAGE_LIST_PATHS = (
    "/sitemap.xml",
    "/search/",
    "/api/v2/pages/",
    "/api/v2/pages/find/",
    "/api/v3/pages/",
    "/api/v3/pages/find/",
)

_page_url_hooks = []
WORKING_OUT_FAILED = "Working out what to purge from the front cache failed (%s): purging everything"


def register_page_urls(function):
    """Add `function(page)` → paths (e.g. "/articles/feed/") to purge when `page` changes.

    Areas call it from their AppConfig.ready() for what only they know: their feeds. Usable as a
    decorator. `page` is the specific page; return an empty list when it is not yours.
    """
    if function not in _page_url_hooks:
        _page_url_hooks.append(function)
    return function


def enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


# What a change affects ----------------------------------------------------------------------------


class Purge:
    """Works out the URLs to purge for a set of changes, or that everything must go."""

    def __init__(self):
        self.urls = set()
        self.everything = False
        self._roots = None
        self._root_page_ids = None

    def site_roots(self):
        if self._roots is None:
            self._roots = sorted({root.root_url for root in Site.get_site_root_paths()})
        return self._roots

    def add_paths(self, paths):
        """Site-relative paths, on every site (one site here; purging a path on another is harmless)."""
        for path in paths:
            for root in self.site_roots():
                self.urls.add(root + path)

    def add_page_urls(self, page):
        """The page's own URLs (its routes included) and its API entries; no page URL when it has none."""
        self.add_paths([f"/api/v2/pages/{page.pk}/", f"/api/v3/pages/{page.pk}/"])
        parts = page.get_url_parts()
        if parts is None:
            return
        _site_id, root_url, page_path = parts
        for path in page.specific_deferred.get_cached_paths():
            self.urls.add(root_url + page_path + path.lstrip("/"))

    def add_old_url_path(self, url_path):
        """A page's address from a `url_path` it had before a move or a new slug."""
        for root in Site.get_site_root_paths():
            if url_path.startswith(root.root_path):
                self.urls.add(root.root_url + "/" + url_path[len(root.root_path) :])

    def in_every_page(self, page):
        """The home page, the main menu (the home page's children: their titles, order and addresses)
        and pages a site setting links to (the crisis bar's "Get help now", the footer's privacy page)
        are part of every page."""
        if self._root_page_ids is None:
            self._root_page_ids = {root.pk: root.path for root in Page.objects.filter(sites_rooted_here__isnull=False)}
        for root_id, root_path in self._root_page_ids.items():
            if page.pk == root_id or (page.path.startswith(root_path) and page.depth == len(root_path) // 4 + 1):
                return True
        return any(_is_setting(model) for model, _object_id in _references_to(page))

    def add_page(self, page):
        """Everything that shows `page` (see the module's docstring)."""
        if self.in_every_page(page):
            self.everything = True
            return
        self.add_paths(PAGE_LIST_PATHS)
        self.add_page_urls(page)
        specific = page.specific
        for hook in _page_url_hooks:
            self.add_paths(hook(specific))
        related = [
            *page.get_ancestors().filter(depth__gt=1),
            *page.get_descendants().live(),
            *_pages_linking_to(page),
            *_pages_sharing_topics(specific),
        ]
        for other in related:
            self.add_page_urls(other)

    def add_object(self, obj):
        """A snippet, image or document: every page that uses it, and its API entries."""
        self.add_paths(_object_api_paths(obj))
        for page in pages_using(obj):
            self.add_page(page)
            if self.everything:
                return


def _object_api_paths(obj):
    label = obj._meta.label_lower
    if label == settings.WAGTAILIMAGES_IMAGE_MODEL.lower():
        kind = "images"
    elif label == "wagtaildocs.document":
        kind = "documents"
    else:
        return []
    return [f"/api/{version}/{kind}/{suffix}" for version in ("v2", "v3") for suffix in ("", f"{obj.pk}/")]


def _references_to(obj):
    """(model, id) of each object whose fields, inlines or StreamFields choose or link to `obj`
    (Wagtail's reference index: pages are recorded as `Page`)."""
    references = ReferenceIndex.get_references_to(obj).select_related("base_content_type")
    return {(reference.base_content_type.model_class(), reference.object_id) for reference in references}


def _pages_linking_to(page):
    ids = [object_id for model, object_id in _references_to(page) if model is Page]
    return list(Page.objects.live().filter(pk__in=ids).exclude(pk=page.pk))


def _pages_sharing_topics(page):
    """Live pages that list others on their topics ("Read more", "Discover more", groups on a topic):
    those with a topic of `page`. Found through each page type's `topics`, so home names no area."""
    topics = getattr(page, "topics", None)
    if topics is None or not hasattr(topics, "all"):
        return []
    topic_ids = [topic.pk for topic in topics.all()]
    if not topic_ids:
        return []
    found = []
    for model in _page_models_with_topics():
        found += model.objects.live().filter(topics__in=topic_ids).exclude(pk=page.pk).distinct()
    return found


def _page_models_with_topics():
    from home.models import Topic

    return [
        relation.related_model
        for relation in Topic._meta.related_objects
        if isinstance(relation, ManyToManyRel) and issubclass(relation.related_model, Page)
    ]


def pages_using(obj):
    """Live pages that use `obj` (a snippet, image or document): by a link, a choice, an inline row or
    a many-to-many field (topics, which Wagtail's reference index leaves out); a snippet chosen by
    another (an area inside an area) counts for that one's pages too."""
    page_ids = set()
    _collect_page_ids(obj, page_ids, seen={(type(obj), str(obj.pk))}, hops=2)
    return list(Page.objects.live().filter(pk__in=page_ids).specific(defer=True))


def _collect_page_ids(obj, page_ids, seen, hops):
    for model, object_id in _references_to(obj):
        if model is None:
            continue
        if issubclass(model, Page):
            page_ids.add(int(object_id))
        elif hops > 1 and (model, object_id) not in seen:
            seen.add((model, object_id))
            if (source := model._default_manager.filter(pk=object_id).first()) is not None:
                _collect_page_ids(source, page_ids, seen, hops - 1)
    for relation in obj._meta.related_objects:
        if not isinstance(relation, ManyToManyRel):
            continue
        model = relation.related_model
        rows = model._default_manager.filter(**{relation.field.name: obj})
        if issubclass(model, Page):
            page_ids.update(rows.values_list("pk", flat=True))
        elif parent := _parental_key(model):
            page_ids.update(rows.values_list(parent.attname, flat=True))


@functools.cache
def _parental_key(model):
    for field in model._meta.get_fields():
        if isinstance(field, ParentalKey) and issubclass(field.related_model, Page):
            return field
    return None


def _is_setting(model):
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    return model is not None and issubclass(model, (BaseGenericSetting, BaseSiteSetting))


# Collecting changes until the transaction commits ----------------------------------------------------


class _Pending(threading.local):
    """What changed in this thread since the last purge was queued. Each change asks for a flush on
    commit; the first flush takes everything, later ones find nothing. A change rolled back stays
    here until the next flush: purging more than needed is harmless."""

    def __init__(self):
        self.take()

    def take(self):
        taken = (getattr(self, "pages", set()), getattr(self, "objects", set()), getattr(self, "purge", None))
        self.pages, self.objects, self.purge, self.deleted = set(), set(), Purge(), set()
        return taken


_pending = _Pending()


def page_changed(page):
    """`page` was published, unpublished or moved: purge what shows it once the change is committed."""
    if enabled():
        _pending.pages.add(page.pk)
        transaction.on_commit(_flush)


def page_urls_changing(page, url_path=None):
    """`page` and its descendants are about to lose their addresses (a move, a new slug, deletion):
    their current URLs, while they can still be worked out (`url_path`: the former one, if the page
    already has its new one)."""
    if enabled():
        _guarded(_add_old_addresses, page, url_path)
        transaction.on_commit(_flush)


def _add_old_addresses(page, url_path):
    old = url_path or page.url_path
    descendants = Page.objects.filter(path__startswith=page.path, depth__gt=page.depth).only("url_path")
    for former in [old, *(old + d.url_path[len(page.url_path) :] for d in descendants)]:
        _pending.purge.add_old_url_path(former)


def page_deleted(page):
    """`page` is about to be deleted: what showed it, worked out now (afterwards it is gone)."""
    if not enabled() or page.pk in _pending.deleted:
        return
    # Django announces a page's deletion once per model of its inheritance chain.
    _pending.deleted.add(page.pk)
    _pending.pages.discard(page.pk)
    _guarded(_pending.purge.add_page, page)
    page_urls_changing(page)


def object_changed(obj, deleted=False):
    """A snippet, image or document was saved (or is about to be deleted: its pages found now)."""
    if not enabled():
        return
    if deleted:
        _guarded(_pending.purge.add_object, obj)
    else:
        _pending.objects.add((obj._meta.label_lower, str(obj.pk)))
    transaction.on_commit(_flush)


def everything_changed():
    """A site setting (the crisis bar, the footer) changed: it is on every page."""
    if enabled():
        _pending.purge.everything = True
        transaction.on_commit(_flush)


def paths_changed(paths):
    """Other site-relative paths to purge (a redirect's old path)."""
    if enabled():
        _guarded(_pending.purge.add_paths, list(paths))
        transaction.on_commit(_flush)


def _guarded(function, *args):
    """Working out what to purge must never break an editor's save: a failure is logged and
    everything is purged instead (over-purging costs renders; a stale page costs trust)."""
    try:
        function(*args)
    except Exception as error:
        logger.error(WORKING_OUT_FAILED, type(error).__name__)
        _pending.purge.everything = True


def _flush():
    pages, objects, purge = _pending.take()
    if not (pages or objects or purge.urls or purge.everything):
        return
    try:
        purge_front_cache.enqueue(
            pages=sorted(pages), objects=sorted(objects), urls=sorted(purge.urls), everything=purge.everything
        )
    except Exception as error:
        # The change is saved; the cache catches up after s-maxage at the latest.
        logger.error("A front cache purge could not be queued (%s)", type(error).__name__)


def urls_to_purge(pages=(), objects=(), urls=()):
    """The full URLs for changed pages (ids), objects ((label, id)) and URLs already worked out; None for everything."""
    from django.apps import apps

    purge = Purge()
    purge.urls.update(urls)
    for page in Page.objects.filter(pk__in=list(pages)).specific(defer=True):
        purge.add_page(page)
        if purge.everything:
            return None
    for label, pk in objects:
        model = apps.get_model(label)
        if (obj := model._default_manager.filter(pk=pk).first()) is not None:
            purge.add_object(obj)
            if purge.everything:
                return None
    return sorted(purge.urls)


# Receivers (connected by HomeConfig.ready()) ------------------------------------------------------


def connect():
    """Listen to what changes content. Wagtail's own frontend-cache receivers are not used (its app
    is not in INSTALLED_APPS): they purge only the page, these purge all that shows it."""
    from django.db.models.signals import post_delete, post_save, pre_delete
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move, pre_page_move

    page_published.connect(_on_page_published, dispatch_uid="front-cache-published")
    page_unpublished.connect(_on_page_published, dispatch_uid="front-cache-unpublished")
    pre_page_move.connect(_on_pre_page_move, dispatch_uid="front-cache-pre-move")
    post_page_move.connect(_on_post_page_move, dispatch_uid="front-cache-post-move")
    page_slug_changed.connect(_on_slug_changed, dispatch_uid="front-cache-slug")
    post_save.connect(_on_save, dispatch_uid="front-cache-save")
    pre_delete.connect(_on_pre_delete, dispatch_uid="front-cache-pre-delete")
    post_delete.connect(_on_post_delete, dispatch_uid="front-cache-post-delete")


def _on_page_published(sender, instance, **kwargs):
    page_changed(instance)


def _on_pre_page_move(sender, instance, url_path_before, url_path_after, **kwargs):
    if url_path_before != url_path_after:
        page_urls_changing(instance)


def _on_post_page_move(sender, instance, parent_page_before, parent_page_after, **kwargs):
    # The old section's listings lose the page; a reorder changes the order of a menu or listing.
    page_changed(instance)
    page_changed(parent_page_before)


def _on_slug_changed(sender, instance, instance_before, **kwargs):
    page_urls_changing(instance, url_path=instance_before.url_path)


def _on_save(sender, instance, raw=False, **kwargs):
    if raw or not enabled():
        return
    _row_changed(sender, instance, saved=True)


def _on_pre_delete(sender, instance, **kwargs):
    if not enabled():
        return
    if isinstance(instance, Page):
        page_deleted(instance)
    elif _is_content_object(sender):
        object_changed(instance, deleted=True)


def _on_post_delete(sender, instance, **kwargs):
    if not enabled():
        return
    _row_changed(sender, instance, saved=False)


def _row_changed(sender, instance, saved):
    """A row saved or deleted: what shows it goes. Snippets, images and documents deleted are worked
    out before they go (`_on_pre_delete`), while the pages that use them can still be found."""
    if _is_setting(sender):
        everything_changed()
    elif _is_redirect(sender):
        paths_changed(_redirect_paths(instance))
    elif _is_view_restriction(sender):
        _restriction_changed(instance)
    elif saved and _is_content_object(sender):
        object_changed(instance)
    elif (page_id := _live_parent_page_id(sender, instance)) is not None:
        page_changed(Page(pk=page_id))


def _is_redirect(model):
    return model._meta.label_lower == "wagtailredirects.redirect"


def _redirect_paths(redirect):
    """Wagtail keeps a redirect's old path without its trailing slash; the page a cache holds there
    (a 404, or the page that was moved) may be at either, so both go."""
    old_path = redirect.old_path.rstrip("/") or "/"
    return [old_path, old_path.rstrip("/") + "/", "/api/v3/redirects/", "/api/v3/redirects/find/"]


def _is_view_restriction(model):
    return model._meta.label_lower in {"wagtailcore.pageviewrestriction", "wagtailcore.collectionviewrestriction"}


def _restriction_changed(restriction):
    """A page given a password or a sign-in (or losing one): its public copies, and its
    descendants', must go at once; a collection's restriction touches documents anywhere."""
    if restriction._meta.label_lower == "wagtailcore.pageviewrestriction":
        page_changed(restriction.page)
    else:
        everything_changed()


def _is_content_object(model):
    """Snippets (people, topics, venues, areas), images and documents."""
    from wagtail.snippets.models import get_snippet_models

    label = model._meta.label_lower
    if label in {settings.WAGTAILIMAGES_IMAGE_MODEL.lower(), "wagtaildocs.document"}:
        return True
    return model in get_snippet_models()


def _live_parent_page_id(model, instance):
    """For a row of a page's inline panel (a group's meeting times and cancelled dates, an article's
    authors), saved or deleted outside publishing too: its page, if live."""
    if model._meta.app_label == "wagtailcore" or issubclass(model, Page) or (parent := _parental_key(model)) is None:
        return None
    page_id = getattr(instance, parent.attname, None)
    if page_id is None or not Page.objects.filter(pk=page_id, live=True).exists():
        return None
    return page_id


# The background task ------------------------------------------------------------------------------

# A purge that fails is tried again after 5, 10 and 20 seconds: a cache that stays down longer has
# lost what it held, or lets it expire after s-maxage.
PURGE_ATTEMPTS = 4
PURGE_FIRST_RETRY_SECONDS = 5


@task(takes_context=True, priority=5)
def purge_front_cache(context, pages=(), objects=(), urls=(), everything=False, backends=None, attempt=1):
    """Work out the URLs the changes affect and purge them (or everything) from each configured cache;
    queue another try for the caches that failed."""
    if not everything:
        try:
            urls = urls_to_purge(pages, objects, urls)
        except Exception as error:
            logger.error(WORKING_OUT_FAILED, type(error).__name__)
            urls = None
        everything = urls is None
    # Non-ASCII slugs: addresses as they travel (percent-encoded UTF-8), or the request cannot be sent.
    urls = [iri_to_uri(url) for url in urls or ()]
    failed = []
    for name, backend in get_backends(backends=backends).items():
        try:
            if everything:
                backend.purge_all()
            elif urls:
                backend.purge_batch(list(urls))
        except Exception as error:
            failed.append(name)
            logger.warning("Purging the front cache %r failed (%s)", name, type(error).__name__)
    if not failed:
        return "purged"
    task_backend = context.task_result.task.get_backend()
    if attempt >= PURGE_ATTEMPTS or not task_backend.supports_defer:
        logger.error("Gave up purging the front cache %s after %d attempt(s)", ", ".join(failed), attempt)
        return "failed"
    wait = datetime.timedelta(seconds=PURGE_FIRST_RETRY_SECONDS * 2 ** (attempt - 1))
    purge_front_cache.using(run_after=timezone.now() + wait).enqueue(
        urls=list(urls or ()), everything=everything, backends=failed, attempt=attempt + 1
    )
    return "retrying"


# Backends: Wagtail's, with "purge everything" and errors raised so that the task can retry -----------


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP purge backend for our Varnish (config/varnish/default.vcl).

    PURGE <path> removes every stored variant of the path (all query strings); BAN removes
    everything. Errors are raised, not only logged, and nothing waits more than TIMEOUT seconds.
    """

    TIMEOUT = 5

    def _send(self, method, url):
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        request = urllib.request.Request(  # noqa: S310 (the configured cache's http(s) address)
            urlunsplit([self.cache_scheme, self.cache_netloc, parts.path or "/", parts.query, ""]),
            method=method,
            headers={"Host": host, "User-Agent": f"Wagtail-frontendcache/{wagtail_version}"},
        )
        with urllib.request.urlopen(request, timeout=self.TIMEOUT) as response:  # noqa: S310 (the configured cache)
            response.read()

    def purge(self, url):
        self._send("PURGE", url)

    def purge_all(self):
        self._send("BAN", f"{self.cache_scheme}://{self.cache_netloc}/")


class PracticeCloudflareBackend(CloudflareBackend):
    """Cloudflare by API token (CLOUDFLARE_BEARER_TOKEN, CLOUDFLARE_ZONE_ID), with "purge everything"."""

    def purge_all(self):
        import requests

        response = requests.post(
            self.cloudflare_purge_endpoint_url,
            json={"purge_everything": True},
            headers={"Authorization": f"Bearer {self.cloudflare_token}"},
            timeout=30,
        )
        response.raise_for_status()


class PracticeCloudfrontBackend(CloudfrontBackend):
    """CloudFront (CLOUDFRONT_DISTRIBUTION_ID; AWS credentials as boto3 finds them), with "purge everything"."""

    def purge_all(self):
        self._create_invalidation(self.cloudfront_distribution_id, ["/*"])


__all__ = [
    "PracticeCloudflareBackend",
    "PracticeCloudfrontBackend",
    "VarnishBackend",
    "everything_changed",
    "object_changed",
    "page_changed",
    "page_deleted",
    "page_urls_changing",
    "pages_using",
    "paths_changed",
    "register_page_urls",
    "urls_to_purge",
]
