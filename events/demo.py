"""Demo content for What's on: the events index and seven events, one cancelled and one postponed.

Dates are relative to the day the demo is loaded (in Asheville's time), so the events are always
ahead. Venues are the groups' demo venues, leaders the demo people; everything is fictional and
says so. Run by `manage.py load_demo_content` after the groups' demo (LOCAL_APPS order).
"""

import datetime

from events.choices import EventKind, EventStatus, Registration
from events.models import EventDate, EventIndexPage, EventLeader, EventPage
from home.choices import Cost, MeetingFormat
from home.demo import utils as d
from home.demo.images import get_or_create_image
from home.local_time import TIMEZONE, now_local
from home.models import Person, Topic

INDEX_SLUG = "whats-on"
DEMO_NOTE = "A demo event: the people, places and phone numbers are fictional."

INDEX_PICTURE = (
    "An easel in the studio",
    "An easel in a quiet studio with a half-painted picture of the hills on it",
    "easel",
)


def _at(days, hour, minute=0):
    """An aware datetime `days` from today at `hour`:`minute`, Asheville time."""
    day = now_local().date() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=TIMEZONE)


def _saturday_after(days):
    """Days from today to the first Saturday at least `days` away."""
    day = now_local().date() + datetime.timedelta(days=days)
    return days + (5 - day.weekday()) % 7


