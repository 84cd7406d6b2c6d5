"""Choices more than one area lists: how a group or an event meets, whom it is for, what it costs.

In the core because areas do not import each other; a visitor reads "sliding scale" or "online" the
same way on a group and on an event, and the API gives the same values.
"""

from django.db import models


class MeetingFormat(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    ONLINE = "online", "Online"
    HYBRID = "hybrid", "In person or online (hybrid)"


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
