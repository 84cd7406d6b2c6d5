"""API v2 lists cost the same number of queries for 2 pages as for 20, for every page type, all fields.

Each page is as full as the site's own: its own images (hero and in the body),
rich text linking to a page and a document, a call to action, topics, people,
schedules and resources. Counted on a warm second request, as the benchmark does.
"""

import datetime
from http import HTTPStatus

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import get_page_models

from blog.factories import ArticleIndexPageFactory, ArticlePageFactory
from blog.models import ArticleIndexPage, ArticlePage
from community.factories import AreaFactory, CommunityIndexPageFactory, CommunityPageFactory, CommunityResourceFactory
from community.models import CommunityIndexPage, CommunityPage
from counselors.factories import (
    AppointmentRequestPageFactory,
    CounselorIndexPageFactory,
    CounselorPageFactory,
    FeesPageFactory,
    InsurancePlanFactory,
    LanguageFactory,
    ServiceIndexPageFactory,
    ServicePageFactory,
)
from counselors.models import (
    AppointmentRequestPage,
    CounselorIndexPage,
    CounselorPage,
    FeesPage,
    ServiceIndexPage,
    ServicePage,
)
from events.factories import EventDateFactory, EventIndexPageFactory, EventLeaderFactory, EventPageFactory
from events.models import EventIndexPage, EventPage
from groups.factories import (
    CancelledMeetingFactory,
    GroupFacilitatorFactory,
    MeetingRuleFactory,
    SupportGroupIndexPageFactory,
    SupportGroupPageFactory,
)
from groups.models import SupportGroupIndexPage, SupportGroupPage
from home.factories import (
    ContactPageFactory,
    HomePageFactory,
    ImageFactory,
    PersonFactory,
    StandardPageFactory,
    TopicFactory,
)
from home.models import ContactPage, HomePage, StandardPage

pytestmark = pytest.mark.django_db

LIMITS = (2, 20)


def rich_body(target, document):
    """A body with every block that costs something: linked page and document, images, a call to action."""
    return [
        {"type": "heading", "value": {"text": "Section", "size": "h2"}},
        {
            "type": "paragraph",
            "value": (
                f'<p>See <a linktype="page" id="{target.pk}">this page</a> and '
                f'<a linktype="document" id="{document.pk}">this leaflet</a>.</p>'
            ),
        },
        {
            "type": "image",
            "value": {"image": {"image": ImageFactory().pk, "alt_text": "", "decorative": False}, "caption": "A view"},
        },
        {
            "type": "call_to_action",
            "value": {"heading": "Talk", "text": "", "button_label": "Go", "page": target.pk, "url": ""},
        },
    ]


@pytest.fixture
def content(site_root):
    target = StandardPageFactory(parent=site_root, slug="target")
    return {
        "root": site_root,
        "target": target,
        "document": wagtail_factories.DocumentFactory(),
        "topics": [TopicFactory(), TopicFactory()],
        "area": AreaFactory(parent=AreaFactory(parent=AreaFactory())),
    }


def make_home(c):
    return HomePageFactory(
        parent=c["root"], hero_image=ImageFactory(), cta_page=c["target"], body=rich_body(c["target"], c["document"])
    )


def make_standard(c):
    return StandardPageFactory(parent=c["root"], body=rich_body(c["target"], c["document"]))


def make_article_index(c):
    index = ArticleIndexPageFactory(parent=c["root"])
    index.featured_article = ArticlePageFactory(parent=index)
    index.save()
    return index


def make_article(c):
    if "articles" not in c:
        c["articles"] = ArticleIndexPageFactory(parent=c["root"])
    return ArticlePageFactory(
        parent=c["articles"],
        hero_image=ImageFactory(),
        topics=c["topics"],
        people=[PersonFactory(), PersonFactory()],
        body=rich_body(c["target"], c["document"]),
    )


def make_group_index(c):
    return SupportGroupIndexPageFactory(parent=c["root"], body=rich_body(c["target"], c["document"]))


def make_group(c):
    if "finder" not in c:
        c["finder"] = SupportGroupIndexPageFactory(parent=c["root"])
    group = SupportGroupPageFactory(
        parent=c["finder"],
        image=ImageFactory(),
        topics=c["topics"],
        description=rich_body(c["target"], c["document"]),
        how_to_join=f'<p>Ask <a linktype="page" id="{c["target"].pk}">us</a>.</p>',
    )
    first = datetime.date.today() - datetime.timedelta(days=30)
    MeetingRuleFactory(page=group, weekday=1, first_date=first)
    MeetingRuleFactory(page=group, weekday=3, first_date=first)
    CancelledMeetingFactory(page=group, date=datetime.date.today() + datetime.timedelta(days=20))
    GroupFacilitatorFactory(page=group, person=PersonFactory(photo=ImageFactory()))
    return group