def event_definitions():
    """The demo events, each with its dates as (start, end) pairs."""
    walk_day = _saturday_after(16)
    course_day = _saturday_after(9) + 3  # a Tuesday
    return [
        {
            "slug": "art-therapy-afternoon",
            "title": "An afternoon of art therapy: painting what words can't say",
            "kind": EventKind.ART_THERAPY,
            "summary": "A gentle afternoon with paint and paper, led by an art therapist. No drawing skills needed: "
            "this is about noticing, not about making something good.",
            "topics": ["anxiety", "depression"],
            "venue": "Haywood Commons upstairs studio (demo venue)",
            "leaders": ["Priya Natarajan"],
            "dates": [(_at(_saturday_after(5), 13, 30), _at(_saturday_after(5), 16))],
            "cost": Cost.SLIDING_SCALE,
            "fee_amount": "20",
            "cost_details": "$5 to $35, you choose; materials included",
            "registration": Registration.PHONE,
            "capacity": 10,
            "what_to_bring": "Clothes you do not mind getting paint on.",
            "picture": (
                "Paints and an easel",
                "An easel with a painting of the hills and a palette of paints",
                "easel",
            ),
            "paragraphs": [
                "We start with a cup of tea and a few minutes of settling in. Then we paint, quietly, with prompts "
                "you can follow or ignore. At the end, anyone who wishes can say a word about what they made. "
                "Nobody has to.",
            ],
        },
        {
            "slug": "four-week-mindfulness-course",
            "title": "Four weeks of mindfulness: steadier days",
            "kind": EventKind.MINDFULNESS,
            "summary": "A short course on four Tuesday evenings: simple practices for a busy or worried mind, "
            "and time to try them together.",
            "topics": ["anxiety", "mindfulness-outdoors"],
            "venue": "Resilient Mind group room (demo venue)",
            "attendance": MeetingFormat.HYBRID,
            "online_platform": "Zoom",
            "leaders": ["Sam Whitaker"],
            "dates": [(_at(course_day + 7 * week, 18, 30), _at(course_day + 7 * week, 20)) for week in range(4)],
            "notes": ["Week 1: arriving", "Week 2: the breath", "Week 3: difficult moments", "Week 4: going on"],
            "cost": Cost.FEE,
            "fee_amount": "60",
            "cost_details": "for all four weeks; ask us about a reduced place",
            "registration": Registration.FORM,
            "capacity": 14,
            "picture": ("Waves at sunset", "Slow waves rolling in under a low evening sun", "breathing-waves"),
            "paragraphs": [
                "Each week builds on the one before, so please plan to come to all four. You can join in the room "
                "or from home: we send the link to people who have a place.",
            ],
        },
        {
            "slug": "caregivers-seminar-on-burnout",
            "title": "Running on empty: a seminar for caregivers on burnout",
            "kind": EventKind.SEMINAR,
            "summary": "An evening talk for people looking after someone they love: the signs of burnout, "
            "and small ways to get some of yourself back.",
            "topics": ["families-caregivers"],
            "audience": "families",
            "venue": "Reems Creek community room (demo venue)",
            "leaders": ["Ruth Oyelaran", "Dana Holloway"],
            "dates": [(_at(12, 18), _at(12, 19, 30))],
            "cost": Cost.FREE,
            "registration": Registration.NONE,
            "picture": ("Tea by the window", "A cup of tea steaming on a table by a sunny window", "cup-of-tea"),
            "paragraphs": [
                "A clinician and a peer supporter who has been a carer herself talk for forty minutes, then take "
                "questions. There is a quiet room with a sitter for the person you care for: call us the day "
                "before if you need it.",
            ],
        },
        {
            "slug": "blue-ridge-parkway-walk",
            "title": "A slow walk on the Blue Ridge Parkway",
            "kind": EventKind.OUTING,
            "summary": "An easy two-mile walk near Craggy Gardens for members of the mindful walking group, "
            "with stops to look and breathe.",
            "topics": ["mindfulness-outdoors"],
            "group": "mindful-walking-group",
            "members_only": True,
            "meeting_point": "Craggy Gardens visitor center car park, Blue Ridge Parkway milepost 364 (demo details)",
            "what_to_bring": "Walking shoes, water, a layer for the wind and a packed lunch.",
            "leaders": ["Sam Whitaker"],
            "dates": [(_at(walk_day, 10), _at(walk_day, 13))],
            "cost": Cost.FREE,
            "registration": Registration.PHONE,
            "capacity": 12,
            "picture": (
                "Trail under the pines",
                "A trail between the pines towards the light on the ridges",
                "forest-trail",
            ),
            "paragraphs": [
                "We walk at the pace of the slowest person and stop often. If the weather turns, we will call "
                "everyone by 8am on the day.",
            ],
        },
        {
            "slug": "holiday-potluck",
            "title": "Holiday potluck for members and friends",
            "kind": EventKind.SOCIAL,
            "summary": "Bring a dish if you like, or just yourself. An easy evening of food and company for "
            "anyone in our groups, and a friend if you wish.",
            "topics": [],
            "venue": "Cherry Street meeting house (demo venue)",
            "leaders": ["Dana Holloway"],
            "dates": [(_at(24, 17, 30), _at(24, 20))],
            "cost": Cost.FREE,
            "registration": Registration.NONE,
            "what_to_bring": "A dish to share, if you can (a label with what is in it helps). Drinks are provided.",
            "picture": (
                "Lit windows at dusk",
                "A small house with warm lit windows at dusk under the ridges",
                "lit-house",
            ),
            "paragraphs": [
                "There is a quiet room if it all gets a bit much, and no speeches. Come for ten minutes or stay "
                "to the end.",
            ],
        },
        {
            "slug": "grief-writing-workshop",
            "title": "Writing through grief: a morning workshop",
            "kind": EventKind.WORKSHOP,
            "summary": "Short, gentle writing exercises for people living with a loss.",
            "topics": ["grief"],
            "venue": "Resilient Mind group room (demo venue)",
            "leaders": ["Jordan Reyes"],
            "dates": [(_at(9, 10), _at(9, 12))],
            "cost": Cost.FREE,
            "registration": Registration.PHONE,
            "capacity": 8,
            "status": EventStatus.CANCELLED,
            "status_note": "Jordan is unwell. We will run it again in the new year, and will call everyone "
            "who had a place.",
            "picture": (
                "Candles for remembering",
                "Candles lit in the dark with autumn leaves drifting down",
                "candle",
            ),
            "paragraphs": ["No writing experience needed. You keep what you write; nobody reads it but you."],
        },
        {
            "slug": "young-adults-games-night",
            "title": "Games night for young adults",
            "kind": EventKind.SOCIAL,
            "summary": "Board games, snacks and low-pressure company for 18 to 25 year olds.",
            "topics": ["depression"],
            "audience": "young_adults",
            "venue": "Haywood Commons upstairs studio (demo venue)",
            "leaders": ["Priya Natarajan"],
            "dates": [(_at(19, 18, 30), _at(19, 21))],
            "previous_start": _at(5, 18, 30),
            "cost": Cost.FREE,
            "registration": Registration.NONE,
            "status": EventStatus.POSTPONED,
            "status_note": "The studio's heating failed; the games are safe.",
            "picture": (
                "A kite over the hills",
                "A kite flying high over the hills, its string held from a hilltop",
                "kite",
            ),
            "paragraphs": ["Come on your own: most people do. We start with a quick game everyone can play."],
        },
    ]


