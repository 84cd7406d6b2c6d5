"""Demo content for the support groups: the finder, venues, facilitators and a dozen groups.

Venues, people, addresses and phone numbers are fictional and say so. Dates are
relative to the day the demo is loaded, so the groups always have meetings ahead.
Run by `manage.py load_demo_content` after home's demo (topics, people, pages).
"""

import datetime

from groups.choices import Audience, Cost, Frequency, GroupStatus, LedBy, MeetingFormat, Weekday, WeekOfMonth
from groups.models import (
    CancelledMeeting,
    GroupFacilitator,
    MeetingRule,
    SupportGroupIndexPage,
    SupportGroupPage,
    Venue,
)
from groups.schedule import now_local, upcoming_meetings
from home.demo import utils as d
from home.demo.images import get_or_create_image
from home.models import Person, Topic

FINDER_SLUG = "support-groups"

VENUES = [
    {
        "name": "Resilient Mind group room (demo venue)",
        "street_address": "22 Laurel Ridge Road, Suite 3",
        "locality": "Asheville",
        "postal_code": "28801",
        "area": "Downtown Asheville",
        "wheelchair_accessible": True,
        "accessibility": "Step-free entrance, a lift to the first floor and an accessible restroom next to the room.",
        "entrance": "Use the blue door on the side of the building; the group room is the first on the left.",
        "parking": "Free parking behind the building after 5pm; a public garage one block away during the day.",
        "transit": "ART routes S3 and W1 stop two minutes' walk away (demo details).",
        "latitude": "35.59510",
        "longitude": "-82.55150",
    },
    {
        "name": "Haywood Commons upstairs studio (demo venue)",
        "street_address": "640 Haywood Road",
        "locality": "Asheville",
        "postal_code": "28806",
        "area": "West Asheville",
        "wheelchair_accessible": False,
        "accessibility": "The studio is up one flight of stairs (14 steps with a handrail). Tell us if stairs are hard "
        "for you and we will suggest another group.",
        "entrance": "The green door beside the bakery; ring the bell marked Studio.",
        "parking": "Street parking on Haywood Road and the side streets.",
        "transit": "ART route W stops outside (demo details).",
        "latitude": "35.57890",
        "longitude": "-82.58760",
    },
    {
        "name": "Cherry Street meeting house (demo venue)",
        "street_address": "105 Cherry Street",
        "locality": "Black Mountain",
        "postal_code": "28711",
        "area": "Downtown Black Mountain",
        "wheelchair_accessible": True,
        "accessibility": "Ground floor, step-free from the car park, with an accessible restroom.",
        "entrance": "Come in through the garden gate; the meeting room faces the garden.",
        "parking": "A small free car park behind the house, and town parking on State Street.",
        "transit": "The Black Mountain Trailblazer bus stops on State Street (demo details).",
        "latitude": "35.61780",
        "longitude": "-82.32210",
    },
    {
        "name": "Reems Creek community room (demo venue)",
        "street_address": "30 Main Street",
        "locality": "Weaverville",
        "postal_code": "28787",
        "area": "Weaverville",
        "wheelchair_accessible": True,
        "accessibility": "Step-free throughout. A hearing loop is fitted in the room.",
        "entrance": "Main entrance, then follow the signs to the community room.",
        "parking": "Free parking in front of the building.",
        "transit": "No regular bus: ask us about lift-sharing with other members.",
        "latitude": "35.69700",
        "longitude": "-82.56070",
    },
    {
        "name": "Riverbend arts barn (demo venue)",
        "street_address": "118 Riverside Lane",
        "locality": "Asheville",
        "postal_code": "28801",
        "area": "River Arts District",
        "wheelchair_accessible": True,
        "accessibility": "Step-free barn with a gravel path from the car park; an accessible restroom on site.",
        "entrance": "We meet by the big red doors, then walk along the river greenway together.",
        "parking": "Free parking beside the barn.",
        "transit": "ART route S6 stops at the bridge (demo details).",
        "latitude": "35.58660",
        "longitude": "-82.56720",
    },
]

