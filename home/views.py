"""Site-wide views: search, robots.txt and the health check."""

import logging

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
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
    raw_query = request.GET.get("query", "")
    query = " ".join(raw_query.split())[:SEARCH_QUERY_MAX_LENGTH]
    # Control characters and lone surrogates cannot be searched for; drop them.
    query = "".join(ch for ch in query if ch.isprintable())
    truncated = len(" ".join(raw_query.split())) > SEARCH_QUERY_MAX_LENGTH

    results_page = None
    search_failed = False
    if query:
        # Colons would be read as field filters; phrases in double quotes are kept.
        _filters, parsed_query = parse_query_string(query.replace(":", " "), operator="and")
        results = Page.objects.live().public().exclude(depth__lte=1).search(parsed_query)
        try:
            results_page = paginate(request, results, SEARCH_PAGE_SIZE)
        except DatabaseError:
            # A query the search engine cannot parse: say so rather than fail.
            logger.warning("A search query could not be run (query not logged)")
            search_failed = True

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
