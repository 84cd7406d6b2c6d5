"""Lean settings for the test suite: fast hashing, plain static files, no network."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105 (tests only)
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Tests never reach the cache of another run, nor Redis.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}}
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
# No page cache: each test sees what it just changed. tests/test_page_cache.py turns it on.
PAGE_CACHE_SECONDS = 0

# No cache in front, whatever the environment says; tests of purging configure their own.
WAGTAILFRONTENDCACHE = {}

# Background tasks (search indexing, image renditions) run at once.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILAPI_BASE_URL = "http://testserver"
# oEmbed look-ups are network calls: tests stub them, none leave the machine.
WAGTAILEMBEDS_FINDERS = [{"class": "tests.embeds.OfflineFinder"}]

LOGGING["loggers"]["django.request"]["level"] = "CRITICAL"  # noqa: F405

# Playwright's sync API runs an event loop in the test thread; Django must
# still let the live-server tests touch the database from it. Tests only.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


# Static files straight from the source folders: no collectstatic needed here.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# A file, not memory, for SQLite's test database: the live server's thread and
# Playwright's event loop then see the same data as the test itself.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}  # noqa: F405
