"""Settings shared by every environment.

Values that differ between machines are read from the environment through
django-environ's typed readers, so "false" is read as False and a database URL
as a database. Each environment module (dev, test, production) starts from here.
"""

import datetime
from pathlib import Path

import environ
from csp.constants import NONE, SELF, UNSAFE_INLINE

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

# Application definition -----------------------------------------------------

# The site's own apps come first so their templates and static files win.
# `load_demo_content` runs each app's `demo.py` in this order.
LOCAL_APPS = [
    "home",
    "community",
    "blog",
    "groups",
    "counselors",
    "events",
]

INSTALLED_APPS = [
    *LOCAL_APPS,
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail.api.v3",
    # django-ninja (under the v3 API): installed, its browsable docs use its own copy of Swagger UI
    # instead of loading it from a CDN.
    "ninja",
    # The site's changes to Wagtail's v3 API, made once the Wagtail apps above have added their routes.
    "home.api",
    "wagtail",
    "wagtail_modeladmin",
    "django_ratelimit",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "corsheaders",
    "csp",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Anonymous pages from the cache (home/page_cache.py): after the HTTPS redirect, before whatever
    # makes the answer (its CSP, CORS, Cache-Control, compression), so a copy is the whole answer.
    "home.page_cache.PageCacheMiddleware",
    # Gzip for public responses only, never one with a secret in it (BREACH; home/http_cache.py).
    "home.http_cache.CompressPublicMiddleware",
    "home.csp.SiteCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Public or private, ETag and 304 for pages; above the session, CSRF and messages middleware,
    # so it sees the cookies and Vary they add (home/http_cache.py).
    "home.http_cache.HTTPCacheMiddleware",
    "home.api.middleware.APICacheMiddleware",
    "home.api.middleware.V3StrictParametersMiddleware",
    "home.api.middleware.APINumbersInRangeMiddleware",
    "home.api.middleware.APIParameterValuesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-factor sign-in: whether this session typed a code, then nothing else until it has.
    "django_otp.middleware.OTPMiddleware",
    "home.two_factor.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A story approved without its consent: a message, not an error page (blog/middleware.py).
    "blog.middleware.StoryConsentMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page (see "Staff sign-in").
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Data -----------------------------------------------------------------------

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def redis_cache(url):
    """The cache on Redis at `url`, as production runs it: an outage is a miss, never an error."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "CLIENT_CLASS": "django_redis.client.DefaultClient",
            # A cache outage must not take the site down: a miss, and pages come from the database.
            "IGNORE_EXCEPTIONS": True,
            # A Redis that does not answer (a host gone silent, not refusing) costs half a second,
            # not the minutes of a TCP timeout that would outlast the request and lose a submission.
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
        },
        "KEY_PREFIX": "rmc",
    }


# The in-process page cache (home/page_cache.py): seconds an anonymous page is kept at most (less
# when its Cache-Control says so); 0 turns it off. Invalidated at once by any change to content.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)

# Local memory unless REDIS_URL is set (production on more than one process).
if env("REDIS_URL", default=""):
    CACHES = {"default": redis_cache(env("REDIS_URL"))}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "resilient-mind",
        }
    }
    # One process, one count: right for development, tests and a single-process
    # install. With several workers, set REDIS_URL so rate limits are shared.
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]

# Passwords and accounts -----------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Staff sign-in: throttling and lockout (django-axes) -------------------------------

# Every sign-in (the Wagtail admin's and the Django admin's) goes through axes' backend first,
# which refuses a locked-out attempt before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords for one account from one address, then that pair waits 15 minutes; each
# try while locked starts the wait again (axes' default), so "15 minutes from now" is always true.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
# Keyed on the pair, not the account alone: a stranger who types "admin" five times locks out
# only themselves, never the real administrator at the office. Not on the address alone either:
# an office behind one address, or every visitor behind a misconfigured proxy, would share it.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "home.signin.locked_out"
# The client's address behind the TLS proxy, as for the forms: TRUSTED_PROXY_COUNT ("Faults" below).
AXES_CLIENT_IP_CALLABLE = "home.client_address.client_ip"
# Records are personal data (account name, address, browser): keep only the failed attempts that
# lockouts need, never a log of every sign-in, and say nothing about them in the log.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_VERBOSE = False
# Days a failed sign-in is kept before `purge_signin_attempts` deletes it (axes itself deletes
# those older than the cool-off at the next sign-in; the purge covers quiet days).
SIGNIN_ATTEMPT_RETENTION_DAYS = env.int("SIGNIN_ATTEMPT_RETENTION_DAYS", default=1)

# Staff sign-in: two-factor (django-otp; home/two_factor/) -----------------------------

# The name authenticator apps show beside the code.
OTP_TOTP_ISSUER = "Resilient Mind Counseling"
# After each wrong code the next may be tried only after 1, 2, 4, 8 … seconds (django-otp's
# throttling, per device): guessing six digits is out of reach.
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

# Language and time ----------------------------------------------------------

LANGUAGE_CODE = "en-us"
# Groups meet in Asheville: every schedule is in Eastern time.
TIME_ZONE = "America/New_York"
# The practice works in Asheville time and staff enter event and group times in it: the admin
# offers no other time zone, so a date typed in the editor is never read in another one.
WAGTAIL_USER_TIME_ZONES = ["America/New_York"]
USE_I18N = True
USE_TZ = True

# Static files and media -----------------------------------------------------

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATIC_URL = "/static/"
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Email ----------------------------------------------------------------------

DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Resilient Mind Counseling <website@resilientmind.example>")
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
# Seconds to wait for the mail server: an error report sent during a request never holds it for long.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
# Who hears that a join request or a message arrived (the email never holds its contents).
STAFF_NOTIFICATION_EMAILS = env.list("STAFF_NOTIFICATION_EMAILS", default=["office@resilientmind.example"])

# Security defaults that hold everywhere --------------------------------------

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Visitors' paths (which group, which article) are not sent to other sites.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# Sent with same-site requests and top-level links only (Django's default, said out loud).
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Readers get no cookies. Pages with a form (joining a group, the contact page) set
# Django's CSRF cookie, a random token that ends when the browser closes.
CSRF_COOKIE_AGE = None

# Content-Security-Policy ------------------------------------------------------

# The one inline script of public pages, templates/base.html's `document.documentElement.classList.add("js")`,
# allowed by its hash rather than a per-request nonce, so one cached copy of a page serves everyone
# (home/http_cache.py). tests/test_security_headers.py fails when the script changes and this does not:
# the new value is `"'sha256-" + base64(sha256(script text)) + "'"`, as that test prints it.
INLINE_SCRIPT_HASHES = ["'sha256-qOhFsq0QMV2REqNwk5hGH5bZE9SkX6gt6yeyKdYPv+U='"]
# Public pages and the API: the site's own files and nothing else, and that inline script; embeds add
# their player to frame-src on the page that shows them (home/csp.py). No inline styles: they
# belong in static/css/. No nonce: a page carrying one could not be cached.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF, *INLINE_SCRIPT_HASHES],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
# A page as the editor's preview panel shows it: the public policy, framed by the admin.
CONTENT_SECURITY_POLICY_PREVIEW = {
    "DIRECTIVES": {**CONTENT_SECURITY_POLICY["DIRECTIVES"], "frame-ancestors": [SELF]},
}
# Wagtail's admin (and Django's) write inline <script> and style="" in their templates: they get
# 'unsafe-inline' for those two, kept to these paths. No nonce here, or browsers would ignore
# 'unsafe-inline'. Same-origin frames for the page preview; blob: and data: for image uploads.
_ADMIN_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "frame-src": [SELF],
        "worker-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
# The v3 API's browsable docs (Swagger UI, served from django-ninja's own static files): its
# React styles are inline and its icons data: images.
_API_DOCS_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
# The admin's img-src has no room for an avatar service: WAGTAIL_GRAVATAR_PROVIDER_URL is None
# ("Privacy in logs and the admin" below).
# Paths with a policy of their own; the longest matching prefix wins.
CONTENT_SECURITY_POLICY_BY_PATH = {
    "/admin/": _ADMIN_POLICY,
    "/django-admin/": _ADMIN_POLICY,
    "/api/v3/docs/": _API_DOCS_POLICY,
}

# Permissions-Policy --------------------------------------------------------------

# Powerful browser features nothing on the site uses, refused to the site and to any frame in it.
# Not listed, so a video's player may still use them once the visitor presses play: fullscreen,
# autoplay, encrypted-media, picture-in-picture. Clipboard and sync XHR are left to the admin.
# Geolocation stays off until a "groups near me" search asks for it.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "otp-credentials",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "window-management",
        "xr-spatial-tracking",
    )
}

# Logging: to standard output, never with personal data ------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    # No client address, query string or value a visitor typed in any line (home/logging.py).
    "filters": {
        "private": {"()": "home.logging.PrivateLogFilter"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["private"]},
        # Server errors by email to ADMINS (ADMIN_EMAILS), the report without what visitors
        # sent (DEFAULT_EXCEPTION_REPORTER below).
        # Errors only: a refused CSRF token or a 404 is a warning and sends nothing.
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false", "private"],
        },
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Instead of Django's own handlers for it, which write without the filter above.
        "django": {"handlers": ["console", "mail_admins"], "level": "INFO", "propagate": False},
        # django.server logs each request line, query string included; the access
        # log is gunicorn's job in production (see gunicorn.conf.py).
        "django.server": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "django.request": {"handlers": ["console", "mail_admins"], "level": "ERROR", "propagate": False},
        # A bad Host header is scanners' noise, not a server error: the log has it, nobody is emailed.
        "django.security.DisallowedHost": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django_tasks": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # django-axes says "successful login by ****" at every sign-in; lockouts are warnings.
        "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}

# Wagtail --------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Resilient Mind Counseling"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "home.SiteImage"
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg", "webp": "webp"}
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
# Uploads: an image of more pixels than this is refused (Wagtail's default is 128 million). Each
# decode costs about 4 bytes a pixel: a 121-megapixel PNG of 345 KB took ~360 MB and 10 s to render.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.image_forms.SiteImageForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Review before publishing (home/roles.py): never switch workflows off.
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["bold", "italic", "ol", "ul", "link", "document-link"]},
    }
}
# The database backend picks PostgreSQL full-text search when it runs on PostgreSQL.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Caching by browsers and shared caches (home/http_cache.py) --------------------------

# Anonymous pages, feeds, the sitemap, search and the finder are public: seconds a browser may
# reuse one (max-age), seconds a shared cache (Varnish, a CDN) may (s-maxage; it is purged on
# publish, so this bounds staleness only when a purge is lost), and seconds either may still
# serve it while fetching a fresh copy (stale-while-revalidate).
HTTP_CACHE_MAX_AGE = env.int("HTTP_CACHE_MAX_AGE", default=60)
HTTP_CACHE_SHARED_MAX_AGE = env.int("HTTP_CACHE_SHARED_MAX_AGE", default=300)
HTTP_CACHE_STALE_SECONDS = env.int("HTTP_CACHE_STALE_SECONDS", default=60)

# Headless API ----------------------------------------------------------------

WAGTAILAPI_BASE_URL = env("WAGTAILAPI_BASE_URL", default=WAGTAILADMIN_BASE_URL)
WAGTAILAPI_LIMIT_MAX = 50
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_SEARCH_ENABLED = True
# Seconds browsers and CDNs may reuse an anonymous API answer before revalidating.
API_CACHE_SECONDS = env.int("API_CACHE_SECONDS", default=300)
# Other sites' front ends that may read the API and feeds from a browser, e.g.
# CORS_ALLOWED_ORIGINS=https://app.example.org,https://partner.example.com
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
# The APIs and the feeds: the calendars (/groups/calendar.ics, /groups/<id>/calendar.ics) and the
# articles' RSS feeds (/articles/feed/, /articles/feed/<topic>/). The Meeting Guide feed
# (/groups/meetings.json) is open to every origin, as its spec's widgets expect (groups/feeds.py).
CORS_URLS_REGEX = r"^/(api/.*|groups/(\d+/)?calendar\.ics|[-\w]+/feed/([-\w]+/)?)$"
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_CREDENTIALS = False
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

# The practice -------------------------------------------------------------------

# Public forms (join requests, contact): submissions per address, counted in the cache.
FORM_RATE_LIMIT = env("FORM_RATE_LIMIT", default="5/h")
# The visitor's address for rate limits comes from home.client_address.client_ip, which reads
# TRUSTED_PROXY_COUNT (see "Faults" below).
RATELIMIT_IP_META_KEY = "home.client_address.client_ip"

# Days a message sent through the contact form is kept before it is purged.
FORM_SUBMISSION_RETENTION_DAYS = env.int("FORM_SUBMISSION_RETENTION_DAYS", default=180)
# Days a request to join a support group is kept before `purge_join_requests` deletes it.
JOIN_REQUEST_RETENTION_DAYS = env.int("JOIN_REQUEST_RETENTION_DAYS", default=180)
# Days a request for a first appointment is kept before `purge_appointment_requests` deletes it.
APPOINTMENT_REQUEST_RETENTION_DAYS = env.int("APPOINTMENT_REQUEST_RETENTION_DAYS", default=180)
# Days a request for a place at an event is kept before `purge_event_registrations` deletes it.
EVENT_REGISTRATION_RETENTION_DAYS = env.int("EVENT_REGISTRATION_RETENTION_DAYS", default=180)
# Days a visitor's report of a problem with a listing is kept before `purge_listing_reports` deletes it.
LISTING_REPORT_RETENTION_DAYS = env.int("LISTING_REPORT_RETENTION_DAYS", default=90)
# Days after which a group's details (times, place, cost) "need verifying" with its facilitator:
# shown in the admin's page listing, on the group's edit page and on the dashboard.
GROUP_VERIFY_AFTER_DAYS = env.int("GROUP_VERIFY_AFTER_DAYS", default=90)

# Serve uploaded media from Django itself: for a small single-machine install.
# Larger installs use S3-compatible storage or a web server in front (docs/deployment.md).
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=False)
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")

# Privacy in logs and the admin -------------------------------------------------

# No avatar service: Wagtail would ask Gravatar for each staff member's picture, sending a hash
# of their email address from every admin page. Staff get Wagtail's plain default avatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Reports of server errors (the email to ADMINS, the debug page) name what a visitor sent but
# show none of it: no query values, form data, cookies or client address (home/error_reports.py).
DEFAULT_EXCEPTION_REPORTER = "home.error_reports.PrivateExceptionReporter"
DEFAULT_EXCEPTION_REPORTER_FILTER = "home.error_reports.PrivateExceptionReporterFilter"

# Faults: degrade, never refuse ---------------------------------------------------

# SQLite (the default database) made fit for several people editing at once: write-ahead
# logging so readers never wait for a writer, transactions that take the write lock when they
# begin (IMMEDIATE), so two writers queue instead of one failing with "database is locked"
# halfway, and 20 seconds of patience for that lock (an autosave during an image upload).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

# When the cache cannot count submissions (Redis down), forms still take them: the rate
# limit is skipped with a warning in the log (home.forms.too_many_submissions).
RATELIMIT_FAIL_OPEN = True
# How many proxies of our own stand between visitors and the app server (the TLS proxy, a load
# balancer): 0 reads the connecting address, n the n-th address from the right of X-Forwarded-For.
# Too low and every visitor shares the proxy's limit (and one stranger can pause an account's
# sign-in for everyone); too high and visitors can pick their own. Forms and staff sign-in both.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# Background tasks (django-tasks, Wagtail's task framework): staff emails, and Wagtail's own
# (search and reference indexes, image focal points, file clean-up). Here and in tests they run at once, in the
# request; production queues them in the database for `manage.py db_worker` (production.py).
INSTALLED_APPS.append("django_tasks_db")
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# A staff email that the mail server does not take is tried again (by the worker) this many
# times in all, after waits that start here and double: 60 s gives 1, 2, 4 … minutes, about
# 17 hours over 11 tries, so a mail server down overnight still gets it.
STAFF_EMAIL_ATTEMPTS = env.int("STAFF_EMAIL_ATTEMPTS", default=11)
STAFF_EMAIL_FIRST_RETRY_SECONDS = env.float("STAFF_EMAIL_FIRST_RETRY_SECONDS", default=60)

# The shared HTTP cache in front: purged on publish ----------------------------------------------

# Wagtail's frontend cache backends, each on when its variables are set. What a change purges, and
# the background task that sends the purges, are in home/frontend_cache.py (Wagtail's own app and
# receivers, which purge only the page itself, are not installed). docs/deployment.md, "Varnish".
WAGTAILFRONTENDCACHE = {}
# Varnish with config/varnish/default.vcl, e.g. http://127.0.0.1:6081: PURGE and BAN go there.
if env("VARNISH_PURGE_URL", default=""):
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "home.frontend_cache.VarnishBackend",
        "LOCATION": env("VARNISH_PURGE_URL"),
    }
# Cloudflare: an API token allowed to purge the zone's cache ("Zone.Cache Purge").
if env("CLOUDFLARE_BEARER_TOKEN", default="") and env("CLOUDFLARE_ZONE_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "home.frontend_cache.PracticeCloudflareBackend",
        "BEARER_TOKEN": env("CLOUDFLARE_BEARER_TOKEN"),
        "ZONEID": env("CLOUDFLARE_ZONE_ID"),
    }
# CloudFront: AWS credentials as boto3 finds them (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY or a role).
if env("CLOUDFRONT_DISTRIBUTION_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "home.frontend_cache.PracticeCloudfrontBackend",
        "DISTRIBUTION_ID": env("CLOUDFRONT_DISTRIBUTION_ID"),
    }
