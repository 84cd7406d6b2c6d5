"""Demo content for the Asheville community pages: areas, pages and their local resources.

Local organizations, their addresses and phone numbers are fictional and say so
("demo"; phone numbers in the 555-01xx range). National public services (988,
the Crisis Text Line, SAMHSA's helpline, NAMI, the Blue Ridge Parkway) are real.

`manage.py load_demo_content` runs this after home's demo (LOCAL_APPS order), so the
home page and the topics are there.
"""

import datetime

from community.choices import CrisisKind
from community.models import Area, CommunityIndexPage, CommunityPage, CommunityResource, CrisisResource
from home.demo import utils as d
from home.demo.images import get_or_create_image
from home.models import Topic

DEMO_NOTE = "Demo listing: a fictional organization."

# (slug, name, parent slug)
AREAS = [
    ("buncombe-county", "Buncombe County", None),
    ("asheville", "Asheville", "buncombe-county"),
    ("west-asheville", "West Asheville", "asheville"),
    ("downtown-asheville", "Downtown Asheville", "asheville"),
    ("river-arts-district", "River Arts District", "asheville"),
    ("black-mountain", "Black Mountain", "buncombe-county"),
    ("swannanoa", "Swannanoa", "buncombe-county"),
    ("weaverville", "Weaverville", "buncombe-county"),
]

# key: (title, alt text, scene in home/demo/scenes.py)
IMAGES = {
    "peer": ("Someone to talk to", "Two people sitting side by side on a park bench under the trees", "park-bench"),
    "outdoors": (
        "A trail in the Blue Ridge",
        "A trail between pines leading to ridges in the early light",
        "forest-trail-dawn",
    ),
    "creative": (
        "An easel by the window",
        "An easel holding a painting of the hills, a palette of paints beside it",
        "easel",
    ),
    "families": (
        "A family out together",
        "A family of four holding hands on a path towards the mountains",
        "family-of-four",
    ),
    "recovery": (
        "Morning over the river",
        "Sunrise over the Blue Ridge, a river winding out of the hills",
        "river-valley-dawn",
    ),
    "grief": ("An autumn tree", "A tree letting its autumn leaves fall over an empty bench", "autumn-tree"),
}


def resource(
    organization, offers, *, phone="", website="", street="", town="", zip_code="", hours="", cost="", topics=()
):
    return {
        "organization": organization,
        "offers": offers,
        "phone": phone,
        "website": website,
        "street_address": street,
        "town": town,
        "postal_code": zip_code,
        "hours": hours,
        "cost": cost,
        "topics": list(topics),
    }


LIFELINE = resource(
    "988 Suicide & Crisis Lifeline",
    "Call or text 988, or chat online, to reach a trained counselor at any hour. You do not have to be "
    "suicidal to call: feeling overwhelmed is reason enough. Veterans can press 1.",
    phone="988",
    website="https://988lifeline.org/",
    hours="24 hours a day, every day",
    cost="Free and confidential",
    topics=["depression", "anxiety", "trauma"],
)

