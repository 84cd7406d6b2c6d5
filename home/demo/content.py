"""Demo content for the site's own pages: topics, people, images, settings and the page tree.

`manage.py load_demo_content` runs this first, then each other app's demo.py.
People, the address and phone numbers here are fictional and say so; 988 and
911 are real public services.
"""

from home.models import (
    ContactFormField,
    ContactPage,
    HomePage,
    Person,
    SiteSettings,
    StandardPage,
    Topic,
)

from . import utils as d
from .images import get_or_create_image

TOPICS = [
    ("Anxiety", "anxiety", "Worry that will not settle, panic, and the tiredness that comes with both."),
    ("Depression", "depression", "Low mood and lost interest, and finding a way back to what matters to you."),
    ("Grief and loss", "grief", "Living with the death of someone close, or another loss that changed everything."),
    (
        "Addiction and recovery",
        "addiction-recovery",
        "Recovery from alcohol, drugs or other addictions, and life after.",
    ),
    ("Trauma", "trauma", "Healing after frightening or harmful experiences, at a pace that feels safe."),
    (
        "Families and caregivers",
        "families-caregivers",
        "Support for people who love and look after someone who is struggling.",
    ),
    (
        "Mindfulness and the outdoors",
        "mindfulness-outdoors",
        "Settling body and mind, often outside under the Blue Ridge sky.",
    ),
    (
        "Life transitions",
        "life-transitions",
        "New parenthood, divorce, retirement, a move: changes that shake the ground.",
    ),
]

PEOPLE = [
    (
        "Dr. Maya Ellison",
        "Clinical director and licensed psychologist",
        "PsyD",
        "Maya has worked with adults and families in Western North Carolina for fifteen years and leads the "
        "practice's clinical team. She believes people heal best when they are not alone. "
        "Demo profile: a fictional person.",
    ),
    (
        "Jordan Reyes",
        "Licensed clinical social worker",
        "LCSW",
        "Jordan facilitates our grief and life-transition groups and works with people after sudden loss. "
        "Outside work you will find Jordan on a trail near Black Mountain. Demo profile: a fictional person.",
    ),
    (
        "Priya Natarajan",
        "Licensed clinical mental health counselor",
        "LCMHC",
        "Priya specialises in anxiety and trauma and teaches simple, practical skills for hard moments. "
        "She runs our online groups for people across the mountains. Demo profile: a fictional person.",
    ),
    (
        "Sam Whitaker",
        "Peer support specialist",
        "",
        "Sam has been in recovery for eleven years and co-leads our peer recovery circles. Sam knows what the "
        "first meeting feels like, and makes sure nobody sits alone at it. Demo profile: a fictional person.",
    ),
    (
        "Ruth Oyelaran",
        "Marriage and family therapist",
        "LMFT",
        "Ruth works with families and caregivers, including parents of teenagers who are struggling. "
        "She has lived in Asheville for twenty years. Demo profile: a fictional person.",
    ),
]

# title, alt text, scene (home/demo/scenes.py)
IMAGES = [
    (
        "A circle of chairs",
        "A circle of chairs on a rug in a bright room, a window looking out on the mountains",
        "circle-of-chairs",
    ),
    (
        "The river in the Blue Ridge",
        "A river winding out of blue mountain ridges through green fields, pine trees on its banks",
        "river-valley",
    ),
]


def load(log):
    topics = load_topics(log)
    people = load_people(log)
    images = {title: get_or_create_image(title, description, scene) for title, description, scene in IMAGES}
    home = d.home_page()
    d.configure_site(home)
    pages = load_pages(home, images, log)
    pages["contact"] = load_contact(home, log)
    pages["accessibility"] = load_accessibility(home, pages["contact"], log)
    load_settings(pages, log)
    load_home(home, images, pages, log)
    return {"topics": topics, "people": people, "images": images, "pages": pages}


def load_topics(log):
    topics = {}
    for name, slug, description in TOPICS:
        topic, created = Topic.objects.get_or_create(slug=slug, defaults={"name": name, "description": description})
        topics[slug] = topic
        if created:
            log(f"Topic: {name}")
    return topics


def load_people(log):
    people = {}
    for name, role, credentials, bio in PEOPLE:
        person, created = Person.objects.get_or_create(
            name=name, defaults={"role": role, "credentials": credentials, "short_bio": bio}
        )
        people[name] = person
        if created:
            log(f"Person: {name}")
    return people


