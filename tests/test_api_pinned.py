"""The JSON other apps rely on, pinned for one page of each type (articles: tests/blog/test_api.py).

Change these only with a new field or a new API version: an app in production reads them.
"""

import datetime
from http import HTTPStatus

import pytest
import time_machine
from django.utils.timezone import localtime

from blog.factories import ArticleIndexPageFactory, ArticlePageFactory
from community.factories import (
    AreaFactory,
    CommunityIndexPageFactory,
    CommunityPageFactory,
    CommunityResourceFactory,
    CrisisResourceFactory,
)
from groups.choices import Audience, Cost, GroupStatus, LedBy, MeetingFormat
from groups.factories import (
    CancelledMeetingFactory,
    GroupFacilitatorFactory,
    MeetingRuleFactory,
    SupportGroupIndexPageFactory,
    SupportGroupPageFactory,
    VenueFactory,
)
from home.factories import ContactPageFactory, ImageFactory, PersonFactory, StandardPageFactory, TopicFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)  # a Monday


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


def body_with_a_link(target):
    return [
        {"type": "heading", "value": {"text": "How we work", "size": "h2"}, "id": "heading-1"},
        {
            "type": "paragraph",
            "value": f'<p>Read <a linktype="page" id="{target.pk}">about us</a>.</p>',
            "id": "paragraph-1",
        },
    ]


BODY = [
    {"type": "heading", "value": {"text": "How we work", "level": 2}, "id": "heading-1"},
    {"type": "paragraph", "value": '<p>Read <a href="http://testserver/about/">about us</a>.</p>', "id": "paragraph-1"},
]


def meta(page, parent=None, **extra):
    data = {
        "type": page._meta.label,
        "detail_url": f"http://testserver/api/v2/pages/{page.pk}/",
        "html_url": f"http://localhost{page.url}",
        "slug": page.slug,
        "show_in_menus": page.show_in_menus,
        "seo_title": "",
        "search_description": "",
        "first_published_at": localtime(page.first_published_at).isoformat() if page.first_published_at else None,
        "alias_of": None,
        "parent": None,
    }
    if parent is not None:
        data["parent"] = {
            "id": parent.pk,
            "meta": {
                "type": parent._meta.label,
                "detail_url": f"http://testserver/api/v2/pages/{parent.pk}/",
                "html_url": f"http://localhost{parent.url}",
            },
            "title": parent.title,
        }
    return data | extra


def rendition(image, spec):
    found = image.get_rendition(spec)
    return {
        "url": f"http://testserver{found.url}",
        "width": found.width,
        "height": found.height,
        "alt": image.description,
    }


def detail(client, page):
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == HTTPStatus.OK
    return response.json()


@pytest.fixture
def about(site_root):
    return StandardPageFactory(parent=site_root, slug="about", title="About us", intro="Who we are.")


def test_home_page_json_is_pinned(client, site_root, about):
    image = ImageFactory(description="Morning over the ridges", file__width=2000, file__height=1000)
    site_root.hero_heading = "You don't have to carry it alone"
    site_root.hero_text = "Support groups in Asheville."
    site_root.hero_image = image
    site_root.cta_label = "Take the first step"
    site_root.cta_page = about
    site_root.intro = "You are welcome."
    site_root.body = body_with_a_link(about)
    site_root.save_revision().publish()
    site_root.refresh_from_db()
    assert detail(client, site_root) == {
        "id": site_root.pk,
        "meta": meta(site_root),
        "title": "Home",
        "hero_heading": "You don't have to carry it alone",
        "hero_text": "Support groups in Asheville.",
        "hero_image": rendition(image, "fill-1600x700"),
        "cta_label": "Take the first step",
        "cta_page": {"id": about.pk, "title": "About us", "url": "http://localhost/about/"},
        "intro": "You are welcome.",
        "body": BODY,
    }


def test_standard_page_json_is_pinned(client, site_root, about):
    page = StandardPageFactory(
        parent=site_root, slug="privacy", title="Privacy", intro="What we keep.", body=body_with_a_link(about)
    )
    assert detail(client, page) == {
        "id": page.pk,
        "meta": meta(page, site_root),
        "title": "Privacy",
        "intro": "What we keep.",
        "body": BODY,
    }


def test_article_index_json_is_pinned(client, site_root):
    index = ArticleIndexPageFactory(parent=site_root, slug="articles", title="Articles", intro="Our articles.")
    featured = ArticlePageFactory(parent=index, slug="featured", title="Featured one")
    index.featured_article = featured
    index.save_revision().publish()
    index.refresh_from_db()
    assert detail(client, index) == {
        "id": index.pk,
        "meta": meta(index, site_root),
        "title": "Articles",
        "intro": "Our articles.",
        "featured_article": {"id": featured.pk, "title": "Featured one", "url": "http://localhost/articles/featured/"},
        "feed_url": "http://localhost/articles/feed/",
    }


