"""What every public form shares: a honeypot against bots, a key that makes a second post of the
same form harmless, and a per-address rate limit.

The honeypot is a few lines of our own rather than django-honeypot, because a
tripped honeypot here must look like success to the bot (the submission is
silently dropped), inside Wagtail's form pages as well as plain views.
"""

import hashlib
import json
import logging
import re
import secrets

from django import forms
from django.conf import settings
from django_ratelimit.core import get_usage

logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "website"
SUBMISSION_KEY_FIELD = "submission_key"
SUBMISSION_KEY_PATTERN = re.compile(r"[A-Za-z0-9_-]{20,64}")


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


def new_submission_key():
    return secrets.token_urlsafe(24)


class SubmissionKeyMixin(forms.Form):
    """A random key, new each time the empty form is shown, sent back in a hidden field.

    The form's view stores it with the submission and, when the same key comes back
    (a double click, a retry after a slow answer, the back button), shows the same
    thank-you page instead of storing the submission twice. A missing or malformed
    key is no error: the submission is simply kept without one.
    Render it with `{{ form.submission_key }}` inside the form.
    """

    submission_key = forms.CharField(
        required=False, max_length=64, initial=new_submission_key, widget=forms.HiddenInput
    )

    def clean_submission_key(self):
        key = self.cleaned_data.get(SUBMISSION_KEY_FIELD, "")
        return key if SUBMISSION_KEY_PATTERN.fullmatch(key) else ""

    def submission_fingerprint(self, sent_to, answers):
        """What is stored to know this submission again: its key, where it was sent and what it says.

        The same form posted twice (a double click, a retry after a slow answer) gives the same
        fingerprint and is kept once. Sent again after the visitor went back and changed an answer,
        or with the key of a form shown for another group, it is another submission, and kept.
        None without a key.
        """
        key = self.cleaned_data.get(SUBMISSION_KEY_FIELD)
        if not key:
            return None
        content = json.dumps([sent_to, key, answers], sort_keys=True, default=str)
        return hashlib.sha256(content.encode()).hexdigest()


def too_many_submissions(request, group, rate=None):
    """True once this address has sent more than FORM_RATE_LIMIT submissions to `group`.

    Counted in Django's cache (Redis in production, so all workers share the count);
    django-ratelimit keeps only a hash of the address, never the address itself.

    When the cache cannot count (Redis is down), the limit is not applied: a
    visitor's message matters more than a missed count. That is logged as a
    warning, naming the form and never the address.
    """
    if request.method != "POST" or not getattr(settings, "RATELIMIT_ENABLE", True):
        return False
    try:
        usage = get_usage(
            request,
            group=group,
            key="ip",
            rate=rate or settings.FORM_RATE_LIMIT,
            method="POST",
            increment=True,
        )
    except Exception:  # a cache backend that raises instead of ignoring its errors
        usage = None
    if usage is None:
        logger.warning("Rate limit for the %s form not applied: the cache did not answer", group)
        return False
    return usage["should_limit"]