def load_settings(pages, log):
    practice = SiteSettings.load()
    if practice.phone:
        # Already set up, perhaps edited by staff: leave it alone, but for the link a newer demo added.
        if practice.accessibility_page_id is None:
            practice.accessibility_page = pages["accessibility"]
            practice.save(update_fields=["accessibility_page"])
            log("Practice details: the accessibility statement in the footer")
        return
    practice.phone = "(828) 555-0142"
    practice.email = "hello@resilientmind.example"
    practice.street_address = "22 Laurel Ridge Road, Suite 3 (demo address)"
    practice.locality = "Asheville"
    practice.region = "NC"
    practice.postal_code = "28801"
    practice.hours = (
        "Monday to Thursday, 9am to 7pm\nFriday, 9am to 3pm\nSome groups meet in the evening and at weekends"
    )
    practice.mobile_crisis_name = "Mobile crisis team (demo number)"
    practice.mobile_crisis_phone = "(828) 555-0199"
    practice.get_help_page = pages["get-help-now"]
    practice.privacy_page = pages["privacy"]
    practice.accessibility_page = pages["accessibility"]
    practice.footer_text = (
        "<p>Resilient Mind Counseling is a counseling practice in Asheville, North Carolina. "
        "This is a demonstration website: its people, address and phone numbers are fictional.</p>"
    )
    practice.save()
    log("Practice details and crisis block")


def load_home(home, images, pages, log):
    if home.hero_text:
        return
    home.title = "Home"
    home.seo_title = "Counseling and support groups in Asheville, NC"
    home.search_description = (
        "Support groups and counseling for anxiety, depression, grief, recovery and more, "
        "in Asheville and online across Western North Carolina."
    )
    home.hero_heading = "You don't have to carry it alone"
    home.hero_text = (
        "We run support groups and offer counseling in Asheville and online across the Blue Ridge. "
        "Find a group that fits your week, or talk with us about where to start."
    )
    home.hero_image = images["A circle of chairs"]
    home.cta_label = "Take the first step"
    home.cta_page = pages["about"]
    home.intro = (
        "Whatever brought you here today, you are welcome. Many people who join our groups were not sure they "
        "belonged at first. Most found that sitting with others who understand made the load a little lighter."
    )
    d.publish(home)
    log("Home page")


