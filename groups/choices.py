"""Every fixed list of choices the support groups use, in one place."""

import datetime

from django.db import models

# How a group meets, whom it is for and what it costs: shared with the events, so in the core.
from home.choices import Audience as Audience
from home.choices import Cost as Cost
from home.choices import MeetingFormat as MeetingFormat

# How to reach someone is asked by the contact form too, so its choices live in the core.
from home.contact_details import ContactMethod as ContactMethod


class LedBy(models.TextChoices):
    PEER = "peer", "Peer-led"
    PROFESSIONAL = "professional", "Led by a licensed professional"


class GroupStatus(models.TextChoices):
    OPEN = "open", "Open to new members"
    WAITLIST = "waitlist", "Waiting list"
    CLOSED = "closed", "Closed cohort"
    PAUSED = "paused", "Paused"


class Frequency(models.TextChoices):
    WEEKLY = "weekly", "Every week"
    FORTNIGHTLY = "fortnightly", "Every other week"
    MONTHLY = "monthly", "Once a month, on a set weekday"


class Weekday(models.IntegerChoices):
    """Monday is 0, as in Python's `date.weekday()` and dateutil."""

    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


class WeekOfMonth(models.IntegerChoices):
    FIRST = 1, "First"
    SECOND = 2, "Second"
    THIRD = 3, "Third"
    FOURTH = 4, "Fourth"
    LAST = -1, "Last"


class TimeOfDay(models.TextChoices):
    MORNING = "morning", "Morning (before noon)"
    AFTERNOON = "afternoon", "Afternoon (noon to 5pm)"
    EVENING = "evening", "Evening (5pm or later)"


# Where each part of the day begins and ends, for the finder's time-of-day filter.
TIME_OF_DAY_RANGES = {
    TimeOfDay.MORNING: (datetime.time(0, 0), datetime.time(12, 0)),
    TimeOfDay.AFTERNOON: (datetime.time(12, 0), datetime.time(17, 0)),
    TimeOfDay.EVENING: (datetime.time(17, 0), None),
}


class JoinRequestStatus(models.TextChoices):
    NEW = "new", "New"
    CONTACTED = "contacted", "Contacted"
    JOINED = "joined", "Joined"
    WAITLISTED = "waitlisted", "On the waiting list"
    DECLINED = "declined", "Declined or withdrawn"


# A request in one of these states holds one of the group's places.
PLACE_HOLDING_STATUSES = (JoinRequestStatus.NEW, JoinRequestStatus.CONTACTED, JoinRequestStatus.JOINED)
