"""gunicorn settings: `gunicorn config.wsgi` picks this file up from the project folder.

No personal data in logs. The access log leaves out query strings (what visitors search for
and how they filter the group finder), client addresses and referrers; every line of the
access and error logs also goes through home.logging.PrivateLogFilter, which takes out any
address or query string gunicorn writes itself (an invalid request is logged as
"Invalid request from ip=…", with the request line).
"""

import os

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"  # noqa: S104 (behind a load balancer)
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
timeout = 30
accesslog = "-"
errorlog = "-"
# %(U)s is the path without its query string.
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(M)sms'
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# gunicorn's own logging (merged into its defaults): the access log to standard output, the
# error log to standard error, each line through the filter, and neither passed on to the root
# logger, where it would be written twice.
logconfig_dict = {
    "filters": {"private": {"()": "home.logging.PrivateLogFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "generic",
            "stream": "ext://sys.stdout",
            "filters": ["private"],
        },
        "error_console": {
            "class": "logging.StreamHandler",
            "formatter": "generic",
            "stream": "ext://sys.stderr",
            "filters": ["private"],
        },
    },
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["error_console"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": ["console"], "propagate": False},
    },
}
