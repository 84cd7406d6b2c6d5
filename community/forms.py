"""The filter on the Asheville community index: a plain GET form that works without JavaScript.

Unknown or malformed values are never an error page: the filter is ignored and
the visitor is told so in plain words.
"""

from django import forms

NOTE_VALUE_MAX_LENGTH = 60


def printable(value, limit=NOTE_VALUE_MAX_LENGTH):
    """A value as it may be shown back to the visitor: printable characters only, shortened."""
    text = "".join(ch for ch in str(value) if ch.isprintable()).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


class CommunityFilterForm(forms.Form):
    """Area and topic, each by slug. Only areas and topics that have pages are offered."""

    area = forms.ChoiceField(label="Area", required=False)
    topic = forms.ChoiceField(label="Topic", required=False)

    NOTES = {
        "area": "We have no pages for the area “{value}”, so pages from every area are shown.",
        "topic": "We have no pages about “{value}”, so pages on every topic are shown.",
    }

    def __init__(self, data, *, area_choices, topic_choices):
        super().__init__(data, auto_id="filter-%s")
        self.fields["area"].choices = [("", "All areas"), *area_choices]
        self.fields["topic"].choices = [("", "All topics"), *topic_choices]

    def selected(self):
        """{'area': slug or '', 'topic': slug or ''}, with invalid values dropped."""
        self.is_valid()
        return {name: self.cleaned_data.get(name, "") for name in self.fields}

    def notes(self):
        """A sentence for each value that was ignored."""
        self.is_valid()
        return [
            self.NOTES[name].format(value=printable(self.data.get(name, "")))
            for name in self.fields
            if name in self.errors
        ]
