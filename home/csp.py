"""The Content-Security-Policy each response gets (django-csp does the header; this picks the policy).

Uploaded images come from wherever the media storage puts them: its origin (an S3 bucket or its
custom domain) is added to img-src, asked of the storage itself, so no setting repeats it.

Public pages and the API get `CONTENT_SECURITY_POLICY`: the site's own files only, and the one
inline script in the page (the "js" class in <head>) allowed by its hash (`INLINE_SCRIPT_HASHES`),
not a per-request nonce, so one cached copy of a page serves everyone. JSON-LD blocks are data
that never runs: script-src does not govern them, so they need none.
Paths listed in `CONTENT_SECURITY_POLICY_BY_PATH` (the Wagtail admin, Django's admin, the API's
browsable docs) get their own policy, because Wagtail's admin writes inline scripts and styles
that a nonce cannot reach. A page in the editor's preview panel gets `CONTENT_SECURITY_POLICY_PREVIEW`.

A page with a video embed allows that video's player, and only that page, only that player:
`allow_frame` records the player's origin while the embed block renders, and the middleware adds
it to `frame-src`. The page cache (home/page_cache.py) sits before this middleware, so a copy of
a page keeps the header it was served with, players included.
"""

import logging
from functools import cache
from html.parser import HTMLParser
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.signals import setting_changed
from django.dispatch import receiver

logger = logging.getLogger(__name__)

_FRAME_SOURCES = "_csp_frame_sources"


def policy_for_path(path):
    """The policy of the longest matching prefix in CONTENT_SECURITY_POLICY_BY_PATH, or None."""
    policies = getattr(settings, "CONTENT_SECURITY_POLICY_BY_PATH", {})
    matches = [prefix for prefix in policies if path.startswith(prefix)]
    return policies[max(matches, key=len)] if matches else None


@cache
def media_origins():
    """The origin of uploaded files when the storage serves them from another host, e.g. S3."""
    try:
        parts = urlsplit(default_storage.url("csp-origin"))
    except Exception:  # e.g. S3 without credentials: its images cannot show anyway; pages still must
        logger.warning("The media storage gave no URL; its origin is not in the Content-Security-Policy")
        return []
    return [f"{parts.scheme}://{parts.netloc}"] if parts.scheme in {"http", "https"} and parts.netloc else []


@receiver(setting_changed)
def _forget_media_origins(setting, **kwargs):
    if setting in {"STORAGES", "MEDIA_URL"}:
        media_origins.cache_clear()


class _IframeSources(HTMLParser):
    def __init__(self):
        super().__init__()
        self.sources = []

    def handle_starttag(self, tag, attrs):
        if tag == "iframe":
            self.sources += [value for name, value in attrs if name == "src" and value]


def iframe_origins(html):
    """The https origins of the iframes in a piece of embed HTML (a provider's player)."""
    parser = _IframeSources()
    parser.feed(html or "")
    origins = []
    for src in parser.sources:
        parts = urlsplit(src)
        if parts.scheme == "https" and parts.netloc:
            origins.append(f"https://{parts.netloc}")
    return origins


def allow_frame(request, html):
    """Let this response frame the players in `html`; a no-op without a request."""
    if request is None:
        return
    sources = getattr(request, _FRAME_SOURCES, None)
    if sources is None:
        sources = set()
        setattr(request, _FRAME_SOURCES, sources)
    sources.update(iframe_origins(html))


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with a policy per path, the media storage's origin and the page's players."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if parts.config is None:
            policy = policy_for_path(request.path_info)
            if getattr(request, "is_dummy", False):
                # Wagtail's preview runs the page through the middleware with a stand-in request
                # for the page's own path; its answer is shown in the admin's preview panel.
                policy = settings.CONTENT_SECURITY_POLICY_PREVIEW
            if policy is not None:
                parts.config = default_config(policy["DIRECTIVES"])
        update = dict(parts.update or {})
        if media := media_origins():
            update["img-src"] = [*update.get("img-src", []), *media]
        if frames := getattr(request, _FRAME_SOURCES, None):
            update["frame-src"] = [*update.get("frame-src", []), *sorted(frames)]
        parts.update = update or None
        return parts
