"""Every fixed list of choices the support groups use, in one place."""

import datetime

from django.db import models

# How to reach someone is asked by the contact form too, so its choices live in the core.
from home.contact_details import ContactMethod as ContactMethod


class MeetingFormat(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    ONLINE = "online", "Online"
    HYBRID = "hybrid", "In person or online (hybrid)"


class LedBy(models.TextChoices):
    PEER = "peer", "Peer-led"
    PROFESSIONAL = "professional", "Led by a licensed professional"


class Audience(models.TextChoices):
    ADULTS = "adults", "Adults (18 and over)"
    YOUNG_ADULTS = "young_adults", "Young adults (18 to 25)"
    TEENS = "teens", "Teens (13 to 17)"
    FAMILIES = "families", "Families and caregivers"
    LGBTQ = "lgbtq", "LGBTQ+ people"
    VETERANS = "veterans", "Veterans and their families"
    SENIORS = "seniors", "Older adults (60 and over)"
    PARENTS = "parents", "Parents"


class Cost(models.TextChoices):
    FREE = "free", "Free"
    SLIDING_SCALE = "sliding_scale", "Sliding scale"
    FEE = "fee", "Fee"


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