EXTRA_PEOPLE = [
    (
        "Dana Holloway",
        "Peer support specialist",
        "",
        "Dana has cared for a parent with dementia and now helps other carers find a little breathing room. "
        "Dana runs our caregivers' mornings in Weaverville. Demo profile: a fictional person.",
    ),
    (
        "Marcus Bell",
        "Licensed clinical social worker and Army veteran",
        "LCSW",
        "Marcus served for twelve years before training as a counselor. He leads our veterans' circle and "
        "knows that asking for help can be the hardest order to follow. Demo profile: a fictional person.",
    ),
]


def _steps(*steps):
    return "<ol>" + "".join(f"<li>{step}</li>" for step in steps) + "</ol>"


STANDARD_STEPS = _steps(
    "Send the form at the bottom of this page. A first name is fine.",
    "We get in touch within two working days, the way you ask us to, to say hello and answer your questions.",
    "We agree the date of your first meeting together.",
)
INTRO_STEPS = _steps(
    "Send the form at the bottom of this page. A first name is fine.",
    "We get in touch within two working days to arrange a short introductory chat with the facilitator.",
    "After the chat, you choose whether the group feels right and we agree your first meeting.",
)
FIRST_MEETING = (
    "<p>You will be welcomed at the door and shown where to sit. Each meeting starts with a short check-in: "
    "you can say your first name and how your week has been, or simply pass. Nobody has to share until they "
    "are ready.</p><p>What is said in the group stays in the group. Tea, water and tissues are always there.</p>"
)
ONLINE_FIRST_MEETING = (
    "<p>Join a few minutes early from somewhere you will not be overheard, if you can. Your camera can stay off "
    "at first, and you can use a first name only. The facilitator will welcome you and explain how the group "
    "works. Nobody has to share until they are ready.</p>"
)


def _paragraphs(*texts):
    return [d.paragraph("".join(f"<p>{text}</p>" for text in texts))]


def _rule(frequency, weekday, start, end, first_days_ago=120, week=None, last_in_days=None):
    today = now_local().date()
    return {
        "frequency": frequency,
        "weekday": weekday,
        "week_of_month": week,
        "start_time": datetime.time(*start),
        "end_time": datetime.time(*end),
        "first_date": today - datetime.timedelta(days=first_days_ago),
        "last_date": today + datetime.timedelta(days=last_in_days) if last_in_days else None,
    }


FINDER_PICTURE = (
    "Chairs set out for an evening group",
    "A circle of chairs on a rug in a lamp-lit room, the window dark blue with evening",
    "circle-of-chairs-evening",
)

# Each group's picture, by its slug: (title, alt text, scene in home/demo/scenes.py).
PICTURES = {
    "tuesday-evening-grief-circle": (
        "Two candles lit",
        "Two lit candles glowing in the dark, autumn leaves drifting down around them",
        "two-candles",
    ),
    "anxiety-skills-online": (
        "Breathing together online",
        "A laptop on a table, its screen showing slow waves under a soft sun",
        "breathing-waves-online",
    ),
    "peer-recovery-circle-black-mountain": (
        "One day at a time",
        "A path winding up green hills towards the morning sun",
        "winding-path-day",
    ),
    "young-adults-mood-support": (
        "A kite over the hills",
        "A young person on a hilltop flying a kite high over the ridges",
        "kite",
    ),
    "caregivers-coffee-morning-weaverville": (
        "Coffee for two",
        "Two steaming mugs side by side on a table by a window",
        "two-cups",
    ),
    "trauma-recovery-cohort": (
        "Growing at its own pace",
        "A small seedling opening its first two leaves under a clear sky",
        "seedling-day",
    ),
    "mindful-walking-group": (
        "One step at a time",
        "Stepping stones across a shallow river, reeds on the banks and hills beyond",
        "stepping-stones",
    ),
    "last-friday-remembrance-circle": (
        "Candles on the screen",
        "A laptop on a table, its screen showing three lit candles and falling leaves",
        "candles-online",
    ),
    "parents-of-teens": (
        "A parent and a teenager",
        "A parent and a teenager holding hands on a path towards the mountains",
        "parent-and-teen",
    ),
    "lgbtq-connection-group": (
        "Under the rainbow",
        "Four people standing together under a soft rainbow over the ridges",
        "rainbow",
    ),
    "veterans-evening-circle": (
        "Round the campfire",
        "Four people sitting round a campfire at dusk, stars over the mountains",
        "campfire",
    ),
    "seniors-life-transitions": (
        "Two chairs on the porch",
        "Two rocking chairs on a porch looking out over the ridges at sunset",
        "porch",
    ),
}


