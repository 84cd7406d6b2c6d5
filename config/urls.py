from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_control
from django.views.generic import RedirectView
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from config.api import api_v2, api_v3, hsds_urls, site_settings_v2
from home import routing
from home import views as home_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/site-settings/", site_settings_v2, name="api_v2_site_settings"),
    path("api/v2/", api_v2.urls),
    path("api/v3/", api_v3.urls),
    path("api/hsds/", include(hsds_urls)),
    path("groups/", include("groups.urls")),
    path("events/", include("events.urls")),
    path("search/", home_views.search, name="search"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("health/", home_views.health, name="health"),
    path("favicon.ico", RedirectView.as_view(url=f"{settings.STATIC_URL}favicon.svg", permanent=True)),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

if settings.DEBUG or settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            cache_control(max_age=60 * 60 * 24 * 30, public=True)(serve),
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Everything else is a Wagtail page: Wagtail's patterns (its password and sign-in views for private
# pages), with its page view found in two queries (home/routing.py). These stay last.
urlpatterns += [
    *(pattern for pattern in wagtail_urls.urlpatterns if getattr(pattern, "name", None) != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
]
