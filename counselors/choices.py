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


class MeetingPreference(models.TextChoices):
    """How a visitor asking for a first appointment would like to meet."""

    EITHER = "either", "Either is fine"
    IN_PERSON = "in_person", "In person, at the office"
    TELEHEALTH = "telehealth", "Telehealth (video)"


class ContactTime(models.TextChoices):
    """When a visitor would like the intake coordinator to get in touch."""

    MORNING = "morning", "Mornings (9am to noon)"
    AFTERNOON = "afternoon", "Afternoons (noon to 5pm)"
    EVENING = "evening", "Early evenings (5pm to 7pm)"


class SessionTime(models.TextChoices):
    """When a visitor could come to sessions."""

    WEEKDAY_MORNING = "weekday_morning", "Weekday mornings"
    WEEKDAY_AFTERNOON = "weekday_afternoon", "Weekday afternoons"
    WEEKDAY_EVENING = "weekday_evening", "Weekday evenings"
    SATURDAY = "saturday", "Saturdays"


class Payment(models.TextChoices):
    """How a visitor expects to pay. 'Not sure' is a fine answer: intake talks it through."""

    INSURANCE = "insurance", "With my insurance"
    SELF_PAY = "self_pay", "I will pay myself (self-pay)"
    SLIDING_SCALE = "sliding_scale", "I would like to ask about the sliding scale"
    NOT_SURE = "not_sure", "Not sure yet"


class AppointmentRequestStatus(models.TextChoices):
    NEW = "new", "New"
    CONTACTED = "contacted", "Contacted"
    BOOKED = "booked", "First appointment booked"
    WAITLISTED = "waitlisted", "On the waiting list"
    REFERRED = "referred", "Referred elsewhere"
    CLOSED = "closed", "Closed or withdrawn"
