"""The visitor's address, for the forms' rate limits and the staff sign-in lockout.

In production a TLS proxy (and perhaps a load balancer) stands in front of gunicorn, so the
connecting address is the proxy's and every visitor would share it. TRUSTED_PROXY_COUNT says how
many proxies of ours are in the path. Each appends the address it was connected from to
X-Forwarded-For, so with n proxies the visitor's address is the n-th from the right; entries
further left were written by the visitor and could be anything.

Our own few lines rather than django-ipware's: ipware 8 counts proxies by their own addresses in
the header and answers "no address" when they are not there, which would key the sign-in lockout
on the account alone.
"""

import ipaddress

from django.conf import settings


def client_ip(request):
    """The address a request comes from (RATELIMIT_IP_META_KEY and AXES_CLIENT_IP_CALLABLE point here).

    With no proxy in front, the connecting address (REMOTE_ADDR). A header with fewer entries
    than there are proxies (the request did not come through them all), or an entry that is not
    an address, falls back to the connecting address, which nobody can forge.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    chain = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()]
    if len(chain) < proxies:
        return remote
    try:
        return str(ipaddress.ip_address(chain[-proxies]))
    except ValueError:
        return remote
