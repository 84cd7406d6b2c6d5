"""What every public form shares: a honeypot against bots, a key that makes a second post of the
same form harmless, a per-address rate limit, and the one way a request form is answered.

The join form (groups), the listing report (home.listing_reports) and the appointment request
(counselors) store a visitor's request in a model of their own: each form is a
`StoredOnceMixin` and each page hands it to `handle_submission`, then to `private_form_response`.

The honeypot is a few lines of our own rather than django-honeypot, because a
tripped honeypot here must look like success to the bot (the submission is
silently dropped), inside Wagtail's form pages as well as plain views.
"""

import hashlib
import json
import logging
import re
import secrets
from typing import NamedTuple

from django import forms
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.cache import patch_cache_control, patch_vary_headers
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


class StoredOnceMixin(SubmissionKeyMixin):
    """A form whose answers are stored as one row of `stored_model`, once however often it is posted.

    The model has a unique, nullable `submission_key`. A form says where it was sent
    (`submission_target()`, e.g. "group 12"), what the visitor answered (`answers()`) and how a
    row is made (`create_submission(submission_key=…)`); this mixin finds the row an earlier post
    of the same form made, and saves a new one only when there is none.
    """

    stored_model = None

    def submission_target(self):
        raise NotImplementedError

    def answers(self):
        raise NotImplementedError

    def create_submission(self, **extra):
        return self.stored_model.objects.create(**self.answers(), **extra)

    def fingerprint(self):
        return self.submission_fingerprint(self.submission_target(), self.answers())

    def earlier_submission(self):
        """The row already saved from this very form with these very answers (posted twice), if any."""
        fingerprint = self.fingerprint()
        return self.stored_model.objects.filter(submission_key=fingerprint).first() if fingerprint else None

    def save_once(self):
        """(the new row, True); (the earlier one, False) when the same form won a race to be saved first.

        Two posts racing: the database refuses the second key, inside a savepoint so the
        request's transaction stays usable, and the first row is returned.
        """
        try:
            with transaction.atomic():
                return self.create_submission(submission_key=self.fingerprint()), True
        except IntegrityError:
            earlier = self.earlier_submission()
            if earlier is None:
                raise
            return earlier, False


class Outcome(NamedTuple):
    """What `handle_submission` decided: a redirect to follow, or the form to show with a status."""

    redirect_to: str | None = None
    status: int = 200
    rate_limited: bool = False


def handle_submission(request, form, *, rate_limit_group, thank_you_url, notify):
    """The one way a posted request form (a `StoredOnceMixin` with the honeypot) is answered.

    - the honeypot filled: the thank-you page, as if it worked; nothing kept, nobody told;
    - a mistake: 400 and the form with its errors;
    - the same form again (a double click, a retry): the same thank-you page, nothing stored twice;
    - past FORM_RATE_LIMIT: 429 and the form with what the visitor typed (only a submission that
      would be saved counts, so correcting a mistake never locks anyone out);
    - else saved once, `notify()` called (staff get a detail-free email), and the thank-you page.

    `thank_you_url(saved)` gets the saved row, or None for the honeypot.
    """
    if form.is_spam():
        return Outcome(redirect_to=thank_you_url(None))
    if not form.is_valid():
        return Outcome(status=400)
    if earlier := form.earlier_submission():
        return Outcome(redirect_to=thank_you_url(earlier))
    if too_many_submissions(request, rate_limit_group):
        return Outcome(status=429, rate_limited=True)
    saved, created = form.save_once()
    if created:
        notify()
    return Outcome(redirect_to=thank_you_url(saved))


def private_form_response(response, status=200):
    """A page with a form: its status, and never kept by any cache (a CSRF token, maybe what was typed)."""
    response.status_code = status
    patch_cache_control(response, private=True, no_store=True)
    patch_vary_headers(response, ["Cookie"])
    return response
