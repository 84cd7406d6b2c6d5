"""Demo content for the articles: an "Articles" index in the main menu, nine articles and two members' stories.

`manage.py load_demo_content` runs this after home/demo/, whose topics, people,
pictures and pages it uses. Running it again changes nothing that exists. The
people are fictional (home/demo/content.py says so in their bios); quotes from "group
members" are written for the demo and marked as such. So are the two members' stories and
their consent records: written for the demo, about people who do not exist.
"""

from datetime import timedelta

from django.utils import timezone

from blog.choices import ArticleKind, ContentNote, NameShown
from blog.models import ArticleAuthor, ArticleIndexPage, ArticlePage, RelatedArticle, StoryConsent
from home.demo import utils as d
from home.demo.images import get_or_create_image
from home.models import Person, Topic

INDEX_SLUG = "articles"

# Pictures for the articles, drawn by home.demo.images: title: (alt text, scene). Each article's
# own picture says what it is about; pictures in the bodies may appear in more than one article.
IMAGES = {
    "Standing together": ("Five people standing side by side on a green hilltop under a rising sun", "together"),
    "A quiet library": (
        "Two bookshelves full of books and a reading table with a lamp and an open book",
        "library",
    ),
    "Breathing like the waves": ("Slow waves rolling in, one after another, under a low, soft sun", "breathing-waves"),
    "Fog lifting": ("Mist lifting from the valleys between blue ridges, the sun coming through", "fog-lifting"),
    "Light through the window": (
        "Morning light falling through a window across a quiet room, a plant on the sill and an armchair",
        "window-light",
    ),
    "A winding path": ("A path winding up green hills towards the sunrise", "winding-path"),
    "A candle for remembering": ("A lit candle glowing in the dark, autumn leaves drifting down around it", "candle"),
    "Lights on at dusk": (
        "A small house with its windows lit at dusk, dark pines and stars above the ridges",
        "lit-house",
    ),
    "A family holding hands": ("Two adults and a child holding hands on a path towards the mountains", "family"),
    "A cup of tea": ("A steaming cup of tea on a table by a window, a plant beside it", "cup-of-tea"),
    "Trail through the pines": ("A trail between tall pine trees leading to sunlit ridges", "forest-trail"),
    "Stepping stones": ("Stepping stones across a shallow river at first light, reeds on the banks", "stepping-stones"),
    "Where the path divides": (
        "A signpost where a path divides in green hills, its arrows pointing different ways",
        "signpost",
    ),
    "An open door": ("An open door with warm light spilling out, a potted plant on each side", "open-door"),
    "A seedling in the sun": ("A small seedling opening its first two leaves in the morning sun", "seedling"),
}

