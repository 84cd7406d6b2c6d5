"""HTTP behaviour of the public APIs: caching headers, conditional requests and strict parameters.

Listed in MIDDLEWARE (config/settings/base.py); each acts on /api/ paths only.
"""

import re
import unicodedata
from functools import cache

from django.conf import settings
from django.http import JsonResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.http import http_date
from wagtail.api.v3.errors import problem_response

from home.content_version import content_last_changed
from home.http_cache import API_PREFIX, drop_vary_cookie, personal_request

API_PREFIXES = (API_PREFIX,)
# Query parameters every v3 read accepts besides those its operation declares.
V3_COMMON_PARAMETERS: set[str] = set()
# The largest integer the databases store (a signed 64-bit integer).
LARGEST_INTEGER = 2**63 - 1
_INTEGER = re.compile(r"\s*[+-]?0*(?P<digits>\d+)\s*")
# A search longer than this is refused: no one types it, and each word costs the search engine.
SEARCH_MAX_LENGTH = 200
SEARCH_OPERATORS = ("and", "or")
# `?site=`: a host name, optionally with its port (`resilientmind.example:443`).
_SITE = re.compile(r"[A-Za-z0-9.-]{1,255}(?::\d{1,5})?")


def out_of_range(value):
    """Whether `value` is an integer too large for the database (looked at as text: no huge int())."""
    match = _INTEGER.fullmatch(value)
    if match is None:
        return False
    digits = match["digits"]
    return len(digits) > len(str(LARGEST_INTEGER)) or int(digits) > LARGEST_INTEGER


def bad_request(request, message):
    """A 400 in each version's own form: v3's application/problem+json, v2's {"message": …}."""
    if request.path.startswith("/api/v3/"):
        return problem_response(status=400, detail=message)
    return JsonResponse({"message": message}, status=400)


class APICacheMiddleware:
    """Cache-Control, ETag and Last-Modified on API reads; 304 when the client's copy is current.

    Anonymous reads are public: browsers keep them for API_CACHE_SECONDS, shared caches (Varnish,
    a CDN, the page cache: purged or emptied on every change) for HTTP_CACHE_SHARED_MAX_AGE, and
    revalidate cheaply. No `Vary: Cookie` on them: a request without a session cookie reads
    none (the views touch the empty session through request.user). Requests with a token or a
    session are never cached.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(API_PREFIXES) or request.method not in {"GET", "HEAD"}:
            return response
        if personal_request(request):
            patch_cache_control(response, private=True, no_store=True)
            return response
        drop_vary_cookie(response)
        patch_vary_headers(response, ["Origin", "Accept"])
        if response.status_code != 200 or response.streaming:
            patch_cache_control(response, public=True, max_age=0 if response.status_code >= 500 else 60)
            return response
        patch_cache_control(
            response,
            public=True,
            max_age=settings.API_CACHE_SECONDS,
            s_maxage=settings.HTTP_CACHE_SHARED_MAX_AGE,
            stale_while_revalidate=settings.HTTP_CACHE_STALE_SECONDS,
        )
        set_response_etag(response)
        last_modified = content_last_changed()
        if last_modified is not None:
            response.headers.setdefault("Last-Modified", http_date(last_modified.timestamp()))
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=int(last_modified.timestamp()) if last_modified else None,
            response=response,
        )


@cache
def _v3_read_parameters():
    """For each v3 read operation: a regex of its path and the query parameters it declares."""
    from home.api.v3 import read_operations

    operations = []
    for path, parameters in read_operations():
        pattern = re.compile("^" + re.sub(r"\\{[^/]+\\}", "[^/]+", re.escape(path)) + "$")
        operations.append((pattern, set(parameters) | V3_COMMON_PARAMETERS))
    # Literal paths before templated ones: /pages/find/ before /pages/{page_id}/.
    operations.sort(key=lambda item: item[0].pattern.count("[^/]+"))
    return operations


class V3StrictParametersMiddleware:
    """API v3 reads answer an unknown query parameter with a 400, as v2 does, not silently ignore it;
    and `version=draft` without a token or session with a 401, not with the live page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "GET" and request.path.startswith("/api/v3/") and request.GET:
            for pattern, known in _v3_read_parameters():
                if pattern.match(request.path):
                    if request.path == "/api/v3/pages/":
                        from home.api.v3 import page_type_parameters

                        known = known | page_type_parameters(request)
                    unknown = sorted(set(request.GET) - known)
                    if unknown:
                        return bad_request(
                            request,
                            f"Unknown query parameter: {', '.join(unknown)}. Known: {', '.join(sorted(known))}.",
                        )
                    break
            if request.GET.get("version") == "draft" and not (
                "HTTP_AUTHORIZATION" in request.META or settings.SESSION_COOKIE_NAME in request.COOKIES
            ):
                # Wagtail would answer with the live page, as if a draft had been given (docs/api.md).
                return problem_response(
                    status=401,
                    detail="version=draft needs a token (Authorization: Bearer …) of an account that may edit it.",
                )
        return self.get_response(request)


class APINumbersInRangeMiddleware:
    """An integer parameter larger than the database can hold (`?offset=99999999999999999999`) is a 400.

    Otherwise it would reach the database and fail there, as a 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(API_PREFIXES):
            for name, value in request.GET.items():
                if out_of_range(value):
                    return bad_request(request, f"{name} is out of range: at most {LARGEST_INTEGER}.")
        return self.get_response(request)


def has_control_character(value):
    """Whether `value` holds a control character (NUL, a line break, a tab, U+0080 to U+009F …) or a lone surrogate."""
    return any(unicodedata.category(ch) in {"Cc", "Cs"} for ch in value)


def parameter_problem(name, value):
    """What is wrong with one API query parameter that no endpoint could use, or None.

    Each would otherwise reach Wagtail or the database and fail there, as a 500:
    NUL ends a string early in SQLite and is refused by PostgreSQL; an empty search
    gives results with no model; an unknown search operator is a ValueError; a
    site's port that is not a number is a ValueError.
    """
    if has_control_character(value):
        return f"{name} may not contain control characters (such as NUL, tab or a line break)."
    if name == "search":
        if not value.strip():
            return "search is empty: give the words to search for, or leave search out to list everything."
        if len(value) > SEARCH_MAX_LENGTH:
            return f"search is too long: at most {SEARCH_MAX_LENGTH} characters."
    # Wagtail reads the operator in any case, and an empty one as its default ("or").
    if name == "search_operator" and value and value.lower() not in SEARCH_OPERATORS:
        return f"search_operator must be one of: {', '.join(SEARCH_OPERATORS)}."
    if name == "site" and not _SITE.fullmatch(value):
        return "site must be a host name, optionally with a port: e.g. resilientmind.example or localhost:8000."
    return None


class APIParameterValuesMiddleware:
    """API parameter values no endpoint can use are a 400 in both versions, before any view sees them.

    Control characters in any value, an empty or overlong search, an unknown
    search operator and a malformed `site`: v2 and v3 refuse them alike, with the
    same message (docs/api.md, Errors).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(API_PREFIXES):
            for name, values in request.GET.lists():
                if has_control_character(name):
                    return bad_request(request, "Query parameter names may not contain control characters.")
                for value in values:
                    problem = parameter_problem(name, value)
                    if problem is not None:
                        return bad_request(request, problem)
        return self.get_response(request)
