"""Every page type's JSON-LD is valid schema.org and has what Google's rich results require.

The checks themselves are in tests/schemaorg.py: each block is expanded with pyld against
schema.org's vendored context and held against schema.org's vocabulary (types, properties
and their domains, ranges, enumeration members, nothing dropped by expansion), then
against Google's required and recommended fields for Event and Article. The pages are the
demo site's (every live page, plus the pages a group and the contact form lead to) and,
for the states the demo may not be in on the day, groups and pages built with factories.
The last tests show the checks fail on what they are meant to catch.
"""

import datetime
from http import HTTPStatus

import pytest
from wagtail.models import Page

from blog.factories import ArticleIndexPageFactory, ArticlePageFactory
from blog.models import ArticleIndexPage
from community.factories import (
    AreaFactory,
    CommunityIndexPageFactory,
    CommunityPageFactory,
    CommunityResourceFactory,
)
from community.models import CommunityIndexPage
from groups.choices import Cost, Frequency, GroupStatus, MeetingFormat
from groups.factories import (
    CancelledMeetingFactory,
    GroupFacilitatorFactory,
    MeetingRuleFactory,
    SupportGroupIndexPageFactory,
    SupportGroupPageFactory,
    VenueFactory,
)
from groups.models import SupportGroupIndexPage, SupportGroupPage
from groups.schedule import now_local
from home.factories import ContactPageFactory, ImageFactory, PersonFactory, StandardPageFactory, TopicFactory
from home.models import SiteSettings
from tests import schemaorg

pytestmark = pytest.mark.django_db

# What schema.org type each page type's JSON-LD describes.
PAGE_TYPES = {
    "HomePage": "MedicalClinic",
    "StandardPage": "WebPage",
    "ContactPage": "ContactPage",
    "ArticleIndexPage": "CollectionPage",
    "ArticlePage": "Article",
    "SupportGroupIndexPage": "CollectionPage",
    "SupportGroupPage": "Event",
    "CommunityIndexPage": "CollectionPage",
    "CommunityPage": "WebPage",
    "CounselorIndexPage": "CollectionPage",
    "CounselorPage": "ProfilePage",
    "ServiceIndexPage": "CollectionPage",
    "ServicePage": "WebPage",
    "FeesPage": "WebPage",
    "AppointmentRequestPage": "WebPage",
    "EventIndexPage": "CollectionPage",
    "EventPage": "Event",
}


