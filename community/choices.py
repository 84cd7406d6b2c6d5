"""Choices of the community app's models, in one place as in the other apps."""

from django.db import models


class CrisisKind(models.TextChoices):
    """What kind of crisis help a service gives: listed in this order on the page."""

    CRISIS_LINE = "crisis_line", "Crisis line"
    MOBILE_CRISIS = "mobile_crisis", "Mobile crisis team (they come to you)"
    WALK_IN = "walk_in", "Walk-in crisis center"
    URGENT_CARE = "urgent_care", "Behavioral health urgent care"
    OTHER = "other", "Other crisis help"