def group_definitions():
    """Each demo group, as the fields, rules and relations to create it with."""
    return [
        {
            "slug": "tuesday-evening-grief-circle",
            "title": "Tuesday evening grief circle",
            "summary": "A small, steady circle for adults living with the death of someone close. Come as you are, "
            "however long ago it happened.",
            "description": _paragraphs(
                "Grief does not keep to a timetable, and it can feel lonely when the people around you have moved "
                "on. In this circle you sit with others who understand, and talk about the person you lost as "
                "much or as little as you like.",
                "Jordan guides each meeting gently: a check-in, a theme for the evening such as anniversaries or "
                "sleep, and time for whatever people bring.",
            ),
            "topics": ["grief"],
            "led_by": LedBy.PROFESSIONAL,
            "audience": Audience.ADULTS,
            "meeting_format": MeetingFormat.IN_PERSON,
            "venue": 0,
            "cost": Cost.FREE,
            "status": GroupStatus.OPEN,
            "capacity": 12,
            "intro_session_required": True,
            "how_to_join": INTRO_STEPS,
            "first_meeting": FIRST_MEETING,
            "facilitators": ["Jordan Reyes"],
            "rules": [_rule(Frequency.WEEKLY, Weekday.TUESDAY, (18, 30), (20, 0))],
            "cancel_nth": 2,
        },
        {
            "slug": "anxiety-skills-online",
            "title": "Anxiety skills group (online)",
            "summary": "Practical skills for worry and panic, learned together over a lunch hour, from wherever you "
            "are in the mountains.",
            "description": _paragraphs(
                "Each week Priya teaches one simple skill, such as slowing the breath or noticing anxious thoughts "
                "without obeying them, and the group tries it out together.",
                "It suits people who cannot easily get to Asheville, or who feel more at ease joining from home.",
            ),
            "topics": ["anxiety"],
            "led_by": LedBy.PROFESSIONAL,
            "audience": Audience.ADULTS,
            "meeting_format": MeetingFormat.ONLINE,
            "online_platform": "Zoom",
            "cost": Cost.SLIDING_SCALE,
            "cost_details": "$15 to $45 a session, you choose what you can afford",
            "insurance_note": "Many plans cover this group. We can check your insurance for you.",
            "status": GroupStatus.OPEN,
            "capacity": 14,
            "how_to_join": STANDARD_STEPS,
            "first_meeting": ONLINE_FIRST_MEETING,
            "facilitators": ["Priya Natarajan"],
            "rules": [_rule(Frequency.WEEKLY, Weekday.WEDNESDAY, (12, 0), (13, 0))],
        },
        {
            "slug": "peer-recovery-circle-black-mountain",
            "title": "Peer recovery circle, Black Mountain",
            "summary": "A peer-led circle for anyone in recovery from alcohol or drugs, or thinking about it. Two "
            "meetings a week: come to one or both.",
            "description": _paragraphs(
                "Sam and the other members have walked this road themselves. There is no lecture and no judgment: "
                "people share what is working, what is hard, and what tomorrow looks like.",
                "The Thursday early meeting is short and suits people on their way to work.",
            ),
            "topics": ["addiction-recovery"],
            "led_by": LedBy.PEER,
            "audience": Audience.ADULTS,
            "meeting_format": MeetingFormat.IN_PERSON,
            "venue": 2,
            "cost": Cost.FREE,
            "status": GroupStatus.OPEN,
            "how_to_join": _steps(
                "You can simply come along: arrive ten minutes early and say you are new.",
                "If you would rather someone knows you are coming, send the form below and Sam will meet you at "
                "the gate.",
            ),
            "first_meeting": FIRST_MEETING,
            "facilitators": ["Sam Whitaker"],
            "rules": [
                _rule(Frequency.WEEKLY, Weekday.MONDAY, (19, 0), (20, 30)),
                _rule(Frequency.WEEKLY, Weekday.THURSDAY, (7, 30), (8, 30)),
            ],
        },
        {
            "slug": "young-adults-mood-support",
            "title": "Young adults' mood support",
            "summary": "For 18 to 25 year olds dealing with low mood or anxiety. Join us in West Asheville or "
            "online, every other Thursday.",
            "description": _paragraphs(
                "Starting out in adult life can be exciting and also very hard. This group is a place to talk "
                "about mood, pressure, friendships and family with people your own age.",
            ),
            "topics": ["depression", "anxiety"],
            "led_by": LedBy.PROFESSIONAL,
            "audience": Audience.YOUNG_ADULTS,
            "meeting_format": MeetingFormat.HYBRID,
            "venue": 1,
            "online_platform": "Zoom",
            "cost": Cost.SLIDING_SCALE,
            "cost_details": "$5 to $30 a session, and free for students who ask",
            "status": GroupStatus.WAITLIST,
            "capacity": 10,
            "intro_session_required": True,
            "how_to_join": INTRO_STEPS,
            "first_meeting": FIRST_MEETING,
            "facilitators": ["Priya Natarajan"],
            "rules": [_rule(Frequency.FORTNIGHTLY, Weekday.THURSDAY, (17, 30), (19, 0))],
        },
        {
            "slug": "caregivers-coffee-morning-weaverville",
            "title": "Caregivers' coffee morning, Weaverville",
            "summary": "A relaxed monthly morning for people caring for a partner, parent or child who is unwell. "
            "Coffee, company and a little time for you.",
            "description": _paragraphs(
                "Caring for someone you love is tiring in ways that are hard to explain. Once a month, carers meet "
                "to swap what helps, share the load and laugh a little.",
                "If you need to bring the person you care for, tell us and we will make it work.",
            ),
            "topics": ["families-caregivers"],
            "led_by": LedBy.PEER,
            "audience": Audience.FAMILIES,
            "meeting_format": MeetingFormat.IN_PERSON,
            "venue": 3,
            "cost": Cost.FREE,
            "status": GroupStatus.OPEN,
            "how_to_join": STANDARD_STEPS,
            "first_meeting": FIRST_MEETING,
            "facilitators": ["Dana Holloway"],
            "rules": [_rule(Frequency.MONTHLY, Weekday.TUESDAY, (10, 0), (11, 30), week=WeekOfMonth.SECOND)],
        },
        {
            "slug": "trauma-recovery-cohort",
            "title": "Trauma recovery cohort (twelve weeks)",
            "summary": "A structured twelve-week group for adults healing after trauma. This cohort is under way; "
            "ask to be told when the next one starts.",
            "description": _paragraphs(
                "Over twelve weeks, the same small group learns how trauma affects the body and mind and practises "
                "ways to feel safer, at a pace that feels manageable.",
                "Because trust grows when the group stays the same, new members join at the start of each cohort.",
            ),
            "topics": ["trauma"],
            "led_by": LedBy.PROFESSIONAL,
            "audience": Audience.ADULTS,
            "meeting_format": MeetingFormat.IN_PERSON,
            "venue": 0,
            "cost": Cost.FEE,
            "cost_details": "$35 a session",
            "insurance_note": "Most insurance plans cover this group as group therapy. We will check yours.",
            "status": GroupStatus.CLOSED,
            "capacity": 8,
            "intro_session_required": True,
            "how_to_join": INTRO_STEPS,
            "first_meeting": FIRST_MEETING,
            "facilitators": ["Dr. Maya Ellison"],
            "rules": [
                _rule(Frequency.WEEKLY, Weekday.WEDNESDAY, (18, 0), (19, 30), first_days_ago=28, last_in_days=56)
            ],
        },
        {
            "slug": "mindful-walking-group",
            "title": "Mindful walking group",
            "summary": "An easy, gentle walk along the French Broad River, every other Saturday morning, with a few "
            "minutes of quiet together at the end.",
            "description": _paragraphs(
                "Moving slowly outside, noticing the river, the trees and your own breath, can settle a busy mind "
                "in a way that sitting still sometimes cannot.",
                "The walk is flat, about two miles, and we go at the pace of the slowest walker.",
            ),
            "topics": ["mindfulness-outdoors", "anxiety"],
            "led_by": LedBy.PEER,
            "audience": Audience.ADULTS,
            "meeting_format": MeetingFormat.IN_PERSON,
            "venue": 4,
            "cost": Cost.FREE,
            "status": GroupStatus.OPEN,
            "how_to_join": STANDARD_STEPS,
            "first_meeting": "<p>Wear comfortable shoes and bring water. We meet by the red doors, walk for about an "
            "hour and finish with ten quiet minutes by the river. Talking is welcome; so is silence.</p>",
            "facilitators": ["Sam Whitaker"],
            "rules": [_rule(Frequency.FORTNIGHTLY, Weekday.SATURDAY, (9, 0), (10, 30))],
        },
        {
            "slug": "last-friday-remembrance-circle",
            "title": "Last Friday remembrance circle (online)",
            "summary": "Once a month, an evening online circle for anyone grieving. A quiet place to remember, "
            "from home.",
            "description": _paragraphs(
                "Some people find the weekend hardest after a loss. On the last Friday of each month we gather "
                "online to light a candle, say a name if we wish, and keep each other company.",
            ),
            "topics": ["grief"],
            "led_by": LedBy.PEER,
            "audience": Audience.ADULTS,
            "meeting_format": MeetingFormat.ONLINE,
            "online_platform": "Zoom",
            "cost": Cost.FREE,
            "status": GroupStatus.OPEN,
            "how_to_join": STANDARD_STEPS,
            "first_meeting": ONLINE_FIRST_MEETING,
            "facilitators": ["Jordan Reyes"],
            "rules": [_rule(Frequency.MONTHLY, Weekday.FRIDAY, (19, 0), (20, 15), week=WeekOfMonth.LAST)],
        },
        {
            "slug": "parents-of-teens",
            "title": "Parents of teens who are struggling",
            "summary": "For parents and carers of 13 to 17 year olds facing anxiety, low mood or self-harm. Join in "
            "person downtown or online.",
            "description": _paragraphs(
                "When your child is struggling it is easy to feel helpless, or to blame yourself. Ruth helps "
                "parents understand what is going on, talk with their teen, and look after themselves too.",
            ),
            "topics": ["families-caregivers", "depression"],
            "led_by": LedBy.PROFESSIONAL,
            "audience": Audience.PARENTS,
            "meeting_format": MeetingFormat.HYBRID,
            "venue": 0,
            "online_platform": "Zoom",
            "cost": Cost.SLIDING_SCALE,
            "cost_details": "$10 to $40 a session",
            "status": GroupStatus.OPEN,
            "capacity": 16,
            "how_to_join": STANDARD_STEPS,
            "first_meeting": FIRST_MEETING,
            "facilitators": ["Ruth Oyelaran"],
            "rules": [_rule(Frequency.WEEKLY, Weekday.THURSDAY, (18, 0), (19, 30))],
        },
        {
            "slug": "lgbtq-connection-group",
            "title": "LGBTQ+ connection group",
            "summary": "A warm, peer-led Sunday afternoon group for LGBTQ+ adults in West Asheville: connection, "
            "support and no need to explain yourself.",
            "description": _paragraphs(
                "Whether you are coming out, settling in to the mountains or simply want company that gets it, "
                "this group is for you. Topics come from the group: family, faith, work, love, and everyday life.",
            ),
            "topics": ["life-transitions", "anxiety"],
            "led_by": LedBy.PEER,
            "audience": Audience.LGBTQ,
            "meeting_format": MeetingFormat.IN_PERSON,
            "venue": 1,
            "cost": Cost.FREE,
            "status": GroupStatus.OPEN,
            "how_to_join": STANDARD_STEPS,
            "first_meeting": FIRST_MEETING,
            "facilitators": ["Sam Whitaker"],
            "rules": [_rule(Frequency.WEEKLY, Weekday.SUNDAY, (16, 0), (17, 30))],
        },
        {
            "slug": "veterans-evening-circle",
            "title": "Veterans' evening circle",
            "summary": "For veterans and service members carrying what they saw and did. Every other Monday in "
            "Weaverville, led by a counselor who served.",
            "description": _paragraphs(
                "Marcus knows military life from the inside. The circle is a place to talk about sleep, anger, "
                "loss and coming home, with people who do not need it explained.",
                "Veterans in crisis can call 988 and press 1 at any time.",
            ),
            "topics": ["trauma"],
            "led_by": LedBy.PROFESSIONAL,
            "audience": Audience.VETERANS,
            "meeting_format": MeetingFormat.IN_PERSON,
            "venue": 3,
            "cost": Cost.FREE,
            "status": GroupStatus.WAITLIST,
            "capacity": 10,
            "how_to_join": INTRO_STEPS,
            "intro_session_required": True,
            "first_meeting": FIRST_MEETING,
            "facilitators": ["Marcus Bell"],
            "rules": [_rule(Frequency.FORTNIGHTLY, Weekday.MONDAY, (18, 0), (19, 30))],
        },
        {
            "slug": "seniors-life-transitions",
            "title": "Later life transitions",
            "summary": "For adults over 60 facing retirement, a move, illness or the loss of a partner. First "
            "Wednesday afternoon of each month, in Black Mountain.",
            "description": _paragraphs(
                "Later life brings changes nobody quite prepares us for. This group is a friendly place to talk "
                "them through, learn from each other and keep connected.",
                "The group is taking a short summer break and will be back soon.",
            ),
            "topics": ["life-transitions", "depression"],
            "led_by": LedBy.PROFESSIONAL,
            "audience": Audience.SENIORS,
            "meeting_format": MeetingFormat.IN_PERSON,
            "venue": 2,
            "cost": Cost.FEE,
            "cost_details": "$20 a session",
            "insurance_note": "Medicare covers this group for most members. We will check yours.",
            "status": GroupStatus.PAUSED,
            "how_to_join": STANDARD_STEPS,
            "first_meeting": FIRST_MEETING,
            "facilitators": ["Ruth Oyelaran"],
            "rules": [_rule(Frequency.MONTHLY, Weekday.WEDNESDAY, (13, 30), (15, 0), week=WeekOfMonth.FIRST)],
        },
    ]