def make_community_index(c):
    return CommunityIndexPageFactory(parent=c["root"], body=rich_body(c["target"], c["document"]))


def make_community_page(c):
    if "community" not in c:
        c["community"] = CommunityIndexPageFactory(parent=c["root"])
    page = CommunityPageFactory(
        parent=c["community"],
        image=ImageFactory(),
        area=c["area"],
        topics=c["topics"],
        body=rich_body(c["target"], c["document"]),
    )
    CommunityResourceFactory(page=page, topics=c["topics"])
    CommunityResourceFactory(page=page, topics=c["topics"][:1])
    return page


def make_counselor_index(c):
    return CounselorIndexPageFactory(parent=c["root"], body=rich_body(c["target"], c["document"]))


def make_counselor(c):
    if "counselors" not in c:
        c["counselors"] = CounselorIndexPageFactory(parent=c["root"])
        c["languages"] = [LanguageFactory(), LanguageFactory()]
        c["plans"] = [InsurancePlanFactory(), InsurancePlanFactory()]
    return CounselorPageFactory(
        parent=c["counselors"],
        person=PersonFactory(photo=ImageFactory()),
        photo=ImageFactory(),
        topics=c["topics"],
        languages=c["languages"],
        insurance_plans=c["plans"],
        body=rich_body(c["target"], c["document"]),
    )


def make_service_index(c):
    return ServiceIndexPageFactory(parent=c["root"], body=rich_body(c["target"], c["document"]))


def services_index(c):
    if "services" not in c:
        c["services"] = ServiceIndexPageFactory(parent=c["root"])
    return c["services"]


def make_service(c):
    return ServicePageFactory(
        parent=services_index(c), topics=c["topics"], what_to_expect=rich_body(c["target"], c["document"])
    )


def make_fees_page(c):
    # One per services index: each its own index.
    return FeesPageFactory(parent=ServiceIndexPageFactory(parent=c["root"]), body=rich_body(c["target"], c["document"]))


def make_contact(c):
    return ContactPageFactory(parent=c["root"])


def make_appointment(c):
    return AppointmentRequestPageFactory(parent=c["root"])


def make_event_index(c):
    return EventIndexPageFactory(parent=c["root"], body=rich_body(c["target"], c["document"]))


def make_event(c):
    if "events" not in c:
        c["events"] = EventIndexPageFactory(parent=c["root"])
    event = EventPageFactory(
        parent=c["events"],
        image=ImageFactory(),
        topics=c["topics"],
        description=rich_body(c["target"], c["document"]),
    )
    EventDateFactory(page=event)
    EventDateFactory(page=event, start=timezone.now().replace(microsecond=0) + datetime.timedelta(days=14))
    EventLeaderFactory(page=event, person=PersonFactory(photo=ImageFactory()))
    return event


MAKERS = {
    HomePage: make_home,
    StandardPage: make_standard,
    ArticleIndexPage: make_article_index,
    ArticlePage: make_article,
    SupportGroupIndexPage: make_group_index,
    SupportGroupPage: make_group,
    CommunityIndexPage: make_community_index,
    CommunityPage: make_community_page,
    CounselorIndexPage: make_counselor_index,
    CounselorPage: make_counselor,
    ServiceIndexPage: make_service_index,
    ServicePage: make_service,
    FeesPage: make_fees_page,
    ContactPage: make_contact,
    AppointmentRequestPage: make_appointment,
    EventIndexPage: make_event_index,
    EventPage: make_event,
}


def test_every_page_type_is_counted():
    assert set(MAKERS) == {model for model in get_page_models() if model._meta.app_label != "wagtailcore"}


def queries(client, url):
    client.get(url)  # warm: the site's root paths are cached after the first request
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK, response.content
    return len(captured), response.json()["items"]


@pytest.mark.parametrize("model", list(MAKERS), ids=lambda model: model._meta.label)
def test_v2_list_query_count_does_not_grow_with_limit(client, content, model):
    for _ in range(max(LIMITS)):
        MAKERS[model](content)
    counts = {}
    for limit in LIMITS:
        counts[limit], items = queries(client, f"/api/v2/pages/?type={model._meta.label}&fields=*&limit={limit}")
        assert len(items) == limit
    assert counts[2] == counts[20]
    body = str(items)
    assert "linktype" not in body and "error" not in body


def test_v2_images_list_query_count_does_not_grow_with_limit(client, site_root):
    for _ in range(max(LIMITS)):
        ImageFactory()
    counts = {}
    for limit in LIMITS:
        counts[limit], items = queries(client, f"/api/v2/images/?fields=*&limit={limit}")
        assert len(items) == limit and all(item["rendition"]["url"] for item in items)
    assert counts[2] == counts[20]
