"""Settings for a developer's machine: `make run` uses these."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
# A key for this machine only; production reads its own from the environment.
SECRET_KEY = env("SECRET_KEY", default="dev-only-key-not-for-production-8d4f1c2a")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])

# Uploaded images from media/ as with DEBUG on, also with `DEBUG=false make run` (the site's own 404 page).
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Static files straight from the source folders: no collectstatic needed here.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