def test_group_finder_json_is_pinned(client, site_root, about):
    finder = SupportGroupIndexPageFactory(
        parent=site_root, slug="support-groups", intro="Find a group.", body=body_with_a_link(about)
    )
    assert detail(client, finder) == {
        "id": finder.pk,
        "meta": meta(finder, site_root),
        "title": "Support groups",
        "intro": "Find a group.",
        "body": BODY,
        "calendar_url": "http://testserver/groups/calendar.ics",
        "meeting_guide_url": "http://testserver/groups/meetings.json",
    }


def test_support_group_json_is_pinned(client, site_root, about):
    finder = SupportGroupIndexPageFactory(parent=site_root, slug="support-groups")
    grief = TopicFactory(name="Grief and loss", slug="grief")
    image = ImageFactory(description="Purple ridges at dusk", file__width=1600, file__height=1200)
    photo = ImageFactory(description="Jordan smiling", file__width=600, file__height=600)
    venue = VenueFactory(
        name="Laurel Room",
        street_address="22 Laurel Ridge Road",
        locality="Asheville",
        postal_code="28801",
        area="Downtown",
        wheelchair_accessible=True,
        accessibility="Step-free.",
        entrance="Side door.",
        parking="Free lot.",
        transit="Bus S3.",
        latitude="35.59510",
        longitude="-82.55150",
    )
    group = SupportGroupPageFactory(
        parent=finder,
        slug="grief-circle",
        title="Tuesday grief circle",
        summary="A steady circle.",
        image=image,
        topics=[grief],
        led_by=LedBy.PROFESSIONAL,
        audience=Audience.ADULTS,
        meeting_format=MeetingFormat.IN_PERSON,
        venue=venue,
        cost=Cost.SLIDING_SCALE,
        cost_details="$10 to $40",
        insurance_note="",
        status=GroupStatus.OPEN,
        capacity=12,
        how_to_join=f'<p>Send the form or <a linktype="page" id="{about.pk}">read about us</a>.</p>',
        intro_session_required=True,
        first_meeting="<p>Nobody has to share.</p>",
        last_verified=datetime.date(2026, 2, 1),
        description=body_with_a_link(about),
    )
    MeetingRuleFactory(
        page=group,
        weekday=1,
        start_time=datetime.time(18, 30),
        end_time=datetime.time(20),
        first_date=datetime.date(2026, 1, 6),
    )
    CancelledMeetingFactory(page=group, date=datetime.date(2026, 3, 10), note="Office closed")
    GroupFacilitatorFactory(
        page=group,
        person=PersonFactory(
            name="Jordan Reyes", role="Counselor", credentials="LCSW", short_bio="Leads groups.", photo=photo
        ),
    )
    assert detail(client, group) == {
        "id": group.pk,
        "meta": meta(group, finder),
        "title": "Tuesday grief circle",
        "summary": "A steady circle.",
        "image": rendition(image, "fill-800x533"),
        "description": BODY,
        "topics": [{"id": grief.pk, "name": "Grief and loss", "slug": "grief"}],
        "led_by": "professional",
        "audience": "adults",
        "meeting_format": "in_person",
        "venue": {
            "name": "Laurel Room",
            "street_address": "22 Laurel Ridge Road",
            "locality": "Asheville",
            "region": "NC",
            "postal_code": "28801",
            "area": "Downtown",
            "wheelchair_accessible": True,
            "accessibility": "Step-free.",
            "entrance": "Side door.",
            "parking": "Free lot.",
            "transit": "Bus S3.",
            "latitude": 35.5951,
            "longitude": -82.5515,
            "directions_url": "https://www.google.com/maps/dir/?api=1&destination=35.59510%2C-82.55150",
        },
        "online_platform": "",
        "schedule": [
            {
                "description": "Every Tuesday, 6:30pm to 8pm",
                "frequency": "weekly",
                "weekday": 1,
                "week_of_month": None,
                "start_time": "18:30",
                "end_time": "20:00",
                "first_date": "2026-01-06",
                "last_date": None,
                "timezone": "America/New_York",
            }
        ],
        "next_meetings": [
            {"start": "2026-03-03T18:30:00-05:00", "end": "2026-03-03T20:00:00-05:00"},
            {"start": "2026-03-17T18:30:00-04:00", "end": "2026-03-17T20:00:00-04:00"},
            {"start": "2026-03-24T18:30:00-04:00", "end": "2026-03-24T20:00:00-04:00"},
            {"start": "2026-03-31T18:30:00-04:00", "end": "2026-03-31T20:00:00-04:00"},
        ],
        "cancellations": [{"date": "2026-03-10", "note": "Office closed"}],
        "facilitators": [
            {
                "name": "Jordan Reyes",
                "role": "Counselor",
                "credentials": "LCSW",
                "short_bio": "Leads groups.",
                "photo": rendition(photo, "fill-300x300"),
            }
        ],
        "cost": "sliding_scale",
        "cost_details": "$10 to $40",
        "insurance_note": "",
        "status": "open",
        "capacity": 12,
        "how_to_join": '<p>Send the form or <a href="http://testserver/about/">read about us</a>.</p>',
        "intro_session_required": True,
        "first_meeting": "<p>Nobody has to share.</p>",
        "last_verified": "2026-02-01",
        "calendar_url": f"http://testserver/groups/{group.pk}/calendar.ics",
    }


