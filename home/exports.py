"""Spreadsheets staff take out of the admin: safe to open, and in the practice's words.

Both exports, join requests (wagtail-modeladmin's index view) and contact messages
(wagtail.contrib.forms' submissions list), are Wagtail's SpreadsheetExportMixin with
`PracticeSpreadsheetMixin` in front of it, so they read and behave alike:

- Nothing a spreadsheet would run (OWASP's "CSV injection"): in CSV, a cell that starts
  with =, +, -, @, a tab or a carriage return gets a leading apostrophe, which
  spreadsheets read as "this is text". In XLSX, Wagtail already writes every value as a
  string cell, never a formula (SpreadsheetExportMixin.generate_xlsx_row); headings, which
  it writes as they are, get the apostrophe in both formats. Control characters that XLSX
  cannot hold are left out of its cells.
- Words, not Python: Yes / No, "Not given" for an empty answer, choices by their labels,
  times in the practice's time zone (Asheville, settings.TIME_ZONE): in CSV written as the
  admin's lists show them (`practice_words`, used by both lists), in XLSX as date cells a
  spreadsheet can sort.
"""

import datetime

from django.contrib.admin.utils import label_for_field
from django.core.exceptions import FieldDoesNotExist
from django.utils import formats, timezone
from django.utils.encoding import force_str
from django.utils.text import capfirst
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from wagtail.contrib.forms.views import SubmissionsListView

from home.contact_details import contact_detail_in_words

# What makes a spreadsheet treat a cell as a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NOT_GIVEN = "Not given"


def neutralise(value):
    """A text a spreadsheet would run, made plain text by a leading apostrophe; anything else as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


def in_words(value):
    """A visitor's answer as staff read it: Yes or No, and "Not given" for an empty one."""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if value is None or value in ("", []):
        return NOT_GIVEN
    return value


def practice_time(value):
    """An aware time in the practice's own time zone (Asheville), whatever zone is active."""
    return timezone.localtime(value, timezone.get_default_timezone())


def practice_words(value):
    """A value as the admin's lists write it: `in_words`, and a time as the practice's clock shows it
    ("Jan. 15, 2026, 3:01 a.m."), whatever time zone a staff member chose for themselves."""
    value = in_words(value)
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return formats.localize(practice_time(value))
    return value


class PracticeSpreadsheetMixin:
    """In front of Wagtail's SpreadsheetExportMixin: every cell in words, none that a spreadsheet would run."""

    def preprocess_field_value(self, field, value, export_format):
        value = in_words(value)
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            # CSV: as the admin writes it ("Dec. 8, 2026, 6:30 p.m."); XLSX: a date cell, in local time.
            value = (
                practice_words(value) if export_format == self.FORMAT_CSV else practice_time(value).replace(tzinfo=None)
            )
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return neutralise(value)
        # Control characters a visitor pasted (an escape, a vertical tab) cannot be stored in an
        # XLSX cell: openpyxl would refuse the whole export for as long as that row exists.
        return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value

    def get_heading(self, queryset, field):
        """The column's own label in sentence case ("How to contact them"), as the admin's forms show it."""
        heading = self.export_headings.get(field)
        if not heading:
            try:
                heading = capfirst(force_str(label_for_field(field, queryset.model)))
            except (AttributeError, FieldDoesNotExist):
                heading = field
        return neutralise(force_str(heading))


class ContactSubmissionsListView(PracticeSpreadsheetMixin, SubmissionsListView):
    """Contact messages in the admin and in their export, in the same words: how to reach the visitor
    by its label ("Text message"), Yes / No / Not given, and the time in Asheville."""

    def preprocess_field_value(self, field, value, export_format):
        return super().preprocess_field_value(field, contact_detail_in_words(field, value), export_format)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        names = [heading["name"] for heading in context.get("data_headings", [])]
        for row in context.get("data_rows", []):
            row["fields"] = [
                practice_words(contact_detail_in_words(name, value))
                for name, value in zip(names, row["fields"], strict=True)
            ]
        return context
