"""A model field for "several of a fixed list": the populations a counselor works with.

Stored as a JSON list of choice values, so it needs no table of its own and reads the same on
SQLite and PostgreSQL; edited as checkboxes; a value outside the list is a validation error,
never stored. Nothing filters on it in the database (the index's filters are relations).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst


class ChoiceListField(models.JSONField):
    """A list of values from `choices_class` (a TextChoices), kept in the choices' own order."""

    def __init__(self, *args, choices_class=None, **kwargs):
        self.choices_class = choices_class
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choices_class"] = self.choices_class
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.choices_class.choices,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not isinstance(value, list):
            raise ValidationError("Choose from the list.", code="invalid_choice")
        unknown = [item for item in value if item not in self.choices_class.values]
        if unknown:
            raise ValidationError(f"Not one of the choices: {', '.join(map(str, unknown))}.", code="invalid_choice")

    def pre_save(self, model_instance, add):
        value = super().pre_save(model_instance, add)
        if isinstance(value, list):
            order = list(self.choices_class.values)
            value = sorted(set(value), key=lambda item: order.index(item) if item in order else len(order))
            setattr(model_instance, self.attname, value)
        return value