def load(log):
    home = d.home_page()
    finder = load_finder(home, log)
    venues = load_venues(log)
    people = load_people(log)
    for definition in group_definitions():
        if d.get_child(finder, definition["slug"]) is None:
            create_group(finder, definition, venues, people)
            log(f"Support group: {definition['title']}")
    point_home_at_finder(home, finder, log)
    return finder


def load_finder(home, log):
    finder, created = d.get_or_create_page(
        home,
        SupportGroupIndexPage,
        FINDER_SLUG,
        title="Support groups",
        show_in_menus=True,
        intro=(
            "Small, steady groups for anxiety, low mood, grief, recovery, caring for someone and more, in Asheville, "
            "nearby towns and online. Choose what matters to you and we will show the groups that fit."
        ),
        search_description=(
            "Find a mental health support group in Asheville, Black Mountain, Weaverville or online: by topic, "
            "day, time and format, with the next meeting and how to join."
        ),
        # The finder shows no picture of its own; this is what it is shared with.
        social_image=get_or_create_image(*FINDER_PICTURE),
        # "Not sure which group is right?", with the office's number from Practice details, is the
        # finder's own (templates/groups/support_group_index_page.html): the body is for anything else.
    )
    if created:
        log("Page: Support groups (finder)")
    else:
        drop_old_finder_help(finder, log)
    return finder


