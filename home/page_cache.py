"""The in-process page cache: anonymous pages from Django's cache, for installs without Varnish or a CDN.

One machine (or `make run`) with no proxy in front still renders each page once per
PAGE_CACHE_SECONDS instead of once per visit: PageCacheMiddleware keeps what the rest of the
stack answered an anonymous GET in Django's cache (Redis when REDIS_URL is set, so every
gunicorn worker shares it; local memory otherwise) and answers the next visitors from there,
a HEAD and a conditional request (If-None-Match, If-Modified-Since: a 304) included.

What it keeps is what a shared cache may keep, read from the response's own headers (the
contract Varnish follows too, docs/deployment.md): a 200, 301 or 404 to a GET whose
Cache-Control says `public` and none of `private`, `no-store`, `no-cache`, with a lifetime
(`s-maxage`, else `max-age`), without Set-Cookie, `Vary: Cookie` or `Vary: *`, without a CSP
nonce (a nonce is one visitor's; a copy would carry it to everyone) and without a CSRF token.
It keeps a page for PAGE_CACHE_SECONDS at most, less when the page says so, so a page that
depends on the time (a group's next meeting) is never older than that. It never looks at a
request that carries a session or messages cookie or an Authorization header (staff, an API
token, a visitor with a message waiting), nor at the admin, documents, media, static files,
the health check or a search (what visitors search for is never stored).

Every stored page belongs to a generation, a token in the same shared cache that each copy
carries. A change to content (home/content_version.py, on every save and delete that is
content) replaces the token, so every copy is stale at once in every process; a copy of an
old generation is never served again, and is replaced or expires. A page rendered while a
change commits carries the generation it started with, so it cannot outlive the change. With
the cache unreachable (Redis down: django-redis ignores the error and answers nothing) there is
no generation: every request is a miss, rendered as if there were no cache, never an error.

Where it sits (config/settings/base.py, MIDDLEWARE): after SecurityMiddleware, which redirects
plain HTTP and adds the same headers to every answer, and before everything else, so it stores
the answer as the rest of the stack finished it: the Content-Security-Policy of that page (a
page with a video allows its player in frame-src), Permissions-Policy, CORS headers (keyed by
Origin through Vary), the API's and the pages' Cache-Control and ETag, compression (keyed by
Accept-Encoding through Vary). Static files go past it to whitenoise untouched. A copy served
is the stored answer with `X-Page-Cache: HIT` and its `Age`; anything it looked up and did not
serve from the cache says `X-Page-Cache: MISS`.

Why not wagtail-cache, which the issue names: 3.0.0 requires wagtail<8.0. Why not Django's own
UpdateCacheMiddleware/FetchFromCacheMiddleware: they cache for max-age (not s-maxage), store
for signed-in users, can only be emptied by expiry, and answer HEAD and conditional requests
less fully. This builds on the same framework (django.core.cache, django.utils.cache) with
keys learned from Vary the way learn_cache_key does.
"""

import logging
import secrets
import time
from hashlib import md5

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, get_conditional_response
from django.utils.http import parse_http_date_safe

from home.http_cache import SEARCH_PARAMETERS

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
HIT, MISS = "HIT", "MISS"
# Paths never looked up nor stored: the admin, files (documents, media, static: whitenoise's
# own headers serve those), the health check (live, per process) and search (what visitors search
# for is theirs: a results page repeats their words).
EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/health/", "/search/")
# Free-text parameters (SEARCH_PARAMETERS: the API's ?search=, the search page's ?query=): never stored.
# Cookies that make a request someone's: a signed-in session (both names production and
# development use) and a message waiting to be shown.
PERSONAL_COOKIES = ("sessionid", "__Host-sessionid", "messages")
STORED_STATUSES = {200, 301, 404}
# A query string or a body past these is not worth a copy (and bounds what one request can store).
MAX_QUERY_STRING = 1024
MAX_BODY_BYTES = 2 * 1024 * 1024
CONDITIONAL_HEADERS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")
# The markers of a form's CSRF token in a page: such a page is one visitor's.
CSRF_MARKERS = (b"csrfmiddlewaretoken", b"csrf_token")