SUPPORT_GROUPS = {
    "slug": "finding-strength-together",
    "title": "Finding strength together: what a support group can do",
    "intro": (
        "Most people arrive at their first group sure they will be the only one who feels this way. "
        "Here is why sitting with others who understand helps, and how to find a group of your own."
    ),
    "topics": ["depression", "anxiety", "addiction-recovery"],
    "authors": ["Dr. Maya Ellison"],
    "image": "Standing together",
    "days_ago": 6,
    "body": [
        d.paragraph(
            "<p>The worry we hear most from people joining a group is a quiet one: that they will be the only "
            "person in the room who feels this way. Within a meeting or two, that worry usually loosens. Someone "
            "across the circle describes the three-in-the-morning thoughts, the canceled plans, the tiredness that "
            "sleep does not fix, and you realize you are not strange or broken. You are in company.</p>"
        ),
        d.heading("Why it helps to be among people who understand"),
        d.paragraph(
            "<p>A support group is a small group of people who meet regularly to talk about something they share, "
            "with someone there to keep the space safe. It is not a class, and nobody is graded. What happens "
            "there is simpler than that and, for many people, more powerful:</p>"
            "<ul><li>You hear your own experience in someone else's words, which makes it easier to name.</li>"
            "<li>You pick up practical ideas from people who have tried them, not just read about them.</li>"
            "<li>You get to be useful to someone else, which is good medicine in itself.</li>"
            "<li>You have somewhere to be every week, which matters when everything else feels shaky.</li></ul>"
        ),
        d.heading("People have always gathered to get through hard things"),
        d.paragraph(
            "<p>Friends and neighbors have leaned on each other for as long as there have been friends and "
            "neighbors. Organized mental health groups grew in the second half of the twentieth century, "
            "alongside campaigns to take mental health as seriously as physical health. Today they meet in "
            "church halls, clinics, libraries and online, and there is one for almost every struggle you can "
            "name.</p>"
        ),
        ("image", "A quiet library", "Groups meet in ordinary places: a community room, a library, a video call."),
        d.heading("Peer-led, professionally led, in person or online"),
        d.paragraph(
            "<p>There are two broad kinds of group, and both have their place.</p>"
            "<ul><li><b>Peer-led groups</b> are run by people with lived experience of the same struggle, "
            "trained to facilitate.</li>"
            "<li><b>Professionally led groups</b> are run by a licensed counselor, social worker or psychologist, "
            "and often follow a plan from week to week.</li>"
            "<li><b>Groups for one thing</b>, such as grief, anxiety, depression or recovery, let you go deeper "
            "with people facing the same thing.</li>"
            "<li><b>Online groups</b> of either kind help people who live far out in the mountains, work odd "
            "hours, or feel safer starting from home.</li></ul>"
        ),
        d.heading("Saying it out loud makes it smaller"),
        d.paragraph(
            "<p>Silence gives shame room to grow. Each time someone in a group says a hard thing out loud and is "
            "met with nods instead of judgment, the hard thing gets a little lighter, for them and for everyone "
            "listening. Asking for support is not a failure of strength. It is what strength looks like when "
            "life is difficult.</p>"
        ),
        d.quote(
            "I kept waiting until I felt well enough to go. It turned out that going was how I started to feel well.",
            "A group member, written for this demo",
        ),
        d.heading("Not every meeting is easy"),
        d.paragraph(
            "<p>Groups are made of people, and people sometimes talk over each other, disagree or have a bad week. "
            "A good facilitator agrees a few ground rules with the group, keeps time, makes room for quieter "
            "voices and steps in when things get heated. If a group still does not feel right after a few "
            "meetings, that is worth knowing, not a reason to give up. Tell us, and we will help you find "
            "another.</p>"
        ),
        d.heading("More than talking"),
        d.paragraph(
            "<p>Some groups add a short workshop now and then, a mindfulness practice, a walk in the warmer months "
            "or a shared meal at the end of a season. These are never required, but they are often where "
            "friendships start. And the good that comes out of a group rarely stays in the room: members tell "
            "us they are calmer at home, more patient at work and quicker to notice when a friend is "
            "struggling.</p>"
        ),
        d.heading("How to join one of ours"),
        d.paragraph(
            "<ol><li>Look through our groups, or call or message the office.</li>"
            "<li>We talk for ten minutes or so about what you are looking for. You can stop at any time.</li>"
            "<li>Some groups start with a short introductory session, so you can meet the facilitator first.</li>"
            "<li>Come along. Listen for as long as you like; you never have to share before you are ready.</li></ol>"
        ),
        (
            "cta",
            "about",
            "Find a group that fits",
            "Tell us a little about what you are looking for and we will suggest where to start.",
            "Talk to us",
        ),
    ],
}