PAGES = [
    {
        "slug": "peer-and-crisis-support",
        "title": "Peer support and crisis help, day and night",
        "area": "buncombe-county",
        "topics": ["depression", "anxiety", "trauma"],
        "image": "peer",
        "intro": (
            "Who to call when things feel too heavy, and where to find people who have been there too. "
            "Keep this page somewhere you can find it on a hard night."
        ),
        "body": [
            d.heading("When it cannot wait"),
            d.paragraph(
                "<p>If you are thinking about ending your life, or you are frightened for someone else, you can "
                "reach a real person right now. You do not need the right words. Saying \u201cI\u2019m not okay\u201d "
                "is enough to start.</p>"
                "<p>If someone is in immediate danger, call 911.</p>"
            ),
            d.heading("When you need someone who understands"),
            d.paragraph(
                "<p>Peer supporters are people with their own experience of depression, anxiety or crisis who "
                "have trained to sit with others through it. They will not diagnose you or tell you what to do. "
                "They listen, and they remember what helped them.</p>"
                "<p>Many people call a warmline long before things become a crisis: on a lonely Sunday, after a "
                "bad appointment, or when the evening feels long. That is exactly what it is there for.</p>"
            ),
            d.quote(
                "I rang the warmline expecting to be passed along. Instead someone just stayed on the phone "
                "with me until I felt like myself again.",
                "A caller from Swannanoa (demo)",
            ),
        ],
        "resources": [
            LIFELINE,
            resource(
                "Crisis Text Line",
                "Text HOME to 741741 to message with a trained crisis counselor. Good for when speaking out loud "
                "feels like too much, or when you are not somewhere you can talk.",
                website="https://www.crisistextline.org/",
                hours="24 hours a day, every day",
                cost="Free",
                topics=["anxiety", "depression"],
            ),
            resource(
                "Buncombe Mobile Crisis Team (demo)",
                "A counselor and a peer supporter who come to you, at home or wherever you are, when someone is in "
                f"a mental health crisis but not in physical danger. {DEMO_NOTE}",
                phone="(828) 555-0199",
                hours="24 hours a day, every day",
                cost="Free, whatever your insurance",
                topics=["depression", "trauma"],
            ),
            resource(
                "Mountain Peer Warmline (demo)",
                "A phone line answered by trained peers, for when you want to talk before things reach a crisis. "
                f"Call for five minutes or an hour. {DEMO_NOTE}",
                phone="(828) 555-0131",
                hours="Every day, 4pm to midnight",
                cost="Free",
                topics=["depression", "anxiety"],
            ),
            resource(
                "Haywood Road Peer Respite House (demo)",
                "A calm, homelike place to stay for a few nights when life is too much, run by peers rather than "
                f"clinicians. Call first to talk about a stay. {DEMO_NOTE}",
                phone="(828) 555-0132",
                street="410 Haywood Road (demo address)",
                town="Asheville",
                zip_code="28806",
                hours="Open every day; call between 9am and 9pm to ask about a stay",
                cost="Free",
                topics=["trauma", "depression"],
            ),
        ],
    },
    {
        "slug": "outdoor-wellness-blue-ridge",
        "title": "Outdoor wellness in the Blue Ridge",
        "area": "black-mountain",
        "topics": ["mindfulness-outdoors", "anxiety", "depression"],
        "image": "outdoors",
        "intro": (
            "Slow walks, quiet trails and groups that meet outside. Time under the trees will not fix everything, "
            "but many people find their breathing gets easier out here."
        ),
        "body": [
            d.heading("Why we keep talking about the outdoors"),
            d.paragraph(
                "<p>We are lucky to live where the mountains start at the end of the street. A gentle walk, "
                "a few minutes by a creek, or simply noticing the ridges change colour can settle a busy mind. "
                "None of it needs special gear or fitness: go at your own pace, and turn back whenever you like.</p>"
            ),
            d.heading("Going with others"),
            d.paragraph(
                "<p>Walking side by side is often easier than sitting face to face. The groups below walk slowly, "
                "wait for everyone and never ask you to talk about anything you do not want to. Several of our own "
                "support groups end the season with a walk together.</p>"
                "<ul><li>Wear shoes you can walk in and bring water.</li>"
                "<li>Tell someone where you are going if you walk alone.</li>"
                "<li>If a trail feels like too much today, a bench with a view counts.</li></ul>"
            ),
        ],
        "resources": [
            resource(
                "Blue Ridge Walking Circle (demo)",
                "An easy-paced group walk of about an hour on flat paths around Lake Tomahawk, with a short quiet "
                f"moment at the water. Everyone is welcome, including first-timers. {DEMO_NOTE}",
                phone="(828) 555-0141",
                street="Meet at the lakeside shelter, 401 Laurel Circle (demo address)",
                town="Black Mountain",
                zip_code="28711",
                hours="Saturdays at 9am, all year",
                cost="Free",
                topics=["mindfulness-outdoors", "depression"],
            ),
            resource(
                "Swannanoa Forest Bathing Walks (demo)",
                "Guided, slow walks in the woods that use the senses to calm the nervous system: listening, "
                f"touching bark, breathing with the trees. Small groups of up to eight. {DEMO_NOTE}",
                phone="(828) 555-0142",
                website="https://forest-walks.example.org/",
                town="Swannanoa",
                hours="Second and fourth Sunday of the month, 10am to 12:30pm",
                cost="Sliding scale, $0 to $25",
                topics=["mindfulness-outdoors", "anxiety"],
            ),
            resource(
                "Blue Ridge Parkway",
                "The National Park Service's road along the crest of the mountains, with overlooks and short, "
                "easy trails near Asheville. Check the website for closures before you set out, especially in winter.",
                website="https://www.nps.gov/blri/",
                hours="Open all year; some sections close in bad weather",
                cost="Free",
                topics=["mindfulness-outdoors"],
            ),
            resource(
                "Trailhead Buddies (demo)",
                "Volunteers who will walk with you if going out alone feels unsafe or overwhelming. Ask for a "
                f"buddy by phone and they will arrange a time and a gentle trail. {DEMO_NOTE}",
                phone="(828) 555-0143",
                hours="Calls answered Monday to Friday, 10am to 4pm",
                cost="Free",
                topics=["anxiety", "mindfulness-outdoors"],
            ),
        ],
    },
    {
        "slug": "creative-and-arts-based-healing",
        "title": "Creative and arts-based healing",
        "area": "river-arts-district",
        "topics": ["trauma", "depression", "grief"],
        "image": "creative",
        "intro": (
            "Clay, paint, words and music: ways to work through hard things when talking is not enough. "
            "Asheville is full of makers, and many of them welcome beginners with open arms."
        ),
        "body": [
            d.heading("Making something, together"),
            d.paragraph(
                "<p>Some feelings are too big or too tangled for words. Working with your hands gives them "
                "somewhere to go. You do not need to be good at art: the point is the making, not the result. "
                "Many people find it easier to share once their hands are busy.</p>"
                "<p>Art therapy with a trained therapist is different from an art class, and both have their "
                "place. If you are working through trauma, ask the organizers how they keep sessions gentle, "
                "and bring a friend if that helps.</p>"
            ),
            d.quote(
                "I spent the first three weeks just rolling clay. By the fourth I could talk about my brother.",
                "A member of the Thursday clay circle (demo)",
            ),
        ],
        "resources": [
            resource(
                "River Arts Open Studio (demo)",
                "A drop-in studio with paint, collage and clay for adults living with depression, anxiety or "
                f"trauma. A peer host is always there; an art therapist joins on Tuesdays. {DEMO_NOTE}",
                phone="(828) 555-0151",
                website="https://open-studio.example.org/",
                street="12 Depot Street, Studio 4 (demo address)",
                town="Asheville",
                zip_code="28801",
                hours="Tuesdays and Thursdays, 1pm to 5pm",
                cost="Pay what you can; materials included",
                topics=["trauma", "depression"],
            ),
            resource(
                "Clay and Calm Pottery Circle (demo)",
                "A six-week hand-building course for people living with grief. Small group, quiet music, "
                f"and tea at the end. No experience needed. {DEMO_NOTE}",
                phone="(828) 555-0152",
                street="88 Riverside Drive (demo address)",
                town="Asheville",
                zip_code="28801",
                hours="Thursdays, 6pm to 8pm; new circles start each season",
                cost="$60 for six weeks; free places available, just ask",
                topics=["grief"],
            ),
            resource(
                "Downtown Writers' Table (demo)",
                "A gentle writing group that meets in a library meeting room. Each session starts with a short "
                f"prompt; reading aloud is always optional. {DEMO_NOTE}",
                website="https://writers-table.example.org/",
                street="67 Haywood Street, meeting room B (demo address)",
                town="Asheville",
                zip_code="28801",
                hours="First and third Wednesday, 5:30pm to 7pm",
                cost="Free",
                topics=["depression", "grief"],
            ),
            resource(
                "Mountain Music Jam for Wellbeing (demo)",
                "An open, no-pressure old-time music jam where beginners are welcome to strum along or simply "
                f"listen. Loaner instruments on the shelf. {DEMO_NOTE}",
                phone="(828) 555-0153",
                street="5 Craven Street (demo address)",
                town="Asheville",
                zip_code="28806",
                hours="Sundays, 3pm to 5pm",
                cost="Free",
                topics=["depression"],
            ),
        ],
    },
    {
        "slug": "support-for-families-and-caregivers",
        "title": "Support for families and caregivers",
        "area": "asheville",
        "topics": ["families-caregivers", "grief", "depression"],
        "image": "families",
        "intro": (
            "Loving someone who is struggling is hard work, and it can be lonely. These are places where "
            "parents, partners and caregivers can get support of their own."
        ),
        "body": [
            d.heading("You matter too"),
            d.paragraph(
                "<p>When someone you love is unwell, it is natural to put yourself last. But caregivers who get "
                "support cope better, and so do the people they care for. Talking with other families who "
                "understand can ease the guilt, the worry and the feeling that nobody else gets it.</p>"
            ),
            d.heading("Where to begin"),
            d.paragraph(
                "<ul><li>Pick one thing from this page and try it this month.</li>"
                "<li>If your family member is in crisis, the lines on our Get help now page are for you too.</li>"
                "<li>Our own family groups meet in person in Asheville and online, for people further out in "
                "the mountains.</li></ul>"
            ),
            d.quote(
                "For two years I thought I was the only parent up at 3am wondering what I had done wrong. "
                "The first meeting, six of us were.",
                "A parent in our families group (demo)",
            ),
        ],
        "resources": [
            resource(
                "NAMI (National Alliance on Mental Illness)",
                "A national organization with free education courses for families, such as Family-to-Family, "
                "and guides for caregivers of adults and young people living with mental illness.",
                website="https://www.nami.org/",
                cost="Free",
                topics=["families-caregivers"],
            ),
            resource(
                "Family Circle of the Mountains (demo)",
                "A peer-led evening group for parents, partners and siblings of someone living with a mental "
                f"illness. Come for the first half hour and leave if it is not for you. {DEMO_NOTE}",
                phone="(828) 555-0161",
                street="150 Merrimon Avenue, back entrance (demo address)",
                town="Asheville",
                zip_code="28801",
                hours="Mondays, 6:30pm to 8pm",
                cost="Free",
                topics=["families-caregivers"],
            ),
            resource(
                "Caregiver Respite Program (demo)",
                "Trained volunteers who stay with the person you care for, for up to four hours a week, so you "
                f"can rest, see a friend or go to your own appointments. {DEMO_NOTE}",
                phone="(828) 555-0162",
                website="https://respite.example.org/",
                hours="Monday to Saturday, by arrangement",
                cost="Sliding scale; free for families on a low income",
                topics=["families-caregivers"],
            ),
            resource(
                "Weaverville Parents' Coffee Morning (demo)",
                "An informal morning for parents of teenagers who are struggling, with childcare for little "
                f"ones in the next room. {DEMO_NOTE}",
                phone="(828) 555-0163",
                street="30 Main Street (demo address)",
                town="Weaverville",
                zip_code="28787",
                hours="Second Friday of the month, 9:30am to 11am",
                cost="Free",
                topics=["families-caregivers", "depression"],
            ),
        ],
    },
    {
        "slug": "recovery-community",
        "title": "The recovery community",
        "area": "west-asheville",
        "topics": ["addiction-recovery", "families-caregivers"],
        "image": "recovery",
        "intro": (
            "Recovery happens in community. Here are meetings, sober spaces and helplines for people in "
            "recovery from alcohol, drugs or other addictions, and for the people who love them."
        ),
        "body": [
            d.heading("There is more than one way in"),
            d.paragraph(
                "<p>Some people find their footing in twelve-step meetings. Others prefer a peer recovery "
                "circle, a clubhouse with a pool table and good coffee, or a Sunday hike with others who do not "
                "drink. Try a few. You are allowed to keep looking until something fits.</p>"
                "<p>If you are not sure you are ready to stop, you are still welcome to come and listen.</p>"
            ),
            d.heading("Our own peer recovery circles"),
            d.paragraph(
                "<p>Our peer recovery circles are co-led by people with years in recovery. They meet weekly in "
                "West Asheville and online. You can join one from our support groups page.</p>"
            ),
        ],
        "resources": [
            resource(
                "SAMHSA National Helpline",
                "A free, confidential information line for people facing substance use or mental health "
                "problems, and their families. They can point you to treatment, support groups and community "
                "organizations near you.",
                phone="1-800-662-4357",
                website="https://www.samhsa.gov/find-help/helplines/national-helpline",
                hours="24 hours a day, every day, in English and Spanish",
                cost="Free",
                topics=["addiction-recovery"],
            ),
            resource(
                "West Asheville Recovery Clubhouse (demo)",
                "A sober place to spend time: coffee, board games, meetings most evenings and a peer on duty to "
                f"talk with. Drop in; nobody will ask you to explain yourself. {DEMO_NOTE}",
                phone="(828) 555-0171",
                street="702 Haywood Road (demo address)",
                town="Asheville",
                zip_code="28806",
                hours="Every day, 8am to 10pm",
                cost="Free",
                topics=["addiction-recovery"],
            ),
            resource(
                "Sober Sunday Hikes (demo)",
                "A monthly hike of two to four miles with people in recovery, followed by lunch. Rides from West "
                f"Asheville can be arranged. {DEMO_NOTE}",
                phone="(828) 555-0172",
                town="Black Mountain",
                hours="Last Sunday of the month, 10am",
                cost="Free",
                topics=["addiction-recovery", "mindfulness-outdoors"],
            ),
            resource(
                "Friends and Family in Recovery (demo)",
                "A weekly meeting for people whose partner, parent or child lives with addiction: to share, to "
                f"learn about boundaries and to look after themselves. {DEMO_NOTE}",
                phone="(828) 555-0173",
                street="19 Brevard Road, room 2 (demo address)",
                town="Asheville",
                zip_code="28806",
                hours="Wednesdays, 7pm to 8:30pm",
                cost="Free",
                topics=["families-caregivers", "addiction-recovery"],
            ),
        ],
    },
    {
        "slug": "grief-support-weaverville",
        "title": "Living with loss in Weaverville and the north county",
        "area": "weaverville",
        "topics": ["grief", "life-transitions"],
        "image": "grief",
        "intro": (
            "Grief does not keep to a timetable. Here is where people north of Asheville gather to remember, "
            "to talk, or simply to sit with others who know what it is like."
        ),
        "body": [
            d.heading("There is no right way to grieve"),
            d.paragraph(
                "<p>Some weeks you may want to talk about the person you lost all evening. Other weeks you may "
                "not want to say their name. Both are normal. A good grief group lets you come as you are, "
                "and nobody expects you to be \u201cover it\u201d.</p>"
                "<p>If your grief is mixed with thoughts of not wanting to go on, please call or text 988 today.</p>"
            ),
        ],
        "resources": [
            resource(
                "North County Grief Circle (demo)",
                "A monthly evening circle for adults who have lost someone close, at any time in the past. "
                f"Light supper provided. {DEMO_NOTE}",
                phone="(828) 555-0181",
                street="25 North Main Street, fellowship hall (demo address)",
                town="Weaverville",
                zip_code="28787",
                hours="First Tuesday of the month, 6pm to 8pm",
                cost="Free",
                topics=["grief"],
            ),
            resource(
                "Reems Creek Remembrance Walk (demo)",
                "A slow, quiet walk by the creek each season, with a moment to say a name aloud if you wish. "
                f"{DEMO_NOTE}",
                website="https://remembrance-walk.example.org/",
                town="Weaverville",
                hours="Once a season; dates on the website",
                cost="Free",
                topics=["grief", "mindfulness-outdoors"],
            ),
            resource(
                "After the Move: Life Transitions Café (demo)",
                "A friendly drop-in for people facing big changes: widowhood, retirement, moving to the "
                f"mountains or caring for a parent. {DEMO_NOTE}",
                phone="(828) 555-0182",
                street="8 Florida Avenue (demo address)",
                town="Weaverville",
                zip_code="28787",
                hours="Thursdays, 10am to noon",
                cost="Free; coffee by donation",
                topics=["life-transitions", "grief"],
            ),
        ],
    },
]