def page_cache():
    return caches["default"]


def new_generation():
    return secrets.token_hex(8)


def current_generation(cache=None):
    """The generation pages are stored under now, or None when the cache does not answer."""
    cache = cache or page_cache()
    generation = cache.get(GENERATION_KEY)
    return generation if generation is not None else start_generation(cache)


def start_generation(cache):
    """A new cache (or one that lost the key) starts a generation; another process may get there first."""
    generation = new_generation()
    added = cache.add(GENERATION_KEY, generation, None)
    if added:
        return generation
    # django-redis answers None, not False, when Redis is unreachable: no generation, no cache.
    return None if added is None else cache.get(GENERATION_KEY)


def forget_cached_pages(cache=None):
    """Make every cached page stale, in every process that shares the cache."""
    (cache or page_cache()).set(GENERATION_KEY, new_generation(), None)


def cache_control(response):
    """The response's Cache-Control directives: {"public": True, "s-maxage": "300", …}."""
    directives = {}
    for part in cc_delim_re.split(response.get("Cache-Control", "")):
        name, _, value = part.strip().partition("=")
        if name:
            directives[name.lower()] = value.strip('"') if value else True
    return directives


def vary_headers(response):
    return [header.strip().lower() for header in cc_delim_re.split(response.get("Vary", "")) if header.strip()]


def lifetime(response):
    """Seconds this response may be kept here: its shared-cache lifetime, at most PAGE_CACHE_SECONDS; 0: never."""
    directives = cache_control(response)
    if not directives.get("public") or any(directives.get(name) for name in ("private", "no-store", "no-cache")):
        return 0
    seconds = directives.get("s-maxage", directives.get("max-age"))
    try:
        seconds = int(seconds)
    except (TypeError, ValueError):
        return 0
    return max(0, min(seconds, settings.PAGE_CACHE_SECONDS))


def is_personal_request(request):
    if "HTTP_AUTHORIZATION" in request.META:
        return True
    names = {*PERSONAL_COOKIES, settings.SESSION_COOKIE_NAME}
    return any(name in request.COOKIES for name in names)


def request_is_cacheable(request):
    """Whether the page cache may answer this request (or keep what the site answers)."""
    if request.method not in {"GET", "HEAD"} or is_personal_request(request):
        return False
    path = request.path_info
    prefixes = (*EXCLUDED_PREFIXES, settings.STATIC_URL, settings.MEDIA_URL)
    if path.startswith(tuple(prefix for prefix in prefixes if prefix)):
        return False
    query = request.META.get("QUERY_STRING", "")
    return len(query) <= MAX_QUERY_STRING and not any(name in request.GET for name in SEARCH_PARAMETERS)


def why_not_stored(request, response):
    """Why this response must not be kept for other visitors, or None when it may be."""
    if request.method != "GET":
        return "not a GET"
    if response.status_code not in STORED_STATUSES:
        return f"status {response.status_code}"
    if response.streaming or len(response.content) > MAX_BODY_BYTES:
        return "streaming or too large"
    if response.cookies or response.has_header("Set-Cookie"):
        return "sets a cookie"
    if lifetime(response) <= 0:
        return "not public, or no lifetime"
    vary = vary_headers(response)
    if "*" in vary or "cookie" in vary or "authorization" in vary:
        return f"Vary: {response['Vary']}"
    policies = response.get("Content-Security-Policy", "") + response.get("Content-Security-Policy-Report-Only", "")
    if "'nonce-" in policies:
        return "CSP nonce"
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or any(marker in response.content for marker in CSRF_MARKERS):
        return "CSRF token"
    return None


def _hash(text):
    return md5(text.encode(), usedforsecurity=False).hexdigest()