ARTICLES = [
    SUPPORT_GROUPS,
    {
        "slug": "when-worry-wont-switch-off",
        "title": "When worry won't switch off",
        "intro": (
            "Anxiety is your body's alarm going off without a fire. A few ways to turn the volume down today, "
            "and why a group can be a surprisingly good place to practice."
        ),
        "topics": ["anxiety"],
        "authors": ["Priya Natarajan"],
        "image": "Breathing like the waves",
        "days_ago": 14,
        "body": [
            d.paragraph(
                "<p>Anxiety is your body's alarm system doing its job a little too well. It is meant to get you out "
                "of danger fast: your heart speeds up, your breathing gets shallow, your thoughts race ahead to what "
                "might go wrong. When the alarm keeps ringing and there is no fire, it wears you out.</p>"
            ),
            d.heading("Signs that anxiety is running the show"),
            d.paragraph(
                "<ul><li>You avoid places or people because of how you might feel there.</li>"
                "<li>Your mind replays conversations or rehearses disasters, especially at night.</li>"
                "<li>You feel tense, jumpy or exhausted most days.</li>"
                "<li>Small decisions feel enormous.</li></ul>"
            ),
            d.heading("Three things you can try today"),
            d.paragraph(
                "<ol><li><b>Breathe out for longer than you breathe in.</b> In for four, out for six, for a couple "
                "of minutes. A long out-breath tells your nervous system that you are safe.</li>"
                "<li><b>Name five things you can see.</b> Then four you can hear and three you can touch. It brings "
                "your attention back into the room.</li>"
                "<li><b>Write the worry down</b> and put it aside until a set worry time later in the day. Many "
                "people find it has shrunk by the time they come back to it.</li></ol>"
            ),
            ("image", "Fog lifting", "Anxiety can feel like fog. Fog does lift."),
            d.heading("How a group helps"),
            d.paragraph(
                "<p>Many people with anxiety expect a group to be the hardest place of all. In practice, our anxiety "
                "groups are often the first place people feel they can stop pretending. You can come and only "
                "listen. You can sit near the door. You can leave early if you need to. Week by week you practice "
                "being with other people while anxious, and learn that you can.</p>"
            ),
            d.quote(
                "You don't have to get rid of anxiety before you start living. You can bring it with you.",
                "Priya Natarajan, LCMHC (demo)",
            ),
            d.heading("When to get help straight away"),
            d.paragraph(
                "<p>If anxiety comes with thoughts of harming yourself, or you feel you cannot keep yourself safe, "
                "<b>call or text 988</b> at any time of day or night. If you are in immediate danger, call 911.</p>"
            ),
            (
                "cta",
                "get-help-now",
                "Need to talk to someone now?",
                "The crisis lines are free, confidential and open day and night.",
                "Get help now",
            ),
        ],
    },
    {
        "slug": "small-steps-out-of-the-fog",
        "title": "Small steps out of the fog: living with depression",
        "intro": (
            "Depression is not sadness and it is not laziness. What it can look like, why smaller steps work "
            "better than big plans, and how a weekly group can break the circle of isolation."
        ),
        "topics": ["depression"],
        "authors": ["Dr. Maya Ellison"],
        "image": "Light through the window",
        "days_ago": 23,
        "body": [
            d.paragraph(
                "<p>Depression is a heaviness that gets into everything: sleep, appetite, concentration, the things "
                "that used to bring you joy. One of its cruelest tricks is to tell you that nothing will help, so "
                "there is no point trying. That voice is a symptom, not the truth.</p>"
            ),
            d.heading("What depression can look like"),
            d.paragraph(
                "<ul><li>Losing interest in people and things you used to care about.</li>"
                "<li>Sleeping far more, or far less, than usual.</li>"
                "<li>Feeling worthless, guilty or like a burden.</li>"
                "<li>Finding it hard to think, decide or remember.</li>"
                "<li>Aches, tiredness or slowness with no clear cause.</li></ul>"
                "<p>Everyone's depression looks a bit different. If several of these have been true for two weeks "
                "or more, it is worth talking to a doctor or a counselor.</p>"
            ),
            d.heading("Go smaller than you think"),
            d.paragraph(
                "<p>When you are depressed, advice like “exercise more” or “get out and see people” can feel "
                "impossible. We suggest going smaller. Open the curtains. Drink a glass of water. Stand outside for "
                "two minutes. Text one person. None of these is a cure, but each one is a step, and steps add "
                "up.</p>"
            ),
            ("image", "A winding path", "Recovery from depression is rarely a straight line. That is normal."),
            d.heading("Why being with others helps"),
            d.paragraph(
                "<p>Depression isolates, and isolation deepens depression. A weekly group breaks that circle gently. "
                "You do not need to talk or be cheerful. You only need to turn up, and most weeks turning up is "
                "enough. Members often tell us the group was the one thing in their week they did not cancel.</p>"
            ),
            d.quote("Nobody asked me to be okay. They just saved me a seat.", "A group member, written for this demo"),
            (
                "cta",
                "about",
                "Talk to us about where to start",
                "Counseling, a group, or both: we will help you work out what fits.",
                "Contact us",
            ),
        ],
    },
    {
        "slug": "grief-has-no-timetable",
        "title": "Grief has no timetable",
        "intro": (
            "Six months, two years or twenty: there is no date by which you should be “over it”. What grief can "
            "feel like, what helps, and what a grief group offers that even good friends sometimes cannot."
        ),
        "topics": ["grief"],
        "authors": ["Jordan Reyes"],
        "image": "A candle for remembering",
        "days_ago": 35,
        "body": [
            d.paragraph(
                "<p>People often tell us they feel they should be over it by now. Grief does not keep to a "
                "timetable. It comes in waves, sometimes gentle, sometimes strong enough to knock you off your feet "
                "on an ordinary Tuesday in the supermarket.</p>"
            ),
            d.heading("There is no right way to grieve"),
            d.paragraph(
                "<p>Some people cry a lot; others hardly at all. Some want to talk about the person they lost all "
                "the time; others need quiet. Anger, relief, guilt and numbness can all turn up in the same week. "
                "None of this means you are grieving wrongly.</p>"
            ),
            d.heading("What can help"),
            d.paragraph(
                "<ul><li>Keeping a small routine for meals and sleep, even when it feels pointless.</li>"
                "<li>Letting people help with practical things: a meal, a lift, the paperwork.</li>"
                "<li>Marking the hard days, such as anniversaries and birthdays, in a way that feels right to "
                "you.</li>"
                "<li>Talking about the person you lost, out loud, with people who will listen.</li></ul>"
            ),
            ("image", "Lights on at dusk", "Many people find evenings and weekends the hardest times."),
            d.heading("Why a grief group"),
            d.paragraph(
                "<p>Friends and family mean well, but they can run out of words, or hope you will move on sooner "
                "than you can. In a grief group nobody expects you to move on. You can say their name. You can tell "
                "the same story again. Other members, some further along and some just starting, show you that it "
                "is possible to carry a loss and still live a full life.</p>"
                "<p>Our grief groups meet in Asheville and online. Some are open to any loss; others are for a "
                "particular loss, such as the death of a child or a partner, or a loss to suicide or overdose.</p>"
            ),
            d.quote(
                "Grief is love with nowhere to go. In the group, it had somewhere to go.",
                "A group member, written for this demo",
            ),
        ],
    },
    {
        "slug": "caring-for-the-carer",
        "title": "Caring for someone who is struggling, and for yourself",
        "intro": (
            "When someone you love is unwell, the whole family feels it. Signs that you need support too, what "
            "helps families, and a word for parents of teenagers."
        ),
        "topics": ["families-caregivers"],
        "authors": ["Ruth Oyelaran"],
        "image": "A family holding hands",
        "days_ago": 47,
        "body": [
            d.paragraph(
                "<p>When someone you love is living with depression, addiction, psychosis or another mental health "
                "problem, the whole family feels it. Caregivers often spend so much energy holding things together "
                "that they stop noticing their own exhaustion, until it turns into illness, resentment or "
                "burnout.</p>"
            ),
            d.heading("Signs you need support too"),
            d.paragraph(
                "<ul><li>You are always on alert, waiting for the next crisis.</li>"
                "<li>You have stopped doing things you enjoy, or seeing your own friends.</li>"
                "<li>You feel guilty when you rest.</li>"
                "<li>You feel angry, and then guilty about being angry.</li></ul>"
            ),
            d.heading("What helps families"),
            d.paragraph(
                "<p>Looking after yourself is not selfish. It is part of looking after them.</p>"
                "<ul><li><b>Learn about what your loved one is facing.</b> Understanding the illness makes its "
                "behavior feel less personal.</li>"
                "<li><b>Set limits you can keep</b>, and say them calmly.</li>"
                "<li><b>Share the load.</b> Ask relatives, friends or your faith community for specific help.</li>"
                "<li><b>Find people who get it.</b> A families and caregivers group is a place to speak honestly "
                "without being judged.</li></ul>"
            ),
            ("image", "A cup of tea", "Looking after yourself is part of looking after them."),
            d.heading("Parents of teenagers"),
            d.paragraph(
                "<p>Parenting a teenager who is anxious, depressed or hurting themselves is frightening and lonely. "
                "Our parents' group meets every other week in the evening, so it fits around school and work. "
                "Many parents tell us it is the first place they have felt understood rather than blamed.</p>"
            ),
            d.quote(
                "I came for my son. I stayed because, for the first time in a year, someone asked how I was.",
                "A parent, written for this demo",
            ),
            (
                "cta",
                "about",
                "Support for families",
                "Ask us about our families and caregivers groups, in person and online.",
                "Talk to us",
            ),
        ],
    },
    {
        "slug": "mindfulness-on-the-trails",
        "title": "Outside, breathing: mindfulness on the trails around Asheville",
        "intro": (
            "Time outdoors will not fix everything, but it is one of the simplest ways to settle a busy mind. "
            "A ten-minute walking practice, and a few places near town to try it."
        ),
        "topics": ["mindfulness-outdoors", "anxiety"],
        "authors": ["Jordan Reyes", "Priya Natarajan"],
        "image": "Trail through the pines",
        "days_ago": 58,
        "body": [
            d.paragraph(
                "<p>We are lucky where we live. Within half an hour of downtown Asheville there are river paths, "
                "quiet forest roads and ridgelines with views that go on for miles. Being outside does not solve "
                "everything, but for many of us it is one of the easiest ways to let a busy mind settle.</p>"
            ),
            d.heading("Mindfulness, simply"),
            d.paragraph(
                "<p>Mindfulness means paying attention to what is happening right now, on purpose, without judging "
                "it. You do not need a cushion or an app. A slow walk is a fine place to practice.</p>"
            ),
            d.heading("A ten-minute walking practice"),
            d.paragraph(
                "<ol><li>Walk a little slower than usual. Feel your feet meet the ground.</li>"
                "<li>Notice your breath without trying to change it.</li>"
                "<li>Take one sense at a time. What can you hear? What can you smell? What colors can you see?</li>"
                "<li>When your mind wanders, and it will, notice where it went and come back to your feet.</li>"
                "<li>Before you finish, stand still and take three slow breaths.</li></ol>"
            ),
            ("image", "Stepping stones", "Even a short, flat path counts. The point is attention, not distance."),
            d.heading("Places to start"),
            d.paragraph(
                "<ul><li><b>Riverside paths</b> along the French Broad are flat and close to town.</li>"
                "<li><b>The Blue Ridge Parkway</b> has short walks from many overlooks; check for closures in "
                "winter.</li>"
                "<li><b>Gardens and city parks</b> are good choices if you would rather stay near people and "
                "parking.</li></ul>"
                "<p>Go with a friend if you can, tell someone where you are going, and take water. On hard days, a "
                "few minutes on a porch or by an open window is enough.</p>"
            ),
            d.quote("The mountains don't ask you to explain yourself.", "Jordan Reyes, LCSW (demo)"),
            d.paragraph(
                "<p>Some of our groups meet outdoors in the warmer months for a gentle walk and talk. Ask us which "
                "ones are running this season.</p>"
            ),
        ],
    },
    {
        "slug": "how-to-choose-a-support-group",
        "title": "How to choose a support group that fits",
        "intro": (
            "The right group is the one you will keep going to. Questions to ask yourself, questions to ask the "
            "group, and why we suggest giving it three meetings."
        ),
        "topics": ["anxiety", "depression", "grief"],
        "authors": ["Dr. Maya Ellison", "Sam Whitaker"],
        "image": "Where the path divides",
        "days_ago": 70,
        "body": [
            d.paragraph(
                "<p>There are many kinds of group, and the right one is simply the one you will keep going to. A few "
                "questions can help you narrow things down before you pick up the phone.</p>"
            ),
            d.heading("Questions to ask yourself"),
            d.paragraph(
                "<ul><li><b>What do I want to talk about?</b> Some groups focus on one thing, such as grief or "
                "recovery; others are open to anyone who is struggling.</li>"
                "<li><b>Who do I want to be with?</b> There are groups for young adults, veterans, LGBTQ+ people, "
                "parents and older adults.</li>"
                "<li><b>Led by a peer or a counselor?</b> Both help. Some people like the structure a professional "
                "brings; others would rather be with someone who has been there.</li>"
                "<li><b>In person or online?</b> Think about travel, childcare, and where you feel safest.</li>"
                "<li><b>When can I really go?</b> A group you can reach every week beats a perfect one you can "
                "reach once a month.</li>"
                "<li><b>What does it cost?</b> Many groups are free; others use a sliding scale.</li></ul>"
            ),
            d.heading("Questions to ask the group"),
            d.paragraph(
                "<p>It is fine to contact the facilitator before you go. Good questions include:</p>"
                "<ul><li>How many people usually come?</li>"
                "<li>Can I join any week, or is it a closed group that started together?</li>"
                "<li>Do I need an introductory session first?</li>"
                "<li>What happens if I need to leave?</li></ul>"
            ),
            ("image", "Fog lifting", "It can take a couple of tries to find the right group. That is normal."),
            d.heading("Give it three meetings"),
            d.paragraph(
                "<p>First meetings are a little awkward almost everywhere. We suggest going three times before you "
                "decide. If it still is not right, that tells you something useful about what you need next, and "
                "we can help you find it.</p>"
            ),
            (
                "cta",
                "about",
                "Not sure where to begin?",
                "Call or message us and we will suggest two or three groups that might fit.",
                "Talk to us",
            ),
        ],
    },
    {
        "slug": "your-first-group-meeting",
        "title": "Your first group meeting: what actually happens",
        "intro": (
            "Walking into a room of strangers takes courage. Knowing what to expect makes it easier: before, "
            "during and after a first meeting, and the things you never have to do."
        ),
        "topics": ["anxiety", "addiction-recovery"],
        "authors": ["Sam Whitaker"],
        "image": "An open door",
        "days_ago": 82,
        "body": [
            d.paragraph(
                "<p>Walking into a room of strangers to talk about something painful takes courage. Knowing what to "
                "expect makes it easier, so here is what a first meeting is usually like in one of our groups.</p>"
            ),
            d.heading("Before you arrive"),
            d.paragraph(
                "<ul><li>Someone from our team will usually have talked with you briefly first, by phone or at a "
                "short introductory session.</li>"
                "<li>You will be told the address, where to park and the facilitator's name. For online groups, you "
                "get the link privately: we never publish it.</li>"
                "<li>Come a few minutes early if you can. It is quieter then.</li></ul>"
            ),
            d.heading("During the meeting"),
            d.paragraph(
                "<ol><li>The facilitator welcomes everyone and goes over the group's few ground rules, such as "
                "keeping what is said in the room.</li>"
                "<li>There is usually a short check-in: your first name, or any name you like, and if you want, a "
                "sentence about your week. You can simply say “pass”.</li>"
                "<li>Members talk, listen and respond. The facilitator keeps time and makes sure everyone who wants "
                "to speak gets a turn.</li>"
                "<li>The meeting ends on time, often with a moment to think about the week ahead.</li></ol>"
            ),
            d.quote(
                "My first night I said my name and “pass”. Nobody minded. The next week I said a bit more.",
                "Sam Whitaker, peer support specialist (demo)",
            ),
            d.heading("Afterwards"),
            d.paragraph(
                "<p>It is normal to feel tired, relieved or stirred up after a first meeting. Be gentle with "
                "yourself that evening. If something came up that you would like to talk through, contact the "
                "facilitator or our office during opening hours.</p>"
            ),
            ("image", "Lights on at dusk", "Be gentle with yourself after a first meeting."),
            d.heading("What you never have to do"),
            d.paragraph(
                "<ul><li>Share anything you are not ready to share.</li>"
                "<li>Give your full name.</li>"
                "<li>Explain why you are leaving early.</li>"
                "<li>Come back, if the group is not for you.</li></ul>"
            ),
        ],
    },
    {
        "slug": "feeling-safe-again-after-trauma",
        "title": "Feeling safe again: trauma and group support",
        "intro": (
            "After something frightening or harmful, mind and body can stay on guard long after the danger has "
            "passed. Common reactions, and how our trauma groups work, at your pace."
        ),
        "topics": ["trauma"],
        "authors": ["Priya Natarajan"],
        "image": "A seedling in the sun",
        "days_ago": 95,
        "body": [
            d.paragraph(
                "<p>After something frightening or harmful happens, the mind and body can stay on guard long after "
                "the danger has passed. Sleep suffers, loud noises make you jump, and some places or people become "
                "hard to be around. These are normal responses to events that were not normal. They are not signs "
                "of weakness.</p>"
            ),
            d.heading("Common reactions after trauma"),
            d.paragraph(
                "<ul><li>Memories or nightmares that arrive uninvited.</li>"
                "<li>Avoiding reminders: places, people, conversations.</li>"
                "<li>Feeling numb, far away or cut off from others.</li>"
                "<li>Being easily startled or irritable, or unable to relax.</li></ul>"
            ),
            d.heading("How our trauma groups work"),
            d.paragraph(
                "<p>Our trauma groups are led by licensed clinicians trained in trauma-informed care. They focus on "
                "feeling safe and building skills for today, not on going back over what happened. Nobody is ever "
                "asked to describe their trauma. Each meeting includes a grounding exercise you can use at "
                "home.</p>"
            ),
            ("image", "Stepping stones", "Healing after trauma happens at your own pace."),
            d.quote(
                "For a long time I felt like the only one. In the group I learned that my reactions made sense.",
                "A group member, written for this demo",
            ),
            d.heading("Going at your own pace"),
            d.paragraph(
                "<p>Some people start with counseling on their own and join a group later; others begin in a group. "
                "Either is fine. If you are not sure you are ready, talk to us first. We will never rush you.</p>"
            ),
            (
                "cta",
                "get-help-now",
                "If you are in crisis",
                "You do not have to wait for a group or an appointment. Help is there day and night.",
                "Get help now",
            ),
        ],
    },
]

