"""Demo content for "Our counselors": the index, four counselors, their languages and insurance plans,
and the "Request an appointment" page.

The counselors are the demo's licensed People (home/demo/content.py), so the articles they wrote and
the groups they lead are theirs on their pages too. Every person is fictional and says so; licence
numbers are made up and marked "demo". Insurance plans are kinds of plan (Medicare, employer PPO
plans, …), not named insurers: no endorsement of any company.

`manage.py load_demo_content` runs this after home's, blog's and groups' demos (LOCAL_APPS order), so
the home page, the topics and the people are there.
"""

from counselors.choices import AcceptingClients
from counselors.models import AppointmentRequestPage, CounselorIndexPage, CounselorPage, InsurancePlan, Language
from home.demo import utils as d
from home.models import Person, Topic

INDEX_SLUG = "our-counselors"
APPOINTMENT_SLUG = "request-an-appointment"
APPOINTMENT_INTRO = (
    "Asking for a first appointment takes a couple of minutes and commits you to nothing. Tell us how to reach "
    "you and what you are looking for, as much or as little as you like, and we will call or write back to "
    "find a counselor and a time that suit you."
)
DEMO_NOTE = "Demo profile: a fictional counselor, with a made-up licence number."

# (name, note)
PLANS = [
    ("Medicaid (NC Medicaid Managed Care)", "Demo listing: a kind of plan, not a named insurer."),
    ("Medicare", "Demo listing: a kind of plan, not a named insurer."),
    ("Employer PPO plans", "Demo listing: call us with your plan's name and we will check it for you."),
    ("Tricare", "Demo listing: a kind of plan, not a named insurer."),
    ("State Health Plan for teachers and state employees", "Demo listing: a kind of plan, not a named insurer."),
]

# (name, code)
LANGUAGES = [("English", "en"), ("Spanish", "es"), ("American Sign Language", "ase")]

COUNSELORS = [
    {
        "person": "Jordan Reyes",
        "slug": "jordan-reyes",
        "pronouns": "he/him",
        "licence": ("Licensed Clinical Social Worker (LCSW)", "C000417-DEMO"),
        "intro": (
            "I work with people after a loss that turned life upside down, and with anyone facing a big change. "
            "We go at your pace; some weeks we talk, some weeks we just get through. Sessions in English or Spanish."
        ),
        "body": [
            d.heading("How I work"),
            d.paragraph(
                "<p>Grief does not follow stages, whatever the books say. In our first session I mostly listen: "
                "what happened, who you have around you, what a good week would look like. From there we find "
                "small, steady steps together.</p>"
                "<p>Trabajo también en español: you are welcome to bring family members who are more at ease in "
                "Spanish.</p>"
            ),
        ],
        "specialties": ["grief", "life-transitions", "depression"],
        "populations": ["adults", "young_adults", "families"],
        "languages": ["English", "Spanish"],
        "in_person": True,
        "telehealth": True,
        "accepting": AcceptingClients.YES,
        "plans": ["Medicaid (NC Medicaid Managed Care)", "Employer PPO plans"],
        "sliding_scale": (True, 2),
    },
    {
        "person": "Priya Natarajan",
        "slug": "priya-natarajan",
        "pronouns": "she/her",
        "licence": ("Licensed Clinical Mental Health Counselor (LCMHC)", "C000923-DEMO"),
        "intro": (
            "I help people whose worry or past experiences have made everyday life feel unsafe. Together we "
            "learn practical skills for hard moments, and only then, if you want to, look at what lies beneath."
        ),
        "body": [
            d.heading("How I work"),
            d.paragraph(
                "<p>Many of the people I see live out in the mountains, so most of my sessions are by video. "
                "You do not need to tell me everything at once, or ever. We start with what would help this week.</p>"
            ),
        ],
        "specialties": ["anxiety", "trauma"],
        "populations": ["adults", "young_adults", "lgbtq"],
        "languages": ["English"],
        "in_person": False,
        "telehealth": True,
        "accepting": AcceptingClients.WAITLIST,
        "plans": ["Employer PPO plans", "State Health Plan for teachers and state employees"],
        "sliding_scale": (True, None),
    },
    {
        "person": "Ruth Oyelaran",
        "slug": "ruth-oyelaran",
        "pronouns": "she/her",
        "licence": ("Licensed Marriage and Family Therapist (LMFT)", "M000266-DEMO"),
        "intro": (
            "I work with couples, families and caregivers, and with parents of teenagers who are struggling. "
            "Nobody in the room is the problem: we look at what is happening between you, and what could change."
        ),
        "body": [
            d.heading("How I work"),
            d.paragraph(
                "<p>Families come to me worn out and often arguing about whether to come at all. That is fine. "
                "The first session is about getting to know each of you, and agreeing on one thing worth "
                "working on.</p>"
            ),
        ],
        "specialties": ["families-caregivers", "life-transitions"],
        "populations": ["couples", "families", "teens", "veterans"],
        "languages": ["English", "American Sign Language"],
        "in_person": True,
        "telehealth": True,
        "accepting": AcceptingClients.YES,
        "plans": ["Medicare", "Tricare", "Employer PPO plans"],
        "sliding_scale": (False, None),
    },
    {
        "person": "Dr. Maya Ellison",
        "slug": "maya-ellison",
        "pronouns": "",
        "licence": ("Licensed Psychologist", "P000058-DEMO"),
        "intro": (
            "I lead our clinical team and see a small number of adults with long-standing depression and anxiety. "
            "My caseload is full for now; our other counselors can help you get started sooner."
        ),
        "body": [
            d.heading("How I work"),
            d.paragraph(
                "<p>I believe people heal best when they are not alone, which is why I often suggest one of our "
                "groups alongside individual sessions. We will decide together what fits your life.</p>"
            ),
        ],
        "specialties": ["depression", "anxiety", "mindfulness-outdoors"],
        "populations": ["adults", "older_adults"],
        "languages": ["English"],
        "in_person": True,
        "telehealth": False,
        "accepting": AcceptingClients.NO,
        "plans": ["Medicare"],
        "sliding_scale": (False, None),
    },
]


