"""An event's "Ask for a place" page: `<event>/register/` and its thank-you page, as a group's `join/`.

`EventPage` mixes `RegistrationMixin` in front of `RoutablePageMixin`. The form lives on a page of
its own, so the event page carries no form and no CSRF token and stays the same for every visitor
(public caches keep it: home/http_cache.py); this page is private and never cached.

The form (events.registration_forms) is answered the one way every request form is
(home.forms.handle_submission): honeypot, the same form twice stored once, a 429 past the rate
limit that keeps what was typed, a 400 with the errors, post/redirect/get to `register/thank-you/`
(`?list=waiting` when the request went on the waiting list), and a detail-free email to staff
queued as a background task (home.notifications).

- An event that does not ask with the form has no such page (404).
- A cancelled event, one that has ended, or one postponed and not yet given its new date (even while
  the date first planned is still to come) takes no request: the page says so (200), and a form
  posted to it anyway is refused with the same words (409), nothing saved. `request_place` checks
  again with the event's row locked, so an event cancelled while the form was being checked gets
  the same 409.
- When every place is taken (or the editor set the event to "Full"), the page says so and that
  asking puts them on the waiting list; `request_place` decides with the event's row locked.
"""

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from wagtail.contrib.routable_page.models import path

from events.choices import Registration, RegistrationStatus
from events.registration_forms import EventRegistrationForm
from events.registrations import RegistrationsClosed, is_full, takes_registrations
from home.forms import Outcome, handle_submission, private_form_response
from home.notifications import notify_staff
from home.utils import add_working_days

RATE_LIMIT_GROUP = "event"
# Working days within which the team replies (the thank-you page says by which date).
REPLY_WORKING_DAYS = 2


def notify_organisers():
    notify_staff(
        "New request for a place at an event",
        "A request for a place at an event",
        reverse("events_eventregistration_modeladmin_index"),
    )


def closed_reason(event):
    """Why the event takes no request ("cancelled", "postponed", "ended"), or "" when it takes them."""
    if takes_registrations(event):
        return ""
    if event.is_cancelled:
        return "cancelled"
    if event.is_postponed:
        return "postponed"
    return "ended"


class RegistrationMixin:
    """The `register/` and `register/thank-you/` routes of an event page (put it before RoutablePageMixin)."""

    register_template = "events/register_page.html"
    registered_template = "events/register_thank_you.html"

    @property
    def asks_with_the_form(self):
        return self.registration == Registration.FORM

    def get_register_url(self, request=None):
        """The "Ask for a place" page's path (with the site's root when `request` is on another site), or None."""
        if not self.asks_with_the_form:
            return None
        url = self.get_url(request)
        return url + self.reverse_subpage("register") if url else None

    def places_full(self):
        """Whether asking now puts a visitor on the waiting list (one query for a form with places).

        Counted once per page object: the event page's side box and its JSON-LD ask the same question.
        """
        if "_places_full" not in self.__dict__:
            self._places_full = is_full(self)
        return self._places_full

    @path("register/", name="register")
    def register(self, request):
        """The form; posted back here and, once saved, a redirect to the thank-you page.

        Private: the form carries a CSRF token (and, after a mistake, what the visitor typed).
        """
        if not self.asks_with_the_form:
            raise Http404("This event does not take requests through the website.")
        if not getattr(request, "is_preview", False):
            prefetch_related_objects([self], "dates")
        reason = closed_reason(self)
        form = None if reason else EventRegistrationForm(event=self)
        outcome = Outcome()
        status = 200
        if request.method == "POST":
            if reason:
                status = 409  # Conflict: the event no longer takes requests; nothing is saved.
            else:
                form = EventRegistrationForm(request.POST, event=self)
                try:
                    outcome = handle_submission(
                        request,
                        form,
                        rate_limit_group=RATE_LIMIT_GROUP,
                        thank_you_url=self._registered_url,
                        notify=notify_organisers,
                    )
                except RegistrationsClosed as closed:
                    # Cancelled, postponed or ended since this request read the page: the same 409.
                    reason, form, status = closed_reason(closed.event) or "ended", None, 409
                else:
                    if outcome.redirect_to:
                        return redirect(outcome.redirect_to)
                    status = outcome.status
        response = self.render(
            request,
            template=self.register_template,
            context_overrides={
                "form": form,
                "closed_reason": reason,
                "full": not reason and self.places_full(),
                "register_url": self.get_register_url(request),
                "rate_limited": outcome.rate_limited,
                "retention_days": settings.EVENT_REGISTRATION_RETENTION_DAYS,
            },
        )
        return private_form_response(response, status)

    def _registered_url(self, registration):
        """The thank-you page; for the honeypot (no request), the plain one."""
        url = self.url + self.reverse_subpage("registered")
        if registration is not None and registration.status == RegistrationStatus.WAITLISTED:
            url += "?" + urlencode({"list": "waiting"})
        return url

    @path("register/thank-you/", name="registered")
    def registered(self, request):
        """What happens next. Says nothing of what was sent, so it may be cached like any page."""
        if not self.asks_with_the_form:
            raise Http404("This event does not take requests through the website.")
        today = timezone.localdate(timezone=timezone.get_default_timezone())
        return self.render(
            request,
            template=self.registered_template,
            context_overrides={
                "waitlisted": request.GET.get("list") == "waiting",
                "reply_by": add_working_days(today, REPLY_WORKING_DAYS),
            },
        )
