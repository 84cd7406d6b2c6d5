"""The API router: mounts the headless APIs whose behaviour lives in home/api/.

- /api/v2/: Wagtail's API v2 with the site's pages, images and documents endpoints,
  plus the practice's details (`site_settings_v2`).
- /api/v3/: Wagtail 8's typed API; the site's changes to it are installed once at
  start-up by `home.api.v3.install()`, not here.

docs/api.md is the guide for other apps.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v3.urls import api as api_v3

from home.api.endpoints import DocumentsEndpoint, ImagesEndpoint, PagesEndpoint, site_settings_v2

api_v2 = WagtailAPIRouter("wagtailapi")
api_v2.register_endpoint("pages", PagesEndpoint)
api_v2.register_endpoint("images", ImagesEndpoint)
api_v2.register_endpoint("documents", DocumentsEndpoint)

__all__ = ["api_v2", "api_v3", "site_settings_v2"]
