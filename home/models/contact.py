"""The contact page: a form whose fields editors choose, read by staff in the admin only.

Built on Wagtail's form builder (`wagtail.contrib.forms`). What differs from a
stock form page:

- a honeypot field (home.forms.HoneypotFormMixin): a filled-in honeypot looks like
  success to the bot, and nothing is kept;
- how to get back to the visitor (email, phone call or text message, and whether a
  message may be left), asked as the group join form asks it (home.contact_details);
- a hidden key in the form (home.forms.SubmissionKeyMixin): the same form posted twice
  stores one message and shows the same thank-you page;
- post/redirect/get: a message sent is answered with a redirect to the thank-you page
  (`thank-you/`, with a signed receipt that says nothing of the message), so reloading it sends
  nothing again; without a valid receipt that address says no message was sent from here;
- a per-address rate limit on messages that would be sent (mistakes do not count):
  past it, the visitor keeps their text and gets a 429 with a clear message;
- staff are told by email only that a message arrived, with a link to the
  submissions in the admin, never its contents (not AbstractEmailForm's email);
- staff read and export messages in words and local time, in a spreadsheet that runs
  nothing a visitor typed (home.exports);
- submissions are purged after FORM_SUBMISSION_RETENTION_DAYS
  (`manage.py purge_form_submissions`), and never cached, published or logged.
"""

from http import HTTPStatus
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.forms import BaseForm, FormBuilder, WagtailAdminFormPageForm
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.models import Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from home.contact_details import ContactDetailsMixin
from home.forms import (
    HONEYPOT_FIELD,
    SUBMISSION_KEY_FIELD,
    HoneypotFormMixin,
    SubmissionKeyMixin,
    too_many_submissions,
)
from home.notifications import notify_staff

from .mixins import BasePage
from .settings import SiteSettings

__all__ = ["ContactFormField", "ContactPage"]

RATE_LIMIT_GROUP = "contact"
MESSAGE_MAX_LENGTH = 5000
# Editors' field names that say what a browser may fill in (WCAG 1.3.5, identify input purpose).
AUTOCOMPLETE_BY_NAME = {
    "name": "name",
    "your_name": "name",
    "full_name": "name",
    "first_name": "given-name",
    "last_name": "family-name",
    "phone": "tel",
    "phone_number": "tel",
    "your_phone": "tel",
    "telephone": "tel",
}


# Our own fields in the visitor's form, which no editor's field may be named like.
WORKINGS_FIELD_NAMES = {HONEYPOT_FIELD, SUBMISSION_KEY_FIELD}
RESERVED_FIELD_NAMES = {*WORKINGS_FIELD_NAMES, *ContactDetailsMixin.CONTACT_DETAIL_FIELDS}
# The thank-you page's address under the contact page, and how long its receipt reads as "sent".
THANK_YOU_PATH = "thank-you"
RECEIPT_SALT = "home.contact.sent"
RECEIPT_MAX_AGE = 60 * 60 * 24


class ContactForm(HoneypotFormMixin, SubmissionKeyMixin, ContactDetailsMixin, BaseForm):
    """The visitor's form: the editors' fields, how to reach them, the honeypot and the submission key."""

    def visitor_fields(self):
        """The editors' fields; ours are rendered on their own."""
        return [field for field in self if field.name not in RESERVED_FIELD_NAMES]

    def fields_in_order(self):
        """Every field the visitor sees, in the order the page shows them (for the error summary)."""
        return [*self.visitor_fields(), *self.contact_details()]

    def submission_data(self):
        """What is kept: the visitor's answers, and a fingerprint of the form's key with them (the
        admin shows only the answers: get_data_fields)."""
        data = self.answers()
        if fingerprint := self.fingerprint():
            data[SUBMISSION_KEY_FIELD] = fingerprint
        return data

    def answers(self):
        return {name: value for name, value in self.cleaned_data.items() if name not in WORKINGS_FIELD_NAMES}

    def fingerprint(self):
        return self.submission_fingerprint(f"page {self.page.pk if self.page else ''}", self.answers())


