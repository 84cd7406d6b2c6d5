"""Staff sign-in: the page a locked-out sign-in sees.

django-axes counts failed sign-ins per account and address (config/settings/base.py, "Staff
sign-in"). This is the piece of it that is the practice's own.

The address a sign-in comes from is home.client_address.client_ip, as for the forms' rate limits.
"""

from django.conf import settings
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import ngettext

from home.models.settings import SiteSettings


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