# The finder's help as earlier demo content had it in the body, with the office's number as plain
# words; the finder's template now says it, with the number as a link.
OLD_FINDER_HELP = [
    ("heading", {"text": "Not sure which group is right?", "size": "h2"}),
    (
        "paragraph",
        "<p>That is normal, and you do not have to work it out alone. Ask to join the group that feels "
        "closest and we will talk it through with you, or call the office and we will help you choose.</p>",
    ),
]


def drop_old_finder_help(finder, log):
    """Empty a finder body that is still exactly the earlier demo's help, so it is not said twice.

    A body an editor has changed in any way is left as it is.
    """
    if [(block.block_type, block.get_prep_value()["value"]) for block in finder.body] != OLD_FINDER_HELP:
        return
    finder.body = []
    d.publish(finder)
    log("Page: Support groups (finder): the help below the groups is now the finder's own")


def load_venues(log):
    venues = []
    for fields in VENUES:
        venue, created = Venue.objects.get_or_create(name=fields["name"], defaults=fields)
        venues.append(venue)
        if created:
            log(f"Venue: {venue.name}")
    return venues


def load_people(log):
    for name, role, credentials, bio in EXTRA_PEOPLE:
        _, created = Person.objects.get_or_create(
            name=name, defaults={"role": role, "credentials": credentials, "short_bio": bio}
        )
        if created:
            log(f"Person: {name}")
    return {person.name: person for person in Person.objects.all()}


