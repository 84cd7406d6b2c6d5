"""'Request an appointment': the page that asks for a first appointment, and its thank-you page.

A page type rather than a plain route, so that editors word the page themselves (its title,
intro and how soon the intake coordinator replies), place it in the menu and link to it like any
other page, and so that the counselor pages find it wherever it lives in the tree. One per site,
under the home page, with no pages below it.

The form (counselors.appointment_forms) is answered the one way every request form is
(home.forms.handle_submission): honeypot, the same form twice stored once, a 429 past the rate
limit that keeps what was typed, a 400 with the errors, post/redirect/get to `thank-you/`, and a
detail-free email to staff queued as a background task. The form page is private and never
cached (it carries a CSRF token); the thank-you page says nothing of what was sent, so it may be.

A counselor is preselected with `?counselor=<the counselor page's id>` (the counselor pages link
so): a value that is not one of the counselors offered is ignored, and the form shows with "No
preference".
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from counselors.appointment_forms import AppointmentRequestForm
from counselors.choices import AcceptingClients
from home.forms import Outcome, handle_submission, private_form_response
from home.models import BasePage
from home.notifications import notify_staff
from home.utils import add_working_days

RATE_LIMIT_GROUP = "appointment"


def notify_intake():
    notify_staff(
        "New request for a first appointment",
        "A request for a first appointment",
        reverse("counselors_appointmentrequest_modeladmin_index"),
    )


class AppointmentRequestPage(RoutablePageMixin, BasePage):
    """The "Request a first appointment" form, its words chosen by editors."""

    intro = models.TextField(
        max_length=600,
        blank=True,
        help_text=(
            "A few warm words above the form: what the first step is and that there is no commitment. "
            "Also used in search results."
        ),
    )
    reply_working_days = models.PositiveSmallIntegerField(
        "we reply within (working days)",
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text="How many working days (Monday to Friday) the intake coordinator takes to reply. Shown to visitors.",
    )
    reader = models.CharField(
        "who reads requests",
        max_length=120,
        default="our intake coordinator",
        help_text="Shown as 'Only … reads your request'. A role, not a person's name.",
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    summary_field = "intro"
    search_kind = "Form"

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("reader"),
        FieldPanel("reply_working_days"),
    ]

    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    # What the page says, never anything a visitor sent.
    api_fields = [APIField("intro"), APIField("reader"), APIField("reply_working_days")]

    class Meta:
        verbose_name = "appointment request page"

    def url_for_counselor(self, counselor, request=None):
        """This page's URL with `counselor` preselected."""
        url = self.get_url(request)
        return f"{url}?counselor={counselor.pk}" if url else ""

    @path("", name="form")
    def request_form(self, request):
        """The form; posted back here and, once saved, a redirect to the thank-you page."""
        form = AppointmentRequestForm(preselect=request.GET.get("counselor"))
        outcome = Outcome()
        if request.method == "POST":
            form = AppointmentRequestForm(request.POST)
            outcome = handle_submission(
                request,
                form,
                rate_limit_group=RATE_LIMIT_GROUP,
                thank_you_url=lambda _saved: self.url + self.reverse_subpage("thank_you"),
                notify=notify_intake,
            )
            if outcome.redirect_to:
                return redirect(outcome.redirect_to)
        response = self.render(
            request,
            context_overrides={
                "form": form,
                "rate_limited": outcome.rate_limited,
                "retention_days": settings.APPOINTMENT_REQUEST_RETENTION_DAYS,
                # What a first session costs, near the top with who reads the request (counselors/models.py
                # imports this module, hence the import in _cost_context).
                **_cost_context(request),
            },
        )
        return private_form_response(response, outcome.status)

    @path("thank-you/", name="thank_you")
    def thank_you(self, request):
        # Today in Asheville (settings.TIME_ZONE), whatever zone is active.
        today = timezone.localdate(timezone=timezone.get_default_timezone())
        return self.render(
            request,
            template="counselors/appointment_thank_you.html",
            context_overrides={"reply_by": add_working_days(today, self.reply_working_days)},
        )


def _cost_context(request):
    from counselors.models import cost_context

    return cost_context(request)


def appointment_url(request, counselor=None):
    """The live appointment page's URL, with `counselor` preselected when they take requests; "" without one.

    Counselors not taking new clients link to the page without themselves preselected.
    """
    page = AppointmentRequestPage.objects.live().public().order_by("path").first()
    if page is None:
        return ""
    if counselor is not None and counselor.accepting != AcceptingClients.NO:
        return page.url_for_counselor(counselor, request)
    return page.get_url(request) or ""