RESOURCES_CHECKED = datetime.date(2026, 11, 1)


INDEX_SLUG = "asheville-community"


def load(log):
    """Areas, the 'Asheville community' index and its pages. Returns the index."""
    home = d.home_page()
    areas = load_areas(log)
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    index, created = d.get_or_create_page(
        home,
        CommunityIndexPage,
        INDEX_SLUG,
        title="Asheville community",
        show_in_menus=True,
        intro=(
            "Local help and local life around Asheville: crisis lines, peer support, places to walk, make and "
            "belong. Find what is near you by area or topic."
        ),
        search_description=(
            "Local mental health resources, peer support and community life in Asheville and Buncombe County."
        ),
    )
    if created:
        log("Page: Asheville community")
    images = {key: get_or_create_image(*spec) for key, spec in IMAGES.items()}
    for spec in PAGES:
        _page, created = create_page(index, spec, areas, topics, images)
        if created:
            log(f"Community page: {spec['title']}")
    return index


def load_areas(log):
    areas = {}
    for slug, name, parent_slug in AREAS:
        area, created = Area.objects.get_or_create(slug=slug, defaults={"name": name, "parent": areas.get(parent_slug)})
        areas[slug] = area
        if created:
            log(f"Area: {name}")
    load_crisis_help(areas, log)
    return areas