def load(log):
    """The 'Our counselors' index, its plans and languages, and four counselors. Returns the index."""
    home = d.home_page()
    index, created = d.get_or_create_page(
        home,
        CounselorIndexPage,
        INDEX_SLUG,
        title="Our counselors",
        show_in_menus=False,
        intro=(
            "Meet the people you could see one to one. Choose by what you would like help with, your insurance, "
            "the language you are most at ease in, or whether you would rather meet by video."
        ),
        search_description="Licensed counselors in Asheville, NC: specialties, languages, insurance and telehealth.",
    )
    if created:
        log("Page: Our counselors")
    plans = load_plans(log)
    languages = load_languages(log)
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    for spec in COUNSELORS:
        person = Person.objects.filter(name=spec["person"]).first()
        if person is None:
            continue  # home's demo was not loaded, or staff removed the person: nothing to build on.
        _page, created = create_page(index, spec, person, plans, languages, topics)
        if created:
            log(f"Counselor: {spec['person']}")
    load_appointment_page(home, log)
    return index


def load_appointment_page(home, log):
    """'Request an appointment', in the practice's voice: where "Ask for a first appointment" goes."""
    page, created = d.get_or_create_page(
        home,
        AppointmentRequestPage,
        APPOINTMENT_SLUG,
        title="Request an appointment",
        show_in_menus=False,
        intro=APPOINTMENT_INTRO,
        reader="our intake coordinator",
        reply_working_days=2,
        search_description="Ask for a first counseling appointment in Asheville, NC, in person or by video.",
    )
    if created:
        log("Page: Request an appointment")
    return page


def load_plans(log):
    plans = {}
    for name, note in PLANS:
        plan, created = InsurancePlan.objects.get_or_create(name=name, defaults={"note": note})
        plans[name] = plan
        if created:
            log(f"Insurance plan: {name}")
    return plans


def load_languages(log):
    languages = {}
    for name, code in LANGUAGES:
        language, created = Language.objects.get_or_create(name=name, defaults={"code": code})
        languages[name] = language
        if created:
            log(f"Language: {name}")
    return languages


def create_page(index, spec, person, plans, languages, topics, slug=None):
    """The counselor page described by `spec` for `person`; made only if missing."""
    licence_type, licence_number = spec["licence"]
    sliding_scale, places = spec["sliding_scale"]
    return d.get_or_create_page(
        index,
        CounselorPage,
        slug or spec["slug"],
        title=person.name,
        person=person,
        pronouns=spec["pronouns"],
        licence_type=licence_type,
        licence_number=licence_number,
        licence_state="North Carolina",
        intro=spec["intro"],
        body=[*spec["body"], d.paragraph(f"<p><em>{DEMO_NOTE}</em></p>")],
        topics=[topics[slug] for slug in spec["specialties"] if slug in topics],
        populations=spec["populations"],
        languages=[languages[name] for name in spec["languages"]],
        in_person=spec["in_person"],
        telehealth=spec["telehealth"],
        accepting=spec["accepting"],
        insurance_plans=[plans[name] for name in spec["plans"]],
        sliding_scale=sliding_scale,
        sliding_scale_places=places,
    )


def multiply(factor, log):
    """Copies of the demo counselors (each with a copy of their person) until there are `factor` times as many."""
    index = CounselorIndexPage.objects.order_by("path").first()
    if index is None:
        return
    existing = CounselorPage.objects.child_of(index).count()
    target = factor * len(COUNSELORS)
    plans = {plan.name: plan for plan in InsurancePlan.objects.all()}
    languages = {language.name: language for language in Language.objects.all()}
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    copy = 0
    while existing < target:
        copy += 1
        for spec in COUNSELORS:
            if existing >= target:
                break
            person, _ = Person.objects.get_or_create(
                name=f"{spec['person']} ({copy + 1})", defaults={"role": "Counselor (demo copy)", "credentials": "LCSW"}
            )
            _page, created = create_page(
                index, spec, person, plans, languages, topics, slug=f"{spec['slug']}-{copy + 1}"
            )
            existing += created
    log(f"Counselors: {existing}")


def bench_urls():
    """The counselor index with its filters and the API endpoints of both page types, for `make bench`."""
    index = CounselorIndexPage.objects.live().order_by("path").first()
    urls = []
    if index:
        index_url = index.get_url()
        urls += [
            ("Our counselors, Spanish", f"{index_url}?language=spanish"),
            (
                "Our counselors, Spanish and Medicaid",
                f"{index_url}?language=spanish&insurance=medicaid-nc-medicaid-managed-care",
            ),
            ("Our counselors, telehealth and accepting", f"{index_url}?telehealth=1&accepting=yes"),
            ("Our counselors, unknown insurance", f"{index_url}?insurance=nowhere"),
        ]
    for model in (CounselorIndexPage, CounselorPage, AppointmentRequestPage):
        urls += d.api_bench_urls(model)
    return urls