def create_group(finder, definition, venues, people, slug=None, title=None):
    definition = dict(definition)
    rules = definition.pop("rules")
    topics = definition.pop("topics")
    facilitators = definition.pop("facilitators")
    cancel_nth = definition.pop("cancel_nth", None)
    picture = PICTURES.get(definition["slug"])
    venue = definition.pop("venue", None)
    definition["slug"] = slug or definition["slug"]
    definition["title"] = title or definition["title"]
    group = SupportGroupPage(**definition, last_verified=now_local().date())
    if venue is not None:
        group.venue = venues[venue]
    if group.meets_online:
        # Private: sent to members after they join, never published. A made-up demo link.
        group.online_meeting_url = f"https://video.example/demo-{definition['slug']}"
    if picture:
        group.image = get_or_create_image(*picture)
    group.meeting_rules = [MeetingRule(**rule) for rule in rules]
    group.facilitators = [GroupFacilitator(person=people[name]) for name in facilitators if name in people]
    if cancel_nth is not None:
        meetings = upcoming_meetings(group.meeting_rules.all(), count=cancel_nth + 1)
        if len(meetings) > cancel_nth:
            group.cancelled_meetings = [
                CancelledMeeting(date=meetings[cancel_nth].date, note="No group this week: the office is closed (demo)")
            ]
    finder.add_child(instance=group)
    group.topics.set(Topic.objects.filter(slug__in=topics))
    group.save_revision().publish()
    return group


