"""'Report a problem with this listing': the form and the page routes every listing page shares.

A page type that lists something people go to (a support group, a community page's resources,
an event) adds `ListingReportMixin` in front of `RoutablePageMixin`:

    class EventPage(ListingReportMixin, RoutablePageMixin, BasePage): ...

and links to `page.get_report_url(request)` with a plain link. The form lives on its own page,
`<page>/report/`, which is private (it carries a CSRF token), so the listing itself stays the same
for every visitor and public caches keep it (home/http_cache.py). A page with things inside it
that a visitor may single out (a community page's resources) overrides `report_resources()`.

The report is kept in the core's `ListingReport` (home/models/reports.py), which points at
Wagtail's `Page`: the core knows no area, and each area only mixes this in. It works as the
join form does (groups.models.pages): a honeypot, a hidden key so that the same form sent twice
is one report, a per-address rate limit on reports that would be saved, a 400 with the form
and its errors for a mistake, a 429 past the limit, post/redirect/get to a thank-you page, and a
detail-free email to staff (home.notifications). Nothing a visitor typed is logged.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.contrib.routable_page.models import path

from home.contact_details import us_phone_number
from home.forms import HoneypotFormMixin, Outcome, StoredOnceMixin, handle_submission, private_form_response
from home.models.reports import NOTE_MAX_LENGTH, ListingReport
from home.notifications import notify_staff

RATE_LIMIT_GROUP = "report"
CONTACT_ERROR = "Enter an email address, like name@example.com, or a 10-digit US phone number, like (828) 555-0123."


class ListingReportForm(HoneypotFormMixin, StoredOnceMixin, forms.ModelForm):
    """What is wrong with a listing; a note and a way to reach the visitor only if they wish.

    No question about the visitor: the note's hint asks them to leave health out.
    """

    stored_model = ListingReport

    resource = forms.ChoiceField(label="Which one is it about?", required=False)

    class Meta:
        model = ListingReport
        fields = ["resource", "problem", "note", "contact"]
        labels = {
            "problem": "What is wrong?",
            "note": "Anything that would help us fix it",
            "contact": "Your email address or phone number",
        }
        help_texts = {
            "note": (
                "For example the right time or the new address. Please do not include anything about your "
                f"health or anyone else's. Up to {NOTE_MAX_LENGTH} characters."
            ),
            "contact": "Only if you would like us to tell you when it is fixed. A US phone number or an email.",
        }
        widgets = {
            "problem": forms.RadioSelect,
            "note": forms.Textarea(attrs={"rows": 4, "maxlength": NOTE_MAX_LENGTH}),
        }
        error_messages = {
            "problem": {"required": "Please choose what is wrong with the listing."},
            "note": {"max_length": f"Please keep the note to {NOTE_MAX_LENGTH} characters or fewer."},
        }

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        resources = page.report_resources()
        if resources:
            self.fields["resource"].choices = [("", "The page as a whole, or not sure")] + [
                (name, name) for name in resources
            ]
            self.fields["resource"].error_messages["invalid_choice"] = (
                "That one is no longer on the page: please choose one of those listed."
            )
        else:
            del self.fields["resource"]
        # Radio buttons without a ready-made "---------" choice.
        self.fields["problem"].choices = [choice for choice in self.fields["problem"].choices if choice[0]]

    def clean_contact(self):
        value = (self.cleaned_data.get("contact") or "").strip()
        if not value:
            return ""
        if "@" in value:
            try:
                validate_email(value)
            except ValidationError as error:
                raise ValidationError(CONTACT_ERROR) from error
            return value
        try:
            return us_phone_number(value)
        except ValidationError as error:
            raise ValidationError(CONTACT_ERROR) from error

    def fields_in_order(self):
        """Every field the visitor sees, in the page's order (for the error summary)."""
        return [self[name] for name in self.Meta.fields if name in self.fields]

    def answers(self):
        return {name: self.cleaned_data.get(name) or "" for name in self.Meta.fields}

    def submission_target(self):
        return f"page {self.page.pk}"

    def create_submission(self, **extra):
        return ListingReport.objects.create(page=self.page, **self.answers(), **extra)


class ListingReportMixin:
    """The `report/` and `report/thank-you/` routes of a listing page (put it before RoutablePageMixin)."""

    report_template = "home/listing_report.html"
    report_thank_you_template = "home/listing_report_thank_you.html"
    # What the listing is called in the page's words ("this group", "this page").
    report_listing_name = "this listing"

    def report_resources(self):
        """Names of the things on the page a visitor may single out; none by default."""
        return []

    def get_report_url(self, request=None):
        """The report page's path (with the site's root when `request` is on another site), or None."""
        url = self.get_url(request)
        return url + self.reverse_subpage("report") if url else None

    def get_report_full_url(self, request=None):
        """The report page's absolute URL on the site's own root URL (feeds, other apps)."""
        url = self.get_full_url(request)
        return url + self.reverse_subpage("report") if url else None

    @path("report/", name="report")
    def report_problem(self, request):
        """The form; posted back here and, once saved, a redirect to the thank-you page.

        Private: the form carries a CSRF token (and, after a mistake, what the visitor typed).
        """
        form = ListingReportForm(page=self)
        outcome = Outcome()
        if request.method == "POST":
            form = ListingReportForm(request.POST, page=self)
            outcome = handle_submission(
                request,
                form,
                rate_limit_group=RATE_LIMIT_GROUP,
                thank_you_url=lambda _report: self.url + self.reverse_subpage("report_thank_you"),
                notify=lambda: notify_staff(
                    "A problem was reported with a listing",
                    "A report of a problem with a listing",
                    reverse("home_listingreport_modeladmin_index"),
                ),
            )
            if outcome.redirect_to:
                return redirect(outcome.redirect_to)
        response = self.render(
            request,
            template=self.report_template,
            context_overrides={
                "form": form,
                "report_url": self.get_report_url(request),
                "listing_name": self.report_listing_name,
                "rate_limited": outcome.rate_limited,
                "retention_days": settings.LISTING_REPORT_RETENTION_DAYS,
            },
        )
        return private_form_response(response, outcome.status)

    @path("report/thank-you/", name="report_thank_you")
    def report_thank_you(self, request):
        return self.render(
            request,
            template=self.report_thank_you_template,
            context_overrides={
                "listing_name": self.report_listing_name,
                "retention_days": settings.LISTING_REPORT_RETENTION_DAYS,
            },
        )
