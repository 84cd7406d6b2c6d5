"""Demo content for "Our counselors" and "Counseling services": the counselors' index, four counselors, their
languages and insurance plans; the services index, five services, "Fees and insurance" and its setting;
the "Request an appointment" page.

The counselors are the demo's licensed People (home/demo/content.py), so the articles they wrote and
the groups they lead are theirs on their pages too. Every person is fictional and says so; licence
numbers are made up and marked "demo". Insurance plans are kinds of plan (Medicare, employer PPO
plans, …), not named insurers: no endorsement of any company.

Fees are demo amounts and say so; Medicaid plans are the kinds NC Medicaid has, not named insurers.

`manage.py load_demo_content` runs this after home's, blog's and groups' demos (LOCAL_APPS order), so
the home page, the topics and the people are there.
"""

from counselors.choices import AcceptingClients, ServiceFormat, SessionFee
from counselors.fees import FeeSettings
from counselors.models import AppointmentRequestPage, CounselorIndexPage, CounselorPage, InsurancePlan, Language
from counselors.services import FeesPage, ServiceIndexPage, ServicePage
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
        show_in_menus=True,
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
    load_services(home, plans, log)
    load_appointment_page(home, log)
    return index


SERVICES_SLUG = "counseling-services"
DEMO_FEES = "Demo fees: made up for this demonstration website."


def step(heading, text):
    return {"type": "step", "value": {"heading": heading, "text": text}}


FIRST_STEPS = [
    step("Call or write to us", "Tell us a little about what you are looking for. We reply within one working day."),
    step(
        "A short phone call",
        "One of our team calls you back for about fifteen minutes: what you would like help with, when you are free, "
        "and how you would like to pay. Nothing you say commits you.",
    ),
    step(
        "Your first session",
        "We match you with a counselor and send you a time. If you pay for yourself, we give you a Good Faith "
        "Estimate in writing first.",
    ),
]

# slug, title, format, minutes, fee, topics, summary, who it is for, what to expect (paragraph HTML)
SERVICES = [
    (
        "individual-counseling",
        "Individual counseling",
        ServiceFormat.BOTH,
        50,
        SessionFee.INDIVIDUAL,
        ["anxiety", "depression", "grief", "trauma", "life-transitions"],
        "One-to-one sessions with a licensed counselor, at your pace, in our office in Asheville or by video.",
        "Adults and young adults living with worry, low mood, grief, the after-effects of trauma, or a change that "
        "has shaken the ground.\n\nYou do not need a diagnosis or a crisis to come. Wanting things to feel a "
        "little lighter is reason enough.",
        "<p>The first session is mostly about getting to know you: what brought you here, what a good week would "
        "look like, and what you would like to be different. After that we meet every week or every other week, "
        "and check together every few months how it is going.</p>",
    ),
    (
        "couples-counseling",
        "Couples counseling",
        ServiceFormat.BOTH,
        75,
        SessionFee.COUPLES,
        ["families-caregivers", "life-transitions"],
        "Sessions for two people who want to understand each other better, argue less, or decide what comes next.",
        "Couples of any age and any kind, married or not, together for a year or forty. Sometimes one partner is "
        "more sure about coming than the other: that is fine, and common.",
        "<p>In the first session each of you has time to say what brought you here. Nobody in the room is the "
        "problem: we look at what happens between you, and agree on one thing worth working on first.</p>",
    ),
    (
        "family-counseling",
        "Family counseling",
        ServiceFormat.IN_PERSON,
        75,
        SessionFee.FAMILY,
        ["families-caregivers"],
        "Sessions for a family together: parents and teenagers, adult children and their parents, caregivers.",
        "Families going through a hard stretch: a teenager who is struggling, a parent's illness, a loss, or "
        "arguments that keep going round in circles.",
        "<p>We meet in our family room in Asheville. Not everyone has to come every time; we decide together who "
        "comes to which session, and younger children are welcome when it helps.</p>",
    ),
    (
        "group-counseling",
        "Group counseling",
        ServiceFormat.BOTH,
        90,
        SessionFee.GROUP,
        ["anxiety", "depression", "grief"],
        "Small groups of six to eight people, led by a licensed counselor, meeting weekly for a set number of weeks.",
        "People who would like to work on something alongside others who understand. Many of our clients come to a "
        "group alongside individual sessions, or after them. Our free peer support groups are listed under "
        "Support groups.",
        "<p>Before the first group you meet the counselor who leads it for a short chat. In the group nobody has "
        "to share before they are ready, and what is said in the room stays in the room.</p>",
    ),
    (
        "telehealth",
        "Telehealth",
        ServiceFormat.TELEHEALTH,
        50,
        SessionFee.INDIVIDUAL,
        [],
        "Counseling by video from home, for anyone in North Carolina, with the same counselors as in our office.",
        "People further out in the mountains, people who cannot easily get away from work or family, and anyone "
        "who simply feels more at ease at home.\n\nYou need a private space, a phone, tablet or computer with a "
        "camera, and an internet connection. We use a secure video service made for health care.",
        "<p>Before the first session we send you a link and a short guide, and we are glad to do a test call with "
        "you. If the connection drops, your counselor calls you on the phone.</p>",
    ),
]