def load_pages(home, images, log):
    pages = {}
    pages["about"], created = d.get_or_create_page(
        home,
        StandardPage,
        "about",
        title="About us",
        show_in_menus=True,
        intro=(
            "We are a small team of counselors and peer supporters in Asheville. We believe healing happens "
            "in relationship, and that asking for help takes courage."
        ),
        body=[
            d.heading("How we work"),
            d.paragraph(
                "<p>Some people come to us for one-to-one counseling. Many more come for our support groups: "
                "small, steady circles that meet every week or every month, in person in Asheville and nearby "
                "towns, or online for people further out in the mountains.</p>"
                "<p>Some of our groups are led by licensed clinicians. Others are led by peers, people with "
                "lived experience of the same struggles, who have been trained to hold a safe space. Both kinds "
                "matter, and we will help you find the one that fits.</p>"
            ),
            d.image(
                images["The river in the Blue Ridge"], caption="Our groups meet across Buncombe County and online."
            ),
            d.heading("What we believe"),
            d.paragraph(
                "<ul><li>Reaching out is a sign of strength, not weakness.</li>"
                "<li>Nobody should have to share before they are ready.</li>"
                "<li>Cost should never be the reason someone goes without support: many of our groups are free, "
                "and others use a sliding scale.</li>"
                "<li>What you tell us stays with us.</li></ul>"
            ),
            d.quote(
                "People often tell us the hardest part was walking through the door. We try to make that part easier.",
                "Dr. Maya Ellison, clinical director (demo)",
            ),
        ],
    )
    pages["get-help-now"], _ = d.get_or_create_page(
        home,
        StandardPage,
        "get-help-now",
        title="Get help now",
        show_in_menus=True,
        intro="If you are in crisis or worried about someone, you do not have to wait for an appointment or a group.",
        search_description="Crisis lines you can call, text or chat with now, day or night.",
        body=[
            d.heading("If someone is in immediate danger"),
            d.paragraph("<p><b>Call 911</b>, or go to the nearest emergency department.</p>"),
            d.heading("Talk to someone now, any time"),
            d.paragraph(
                "<ul><li><b>Call or text 988</b> to reach the 988 Suicide &amp; Crisis Lifeline, "
                "24 hours a day, 7 days a week. It is free and confidential.</li>"
                "<li><b>Chat online</b> with the Lifeline at "
                '<a href="https://988lifeline.org/chat/">988lifeline.org/chat</a>.</li>'
                "<li><b>Veterans and service members:</b> call 988 and press 1.</li>"
                "<li><b>Prefer to text?</b> Text HOME to 741741 to reach the Crisis Text Line.</li></ul>"
            ),
            d.heading("When it is not an emergency"),
            d.paragraph(
                "<p>If you would like to talk about counseling or joining a group, call our office during opening "
                "hours or send us a message. We reply within one working day. Our office phone is not a crisis "
                "line, and messages are not read at night or at weekends.</p>"
            ),
        ],
    )
    pages["privacy"], _ = d.get_or_create_page(
        home,
        StandardPage,
        "privacy",
        title="Privacy",
        intro="What we keep about you, why, for how long, and who can see it.",
        body=[
            d.heading("Reading this website"),
            d.paragraph(
                "<p>You can read every page without giving us anything. We use no analytics, no advertising "
                "and no tracking cookies, and pages load nothing from other companies. We do not record what "
                "you search for.</p>"
                "<p>If you look for groups near you by ZIP code, the ZIP code works like any other filter: "
                "it is part of the page's address, so it stays in your browser's history and in any link "
                "you share. If you use your location instead, your browser asks you first; we round it to "
                "about half a mile, use it for that one page and never keep it.</p>"
            ),
            d.heading("When you ask to join a group or send us a message"),
            d.paragraph(
                "<p>We keep what you give us in the form: the name you choose to use (a first name is fine), "
                "how to contact you, and anything you write. Only our staff can read it, in our secure "
                "administration area. It never appears on the website, in emails or in what other apps can "
                "read from us.</p>"
                "<p>We delete requests and messages 180 days after we receive them, unless you become a client, "
                "when your clinical record is kept under the law that governs health records.</p>"
            ),
            d.heading("Your choices"),
            d.paragraph(
                "<p>You can ask us to show you or delete what we hold about you at any time: call the office "
                "or write to us.</p>"
            ),
        ],
    )
    if created:
        log("Pages: About us, Get help now, Privacy")
    return pages


def load_accessibility(home, contact, log):
    """The accessibility statement: the standard, how it is checked, known limits, how to report a barrier."""
    page, created = d.get_or_create_page(
        home,
        StandardPage,
        "accessibility",
        title="Accessibility",
        intro=(
            "Everyone should be able to use this website, whatever device they use and however they read it. "
            "Here is what we aim for, how we check, what we know still falls short, and how to tell us."
        ),
        search_description="How this website meets WCAG 2.2 AA, how we check it, and how to report a barrier.",
        body=[
            d.heading("What we aim for"),
            d.paragraph(
                "<p>We build and check this website to meet the Web Content Accessibility Guidelines (WCAG) 2.2 "
                "at level AA. In practice that means you can:</p>"
                "<ul><li>use every page with a keyboard alone, and see where you are on the page;</li>"
                "<li>use a screen reader: pictures have descriptions, and forms say what each field is for and "
                "what went wrong;</li>"
                "<li>zoom to 200% or read on a small phone without losing anything;</li>"
                "<li>read text with enough contrast, in plain words, without anything moving or flashing.</li></ul>"
                "<p>The crisis numbers are at the top of every page, as links that call or text on a phone.</p>"
            ),
            d.heading("How we check"),
            d.paragraph(
                "<p>Every time the website changes, automated tests open each kind of page in a real browser and "
                "check it with axe-core, an accessibility testing engine; a change with any failure does not go "
                "live. The pages' code is also checked against the HTML standard, and we test how they score for "
                "accessibility on a phone. Our editors' guide asks for a description of every picture and "
                "headings in order.</p>"
            ),
            d.heading("What we know falls short"),
            d.paragraph(
                "<ul><li>Automated tests find many barriers, not all. The website has not yet been reviewed by "
                "people who use screen readers or switch devices every day; we would value hearing from you.</li>"
                "<li>Videos in some articles come from other sites; their captions are as good as their makers "
                "made them.</li>"
                "<li>Directions to a group open in your own map app, which we do not control.</li></ul>"
            ),
            d.heading("Tell us about a barrier"),
            d.paragraph(
                "<p>If something on this website is hard to use, or you need information in another format, "
                f'please <a linktype="page" id="{contact.pk}">send us a message</a> or call the office. '
                "Tell us the page and what happened; you do not need to tell us anything about yourself. We "
                "reply within one working day, and we will find another way to get you what you need in the "
                "meantime.</p>"
            ),
        ],
    )
    if created:
        log("Page: Accessibility")
    return page


