"""The one way to filter an index: a form that reads the query string, filters a queryset and ignores bad values.

Every filtered listing (the group finder, the Asheville community index, the
articles index and the API's topic filter) takes its filters from a plain
GET form, so each search has a URL that can be shared. What people type into
those URLs by hand, or what old links carry, is never an error page: a value
that is not understood is left out, the rest of the filters still apply, and
the page says what was left out.

`IndexFilterForm` is that form. A subclass declares its fields like any Django
form; a field filters with `queryset.filter(<name>=<value>)`, or with another
lookup named in `lookups` (`{"topic": "topics"}`), or, where it needs more, with
a `filter_<name>(queryset, value)` method. Then:

    form = FinderForm.from_query(request.GET, topics=topics)
    groups = form.filter(index.get_groups())
    form.filters    # {name: cleaned value} of the filters that apply
    form.ignored    # [(label, value as it may be shown)] of what was left out
    form.notes()    # the same as sentences, for pages that show sentences
    form.describe() # the filters in words: "grief and loss, tuesday, free groups only"

Values are screened before any field sees them: one with a NUL character or
longer than `max_value_length` is a bad value whatever the field (no slug or
choice of ours is that long, and neither may reach the database). A field
that takes one value reads the last one given, as Django does; a field that
takes several (`MultipleChoiceField`, `ModelMultipleChoiceField`) keeps each
value it understands and leaves out the others one by one. After validation the
form holds only what it kept, so it can be shown again as the visitor's search.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import EMPTY_VALUES
from django.db.models.query import EmptyQuerySet
from django.forms.utils import pretty_name
from django.utils.datastructures import MultiValueDict

NOTE_VALUE_MAX_LENGTH = 60


def printable(value, limit=NOTE_VALUE_MAX_LENGTH):
    """A value as it may be shown back to the visitor: printable characters only, shortened."""
    text = "".join(ch for ch in str(value) if ch.isprintable()).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


class FlagWidget(forms.CheckboxInput):
    """A checkbox whose raw value reaches the field, so `?free=maybe` can be refused rather than read as yes."""

    def value_from_datadict(self, data, files, name):
        return data.get(name)

    def format_value(self, value):
        # The checkbox's value is always "1" (FlagField.widget_attrs); echoing the raw value as well
        # gave a checked box two `value` attributes (invalid HTML).
        return None


class FlagField(forms.Field):
    """A yes-only filter: `?free=1` is on; absent is off; anything else is a malformed value."""

    widget = FlagWidget
    TRUE_VALUES = {"1", "on", "true", "yes"}

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        if value in (None, ""):
            return False
        if isinstance(value, str) and value.lower() in self.TRUE_VALUES:
            return True
        raise ValidationError("Use 1 to turn this filter on.", code="invalid")

    def widget_attrs(self, widget):
        return {"value": "1"}


def _takes_several(field):
    return getattr(field.widget, "allow_multiple_selected", False)


def _is_set(value):
    """Whether a cleaned value is a filter at all: not empty, not off, not an empty choice of several."""
    return value is not False and value not in EMPTY_VALUES and not isinstance(value, EmptyQuerySet)


class IndexFilterForm(forms.Form):
    """A GET form that filters an index: validates the query string, filters a queryset, says what it left out."""

    # No value of ours is longer; a longer one is left out before it reaches a field or the database.
    max_value_length = 100
    # A field that takes several values and is given more than this is left out whole.
    max_values = 20
    # notes(): a sentence per field, with {label} and {value}; other fields use default_note.
    note_templates = {}
    # {field name: the queryset lookup it filters on}, for fields not named after their lookup.
    lookups = {}
    default_note = "We did not recognise the {label} “{value}”, so we left it out."

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self._left_out = []
        if self.is_bound:
            self.data = self._screened(self.data)

    @classmethod
    def from_query(cls, query, **kwargs):
        """Bound to the query string when it holds one of the form's filters; unbound (nothing chosen yet) if not."""
        bound = any(name in query for name in cls.base_fields)
        return cls(query if bound else None, **kwargs)

    # Validation: bad values are left out, never errors ----------------------------------------

    def _screened(self, data):
        """A copy of `data` without the values no field may see; what was dropped goes to `_left_out`."""
        if isinstance(data, MultiValueDict):
            kept = data.copy()
        else:
            kept = MultiValueDict({key: list(v) if isinstance(v, list | tuple) else [v] for key, v in data.items()})
        for name, field in self.fields.items():
            values = kept.getlist(self.add_prefix(name))
            if not values:
                continue
            if not _takes_several(field):
                values = values[-1:]  # the one the widget reads
            elif len(values) > self.max_values:
                self._left_out.append((name, ", ".join(str(value) for value in values)))
                kept.pop(self.add_prefix(name))
                continue
            bad = [value for value in values if self._malformed(value)]
            if bad:
                self._left_out.extend((name, value) for value in bad)
                self._keep(kept, name, [value for value in values if value not in bad] if _takes_several(field) else [])
        return kept

    def _malformed(self, value):
        return not isinstance(value, str) or "\x00" in value or len(value) > self.max_value_length

    def _keep(self, data, name, values):
        if values:
            data.setlist(self.add_prefix(name), values)
        else:
            data.pop(self.add_prefix(name), None)

    def full_clean(self):
        """Validate as Django does, then move every field's error to `ignored` and drop its bad values."""
        super().full_clean()
        if not self.is_bound:
            return
        for name in [name for name in self._errors if name in self.fields]:
            field = self.fields[name]
            key = self.add_prefix(name)
            values = self.data.getlist(key) if _takes_several(field) else self.data.getlist(key)[-1:]
            kept = [value for value in values if self._understood(field, value)] if _takes_several(field) else []
            self._left_out.extend((name, value) for value in values if value not in kept)
            self._keep(self.data, name, kept)
            del self._errors[name]
            if kept:
                self.cleaned_data[name] = field.clean(kept)

    @staticmethod
    def _understood(field, value):
        try:
            field.clean([value])
        except ValidationError:
            return False
        return True

    # What the page uses -----------------------------------------------------------------------

    @property
    def filters(self):
        """{name: cleaned value} of the filters that apply, in the form's order."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if _is_set(value)}

    def filter(self, queryset):
        """`queryset` narrowed by each filter that applies: its `filter_<name>` method, else its lookup."""
        for name, value in self.filters.items():
            method = getattr(self, f"filter_{name}", None)
            queryset = method(queryset, value) if method else queryset.filter(**{self.lookups.get(name, name): value})
        return queryset

    def _label(self, name):
        return self.fields[name].label or pretty_name(name)

    def _left_out_in_order(self):
        if not self.is_bound:
            return []
        self.is_valid()
        order = list(self.fields)
        return sorted(self._left_out, key=lambda item: order.index(item[0]))

    @property
    def ignored(self):
        """(label, value as it may be shown) of each value that was not understood and was left out."""
        return [(self._label(name), printable(value)) for name, value in self._left_out_in_order()]

    def notes(self):
        """A sentence for each value that was left out (`note_templates`, else `default_note`)."""
        return [
            self.note_templates.get(name, self.default_note).format(label=self._label(name), value=printable(value))
            for name, value in self._left_out_in_order()
        ]

    def query_items(self):
        """Sorted (name, value) pairs of the filters as kept, for links that carry the same search (feeds)."""
        if not self.is_bound:
            return []
        self.is_valid()
        items = []
        for name, field in self.fields.items():
            values = self.data.getlist(self.add_prefix(name))
            items.extend((self.add_prefix(name), value) for value in (values if _takes_several(field) else values[-1:]))
        return sorted(items)

    def describe(self):
        """The filters that apply, in words: for headings, page titles and a calendar's name."""
        return ", ".join(self._describe_value(self.fields[name], value) for name, value in self.filters.items())

    def _describe_value(self, field, value):
        if isinstance(field, FlagField | forms.BooleanField):
            return field.label.lower()
        if isinstance(field, forms.ModelMultipleChoiceField):
            return ", ".join(str(choice) for choice in value)
        if isinstance(field, forms.ModelChoiceField):
            return str(value)
        if isinstance(field, forms.ChoiceField):
            labels = dict(field.choices)
            if _takes_several(field):
                return ", ".join(str(labels.get(choice, choice)) for choice in value)
            return str(labels.get(value, value))
        return str(value)