class ContactFormBuilder(FormBuilder):
    """Wagtail's form builder with sensible widgets for people on phones."""

    def get_form_class(self):
        # A field an editor named like one of the form's own (kept in an old revision, published
        # again by a workflow or a schedule, past the admin form's check) never replaces it.
        fields = {name: field for name, field in self.formfields.items() if name not in RESERVED_FIELD_NAMES}
        return type("ContactForm", (ContactForm,), fields)

    def get_field_options(self, field):
        options = super().get_field_options(field)
        options["label"] = field.label.strip()
        return options

    def create_singleline_field(self, field, options):
        clean_name = field.clean_name or field.get_field_clean_name()
        autocomplete = AUTOCOMPLETE_BY_NAME.get(clean_name) or ("tel" if "phone" in clean_name else None)
        if autocomplete == "tel":
            options["widget"] = forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"})
        elif autocomplete:
            options["widget"] = forms.TextInput(attrs={"autocomplete": autocomplete})
        return super().create_singleline_field(field, options)

    def create_multiline_field(self, field, options):
        options["max_length"] = MESSAGE_MAX_LENGTH
        options["widget"] = forms.Textarea(attrs={"rows": 6})
        return super().create_multiline_field(field, options)

    def create_email_field(self, field, options):
        options["widget"] = forms.EmailInput(attrs={"autocomplete": "email"})
        return super().create_email_field(field, options)

    def create_date_field(self, field, options):
        options["widget"] = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        return super().create_date_field(field, options)


