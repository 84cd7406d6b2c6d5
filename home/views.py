"""Site-wide views: search, robots.txt and the health check."""

import logging
from collections import defaultdict

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Page
from wagtail.search.utils import parse_query_string

from home.pagination import paginate

logger = logging.getLogger(__name__)

SEARCH_QUERY_MAX_LENGTH = 100
SEARCH_PAGE_SIZE = 10


@require_GET
def search(request):
    """Search the site's live, public pages.

    What visitors search for is theirs: the query is never stored or logged
    (Wagtail's search promotions and query logging are not installed).
    """
    if "q" in request.GET and "query" not in request.GET:
        # `q` is what people and other sites often type; the site's own address names it `query`.
        params = request.GET.copy()
        params.setlist("query", params.pop("q"))
        return HttpResponsePermanentRedirect(f"{request.path}?{params.urlencode()}")

    raw_query = request.GET.get("query", "")
    query = " ".join(raw_query.split())[:SEARCH_QUERY_MAX_LENGTH]
    # Control characters and lone surrogates cannot be searched for; drop them.
    query = "".join(ch for ch in query if ch.isprintable())
    truncated = len(" ".join(raw_query.split())) > SEARCH_QUERY_MAX_LENGTH

    results_page = None
    search_failed = False
    if query:
        try:
            results_page = paginate(request, _search(query), SEARCH_PAGE_SIZE)
        except DatabaseError:
            # A query the search engine cannot parse: say so rather than fail.
            logger.warning("A search query could not be run (query not logged)")
            search_failed = True
        else:
            results_page.object_list = _as_results(results_page.object_list)

    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "searched": bool(query) and not search_failed,
            "search_failed": search_failed,
            "search_truncated": truncated,
            "search_max_length": SEARCH_QUERY_MAX_LENGTH,
            "results_page": results_page,
        },
    )


def _search(query):
    """Every match, the most relevant first, but pages that list other pages after the pages themselves.

    An index (the articles, the group finder) mentions every topic in passing; the
    article or group about it is what the visitor came for. A site of this size has a
    few hundred matches at most, so they are ordered here, in one query.
    """
    # Colons would be read as field filters; phrases in double quotes are kept.
    _filters, parsed_query = parse_query_string(query.replace(":", " "), operator="and")
    matches = list(Page.objects.live().public().exclude(depth__lte=1).search(parsed_query))
    return sorted(matches, key=lambda page: getattr(page.specific_class, "search_lists_pages", False))


def _as_results(pages):
    """One page of results as their own page types, with what each type's result shows (BasePage's
    `search_prefetch_related`): one query per type and its prefetches, however many results."""
    pks_by_type = defaultdict(list)
    for page in pages:
        pks_by_type[page.specific_class].append(page.pk)
    specific = {}
    for model, pks in pks_by_type.items():
        if model is None:  # a page type whose code is gone: shown as a plain page
            continue
        queryset = model.objects.filter(pk__in=pks).prefetch_related(*getattr(model, "search_prefetch_related", ()))
        specific.update((page.pk, page) for page in queryset)
    return [specific.get(page.pk, page) for page in pages]


@require_GET
@cache_control(max_age=60 * 60, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /search/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
@never_cache
def health(request):
    """For load balancers: 200 while this process and its database answer, 503 when the database does not.

    "status" is liveness. The cache is a readiness detail: without it pages still serve
    and forms still take submissions (rate limits are skipped), so an outage reads
    `"cache": "degraded"` with a 200 rather than taking every app server out of rotation.
    The answer names what failed, never why: error details go to the log only.
    """
    checks = {"database": _database_status(), "cache": _cache_status()}
    alive = checks["database"] == "ok"
    return JsonResponse({"status": "ok" if alive else "unavailable", **checks}, status=200 if alive else 503)


def _database_status():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.exception("Health check: the database did not answer")
        return "unavailable"
    return "ok"


def _cache_status():
    # django-redis ignores its own errors in production (IGNORE_EXCEPTIONS): a value
    # that does not come back is how an outage shows.
    try:
        cache.set("health-check", "ok", 10)
        if cache.get("health-check") == "ok":
            return "ok"
    except Exception:
        logger.exception("Health check: the cache did not answer")
    else:
        logger.warning("Health check: the cache did not answer")
    return "degraded"
