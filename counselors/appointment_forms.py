"""The "Request a first appointment" form: only what intake needs, with every public form's safeguards.

The honeypot, the key that stores a request once however often it is posted and the rate limit
come from home.forms; how to reach the visitor (email, call or text, the detail that needs, and
whether a message may be left) from home.contact_details, asked as the contact and join forms ask.
The counselors offered are those taking new clients or keeping a waiting list; their pages and
the insurance plans come through the request's own relations, so this module imports no page
module (the page imports it).
"""

from django import forms

from counselors.appointments import HELP_WITH_MAX_LENGTH, AppointmentRequest
from counselors.choices import AcceptingClients, ContactTime, MeetingPreference, Payment, SessionTime
from home.contact_details import ContactDetailsMixin
from home.forms import HoneypotFormMixin, StoredOnceMixin

NO_PREFERENCE = ("", "No preference: whoever can see me soonest")
PLAN_NOT_LISTED = ("", "My plan is not listed, or I am not sure")


def counselors_taking_requests():
    """Live counselors taking new clients or keeping a waiting list, those taking clients first."""
    counselor_model = AppointmentRequest._meta.get_field("counselor").related_model
    pages = (
        counselor_model.objects.live()
        .public()
        .filter(accepting__in=[AcceptingClients.YES, AcceptingClients.WAITLIST])
        .only("pk", "title", "accepting")
    )
    return sorted(pages, key=lambda page: (page.accepting != AcceptingClients.YES, page.title, page.pk))


def preselected_counselor(value, choices):
    """A counselor's id from the query string (`?counselor=12`) if it is one of `choices`, else ""."""
    value = (value or "").strip()
    return value if value.isdigit() and len(value) < 12 and value in {key for key, _label in choices} else ""


class AppointmentRequestForm(HoneypotFormMixin, StoredOnceMixin, ContactDetailsMixin, forms.ModelForm):
    """Asking for a first appointment with one of the practice's counselors."""

    stored_model = AppointmentRequest

    contact_times = forms.MultipleChoiceField(
        label="When is a good time for us to get in touch?",
        required=False,
        choices=ContactTime.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Tick all that suit you. Leave them all empty if any time in office hours is fine.",
        error_messages={"invalid_choice": "Please choose from the times listed."},
    )
    counselor = forms.ChoiceField(
        label="Would you like to see a particular counselor?",
        required=False,
        error_messages={"invalid_choice": "That counselor is not taking new clients now: please choose from the list."},
    )
    meeting_preference = forms.ChoiceField(
        label="How would you like to meet?",
        choices=MeetingPreference.choices,
        initial=MeetingPreference.EITHER,
        widget=forms.RadioSelect,
        error_messages={"required": "Please choose how you would like to meet, or 'Either is fine'."},
    )
    session_times = forms.MultipleChoiceField(
        label="Which times could suit you for sessions?",
        required=False,
        choices=SessionTime.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Tick all that could work. We will find a time together.",
        error_messages={"invalid_choice": "Please choose from the times listed."},
    )
    payment = forms.ChoiceField(
        label="How do you expect to pay?",
        choices=Payment.choices,
        widget=forms.RadioSelect,
        help_text="'Not sure yet' is fine: we will talk it through with you.",
        error_messages={"required": "Please choose how you expect to pay, or 'Not sure yet'."},
    )
    insurance_plan = forms.ChoiceField(
        label="If you are using insurance, which plan?",
        required=False,
        error_messages={"invalid_choice": "That plan is no longer listed: please choose from the list."},
    )

    class Meta:
        model = AppointmentRequest
        fields = [
            "name",
            "contact_method",
            "email",
            "phone",
            "contact_times",
            "ok_to_leave_message",
            "help_with",
            "counselor",
            "meeting_preference",
            "session_times",
            "payment",
            "insurance_plan",
        ]
        labels = {
            "name": "Your first name, or a name you would like us to use",
            "help_with": "What would you like help with?",
        }
        help_texts = {
            "name": "A first name or a name you prefer is fine.",
            "help_with": (
                "A few words are plenty, and you may leave this empty. Share only what you want to: we will "
                f"talk about the rest together. Up to {HELP_WITH_MAX_LENGTH} characters."
            ),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "help_with": forms.Textarea(attrs={"rows": 4, "maxlength": HELP_WITH_MAX_LENGTH}),
        }
        error_messages = {
            "help_with": {"max_length": f"Please keep this to {HELP_WITH_MAX_LENGTH} characters or fewer."},
        }

    def __init__(self, *args, preselect=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.counselor_pages = {str(page.pk): page for page in counselors_taking_requests()}
        self.fields["counselor"].choices = [NO_PREFERENCE] + [
            (key, f"{page.title} (waiting list)" if page.accepting == AcceptingClients.WAITLIST else page.title)
            for key, page in self.counselor_pages.items()
        ]
        self.fields["counselor"].help_text = (
            "Everyone listed is taking new clients or keeping a waiting list. With no preference, the intake "
            "coordinator suggests someone who fits what you would like and when you are free."
        )
        plan_model = AppointmentRequest._meta.get_field("insurance_plan").related_model
        self.plans = {str(plan.pk): plan for plan in plan_model.objects.order_by("name")}
        self.fields["insurance_plan"].choices = [PLAN_NOT_LISTED] + [
            (key, plan.name) for key, plan in self.plans.items()
        ]
        self.fields["name"].error_messages["required"] = "Please tell us what to call you: a first name is fine."
        if not self.is_bound and preselect is not None:
            self.initial["counselor"] = preselected_counselor(preselect, self.fields["counselor"].choices)

    def clean_counselor(self):
        return self.counselor_pages.get(self.cleaned_data.get("counselor") or "")

    def clean_insurance_plan(self):
        return self.plans.get(self.cleaned_data.get("insurance_plan") or "")

    def clean(self):
        cleaned = super().clean()
        # A plan chosen and then another way to pay: the plan is not kept.
        if cleaned.get("payment") != Payment.INSURANCE:
            cleaned["insurance_plan"] = None
        return cleaned

    def fields_in_order(self):
        """Every field the visitor sees, in the page's order (for the error summary)."""
        return [self[name] for name in self.Meta.fields]

    def answers(self):
        """The visitor's answers, as they are saved."""
        data = {name: self.cleaned_data.get(name) for name in self.Meta.fields}
        for name in ("email", "phone", "help_with"):
            data[name] = data[name] or ""
        for name in ("contact_times", "session_times"):
            data[name] = list(data[name] or [])
        return data

    def submission_target(self):
        return "first appointment"

    def submission_fingerprint(self, sent_to, answers):
        # Pages and plans by their ids: the fingerprint is made from what can be written down.
        written = {name: (value.pk if hasattr(value, "pk") else value) for name, value in answers.items()}
        return super().submission_fingerprint(sent_to, written)
