"""Production: everything that differs between hosts comes from the environment.

Start-up stops with a clear message when SECRET_KEY or ALLOWED_HOSTS is missing.
See README.md ("Production") for the full list of variables.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_BY_PATH, STORAGES, env


def required(name, reader=env.str, hint=""):
    """Read a required variable, or stop start-up saying what is missing."""
    try:
        value = reader(name)
    except ImproperlyConfigured:
        value = None
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} is required in production and is not set. {hint}".strip()
        )
    return value


DEBUG = False
SECRET_KEY = required(
    "SECRET_KEY", hint="Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
)
ALLOWED_HOSTS = required(
    "ALLOWED_HOSTS", env.list, hint="A comma-separated list, e.g. resilientmind.example,www.resilientmind.example"
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[f"https://{host}" for host in ALLOWED_HOSTS])

# HTTPS and browser protections. SECURE_SSL_REDIRECT=false serves plain HTTP
# (behind a proxy that terminates TLS, or on localhost for measurements).
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
if env.bool("USE_X_FORWARDED_PROTO", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)
# Over HTTPS the cookies take the __Host- prefix: browsers then refuse them unless they are Secure,
# for this host only (no Domain) and for the whole site, so no subdomain can set or shadow them.
# Renaming the session cookie signs staff out once, at the first deploy that does it.
if SESSION_COOKIE_SECURE:
    SESSION_COOKIE_NAME = "__Host-sessionid"
if CSRF_COOKIE_SECURE:
    CSRF_COOKIE_NAME = "__Host-csrftoken"

# Static files: compressed and with hashed names, served by whitenoise.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Media on S3-compatible storage when a bucket is configured.
if env("AWS_STORAGE_BUCKET_NAME", default=""):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default=None),
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }

# The page cache needs a cache every gunicorn worker shares, or a change reaches only the worker
# that saved it: on by default with REDIS_URL, off without (docs/deployment.md).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300 if env("REDIS_URL", default="") else 0)

# Background tasks wait in the database for the worker: `python manage.py db_worker` runs beside
# gunicorn (docs/deployment.md). Staff emails then never hold up, or fail, a visitor's request.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Content-Security-Policy: on a site served over HTTPS (HSTS on), browsers fetch any http://
# address in a page over https instead. The media bucket's origin is added by home/csp.py.
if env.bool("UPGRADE_INSECURE_REQUESTS", default=SECURE_HSTS_SECONDS > 0):

    def _upgraded(policy):
        return {**policy, "DIRECTIVES": {**policy["DIRECTIVES"], "upgrade-insecure-requests": True}}

    CONTENT_SECURITY_POLICY = _upgraded(CONTENT_SECURITY_POLICY)
    CONTENT_SECURITY_POLICY_BY_PATH = {
        prefix: _upgraded(policy) for prefix, policy in CONTENT_SECURITY_POLICY_BY_PATH.items()
    }

# Email through SMTP, e.g. smtp+tls://user:password@smtp.example.org:587
vars().update(env.email_url("EMAIL_URL", default="smtp://localhost:25"))

ADMINS = [("Website", address) for address in env.list("ADMIN_EMAILS", default=[])]
