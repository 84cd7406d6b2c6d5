"""Staff sign-in: who is signing in from where, and the page a locked-out sign-in sees.

django-axes counts failed sign-ins per account and address (config/settings/base.py, "Staff
sign-in"). These are the two pieces of it that are the practice's own.

Why our own client address and not django-ipware's: in production a TLS proxy stands in front,
so the connecting address is the proxy's and every sign-in would share it. Each proxy appends the
address it saw to X-Forwarded-For, so with N proxies in front the client's address is the N-th
from the right; entries further left were written by the client and could be anything.
django-ipware 8 counts proxies differently (it wants the proxies' own addresses in the header
and answers "no address" when they are not), which would key every lockout on the account alone:
the very thing the lockout parameters avoid.
"""

import ipaddress

from django.conf import settings
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import ngettext

from home.models.settings import SiteSettings


def client_ip(request):
    """The address a sign-in comes from: SIGNIN_PROXY_COUNT proxies in front (0: none)."""
    remote = request.META.get("REMOTE_ADDR")
    count = settings.SIGNIN_PROXY_COUNT
    if count <= 0:
        return remote
    chain = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()]
    if len(chain) < count:
        # The request did not come through every proxy: only the connecting address is known.
        return remote
    candidate = chain[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def locked_out(request, original_response=None, credentials=None):
    """The lockout page, in the admin's sign-in style: when to try again and whom to call (429)."""
    cool_off = settings.AXES_COOLOFF_TIME
    minutes = int(cool_off.total_seconds() // 60)
    context = {
        "wait": ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes},
        # Each try while locked starts the wait again, so the end is always counted from now.
        "try_again_at": timezone.localtime() + cool_off,
        "practice": SiteSettings.load(request_or_site=request),
    }
    return render(request, "home/admin/signin/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