def load(log):
    home = d.home_page()
    index = load_index(home, log)
    for definition in event_definitions():
        if d.get_child(index, definition["slug"]) is None:
            create_event(index, definition)
            log(f"Event: {definition['title']}")
    return index


def load_index(home, log):
    index, created = d.get_or_create_page(
        home,
        EventIndexPage,
        INDEX_SLUG,
        title="What's on",
        show_in_menus=True,
        intro=(
            "Workshops, short courses, art therapy, mindfulness, walks and get-togethers: more than the weekly "
            "groups, and a gentle way to meet people. Most are free, and you are welcome as you are."
        ),
        search_description="Workshops, classes, art therapy, mindfulness, outings and social events in and "
        "around Asheville from Resilient Mind Counseling.",
        social_image=get_or_create_image(*INDEX_PICTURE),
    )
    if created:
        log("Page: What's on (events index)")
    return index


def _related_model(field_name):
    return EventPage._meta.get_field(field_name).related_model


def create_event(index, definition, slug=None, title=None):
    """The event described by `definition`, created and published with its dates and leaders."""
    # The groups' venues and group pages, through the event's relations: areas do not import each other.
    venue = _related_model("venue").objects.filter(name=definition.get("venue", "")).first()
    group = _related_model("group").objects.filter(slug=definition.get("group", "")).first()
    topics = list(Topic.objects.filter(slug__in=definition["topics"]))
    attendance = definition.get("attendance", MeetingFormat.IN_PERSON)
    notes = definition.get("notes", [])
    event = EventPage(
        slug=slug or definition["slug"],
        title=title or definition["title"],
        summary=definition["summary"],
        kind=definition["kind"],
        audience=definition.get("audience", "everyone"),
        group=group,
        members_only=definition.get("members_only", False) and group is not None,
        attendance=attendance,
        venue=venue,
        meeting_point=definition.get("meeting_point", ""),
        what_to_bring=definition.get("what_to_bring", ""),
        online_platform=definition.get("online_platform", ""),
        online_meeting_url="https://example.com/demo-private-link" if attendance != MeetingFormat.IN_PERSON else "",
        cost=definition["cost"],
        fee_amount=definition.get("fee_amount"),
        cost_details=definition.get("cost_details", ""),
        registration=definition["registration"],
        capacity=definition.get("capacity"),
        status=definition.get("status", EventStatus.SCHEDULED),
        previous_start=definition.get("previous_start"),
        status_note=definition.get("status_note", ""),
        description=[
            *(d.paragraph(f"<p>{text}</p>") for text in definition["paragraphs"]),
            d.paragraph(f"<p><em>{DEMO_NOTE}</em></p>"),
        ],
        image=get_or_create_image(*definition["picture"]),
    )
    event.dates = [
        EventDate(start=start, end=end, note=notes[number] if number < len(notes) else "")
        for number, (start, end) in enumerate(definition["dates"])
    ]
    people = {person.name: person for person in Person.objects.filter(name__in=definition["leaders"])}
    event.leaders = [EventLeader(person=people[name]) for name in definition["leaders"] if name in people]
    index.add_child(instance=event)
    event.topics.set(topics)
    event.save_revision().publish()
    return event


def multiply(factor, log):
    """Copies of the demo events until there are `factor` times as many (for `make bench`)."""
    index = d.get_child(d.home_page(), INDEX_SLUG)
    if index is None:
        return
    definitions = event_definitions()
    wanted = len(definitions) * factor
    existing = EventPage.objects.child_of(index).count()
    copy = 0
    while existing < wanted:
        definition = definitions[copy % len(definitions)]
        number = copy // len(definitions) + 2
        create_event(
            index, definition, slug=f"{definition['slug']}-{number}", title=f"{definition['title']} ({number})"
        )
        existing += 1
        copy += 1
    log(f"Events: {existing}")


def bench_urls():
    """What's on with its filters, the archive, the feed and the API endpoints of both page types."""
    index = EventIndexPage.objects.live().order_by("path").first()
    urls = []
    if index:
        index_url = index.get_url()
        urls += [
            ("What's on, outings", f"{index_url}?kind=outing"),
            ("What's on, free and online", f"{index_url}?free=1&attendance=online"),
            ("What's on, past events", f"{index_url}past/"),
            ("What's on, calendar", "/events/calendar.ics"),
        ]
    for model in (EventIndexPage, EventPage):
        urls += d.api_bench_urls(model)
    return urls
