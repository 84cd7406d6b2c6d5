"""The rows edited inline on a group page: its facilitators, meeting times and cancelled dates."""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from groups import schedule
from groups.choices import Frequency, Weekday, WeekOfMonth
from groups.panels import DateBelowInput


class GroupFacilitator(Orderable):
    """A person who leads the group, in the order they are listed."""

    page = ParentalKey("groups.SupportGroupPage", on_delete=models.CASCADE, related_name="facilitators")
    person = models.ForeignKey(
        "home.Person",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Choose someone from Snippets → People, or add them there first.",
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = "facilitator"


class MeetingRule(Orderable):
    """When a group meets: every week, every other week, or once a month on a set weekday."""

    page = ParentalKey("groups.SupportGroupPage", on_delete=models.CASCADE, related_name="meeting_rules")
    frequency = models.CharField(
        "how often",
        max_length=20,
        choices=Frequency.choices,
        default=Frequency.WEEKLY,
        help_text="Every other week counts from the first date.",
    )
    weekday = models.PositiveSmallIntegerField(
        "day", choices=Weekday.choices, default=Weekday.TUESDAY, help_text="The day of the week it meets."
    )
    week_of_month = models.SmallIntegerField(
        "which week of the month",
        choices=WeekOfMonth.choices,
        null=True,
        blank=True,
        help_text="Only for monthly groups, e.g. the second Tuesday or the last Friday.",
    )
    start_time = models.TimeField(help_text="Asheville time, e.g. 18:30 for 6:30pm.")
    end_time = models.TimeField(help_text="When the meeting ends, e.g. 20:00.")
    first_date = models.DateField(
        help_text="The date of the first meeting, or any date since. Every other week counts from this date."
    )
    last_date = models.DateField(
        null=True, blank=True, help_text="The date of the last meeting, for groups that run for a set number of weeks."
    )

    panels = [
        FieldRowPanel([FieldPanel("frequency"), FieldPanel("weekday"), FieldPanel("week_of_month")]),
        FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldRowPanel(
            [FieldPanel("first_date", widget=DateBelowInput), FieldPanel("last_date", widget=DateBelowInput)]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "meeting time"

    def __str__(self):
        return self.describe() if self.start_time and self.end_time and self.weekday is not None else "Meeting time"

    def describe(self):
        return schedule.describe_rule(self)

    def clean(self):
        super().clean()
        errors = {}
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = (
                f"The meeting ends before it starts: set the end time after the start time "
                f"({schedule.format_time(self.start_time)}). Times use the 24-hour clock, so 8pm is 20:00."
            )
        if self.frequency == Frequency.MONTHLY and self.week_of_month is None:
            errors["week_of_month"] = (
                "Monthly groups need a week of the month: choose first, second, third, fourth or last "
                "(e.g. 'second' for the second Tuesday)."
            )
        if self.frequency != Frequency.MONTHLY and self.week_of_month is not None:
            errors["week_of_month"] = (
                "The week of the month is only for monthly groups. Clear it, or set 'how often' to monthly."
            )
        if self.first_date and self.last_date and self.last_date < self.first_date:
            errors["last_date"] = (
                f"The last date is before the first date: set it to {schedule.format_date(self.first_date)} or "
                "later, or leave it empty if the group keeps meeting."
            )
        if errors:
            raise ValidationError(errors)


class CancelledMeeting(Orderable):
    """A date on which the group does not meet."""

    page = ParentalKey("groups.SupportGroupPage", on_delete=models.CASCADE, related_name="cancelled_meetings")
    date = models.DateField(help_text="A day the group would normally meet on.")
    note = models.CharField(
        max_length=160, blank=True, help_text="Optional, shown on the page, e.g. 'Thanksgiving: no group this week'."
    )

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("note")])]

    class Meta(Orderable.Meta):
        verbose_name = "cancelled meeting"