DEMO_STORY_NOTE = d.paragraph(
    "<p><i>A member's story written for this demo site: the writer and everything that happens in it are "
    "fictional.</i></p>"
)

# Members' stories, each with its consent record (fictional, marked demo). Published once consent is recorded.
STORIES = [
    {
        "slug": "the-winter-i-stopped-hiding",
        "title": "The winter I stopped hiding",
        "intro": (
            "Dana spent most of a long winter telling everyone she was fine. This is how she found her way to a "
            "group, and what changed once she stopped pretending."
        ),
        "topics": ["depression"],
        "image": "Fog lifting",
        "days_ago": 3,
        "content_notes": [ContentNote.SUICIDE, ContentNote.SELF_HARM],
        "consent": {
            "given_by": "Demo member (fictional)",
            "days_ago": 20,
            "name_shown": NameShown.CHANGED,
            "may_quote": True,
            "how_given": "Demo: signed consent form, kept in the office file",
        },
        "body": [
            d.paragraph(
                "<p>By January I had stopped answering the phone. I went to work, came home, and lay on the couch "
                "with the television on so the house would not be quiet. When people asked, I said I was tired. "
                "That was true, but it was not the whole truth.</p>"
            ),
            d.heading("The part I did not tell anyone"),
            d.paragraph(
                "<p>Some nights I hurt myself, and some nights I wondered whether everyone would be better off "
                "without me. I did not have a plan. I just could not see the end of the winter. I am writing this "
                "down because I know how alone that feels, and I was not as alone as I thought.</p>"
            ),
            ("image", "Fog lifting", "It did not lift all at once. It lifted a little, then a little more."),
            d.heading("What helped"),
            d.paragraph(
                "<ul><li>Telling one person. For me it was my sister, in a text, because I could not say it out "
                "loud.</li>"
                "<li>Calling 988 one night when it was very bad. The person who answered just listened.</li>"
                "<li>A ten-minute phone call with the office, which led to an intro session and then a group.</li>"
                "<li>Hearing someone across the circle describe my exact week, and realizing I was not broken."
                "</li></ul>"
            ),
            d.heading("Where I am now"),
            d.paragraph(
                "<p>I still have grey days. The difference is that I say so now, and I know what to do when they "
                "come. If you are where I was, please tell one person today. It does not have to be the right "
                "words.</p>"
            ),
            DEMO_STORY_NOTE,
        ],
    },
    {
        "slug": "learning-to-ask-for-help-as-a-caregiver",
        "title": "Learning to ask for help as a caregiver",
        "intro": (
            "Ray cared for his father for three years before he admitted he needed looking after too. "
            "He tells how a caregivers' group gave him back an evening a week, and more."
        ),
        "topics": ["families-caregivers"],
        "image": "A cup of tea",
        "days_ago": 10,
        "content_notes": [],
        "consent": {
            "given_by": "Demo member (fictional)",
            "days_ago": 30,
            "name_shown": NameShown.REAL,
            "may_quote": False,
            "how_given": "Demo: agreed by email, kept in the office file",
        },
        "body": [
            d.paragraph(
                "<p>When Dad's memory started to go, I did what sons do: I moved the pills into a weekly box, "
                "learned his bank passwords, and stopped making plans on weekends. I thought asking for help "
                "would mean I was not coping. By the third year I was not coping, and everyone could see it but "
                "me.</p>"
            ),
            d.heading("The evening I nearly did not go"),
            d.paragraph(
                "<p>A nurse at Dad's clinic gave me a leaflet for a caregivers' group. I kept it on the fridge for "
                "two months. The first night I sat in the car park for ten minutes before I went in. Nobody asked "
                "me to talk. I just listened to people describe my life back to me.</p>"
            ),
            ("image", "A cup of tea", "Tea, a circle of chairs, and people who get it."),
            d.heading("What the group gave me"),
            d.paragraph(
                "<ul><li>Permission to be tired, and to say so.</li>"
                "<li>Names of respite services I had never heard of.</li>"
                "<li>A friend who now sits with Dad one evening a week so I can walk.</li></ul>"
            ),
            d.paragraph("<p>If you are caring for someone and running on empty, you are allowed to need help too.</p>"),
            DEMO_STORY_NOTE,
        ],
    },
]

