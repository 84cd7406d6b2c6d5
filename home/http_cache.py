"""What each response tells browsers and shared caches (Varnish, a CDN, the in-process page cache).

A public page looks the same to every visitor who is not signed in, so a cache may keep one copy
for all of them: anonymous GET and HEAD of pages, feeds, the sitemap, robots.txt, search and the
finder get `Cache-Control: public, max-age, s-maxage, stale-while-revalidate`, an ETag (a repeat
with If-None-Match is a 304) and no `Vary: Cookie`. Anything personal stays `private, no-store`:

- a request that carries a session cookie (signed-in staff, a visitor who passed a Wagtail page
  password: Wagtail keeps that in the session), the messages cookie, or an Authorization header;
- a response that sets a cookie, or used a CSRF token (a page with a form: Django asks for the
  token while the form renders), or a CSP nonce;
- a response whose view said so already (`private`, `no-store` or `no-cache`: the join page,
  the contact page, the admin's never_cache views), the admin itself, a preview, a server error.

Why dropping `Vary: Cookie` is right: Django adds it when anything touched the session, and
every page touches it through `request.user` (`{% wagtailuserbar %}`). Without a session cookie
that session is empty by definition, so the page did not depend on any cookie; requests that
carry one are never public and the caches in front pass them by (docs/deployment.md).

A Wagtail page with a view restriction is never public either: without having passed it the
visitor gets the password form (a CSRF token: private) or a redirect to sign in (not cached),
and having passed it, the visitor carries a session cookie.

The API has its own headers (home/api/middleware.py APICacheMiddleware); static files get
WhiteNoise's. Compression is `CompressPublicMiddleware` below: only responses this middleware
made public are compressed, never one that holds a secret (BREACH).
"""

import re

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import (
    cc_delim_re,
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)
from django.utils.http import parse_http_date_safe

# The API's own middleware (home/api/middleware.py APICacheMiddleware) decides its headers.
API_PREFIX = "/api/"
# Paths that are never public, whatever they answer: the admins, and search (what a visitor searched
# for is never kept by a cache in front, where a hit would tell that someone had asked it).
PRIVATE_PREFIXES = ("/admin/", "/django-admin/", "/search/")
# Free-text parameters (the search page's ?query= and ?q=, the API's ?search=): private wherever they are.
SEARCH_PARAMETERS = ("search", "query", "q")
# Statuses a shared cache may keep (RFC 9111's "heuristically cacheable" ones that pages answer).
PUBLIC_STATUSES = {200, 301, 404, 410}
# Directives that keep a response out of shared caches: a view that set one has decided.
PERSONAL_DIRECTIVES = {"private", "no-store", "no-cache"}
# What is compressed: text that pages, feeds and the API send.
COMPRESSED_TYPES = re.compile(
    r"^(text/(html|plain|calendar|xml)|application/(json|problem\+json|ld\+json|xml|rss\+xml|atom\+xml))\b"
)


def cache_directives(response):
    """The names of the directives in the response's Cache-Control, lower case."""
    return {part.split("=", 1)[0].strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))} - {
        ""
    }


def is_public(response):
    """Whether the response says any cache may keep it (what the caches in front also check)."""
    directives = cache_directives(response)
    return "public" in directives and not directives & PERSONAL_DIRECTIVES


def skipped_path(path):
    """Paths whose headers another layer decides: the API's middleware, WhiteNoise, media, documents
    (Wagtail's serve view: a document replaced or deleted must not stay downloadable from a cache)."""
    prefixes = (API_PREFIX, settings.STATIC_URL, settings.MEDIA_URL, "/documents/")
    return path.startswith(prefixes)


def personal_request(request):
    """Whether the request carries anything that may make its answer differ from the next visitor's,
    or asks what no cache may keep (the admins, a search)."""
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME in cookies
        or CookieStorage.cookie_name in cookies
        or "HTTP_AUTHORIZATION" in request.META
        or request.path_info.startswith(PRIVATE_PREFIXES)
        or any(name in request.GET for name in SEARCH_PARAMETERS)
        # Wagtail's preview: a stand-in request (is_dummy) for the page's own path, served as a preview.
        or getattr(request, "is_preview", False)
        or getattr(request, "is_dummy", False)
    )


def personal_response(request, response):
    """Whether rendering the response touched something personal or secret."""
    return bool(
        response.cookies
        or response.has_header("Set-Cookie")
        # Set by django.middleware.csrf.get_token when a form's {% csrf_token %} rendered.
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        # Set by django-csp when a template or view read request.csp_nonce.
        or getattr(request, "_csp_nonce", None)
        or cache_directives(response) & PERSONAL_DIRECTIVES
        or response.status_code >= 500
    )


def drop_vary_cookie(response):
    """Remove Cookie from the Vary header (and the header when nothing else is left)."""
    if not response.has_header("Vary"):
        return
    fields = [field.strip() for field in cc_delim_re.split(response["Vary"]) if field.strip()]
    kept = [field for field in fields if field.lower() != "cookie"]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]


def make_public(response):
    """Public for every cache; a view's own lifetimes (robots.txt's hour, the feeds') are kept."""
    lifetimes = {
        "max_age": settings.HTTP_CACHE_MAX_AGE,
        "s_maxage": settings.HTTP_CACHE_SHARED_MAX_AGE,
        "stale_while_revalidate": settings.HTTP_CACHE_STALE_SECONDS,
    }
    own = cache_directives(response)
    patch_cache_control(
        response,
        public=True,
        **{name: value for name, value in lifetimes.items() if name.replace("_", "-") not in own},
    )
    drop_vary_cookie(response)


class HTTPCacheMiddleware:
    """Public caching headers and conditional GET for anonymous pages; private, no-store for the rest.

    Listed above SessionMiddleware, CsrfViewMiddleware and MessageMiddleware, so it sees the
    Vary and Set-Cookie they add, and below the CSP middleware, whose nonce it checks for.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if skipped_path(request.path_info):
            return response
        if request.method not in {"GET", "HEAD"}:
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_store=True)
            return response
        if personal_request(request) or personal_response(request, response):
            if not cache_directives(response) & {"private", "no-store"}:
                # Stored by no cache at all: not the browser's back/forward copy of a signed-in page either.
                patch_cache_control(response, private=True, no_store=True)
            return response
        if response.status_code not in PUBLIC_STATUSES:
            # A redirect to sign in, a 400, a 429: nothing for a shared cache (and none keeps them unasked).
            return response
        make_public(response)
        if response.status_code != 200 or response.streaming:
            return response
        set_response_etag(response)
        # A view's own Last-Modified (the feeds') answers If-Modified-Since too.
        last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
        return get_conditional_response(request, etag=response["ETag"], last_modified=last_modified, response=response)


class CompressPublicMiddleware(GZipMiddleware):
    """Gzip for public HTML, JSON and feeds; never for a private response.

    BREACH: an attacker who can make a victim's browser send requests that reflect chosen text
    into a compressed page can read a secret in that page (a CSRF token, what the visitor typed)
    from the compressed sizes. Public responses hold no secret by definition (the same bytes go
    to everyone), so they are compressed; private ones (forms with their token, the admin,
    anything for a signed-in member of staff) are sent as they are.

    Listed above HTTPCacheMiddleware and APICacheMiddleware, so it sees their Cache-Control and
    their ETag: Django's GZipMiddleware turns a strong ETag weak, and a weak If-None-Match
    still matches it.
    """

    def process_response(self, request, response):
        if not is_public(response) or not COMPRESSED_TYPES.match(response.get("Content-Type", "")):
            return response
        return super().process_response(request, response)
