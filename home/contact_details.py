"""How a visitor would like us to get back to them: asked the same way wherever they write to us.

The contact form (home.models.contact) and the group join form (groups.forms) both
ask how to reach someone (email, phone call or text message), for the email address
or phone number that method needs, and whether it is safe to leave a message.
The questions, their words and their checks live here once; the groups app imports
them, since the core imports no area.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models


class ContactMethod(models.TextChoices):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone call"
    TEXT = "text", "Text message"


SAFE_TO_LEAVE_MESSAGE_CHOICES = [
    ("yes", "Yes, you can leave a message"),
    ("no", "No, please do not leave a message"),
]
PHONE_MAX_LENGTH = 30
PHONE_CHARACTERS = set("0123456789()-+. ")
# Dashes and spaces that a phone number pasted from a document or a web page may carry, read as the plain ones.
PASTED_PHONE_CHARACTERS = str.maketrans(
    dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-") | dict.fromkeys("\u00a0\u2007\u202f", " ")
)


def us_phone_number(value):
    """A US phone number written the one way staff read it, "(828) 555-0123"; "" for none.

    Raises ValidationError for anything that is not ten digits (with or without the 1 in front).
    """
    phone = (value or "").translate(PASTED_PHONE_CHARACTERS).strip()
    if not phone:
        return ""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) != 10 or not set(phone) <= PHONE_CHARACTERS:
        raise ValidationError("Enter a 10-digit US phone number, e.g. (828) 555-0123.")
    return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"


class ContactDetailsMixin(forms.Form):
    """The four questions about getting back to someone, and the check that the chosen way can be used.

    The email address and phone number are each optional on their own: the one that the
    chosen method needs is asked for in `clean()`, with an error that says why.
    Render them with `{% include "components/contact_details.html" %}`.
    """

    CONTACT_DETAIL_FIELDS = ("contact_method", "email", "phone", "ok_to_leave_message")

    contact_method = forms.ChoiceField(
        label="How should we contact you?",
        choices=ContactMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Please choose how we should contact you."},
    )
    email = forms.EmailField(
        label="Email address",
        required=False,
        max_length=254,
        help_text="Needed if you would like us to email you.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label="Phone number",
        required=False,
        max_length=PHONE_MAX_LENGTH,
        help_text="Needed for a call or a text. A US number, e.g. (828) 555-0123.",
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    ok_to_leave_message = forms.TypedChoiceField(
        label="Is it safe to leave you a message?",
        choices=SAFE_TO_LEAVE_MESSAGE_CHOICES,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        help_text="If you say no, we will not leave a voicemail or say where we are calling or writing from.",
        error_messages={"required": "Please tell us whether it is safe to leave you a message."},
    )

    def clean_phone(self):
        return us_phone_number(self.cleaned_data.get("phone"))

    def clean(self):
        cleaned = super().clean()
        method = cleaned.get("contact_method")
        if method == ContactMethod.EMAIL and not cleaned.get("email") and "email" not in self.errors:
            self.add_error("email", "You asked us to email you: please enter your email address.")
        if (
            method in (ContactMethod.PHONE, ContactMethod.TEXT)
            and not cleaned.get("phone")
            and "phone" not in self.errors
        ):
            how = "call" if method == ContactMethod.PHONE else "text"
            self.add_error("phone", f"You asked us to {how} you: please enter your phone number.")
        return cleaned

    def contact_details(self):
        """The four bound fields, in the order they are asked."""
        return [self[name] for name in self.CONTACT_DETAIL_FIELDS]


def contact_detail_in_words(name, value):
    """A stored answer to one of these questions as staff read it: the method's label, not its code."""
    if name == "contact_method" and value in ContactMethod.values:
        return ContactMethod(value).label
    return value
