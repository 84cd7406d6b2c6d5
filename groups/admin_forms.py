"""The support group's admin form: checks that span the group and its inline rows.

Checks of one row alone (a meeting that ends before it starts, a monthly rule without
its week) are in each model's `clean()`; this form checks rows against each other.
"""

import datetime

from wagtail.admin.forms import WagtailAdminPageForm

from groups import schedule


def _kept_instances(formset):
    """The rows of an inline formset that are valid and not being deleted, as model instances."""
    if formset is None:
        return []
    return [
        form.instance
        for form in formset.forms
        if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


def meets_on(rules, date):
    """Whether any of `rules` has a meeting on `date`."""
    start = datetime.datetime.combine(date, datetime.time.min)
    end = datetime.datetime.combine(date, datetime.time.max)
    return any(schedule.occurrences_between(rule, start, end) for rule in rules)


class SupportGroupPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        rules = [rule for rule in _kept_instances(self.formsets.get("meeting_rules")) if schedule.build_rrule(rule)]
        cancelled = self.formsets.get("cancelled_meetings")
        if not rules or cancelled is None:
            return cleaned_data
        for form in cancelled.forms:
            if not form.is_valid() or not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            date = form.cleaned_data.get("date")
            if date and not meets_on(rules, date):
                form.add_error("date", self.not_a_meeting_message(rules, date))
        return cleaned_data

    @staticmethod
    def not_a_meeting_message(rules, date):
        day = f"{date:%A, %B} {date.day}, {date.year}"
        first = min(rule.first_date for rule in rules)
        if date < first:
            return (
                f"{day} is before the group's schedule starts ({schedule.format_date(first)}), so there is nothing "
                "to cancel. Choose a later date, or remove this row."
            )
        if all(rule.last_date for rule in rules) and date > max(rule.last_date for rule in rules):
            last = max(rule.last_date for rule in rules)
            return (
                f"{day} is after the group's schedule ends ({schedule.format_date(last)}), so there is nothing "
                "to cancel. Choose an earlier date, or remove this row."
            )
        days = "; ".join(rule.describe()[0].lower() + rule.describe()[1:] for rule in rules)
        return (
            f"The group does not meet on {day}, so there is nothing to cancel. It meets {days}. "
            "Choose one of those days, or remove this row."
        )