def test_community_pages_json_is_pinned(client, site_root, about):
    index = CommunityIndexPageFactory(
        parent=site_root, slug="asheville-community", title="Asheville community", intro="Local life.", body=[]
    )
    assert detail(client, index) == {
        "id": index.pk,
        "meta": meta(index, site_root),
        "title": "Asheville community",
        "intro": "Local life.",
        "body": [],
    }
    county = AreaFactory(name="Buncombe County", slug="buncombe-county")
    area = AreaFactory(name="Black Mountain", slug="black-mountain", parent=county)
    walking = TopicFactory(name="Mindfulness and the outdoors", slug="mindfulness-outdoors")
    image = ImageFactory(description="A trail in the woods", file__width=1800, file__height=1200)
    page = CommunityPageFactory(
        parent=index,
        slug="outdoors",
        title="Outdoor wellness",
        intro="Walks and trails.",
        image=image,
        area=area,
        topics=[walking],
        body=body_with_a_link(about),
        resources_checked=datetime.date(2026, 2, 20),
    )
    resource = CommunityResourceFactory(
        page=page,
        organization="Trail Friends (demo)",
        offers="Weekly walks.",
        phone="(828) 555-0170",
        website="https://trails.example.org/",
        street_address="1 Trail Road",
        town="Black Mountain",
        postal_code="28711",
        hours="Saturdays, 9am",
        cost="Free",
        topics=[walking],
    )
    CrisisResourceFactory(
        area=county,
        kind="walk_in",
        name="County walk-in center (demo)",
        description="Walk in at any hour.",
        phone="(828) 555-0145",
        website="",
        street_address="40 Riverbend Way",
        town="Asheville",
        postal_code="28801",
        hours="24 hours, every day",
    )
    data = detail(client, page)
    assert data == {
        "id": page.pk,
        "meta": meta(page, index),
        "title": "Outdoor wellness",
        "intro": "Walks and trails.",
        "image": rendition(image, "fill-1200x800"),
        "area": {
            "id": area.pk,
            "name": "Black Mountain",
            "slug": "black-mountain",
            "full_name": "Black Mountain, Buncombe County",
            "trail": [
                {"id": county.pk, "name": "Buncombe County", "slug": "buncombe-county"},
                {"id": area.pk, "name": "Black Mountain", "slug": "black-mountain"},
            ],
        },
        "topics": [{"id": walking.pk, "name": "Mindfulness and the outdoors", "slug": "mindfulness-outdoors"}],
        "body": BODY,
        "resources": [
            {
                "id": resource.pk,
                "meta": {"type": "community.CommunityResource"},
                "organization": "Trail Friends (demo)",
                "offers": "Weekly walks.",
                "phone": "(828) 555-0170",
                "website": "https://trails.example.org/",
                "street_address": "1 Trail Road",
                "town": "Black Mountain",
                "postal_code": "28711",
                "hours": "Saturdays, 9am",
                "cost": "Free",
                "topics": [{"id": walking.pk, "name": "Mindfulness and the outdoors", "slug": "mindfulness-outdoors"}],
            }
        ],
        "resources_checked": "2026-02-20",
        "crisis_help": [
            {
                "area": "Buncombe County",
                "kind": "walk_in",
                "kind_label": "Walk-in crisis center",
                "name": "County walk-in center (demo)",
                "description": "Walk in at any hour.",
                "phone": "(828) 555-0145",
                "website": "",
                "street_address": "40 Riverbend Way",
                "town": "Asheville",
                "postal_code": "28801",
                "hours": "24 hours, every day",
            }
        ],
    }


def test_contact_page_json_is_pinned(client, site_root, practice):
    page = ContactPageFactory(
        parent=site_root,
        slug="contact",
        title="Contact us",
        intro="Write to us.",
        thank_you_text="Thank you.",
        fields=[
            {"label": "Your name", "field_type": "singleline", "required": True, "help_text": "A first name is fine."}
        ],
    )
    (field,) = page.form_fields.all()
    assert detail(client, page) == {
        "id": page.pk,
        "meta": meta(page, site_root),
        "title": "Contact us",
        "intro": "Write to us.",
        "form_fields": [
            {
                "id": field.pk,
                "meta": {"type": "home.ContactFormField"},
                "clean_name": "your_name",
                "label": "Your name",
                "field_type": "singleline",
                "help_text": "A first name is fine.",
                "required": True,
                "choices": "",
                "default_value": "",
            }
        ],
        "privacy_statement": page.privacy_statement,
        "reply_time": "We reply within one working day, Monday to Friday.",
        "submit_label": "Send message",
        "thank_you_heading": "Thank you, your message has reached us",
        "thank_you_text": "Thank you.",
    }