# Editor's choices under "Discover more": article slug → suggested article slugs.
RELATED = {
    "finding-strength-together": ["how-to-choose-a-support-group", "your-first-group-meeting"],
    "how-to-choose-a-support-group": ["your-first-group-meeting", "finding-strength-together"],
    "your-first-group-meeting": ["how-to-choose-a-support-group", "when-worry-wont-switch-off"],
}


def load(log):
    home = d.home_page()
    index, index_created = d.get_or_create_page(
        home,
        ArticleIndexPage,
        INDEX_SLUG,
        title="Articles",
        show_in_menus=True,
        intro=(
            "Plain-language articles from our counselors and peer supporters: anxiety, depression, grief, "
            "recovery, caring for others, and finding support in Asheville and across the mountains."
        ),
        search_description="Articles about mental health and support groups from Resilient Mind Counseling.",
    )
    if index_created:
        log("Articles index")

    images = {title: get_or_create_image(title, *picture) for title, picture in IMAGES.items()}
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    people = {person.name: person for person in Person.objects.all()}
    pages = {slug: d.get_child(home, slug) for slug in ("about", "get-help-now")}
    today = timezone.localdate()

    articles, created = {}, []
    for spec in ARTICLES:
        article, was_created = d.get_or_create_page(
            index,
            ArticlePage,
            spec["slug"],
            title=spec["title"],
            intro=spec["intro"],
            hero_image=images[spec["image"]],
            date=today - timedelta(days=spec["days_ago"]),
            body=[_block(block, images, pages) for block in spec["body"]],
            topics=[topics[slug] for slug in spec["topics"] if slug in topics],
            authors=[
                ArticleAuthor(person=people[name], sort_order=i)
                for i, name in enumerate(spec["authors"])
                if name in people
            ],
        )
        articles[spec["slug"]] = article
        if was_created:
            created.append(article)
            log(f"Article: {article.title}")

    for article in created:
        suggestions = [articles[slug] for slug in RELATED.get(article.slug, ()) if slug in articles]
        if suggestions:
            for i, suggestion in enumerate(suggestions):
                RelatedArticle.objects.create(page=article, article=suggestion, sort_order=i)
            d.publish(ArticlePage.objects.get(pk=article.pk))

    stories = _load_stories(index, images, topics, today, log)

    if index_created:
        index.featured_article = articles[SUPPORT_GROUPS["slug"]]
        d.publish(index)
    return {"index": index, "articles": articles, "stories": stories}