CRISIS_NOTE = "Demo listing: a fictional service."

# Area slug: the crisis services that serve it, in their order on the page. The mobile crisis team's
# number is the one the demo's settings give the crisis bar (home/demo/content.py).
CRISIS_HELP = {
    "buncombe-county": [
        {
            "kind": CrisisKind.CRISIS_LINE,
            "name": "Blue Ridge Regional Crisis Line (demo)",
            "description": "For anyone in the western counties in a mental health or substance use crisis, or "
            "worried about someone who is. A trained counselor answers, helps you work out the next hour, and "
            f"can send the mobile crisis team. {CRISIS_NOTE}",
            "phone": "(828) 555-0144",
            "hours": "24 hours, every day",
        },
        {
            "kind": CrisisKind.MOBILE_CRISIS,
            "name": "Mobile crisis team (demo)",
            "description": "Two crisis workers come to you, at home or wherever you are, when someone is in a "
            f"mental health crisis but not in physical danger. {CRISIS_NOTE}",
            "phone": "(828) 555-0199",
            "hours": "24 hours, every day",
        },
        {
            "kind": CrisisKind.WALK_IN,
            "name": "Mountain Crisis Walk-in Center (demo)",
            "description": "Walk in at any hour, without an appointment or a referral, for a calm place to be "
            f"seen by a crisis counselor and, if needed, a short stay. {CRISIS_NOTE}",
            "phone": "(828) 555-0145",
            "street_address": "40 Riverbend Way (demo address)",
            "town": "Asheville",
            "postal_code": "28801",
            "hours": "24 hours, every day",
        },
    ],
    "asheville": [
        {
            "kind": CrisisKind.URGENT_CARE,
            "name": "Haywood Behavioral Health Urgent Care (demo)",
            "description": "Same-day help for adults and young people whose mental health cannot wait for a "
            f"regular appointment: assessment, a plan, and medication if it is needed. {CRISIS_NOTE}",
            "phone": "(828) 555-0146",
            "street_address": "215 Haywood Road (demo address)",
            "town": "Asheville",
            "postal_code": "28806",
            "hours": "Monday to Saturday, 8am to 8pm",
        },
    ],
}


