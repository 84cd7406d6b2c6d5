"""Asking for a place at an event: only what the organiser needs, with every public form's safeguards.

The honeypot, the key that stores a request once however often it is posted and the rate limit
come from home.forms; how to reach the visitor (email, call or text, the detail that needs, and
whether a message may be left) from home.contact_details, asked as the join and appointment forms
ask. The request is saved through `EventRegistration.objects.request_place`, which decides, with
the event's row locked, whether it takes a place or goes on the waiting list.
"""

from django import forms
from django.utils import timezone

from events.registrations import NOTE_MAX_LENGTH, EventRegistration
from home.contact_details import ContactDetailsMixin
from home.forms import HoneypotFormMixin, StoredOnceMixin


class EventRegistrationForm(HoneypotFormMixin, StoredOnceMixin, ContactDetailsMixin, forms.ModelForm):
    """Asking for a place at one event (or a place on its waiting list)."""

    stored_model = EventRegistration

    consent = forms.BooleanField(
        required=True,
        error_messages={"required": "Please tick the box to say you agree, so that we may keep your details."},
    )

    class Meta:
        model = EventRegistration
        fields = ["name", "contact_method", "email", "phone", "ok_to_leave_message", "note"]
        labels = {
            "name": "Your name",
            "note": "Anything you would like us to know",
        }
        help_texts = {
            "name": "A first name or a name you prefer is fine.",
            "note": (
                "For example access needs, or a question about the event. You do not have to say why you would "
                f"like to come. Up to {NOTE_MAX_LENGTH} characters."
            ),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "note": forms.Textarea(attrs={"rows": 4, "maxlength": NOTE_MAX_LENGTH}),
        }
        error_messages = {
            "note": {"max_length": f"Please keep the note to {NOTE_MAX_LENGTH} characters or fewer."},
        }

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["name"].error_messages["required"] = "Please tell us what to call you: a first name is fine."

    def fields_in_order(self):
        """Every field the visitor sees, in the page's order (for the error summary)."""
        return [self[name] for name in (*self.Meta.fields, "consent")]

    def answers(self):
        """The visitor's answers, as they are saved."""
        data = {name: self.cleaned_data.get(name) for name in self.Meta.fields}
        for name in ("email", "phone", "note"):
            data[name] = data[name] or ""
        return data

    def submission_target(self):
        return f"event {self.event.pk}"

    def create_submission(self, **extra):
        """Saved through the places lock: its status says whether it went on the waiting list."""
        return EventRegistration.objects.request_place(
            self.event, consented_at=timezone.now(), **self.answers(), **extra
        )
