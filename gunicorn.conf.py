"""gunicorn settings: `gunicorn config.wsgi` picks this file up from the project folder.

The access log leaves out query strings (what visitors search for and how they
filter the group finder), client addresses and referrers: no personal data in logs.
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
