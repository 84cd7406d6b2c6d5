"""The headless APIs' behaviour; docs/api.md is the guide for other apps.

- `endpoints`: API v2's pages, images and documents endpoints and the practice's details.
- `filters`: API v2's query-parameter filters (topic, checked field values).
- `v3`: what the site adds to Wagtail 8's typed API v3: the site-settings route, error
  answers, image reads for staff only and the OpenAPI document's changes, applied by
  `install()` from `HomeAPIConfig.ready()` (home/api/apps.py).
- `stream_types`: API v3's types for StreamFields, registered from `HomeConfig.ready()`.
- `middleware`: caching headers, conditional requests and strict parameters for both versions.

`config/api.py` only routes: it registers these endpoints and mounts the two APIs.
"""