def point_home_at_finder(home, finder, log):
    """The home page's one button goes to the finder, unless staff chose something other than About."""
    cta = home.cta_page
    if cta is not None and cta.slug != "about":
        return
    home.cta_page = finder
    d.publish(home)
    log("Home page: the button now opens the group finder")


def multiply(factor, log):
    """Add copies of the demo groups until there are `factor` times as many (for `make bench`)."""
    finder = d.get_child(d.home_page(), FINDER_SLUG)
    definitions = group_definitions()
    wanted = len(definitions) * factor
    existing = SupportGroupPage.objects.child_of(finder).count()
    venues = load_venues(log)
    people = {person.name: person for person in Person.objects.all()}
    copy = 0
    while existing < wanted:
        definition = definitions[copy % len(definitions)]
        number = copy // len(definitions) + 2
        create_group(
            finder,
            definition,
            venues,
            people,
            slug=f"{definition['slug']}-{number}",
            title=f"{definition['title']} ({number})",
        )
        existing += 1
        copy += 1
    log(f"Support groups: {existing}")


def bench_urls():
    finder = d.get_child(d.home_page(), FINDER_SLUG)
    if finder is None:
        return []
    group = SupportGroupPage.objects.child_of(finder).live().order_by("path").first()
    urls = [
        ("Group finder, filtered", f"{finder.url}?topic=grief&day=tuesday&time_of_day=evening"),
        ("Group finder, several filters", f"{finder.url}?meeting_format=online&free=1&open=1"),
        ("Group finder, no match", f"{finder.url}?audience=teens&day=sunday"),
        ("Group finder, page 2", f"{finder.url}?page=2"),
        ("Groups calendar feed", "/groups/calendar.ics"),
        ("Groups calendar feed, filtered", "/groups/calendar.ics?topic=grief"),
        ("Meeting Guide feed", "/groups/meetings.json"),
        *d.api_bench_urls(SupportGroupIndexPage),
        *d.api_bench_urls(SupportGroupPage),
        ("API v2 groups by topic", "/api/v2/pages/?type=groups.SupportGroupPage&topic=grief&fields=next_meetings"),
        ("API v2 groups online", "/api/v2/pages/?type=groups.SupportGroupPage&meeting_format=online"),
    ]
    if group is not None:
        urls += [
            ("Group calendar (.ics)", f"/groups/{group.pk}/calendar.ics"),
            ("Group thank-you page", f"{group.url}thank-you/"),
        ]
    return urls
