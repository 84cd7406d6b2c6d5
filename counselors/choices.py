"""Every fixed list of choices the counselors' pages use, in one place."""

from django.db import models


class AcceptingClients(models.TextChoices):
    YES = "yes", "Accepting new clients"
    WAITLIST = "waitlist", "Waiting list for new clients"
    NO = "no", "Not accepting new clients"


class Population(models.TextChoices):
    """Who a counselor works with. Several may apply; the page lists them in this order."""

    CHILDREN = "children", "Children (6 to 12)"
    TEENS = "teens", "Teens (13 to 17)"
    YOUNG_ADULTS = "young_adults", "Young adults (18 to 25)"
    ADULTS = "adults", "Adults"
    OLDER_ADULTS = "older_adults", "Older adults (60 and over)"
    COUPLES = "couples", "Couples"
    FAMILIES = "families", "Families"
    LGBTQ = "lgbtq", "LGBTQ+ people"
    VETERANS = "veterans", "Veterans and military families"


class ServiceFormat(models.TextChoices):
    """How a counseling service meets."""

    IN_PERSON = "in_person", "In person"
    TELEHEALTH = "telehealth", "Telehealth (video from home)"
    BOTH = "both", "In person or by telehealth"


class SessionFee(models.TextChoices):
    """The session fees in Settings → Fees and insurance; a service page says which one it costs."""

    FIRST = "first", "First session (intake)"
    INDIVIDUAL = "individual", "Individual session"
    COUPLES = "couples", "Couples session"
    FAMILY = "family", "Family session"
    GROUP = "group", "Group session"