FEES = {
    "intro": "If cost is a worry, talk to us: it should never be the reason someone goes without support.",
    "first_fee": 150,
    "individual_fee": 120,
    "couples_fee": 140,
    "family_fee": 140,
    "group_fee": 45,
    "fee_note": f"Sessions are paid at the time, by card, check or cash. Please give us a day's notice if you cannot "
    f"come. {DEMO_FEES}",
    "sliding_scale_note": "Tell us your household's yearly income: we do not ask for proof. We keep a number of "
    "sliding-scale places with each counselor.",
    "insurance_note": "Call us with your plan's name and we will check your cover with you before you start.",
    "medicaid_accepted": True,
    "medicaid_plans": "NC Medicaid Direct\nNC Medicaid Managed Care Standard Plans\nBehavioral Health and "
    "Intellectual/Developmental Disabilities Tailored Plans",
    "superbills": True,
    "superbill_note": "Ask us after each session, or once a month.",
}
BANDS = [(0, 25000, 40), (25001, 45000, 65), (45001, 65000, 90), (65001, None, 120)]
FEE_PLANS = ["Medicaid (NC Medicaid Managed Care)", "Medicare", "Employer PPO plans", "Tricare"]


def load_services(home, plans, log):
    """'Counseling services' with five services and 'Fees and insurance', and the fees setting."""
    index, created = d.get_or_create_page(
        home,
        ServiceIndexPage,
        SERVICES_SLUG,
        title="Counseling services",
        show_in_menus=True,
        intro=(
            "Counseling with us is one to one, as a couple, as a family or in a small group, in Asheville or by "
            "video. Every kind starts the same way: a short call to find what fits."
        ),
        search_description="Individual, couples, family and group counseling and telehealth in Asheville, NC.",
    )
    if created:
        log("Page: Counseling services")
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    for slug, title, fmt, minutes, fee, topic_slugs, summary, who_for, expect in SERVICES:
        _page, created = d.get_or_create_page(
            index,
            ServicePage,
            slug,
            title=title,
            summary=summary,
            who_for=who_for,
            what_to_expect=[d.paragraph(expect)],
            first_steps=FIRST_STEPS,
            format=fmt,
            session_minutes=minutes,
            fee_kind=fee,
            topics=[topics[slug] for slug in topic_slugs if slug in topics],
        )
        if created:
            log(f"Service: {title}")
    _fees_page, created = d.get_or_create_page(
        index,
        FeesPage,
        "fees-and-insurance",
        title="Fees and insurance",
        intro="What counseling and our groups cost, our sliding scale, and how insurance can help. If costs are "
        "a worry, talk to us.",
        search_description="What counseling and support groups cost, our sliding scale, insurance and Medicaid.",
        body=[
            d.heading("Support groups"),
            d.paragraph(
                "<p>Many of our support groups are free. Others use a sliding scale: you choose what you can afford "
                "within a range. Each group's page says what it costs and whether insurance can cover it.</p>"
            ),
        ],
    )
    if created:
        log("Page: Fees and insurance")
    load_fees(plans, log)
    return index


def load_fees(plans, log):
    """The demo fees, set once: a fee setting that has amounts was set up already, perhaps by staff."""
    fees = FeeSettings.load()
    if fees.individual_fee is not None:
        return
    for name, value in FEES.items():
        setattr(fees, name, value)
    fees.sliding_scale_bands = [
        ("band", {"income_from": low, "income_to": high, "fee": fee}) for low, high, fee in BANDS
    ]
    fees.save()
    fees.insurance_plans.set([plans[name] for name in FEE_PLANS if name in plans])
    log("Fees and insurance (demo amounts)")


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
    for model in (CounselorIndexPage, CounselorPage, ServiceIndexPage, ServicePage, FeesPage, AppointmentRequestPage):
        urls += d.api_bench_urls(model)
    return urls