def load_crisis_help(areas, log):
    """Each area's crisis services, added once: an area that has any already is left as it is."""
    for slug, services in CRISIS_HELP.items():
        area = areas[slug]
        if area.crisis_resources.exists():
            continue
        for order, service in enumerate(services):
            CrisisResource.objects.create(area=area, sort_order=order, **service)
            log(f"Crisis help: {service['name']}")


def create_page(index, spec, areas, topics, images, slug=None, title=None):
    """The community page described by `spec`, with its resources; made only if missing."""
    resources = []
    for entry in spec["resources"]:
        fields = {key: value for key, value in entry.items() if key != "topics"}
        item = CommunityResource(**fields)
        item.topics = [topics[slug] for slug in entry["topics"] if slug in topics]
        resources.append(item)
    return d.get_or_create_page(
        index,
        CommunityPage,
        slug or spec["slug"],
        title=title or spec["title"],
        intro=spec["intro"],
        area=areas.get(spec["area"]),
        image=images.get(spec["image"]),
        body=spec["body"],
        topics=[topics[slug] for slug in spec["topics"] if slug in topics],
        resources=resources,
        resources_checked=RESOURCES_CHECKED,
    )


def multiply(factor, log):
    """Copies of the demo community pages until there are `factor` times as many."""
    index = CommunityIndexPage.objects.order_by("path").first()
    if index is None:
        return
    existing = CommunityPage.objects.child_of(index).count()
    target = factor * len(PAGES)
    areas = {area.slug: area for area in Area.objects.all()}
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    images = {key: get_or_create_image(*spec) for key, spec in IMAGES.items()}
    copy = 0
    while existing < target:
        copy += 1
        for spec in PAGES:
            if existing >= target:
                break
            _page, created = create_page(
                index,
                spec,
                areas,
                topics,
                images,
                slug=f"{spec['slug']}-{copy + 1}",
                title=f"{spec['title']} ({copy + 1})",
            )
            existing += created
    log(f"Community pages: {existing}")


def bench_urls():
    """The community index with its filters and the API endpoints of both page types, for `make bench`."""
    index = CommunityIndexPage.objects.live().order_by("path").first()
    urls = []
    if index:
        index_url = index.get_url()
        urls += [
            ("Asheville community, area filter", f"{index_url}?area=asheville"),
            ("Asheville community, topic filter", f"{index_url}?topic=families-caregivers"),
            ("Asheville community, both filters", f"{index_url}?area=buncombe-county&topic=depression"),
            ("Asheville community, unknown area", f"{index_url}?area=nowhere"),
            ("Asheville community, page 2", f"{index_url}?page=2"),
        ]
    for model in (CommunityIndexPage, CommunityPage):
        urls += d.api_bench_urls(model)
    return urls