def _load_stories(index, images, topics, today, log):
    """The members' stories: each made as a draft, its consent recorded, then published (blog/models/consent.py)."""
    stories = {}
    for spec in STORIES:
        story = d.get_child(index, spec["slug"])
        if story is not None:
            stories[spec["slug"]] = story.specific
            continue
        story = ArticlePage(
            slug=spec["slug"],
            title=spec["title"],
            kind=ArticleKind.STORY,
            content_notes=list(spec["content_notes"]),
            intro=spec["intro"],
            hero_image=images[spec["image"]],
            date=today - timedelta(days=spec["days_ago"]),
            body=[_block(block, images, {}) for block in spec["body"]],
            topics=[topics[slug] for slug in spec["topics"] if slug in topics],
        )
        index.add_child(instance=story)  # a draft: a new story always starts as one
        consent = spec["consent"]
        StoryConsent.objects.create(
            story=story,
            given_by=consent["given_by"],
            agreed_on=today - timedelta(days=consent["days_ago"]),
            name_shown=consent["name_shown"],
            may_quote=consent["may_quote"],
            how_given=consent["how_given"],
        )
        d.publish(story)
        stories[spec["slug"]] = story
        log(f"Member's story: {story.title}")
    return stories


def _block(block, images, pages):
    """A body block. Two shorthands need the demo's pictures and pages:
    ("image", picture title, caption) and ("cta", page slug, heading, text, button label).
    """
    if not isinstance(block, tuple):
        return block
    kind, *args = block
    if kind == "image":
        title, caption = args
        return d.image(images[title], caption=caption)
    slug, heading, text, button = args
    page = pages.get(slug)
    return d.call_to_action(heading, text, button, page=page, url="" if page else "/")


