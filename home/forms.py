"""What every public form shares: a honeypot against bots and a per-address rate limit.

The honeypot is a few lines of our own rather than django-honeypot, because a
tripped honeypot here must look like success to the bot (the submission is
silently dropped), inside Wagtail's form pages as well as plain views.
"""

from django import forms
from django.conf import settings
from django_ratelimit.core import is_ratelimited

HONEYPOT_FIELD = "website"


class HoneypotFormMixin(forms.Form):
    """Adds a field that people never see or fill in; bots that fill it are ignored.

    Render it with `{% include "components/honeypot.html" with field=form.website %}`.
    """

    website = forms.CharField(
        required=False,
        label="Leave this field empty",
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def is_spam(self):
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())


def too_many_submissions(request, group, rate=None):
    """True once this address has sent more than FORM_RATE_LIMIT submissions to `group`.

    Counted in Django's cache (Redis in production, so all workers share the count);
    django-ratelimit keeps only a hash of the address, never the address itself.
    """
    return is_ratelimited(
        request,
        group=group,
        key="ip",
        rate=rate or settings.FORM_RATE_LIMIT,
        method="POST",
        increment=True,
    )
