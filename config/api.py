"""The API router: mounts the headless APIs whose behaviour lives in home/api/.

- /api/v2/: Wagtail's API v2 with the site's pages, images and documents endpoints,
  plus the practice's details (`site_settings_v2`).
- /api/v3/: Wagtail 8's typed API; the site's changes to it are installed once at
  start-up by `home.api.v3.install()`, not here.
- /api/hsds/: the Open Referral HSDS 3.0 feed (home/api/hsds.py); the areas register
  their records with it from their AppConfig.ready().

docs/api.md is the guide for other apps.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v3.urls import api as api_v3

from home.api import hsds
from home.api.endpoints import DocumentsEndpoint, ImagesEndpoint, PagesEndpoint, site_settings_v2

api_v2 = WagtailAPIRouter("wagtailapi")
api_v2.register_endpoint("pages", PagesEndpoint)
api_v2.register_endpoint("images", ImagesEndpoint)
api_v2.register_endpoint("documents", DocumentsEndpoint)

hsds_urls = (hsds.urlpatterns, hsds.app_name)

__all__ = ["api_v2", "api_v3", "hsds_urls", "site_settings_v2"]