def load_contact(home, log):
    """'Contact us' with a name, message and preferred contact time; editors can change these fields. The form
    itself asks how to reach the visitor (email, phone call or text message) and whether to leave a message."""
    page, created = d.get_or_create_page(
        home,
        ContactPage,
        "contact",
        title="Contact us",
        show_in_menus=True,
        intro=(
            "Thinking about counseling or a support group, or not sure where to start? Send us a few lines and "
            "one of our team will get back to you. There is no wrong reason to write."
        ),
        search_description="Send a message to Resilient Mind Counseling in Asheville. We reply within one working day.",
        thank_you_text=(
            "One of our team will read your message and get back to you in the way you asked. If you do not hear "
            "from us in two working days, please call the office: sometimes emails land in spam folders."
        ),
        form_fields=[
            ContactFormField(
                label="Your name",
                field_type="singleline",
                required=True,
                help_text="A first name is fine.",
            ),
            ContactFormField(
                label="Message",
                field_type="multiline",
                required=True,
                help_text=(
                    "A few lines are plenty. There is no need to go into detail: we can talk about that together."
                ),
            ),
            ContactFormField(
                label="Preferred contact time",
                field_type="radio",
                required=False,
                choices="Morning\nAfternoon\nEvening\nAny time",
                help_text="When you would most like to hear from us.",
            ),
        ],
    )
    if created:
        log("Page: Contact us")
    return page


# The main menu as a visitor needs it: finding a group or counseling first, the practice's own pages last.
# ("Fees and insurance" is the counselors' demo, under "Counseling services".)
MENU_ORDER = [
    "support-groups",
    "counseling-services",
    "our-counselors",
    "articles",
    "asheville-community",
    "whats-on",
    "get-help-now",
    "about",
    "contact",
]
# The order the demos create them in (home's, then each app's in LOCAL_APPS order); a menu still in
# this order was never arranged by staff.
CREATION_ORDER = [
    "about",
    "get-help-now",
    "contact",
    "asheville-community",
    "articles",
    "support-groups",
    "our-counselors",
    "counseling-services",
    "whats-on",
]


def finish(log):
    """Put the home page's children in MENU_ORDER, unless someone has arranged them already."""
    home = d.home_page()
    children = {child.slug: child for child in home.get_children().filter(slug__in=MENU_ORDER)}
    current = [slug for slug in home.get_children().values_list("slug", flat=True) if slug in children]
    if current != [slug for slug in CREATION_ORDER if slug in children]:
        return
    for slug in MENU_ORDER:
        if slug in children:
            children[slug].refresh_from_db()
            children[slug].move(home, pos="last-child")
    log("Menu order: " + ", ".join(MENU_ORDER))


def bench_urls():
    """Site-wide URLs for `make bench`, beside one page of each page type."""
    urls = []
    for model in (HomePage, StandardPage, ContactPage):
        urls += d.api_bench_urls(model)
    return [
        *urls,
        ("Search", "/search/?query=support+group"),
        ("Sitemap", "/sitemap.xml"),
        ("API v2 pages list", "/api/v2/pages/?limit=20"),
        ("API v2 pages list, all fields", "/api/v2/pages/?limit=20&fields=*"),
        ("API v3 pages list", "/api/v3/pages/?limit=20"),
        ("API v2 images", "/api/v2/images/?limit=20"),
        ("API v2 site settings", "/api/v2/site-settings/"),
        ("API v3 site settings", "/api/v3/site-settings/"),
        ("API v3 OpenAPI document", "/api/v3/openapi.json"),
    ]
