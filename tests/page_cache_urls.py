"""The site's URLs plus answers with the headers the page cache looks at, for tests/test_page_cache.py.

`/cache-test/public/` says what a public page says (public, max-age, s-maxage, an ETag) and
lists content from every kind of row a change to which must reach the cache: live pages,
site settings, topics, venues and group schedules. The other paths each break one rule.
"""

from django.http import HttpResponse, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.urls import path
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag
from wagtail.models import Page

from config.urls import urlpatterns as site_urlpatterns
from groups.models import MeetingRule, Venue
from home.models import SiteSettings, Topic

renders = []


def content():
    return "\n".join(
        [
            *Page.objects.live().order_by("path").values_list("title", flat=True),
            f"phone {SiteSettings.load().phone}",
            *Topic.objects.order_by("name").values_list("name", flat=True),
            *Venue.objects.order_by("name").values_list("name", flat=True),
            *(f"meets on day {day}" for day in MeetingRule.objects.order_by("pk").values_list("weekday", flat=True)),
        ]
    )


def public(response, max_age=60, s_maxage=300):
    patch_cache_control(response, public=True, max_age=max_age, s_maxage=s_maxage)
    set_response_etag(response)
    return response


def view(kind):
    def answer(request):
        renders.append(kind)
        body = content()
        if kind == "csrf":
            get_token(request)
        if kind == "form":
            body += '<input type="hidden" name="csrfmiddlewaretoken" value="x">'
        if kind == "nonce":
            body += f'<script nonce="{request.csp_nonce}"></script>'
        response = HttpResponse(body, status=500 if kind == "error" else 200)
        if kind == "redirect":
            response = HttpResponseRedirect("/cache-test/public/")
        if kind == "private":
            patch_cache_control(response, private=True, max_age=60)
            return response
        if kind == "no-store":
            patch_cache_control(response, no_store=True)
        if kind == "cookie":
            response.set_cookie("flavour", "oat")
        if kind == "vary-cookie":
            patch_vary_headers(response, ["Cookie"])
        if kind == "vary-origin":
            patch_vary_headers(response, ["Origin", "Accept-Encoding"])
        if kind == "short":
            return public(response, max_age=0, s_maxage=1)
        if kind == "nonce":  # said here, whatever the site's own policy is
            response["Content-Security-Policy"] = f"default-src 'none'; script-src 'self' 'nonce-{request.csp_nonce}'"
        if kind == "no-lifetime":
            patch_cache_control(response, public=True)
            return response
        return public(response)

    return answer


KINDS = [
    "public",
    "csrf",
    "form",
    "nonce",
    "error",
    "redirect",
    "private",
    "no-store",
    "cookie",
    "vary-cookie",
    "vary-origin",
    "short",
    "no-lifetime",
]

urlpatterns = [path(f"cache-test/{kind}/", view(kind)) for kind in KINDS] + site_urlpatterns