def _header_value(request, header):
    value = request.headers.get(header)
    if value is None:
        return ""
    if header == "accept-encoding":
        # One key for "gzip, deflate, br" and "br,gzip, deflate": the codings a client takes,
        # not how it lists them (the compressing middleware chooses by its own preference).
        return ",".join(sorted({coding.strip().lower() for coding in value.split(",") if coding.strip()}))
    return value


def release():
    """The static files' version (their manifest), so a deployment that changes them starts afresh."""
    return getattr(staticfiles_storage, "manifest_hash", "") or ""


class PageCacheMiddleware:
    """Answer anonymous GET and HEAD from the page cache; keep what may be kept (see the module docstring).

    A hit costs one round trip to the cache: the generation, the address's Vary list and the copy
    the Vary list this process last saw for the address points to, in one get_many. Each copy
    holds the generation it was made in, and counts only while that is the current one.
    """

    # Per process, a hint only: the Vary list each address last had (it changes with code, not content).
    KNOWN_VARY_LIMIT = 10_000

    def __init__(self, get_response):
        self.get_response = get_response
        self.known_vary = {}

    def __call__(self, request):
        if settings.PAGE_CACHE_SECONDS <= 0 or not request_is_cacheable(request):
            return self.get_response(request)
        try:
            url = _hash(request.build_absolute_uri())
        except DisallowedHost:
            return self.get_response(request)  # the site answers a bad Host itself
        cache = page_cache()
        prefix = f"page-cache:{release()}:{url}"
        vary_key = f"{prefix}:vary"
        guess = self.known_vary.get(url)
        guessed_key = self.entry_key(request, prefix, guess) if guess is not None else None
        found = cache.get_many([GENERATION_KEY, vary_key, *([guessed_key] if guessed_key else [])])
        generation = found.get(GENERATION_KEY) or start_generation(cache)
        if generation is None:  # the cache is unreachable
            return self.miss(request)
        vary = found.get(vary_key)
        if vary is not None:
            self.remember_vary(url, vary)
            key = self.entry_key(request, prefix, vary)
            entry = found.get(key) if key == guessed_key else cache.get(key)
            if entry is not None and entry[0] == generation:
                return self.hit(request, entry)
        return self.miss(request, cache, prefix, generation)

    def remember_vary(self, url, vary):
        if len(self.known_vary) >= self.KNOWN_VARY_LIMIT:
            self.known_vary.clear()
        self.known_vary[url] = vary

    @staticmethod
    def entry_key(request, prefix, vary):
        values = "\n".join(_header_value(request, header) for header in vary)
        return f"{prefix}:{_hash(values)}"

    def hit(self, request, entry):
        _generation, status, headers, content, stored_at = entry
        response = HttpResponse(content, status=status, headers=headers)
        response = get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
            response=response,
        )
        response["Age"] = str(max(0, int(time.time() - stored_at)))
        response["X-Page-Cache"] = HIT
        return response

    def miss(self, request, cache=None, prefix=None, generation=None):
        # Ask the site for the whole page even when the client has a copy, so it can be kept;
        # the client's condition is answered below, as the site would have.
        conditions = {name: request.META.pop(name) for name in CONDITIONAL_HEADERS if name in request.META}
        try:
            response = self.get_response(request)
        finally:
            request.META.update(conditions)
        if cache is not None and why_not_stored(request, response) is None:
            self.store(request, response, cache, prefix, generation)
        if conditions and response.status_code == 200 and not response.streaming:
            response = get_conditional_response(
                request,
                etag=response.get("ETag"),
                last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
                response=response,
            )
        response["X-Page-Cache"] = MISS
        return response

    def store(self, request, response, cache, prefix, generation):
        seconds = lifetime(response)
        vary = vary_headers(response)
        entry = (generation, response.status_code, list(response.items()), response.content, time.time())
        cache.set_many({f"{prefix}:vary": vary, self.entry_key(request, prefix, vary): entry}, seconds)
