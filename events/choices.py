"""Choices of the events app's models, in one place as in the other apps.

Cost, format and audience are shared with the groups (home/choices.py): a visitor reads "sliding
scale" or "online" the same way on a group and on an event, and the API gives the same values.
"""

from django.db import models

from home.choices import Audience

# An event may be for everyone; otherwise the same audiences as the groups.
AUDIENCE_CHOICES = [("everyone", "Everyone"), *Audience.choices]


class EventKind(models.TextChoices):
    WORKSHOP = "workshop", "Workshop"
    SEMINAR = "seminar", "Seminar or talk"
    COURSE = "course", "Class or course"
    ART_THERAPY = "art_therapy", "Art therapy"
    MINDFULNESS = "mindfulness", "Mindfulness"
    OUTING = "outing", "Outing"
    SOCIAL = "social", "Social event"


class EventStatus(models.TextChoices):
    """Where the event stands. Postponed: the dates are the new ones once known (see the page's help)."""

    SCHEDULED = "scheduled", "Going ahead"
    CANCELLED = "cancelled", "Cancelled"
    POSTPONED = "postponed", "Postponed"
    FULL = "full", "Full"


class Registration(models.TextChoices):
    """How to come. 'Ask with the form' is the join form's twin: the event's `register/` page
    (events/registration_page.py), with its places and waiting list."""

    NONE = "none", "Just come: no need to ask"
    FORM = "form", "Ask for a place with the form on the page"
    PHONE = "phone", "Ask for a place by phone"


class RegistrationStatus(models.TextChoices):
    """Where a request for a place at an event stands (events/registrations.py)."""

    NEW = "new", "New"
    CONTACTED = "contacted", "Contacted"
    CONFIRMED = "confirmed", "Place confirmed"
    WAITLISTED = "waitlisted", "On the waiting list"
    DECLINED = "declined", "Cancelled or withdrawn"


# A request in one of these states holds one of the event's places.
PLACE_HOLDING_STATUSES = (RegistrationStatus.NEW, RegistrationStatus.CONTACTED, RegistrationStatus.CONFIRMED)