def blocks_of(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == HTTPStatus.OK, url
    return schemaorg.json_ld_blocks(response.content.decode())


def assert_valid(blocks, where):
    found = [f"{where}: {problem}" for block in blocks for problem in schemaorg.problems(block)]
    assert not found, "\n".join(found)


def test_every_page_of_the_demo_site_has_valid_json_ld(client, demo_site):
    pages = Page.objects.live().public().specific().exclude(depth=1).order_by("path")
    seen = set()
    for page in pages:
        kind = type(page).__name__
        blocks = blocks_of(client, page.url)
        assert len(blocks) == 1, f"{kind} {page.url}: {len(blocks)} JSON-LD blocks"
        assert blocks[0]["@type"] == PAGE_TYPES[kind], f"{kind} {page.url}"
        assert_valid(blocks, f"{kind} {page.url}")
        seen.add(kind)
    assert seen == set(PAGE_TYPES), "a page type of the demo site has no test here, or the demo lost one"


def test_filtered_indexes_describe_the_index_itself(client, demo_site):
    """A filtered list is the same page: its JSON-LD names the index, never the filter."""
    for model in (ArticleIndexPage, SupportGroupIndexPage, CommunityIndexPage):
        index = model.objects.live().get()
        blocks = blocks_of(client, index.url, topic="grief")
        assert len(blocks) == 1
        assert blocks[0]["url"] == index.get_full_url()
        assert_valid(blocks, f"{index.url}?topic=grief")


def test_pages_a_group_leads_to_have_no_json_ld_of_the_group(client, demo_site):
    """The join and thank-you pages are not the group: they carry no Event of their own."""
    group = next(group for group in SupportGroupPage.objects.live().specific() if group.accepts_requests)
    assert blocks_of(client, f"{group.url}join/") == []
    assert blocks_of(client, f"{group.url}thank-you/") == []


# Groups in every state ----------------------------------------------------------------------


@pytest.fixture
def make_group(site_root):
    """A published group with one weekly rule (or the `rules` given), as tests/groups makes them."""
    finder = SupportGroupIndexPageFactory(parent=site_root, slug="support-groups")

    def make(rules=None, **fields):
        group = SupportGroupPageFactory(parent=finder, **fields)
        for rule in rules if rules is not None else [{}]:
            MeetingRuleFactory(page=group, **{"weekday": 1, "first_date": now_local().date() - DAYS_30, **rule})
        return SupportGroupPage.objects.get(pk=group.pk)

    return make


DAYS_30 = datetime.timedelta(days=30)


@pytest.fixture
def venue():
    return VenueFactory(name="Laurel Room (demo)", street_address="14 Oak Street", locality="Asheville")


GROUPS = {
    "weekly in person": {},
    "hybrid with facilitators and a picture": {"meeting_format": MeetingFormat.HYBRID, "online_platform": "Zoom"},
    "online, fee, last Friday monthly": {
        "meeting_format": MeetingFormat.ONLINE,
        "venue": None,
        "cost": Cost.FEE,
        "rules": [{"frequency": Frequency.MONTHLY, "weekday": 4, "week_of_month": -1}],
    },
    "sliding scale, second Monday and every other Thursday": {
        "cost": Cost.SLIDING_SCALE,
        "rules": [
            {"frequency": Frequency.MONTHLY, "weekday": 0, "week_of_month": 2},
            {"frequency": Frequency.FORTNIGHTLY, "weekday": 3},
        ],
    },
    "paused": {"status": GroupStatus.PAUSED},
    "waiting list": {"status": GroupStatus.WAITLIST},
    "closed cohort ending next month": {
        "status": GroupStatus.CLOSED,
        "rules": [{"last_date": now_local().date() + datetime.timedelta(days=30)}],
    },
    "ended": {"rules": [{"last_date": now_local().date() - datetime.timedelta(days=3)}]},
    "in person without coordinates": {"venue__latitude": None, "venue__longitude": None},
}


@pytest.mark.parametrize("name", GROUPS)
def test_group_json_ld_is_a_valid_event(client, make_group, practice, venue, name):
    fields = dict(GROUPS[name])
    rules = fields.pop("rules", None)
    if "venue" not in fields:
        fields["venue"] = venue
        for key in [key for key in fields if key.startswith("venue__")]:
            setattr(venue, key.removeprefix("venue__"), fields.pop(key))
        venue.save()
    if "hybrid" in name:
        fields["image"] = ImageFactory()
    group = make_group(rules=rules, **fields)
    if "hybrid" in name:
        GroupFacilitatorFactory(page=group, person=PersonFactory(name="Dana Reyes (demo)"))
    if name == "weekly in person":
        CancelledMeetingFactory(page=group, date=group.next_meeting.start.date())

    [data] = blocks_of(client, group.url)

    assert_valid([data], name)
    assert data["@type"] == "Event"
    if name == "ended":  # it has taken place: its last meeting is its date
        last_date = group.meeting_rules.get().last_date
        assert datetime.date.fromisoformat(data["startDate"][:10]) <= last_date
        assert datetime.date.fromisoformat(data["startDate"][:10]) > last_date - datetime.timedelta(days=7)


# Articles, community pages, contact, home: with as little as an editor may leave -------------


def test_article_json_ld_with_and_without_authors_and_picture(client, site_root, practice):
    index = ArticleIndexPageFactory(parent=site_root, slug="articles")
    with_all = ArticlePageFactory(
        parent=index, hero_image=ImageFactory(), topics=[TopicFactory(name="Anxiety", slug="anxiety")]
    )
    bare = ArticlePageFactory(parent=index, authors=[])
    for article in (with_all, bare):
        [data] = blocks_of(client, article.url)
        assert_valid([data], article.url)
        assert data["headline"] and data["datePublished"] and all(author["name"] for author in data["author"])
    assert_valid(blocks_of(client, index.url), index.url)


def test_community_pages_json_ld(client, site_root, practice):
    index = CommunityIndexPageFactory(parent=site_root, slug="community")
    west = AreaFactory(name="West Asheville", parent=AreaFactory(name="Asheville"))
    page = CommunityPageFactory(parent=index, area=west, topics=[TopicFactory(name="Grief", slug="grief")])
    CommunityResourceFactory(page=page, street_address="", town="", postal_code="", website="https://example.org/")
    CommunityResourceFactory(page=page, street_address="12 Haywood Road", town="Asheville", postal_code="")
    assert_valid(blocks_of(client, page.url), page.url)
    assert_valid(blocks_of(client, index.url), index.url)


def test_home_standard_and_contact_pages_json_ld_when_details_are_missing(client, site_root):
    """The practice's details as a new site starts: no street, no phone; nothing empty is given."""
    settings = SiteSettings.load()
    settings.street_address = settings.postal_code = settings.phone = settings.email = ""
    settings.save()
    contact = ContactPageFactory(parent=site_root, slug="contact")
    about = StandardPageFactory(parent=site_root, slug="about")
    for url in (site_root.url, contact.url, about.url):
        assert_valid(blocks_of(client, url), url)


# The checks catch what they are meant to ------------------------------------------------------

GOOD_EVENT = {
    "@context": "https://schema.org",
    "@type": "Event",
    "name": "Tuesday grief circle (demo)",
    "startDate": "2027-01-05T18:30:00-05:00",
    "eventStatus": "https://schema.org/EventScheduled",
    "location": {"@type": "VirtualLocation", "url": "https://example.org/groups/grief/"},
    "eventSchedule": {"@type": "Schedule", "byDay": "https://schema.org/Tuesday", "repeatFrequency": "P1W"},
}


def test_a_good_event_passes():
    assert schemaorg.problems(GOOD_EVENT) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"startDate": None}, "Google requires an Event's startDate"),
        ({"startDate": "2027-01-05T18:30:00"}, "is not an ISO 8601 Date or DateTime (with its offset)"),
        ({"eventSchedule": {"@type": "Schedule", "startTime": "6:30pm"}}, "is not an ISO 8601 DateTime or Time"),
        ({"@type": "Meetup"}, "Meetup is not a schema.org class"),
        ({"venueName": "Laurel Room"}, "venueName: not a schema.org property"),
        ({"headline": "Grief"}, "headline: not a property of Event"),
        ({"eventStatus": "https://schema.org/Tuesday"}, "Tuesday is not one of EventStatusType"),
        ({"eventAttendanceMode": "Online"}, "is text, but eventAttendanceMode expects EventAttendanceModeEnumeration"),
        ({"organizer": {"@type": "Schedule"}}, "a Schedule where organizer expects"),
        ({"location": {"@type": "Place", "name": "Laurel Room"}}, "a Place needs its address"),
        ({"location": {"@type": "VirtualLocation"}}, "a VirtualLocation needs its url"),
        ({"description": ""}, "empty"),
        ({"eventSchedule": {"@type": "Schedule", "byMonthWeek": "last"}}, "'last' is not a number"),
        ({"eventSchedule": {"@type": "Schedule", "byMonthWeek": -1}}, "-1 is outside byMonthWeek's"),
        ({"@context": "https://example.org/context"}, "not schema.org's"),
        ({"@typ": "SocialEvent"}, "@typ: dropped by expansion"),
        ({"organizer": None}, "organizer: null, dropped by expansion"),
        ({"performer": [{"@type": "Person", "name": "Dana (demo)"}, None]}, "null in a list is dropped"),
    ],
)
def test_the_checks_catch(change, expected):
    data = {**GOOD_EVENT, **change}
    if change.get("startDate", "") is None:
        del data["startDate"]
    found = schemaorg.problems(data)
    assert any(expected in problem for problem in found), found


def test_an_article_without_its_author_or_a_breadcrumb_without_its_items_is_caught():
    article = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": "Finding your footing (demo)",
        "datePublished": "2026-11-02",
        "author": [{"@type": "Person"}],
    }
    found = schemaorg.problems(article)
    assert any("each author needs a name" in problem for problem in found), found
    assert any("datePublished: not an ISO 8601 date and time" in problem for problem in found), found
    crumbs = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [{"@type": "ListItem", "name": "Home"}, {"@type": "ListItem", "position": 2}],
    }
    found = schemaorg.problems(crumbs)
    for expected in ("[0]: needs its position", "[0]: needs its item", "[1]: needs its name"):
        assert any(problem.endswith(expected) for problem in found), found
    assert not any(problem.endswith("[1]: needs its item") for problem in found), "the last crumb may go without"


def test_no_context_is_fetched_but_schema_orgs_own():
    with pytest.raises(Exception, match=r"Only schema\.org.s vendored context"):
        schemaorg.document_loader("https://example.org/context.jsonld")