def multiply(factor, log):
    """Copies of the demo articles until there are `factor` times as many (for `make bench`)."""
    index = d.get_child(d.home_page(), INDEX_SLUG)
    if index is None:
        return
    originals = list(
        ArticlePage.objects.child_of(index)
        .filter(slug__in=[spec["slug"] for spec in ARTICLES])
        .prefetch_related("authors", "topics")
    )
    if not originals:
        return
    target = factor * len(originals)
    # Articles only: the members' stories are never copied (each needs its own consent).
    for number in range(ArticlePage.objects.child_of(index).filter(kind=ArticleKind.ARTICLE).count(), target):
        source = originals[number % len(originals)]
        copy = ArticlePage(
            title=f"{source.title} (copy {number})",
            slug=f"{source.slug}-copy-{number}",
            intro=source.intro,
            hero_image_id=source.hero_image_id,
            body=list(source.body.raw_data),
            date=source.date - timedelta(days=number),
            topics=list(source.topics.all()),
            authors=[ArticleAuthor(person_id=a.person_id, sort_order=a.sort_order) for a in source.authors.all()],
        )
        index.add_child(instance=copy)
        copy.save_revision().publish()
    log(f"Articles: {target} in all")


def bench_urls():
    """Listing pages with filters, the feeds and the API endpoints for articles, for `make bench`."""
    index = ArticleIndexPage.objects.live().filter(slug=INDEX_SLUG).first()
    article = ArticlePage.objects.live().filter(slug=SUPPORT_GROUPS["slug"]).first()
    if index is None or article is None:
        return []
    return [
        ("Articles, one topic", f"{index.url}?topic=anxiety"),
        ("Articles, page 2", f"{index.url}?page=2"),
        ("Articles feed", f"{index.url}feed/"),
        ("Articles feed, one topic", f"{index.url}feed/anxiety/"),
        ("API v2 articles, one topic", "/api/v2/pages/?type=blog.ArticlePage&topic=anxiety&fields=*"),
        *d.api_bench_urls(ArticleIndexPage),
        *d.api_bench_urls(ArticlePage),
    ]