class ContactPageAdminForm(WagtailAdminFormPageForm):
    """Refuses a form field named like the honeypot, which would drop real visitors' messages."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("form_fields")
        for form in formset.forms if formset else []:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            clean_name = form.instance.clean_name or form.instance.get_field_clean_name()
            if clean_name in WORKINGS_FIELD_NAMES:
                form.add_error(
                    "label",
                    ValidationError(
                        f"'{form.instance.label}' is used by the form's own workings (spam protection, "
                        "sending once). Please choose another label, for example 'Your website address'."
                    ),
                )
            elif clean_name in RESERVED_FIELD_NAMES:
                form.add_error(
                    "label",
                    ValidationError(
                        f"The form already asks how to reach the visitor (email, phone call or text message, "
                        f"with their email address or phone number): please remove '{form.instance.label}', "
                        "or give it another label if it asks something else."
                    ),
                )
        return cleaned_data


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")

    class Meta(AbstractFormField.Meta):
        verbose_name = "form field"
        verbose_name_plural = "form fields"


class ContactPage(AbstractForm, BasePage):
    """'Contact us': a message to the practice that only staff can read."""

    intro = models.TextField(
        max_length=600,
        blank=True,
        help_text="A few warm words above the form: who reads messages and what to write.",
    )
    privacy_statement = models.TextField(
        max_length=600,
        default=(
            "Only our staff can read what you send, in our secure admin area. We never publish it, "
            "and it is not sent by email."
        ),
        help_text=(
            "Shown just above the send button, in plain words. The site adds how long messages are kept "
            "and a link to the privacy page."
        ),
    )
    reply_time = models.CharField(
        "when we reply",
        max_length=200,
        default="We reply within one working day, Monday to Friday.",
        help_text="When someone can expect an answer. Shown by the form and on the thank-you page.",
    )
    submit_label = models.CharField(
        "send button label",
        max_length=40,
        default="Send message",
        help_text="Say what happens when it is pressed.",
    )
    thank_you_heading = models.CharField(
        max_length=120,
        default="Thank you, your message has reached us",
        help_text="The heading of the page people see after sending a message.",
    )
    thank_you_text = models.TextField(
        max_length=600,
        blank=True,
        help_text="Anything else to say after a message is sent. The reply time and crisis lines are added for you.",
    )

    form_builder = ContactFormBuilder
    base_form_class = ContactPageAdminForm

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    summary_field = "intro"

    content_panels = [
        *BasePage.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel(
            "form_fields",
            label="Form field",
            heading="Form fields",
            help_text="The questions visitors answer. Drag to change their order.",
        ),
        MultiFieldPanel(
            [FieldPanel("privacy_statement"), FieldPanel("reply_time"), FieldPanel("submit_label")],
            heading="Around the form",
        ),
        MultiFieldPanel([FieldPanel("thank_you_heading"), FieldPanel("thank_you_text")], heading="Thank-you page"),
    ]

    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    # The form's questions, never anyone's answers.
    api_fields = [
        APIField("intro"),
        APIField("form_fields"),
        APIField("privacy_statement"),
        APIField("reply_time"),
        APIField("submit_label"),
        APIField("thank_you_heading"),
        APIField("thank_you_text"),
    ]
    # Picked up by home/api/endpoints.py, so listing contact pages costs no query per page.
    api_prefetch_related = ["form_fields"]

    class Meta:
        verbose_name = "contact page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["retention_days"] = settings.FORM_SUBMISSION_RETENTION_DAYS
        return context

    def route(self, request, path_components):
        """The contact page, and its thank-you page at `thank-you/` (reached by the redirect after a message)."""
        if path_components == [THANK_YOU_PATH] and self.live:
            return RouteResult(self, kwargs={"thank_you": True})
        return super().route(request, path_components)

    def serve(self, request, *args, thank_you=False, **kwargs):
        """Wagtail's form flow, with post/redirect/get and the rate limit counting only messages that would be sent.

        A message sent (or sent again, or dropped by the honeypot) is answered with a redirect to
        the thank-you page, so reloading that page sends nothing. Someone correcting a mistake in
        the form is never locked out by their own attempts; past the limit, the visitor gets a 429
        and the form with what they wrote.
        """
        if thank_you:
            response = self.serve_thank_you(request)
        elif request.method != "POST":
            response = super().serve(request, *args, **kwargs)
        else:
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            if not form.is_valid():
                response = self.render_form(request, form)
            elif self.earlier_submission(form):
                # The same form sent again (a double click, a retry): the same thank-you, nothing stored twice.
                response = self.redirect_to_thank_you(request)
            elif too_many_submissions(request, RATE_LIMIT_GROUP):
                response = self.render_form(request, form, status=HTTPStatus.TOO_MANY_REQUESTS, rate_limited=True)
            else:
                self.process_form_submission(form)
                response = self.redirect_to_thank_you(request)
        # A page with a form, a CSRF token and perhaps someone's words in it: never cached.
        add_never_cache_headers(response)
        return response

    def redirect_to_thank_you(self, request):
        """A 303 to the thank-you page, with a signed receipt that it was reached by sending (the page's
        number and the time, nothing of the message)."""
        receipt = signing.dumps(self.pk, salt=RECEIPT_SALT)
        url = f"{self.get_url(request)}{THANK_YOU_PATH}/?{urlencode({'receipt': receipt})}"
        return HttpResponseRedirect(url, status=HTTPStatus.SEE_OTHER)

    def serve_thank_you(self, request):
        """The thank-you page: the same for everyone who sent a message, and a pointer to the form for anyone else."""
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        try:
            sent = signing.loads(request.GET.get("receipt", ""), salt=RECEIPT_SALT, max_age=RECEIPT_MAX_AGE) == self.pk
        except signing.BadSignature:  # missing, changed, or older than a day (SignatureExpired)
            sent = False
        return self.render_landing_page(request, sent=sent)

    def render_landing_page(self, request, form_submission=None, *args, sent=True, **kwargs):
        """The thank-you page; it shows nothing of the message (editors preview it with sent=True)."""
        context = self.get_context(request)
        context["sent"] = sent
        return TemplateResponse(request, self.get_landing_page_template(request), context)

    def render_form(self, request, form, status=HTTPStatus.OK, **extra_context):
        context = self.get_context(request)
        context.update(form=form, **extra_context)
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def earlier_submission(self, form):
        """The message already stored from this very form (posted twice), if any."""
        if form.is_spam() or not (fingerprint := form.fingerprint()):
            return None
        return self.get_submission_class().objects.filter(page=self, form_data__submission_key=fingerprint).first()

    def process_form_submission(self, form):
        if form.is_spam():
            return None  # Looks like success to the bot; nothing is kept and nobody is told.
        with transaction.atomic():
            if form.cleaned_data.get(SUBMISSION_KEY_FIELD):
                # Two posts of the same form racing: the page's row is locked (on SQLite the
                # transaction itself is: it begins IMMEDIATE) while the first is looked for.
                list(Page.objects.select_for_update().filter(pk=self.pk).values_list("pk"))
                if earlier := self.earlier_submission(form):
                    return earlier
            submission = self.get_submission_class().objects.create(form_data=form.submission_data(), page=self)
        notify_staff(
            "New message through the website",
            "A message sent through the contact form",
            reverse("wagtailforms:list_submissions", args=[self.pk]),
        )
        return submission

    def get_data_fields(self):
        """The columns staff read and export: the editors' questions, then how to reach the visitor."""
        return [
            *super().get_data_fields(),
            ("contact_method", "How to contact them"),
            ("email", "Email"),
            ("phone", "Phone"),
            ("ok_to_leave_message", "Safe to leave a message"),
        ]

    def get_submissions_list_view_class(self):
        # Imported here: the admin's views need the models loaded first.
        from home.exports import ContactSubmissionsListView

        return ContactSubmissionsListView

    def get_json_ld(self, request=None):
        data = self.web_page_json_ld(request, "ContactPage")
        site = self.get_site()
        practice = SiteSettings.load(request_or_site=request)
        data["mainEntity"] = practice.get_json_ld(site.root_url if site else "")
        return data
