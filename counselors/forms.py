"""The filter on "Our counselors": a plain GET form that works without JavaScript.

Unknown or malformed values are never an error page: the filter is left out and the visitor is
told so in plain words (the index-filter base, home/filters.py). Specialties, plans and languages
are offered only when some counselor has them.
"""

from django import forms

from counselors.choices import AcceptingClients
from home.filters import FlagField, IndexFilterForm


class CounselorFilterForm(IndexFilterForm):
    """Specialty, insurance and language by slug; telehealth as a yes-only flag; new clients by status."""

    specialty = forms.ChoiceField(label="Helps with", required=False)
    insurance = forms.ChoiceField(label="Insurance", required=False)
    language = forms.ChoiceField(label="Language", required=False)
    telehealth = FlagField(label="Offers telehealth")
    accepting = forms.ChoiceField(label="New clients", choices=[("", "Any"), *AcceptingClients.choices], required=False)

    note_templates = {
        "specialty": "None of our counselors lists “{value}”, so counselors for every need are shown.",
        "insurance": "We do not know the insurance “{value}”, so counselors for every plan are shown.",
        "language": "None of our counselors lists the language “{value}”, so counselors in every language are shown.",
        "telehealth": "We did not understand telehealth “{value}”, so we left it out.",
        "accepting": "We did not understand “{value}” for new clients, so we left it out.",
    }
    lookups = {
        "specialty": "topics__slug",
        "insurance": "insurance_plans__slug",
        "language": "languages__slug",
    }

    def __init__(self, data, *, specialty_choices=(), insurance_choices=(), language_choices=()):
        super().__init__(data, auto_id="filter-%s")
        self.fields["specialty"].choices = [("", "Anything"), *specialty_choices]
        self.fields["insurance"].choices = [("", "Any plan or self-pay"), *insurance_choices]
        self.fields["language"].choices = [("", "Any language"), *language_choices]

    def filter(self, queryset):
        # Each relation filter joins a table; one counselor matching twice would be listed twice.
        filtered = super().filter(queryset)
        if any(name in self.filters for name in self.lookups):
            filtered = queryset.filter(pk__in=filtered.values("pk"))
        return filtered
