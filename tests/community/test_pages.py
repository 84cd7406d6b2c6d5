"""Community pages: where they live, what they show, their structured data and related pages."""

import datetime
import json
import re
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from community.factories import AreaFactory, CommunityIndexPageFactory, CommunityPageFactory, CommunityResourceFactory
from community.models import Area, CommunityIndexPage, CommunityPage, CommunityResource
from home.factories import HomePageFactory, ImageFactory, StandardPageFactory
from home.models import HomePage, StandardPage
from tests.staff import sign_in

pytestmark = pytest.mark.django_db


def json_ld(html):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


@pytest.fixture
def recovery_page(community_index, areas, topics):
    page = CommunityPageFactory(
        parent=community_index,
        title="The recovery community",
        slug="recovery-community",
        intro="Meetings, sober spaces and helplines.",
        area=areas["west"],
        topics=[topics["recovery"], topics["families"]],
    )
    CommunityResourceFactory(
        page=page,
        sort_order=1,
        organization="West Asheville Recovery Clubhouse (demo)",
        offers="A sober place to spend time.",
        phone="(828) 555-0171",
        website="https://www.clubhouse.example.org/about/",
        street_address="702 Haywood Road",
        town="Asheville",
        postal_code="28806",
        hours="Every day, 8am to 10pm",
        cost="Free",
        topics=[topics["recovery"]],
    )
    CommunityResourceFactory(
        page=page,
        sort_order=0,
        organization="SAMHSA National Helpline",
        offers="A free, confidential information line.",
        phone="1-800-662-4357",
        website="https://www.samhsa.gov/",
        street_address="",
        town="",
        postal_code="",
    )
    return page


class TestPageTree(WagtailPageTestCase):
    def test_community_index_lives_under_the_home_page_once(self):
        self.assertAllowedParentPageTypes(CommunityIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CommunityIndexPage, {CommunityPage})
        home = HomePageFactory(parent=Page.get_first_root_node())
        self.assertCanCreateAt(HomePage, CommunityIndexPage)
        CommunityIndexPageFactory(parent=home)
        assert not CommunityIndexPage.can_create_at(home)

    def test_community_pages_live_only_under_the_index_and_have_no_children(self):
        self.assertAllowedParentPageTypes(CommunityPage, {CommunityIndexPage})
        self.assertAllowedSubpageTypes(CommunityPage, set())
        self.assertCanNotCreateAt(HomePage, CommunityPage)
        self.assertCanNotCreateAt(StandardPage, CommunityPage)

    def test_an_editor_can_add_a_community_page_with_resources(self):
        from django.contrib.auth import get_user_model

        from home.factories import TopicFactory

        sign_in(self.client, get_user_model().objects.create_superuser("editor", "e@example.com", "pw"))
        home = HomePageFactory(parent=Page.get_first_root_node())
        index = CommunityIndexPageFactory(parent=home)
        area = AreaFactory(name="Black Mountain", slug="black-mountain")
        topic = TopicFactory(name="Grief and loss", slug="grief")
        data = nested_form_data(
            {
                "title": "Walking through grief",
                "slug": "walking-through-grief",
                "intro": "Gentle walks for people who are grieving.",
                "area": area.pk,
                "body": streamfield([("paragraph", rich_text("<p>Come as you are.</p>"))]),
                "resources": inline_formset(
                    [
                        {
                            "organization": "Lakeside Walkers (demo)",
                            "offers": "A slow walk around the lake.",
                            "phone": "(828) 555-0141",
                            "website": "",
                            "street_address": "",
                            "town": "Black Mountain",
                            "postal_code": "",
                            "hours": "Saturdays at 9am",
                            "cost": "Free",
                        }
                    ]
                ),
                "resources_checked": "2026-11-01",
            }
        )
        # Checkboxes post one value per ticked box under the field's name.
        data["topics"] = [topic.pk]
        data["resources-0-topics"] = [topic.pk]
        self.assertCanCreate(index, CommunityPage, data)
        page = CommunityPage.objects.get(slug="walking-through-grief")
        resource = page.resources.get()
        assert resource.organization == "Lakeside Walkers (demo)"
        assert list(resource.topics.all()) == [topic]
        assert list(page.topics.all()) == [topic]

    def test_pages_are_routable_and_renderable(self):
        home = HomePageFactory(parent=Page.get_first_root_node())
        from wagtail.models import Site

        Site.objects.update(root_page=home)
        index = CommunityIndexPageFactory(parent=home)
        page = CommunityPageFactory(parent=index, resources=2)
        for item in (index, page):
            self.assertPageIsRoutable(item)
            self.assertPageIsRenderable(item)


def test_community_page_shows_intro_area_topics_and_resources(client, recovery_page):
    response = client.get(recovery_page.url)
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert not response.cookies
    assert "<h1>The recovery community</h1>" in html
    assert "Meetings, sober spaces and helplines." in html
    assert "Some text about local life." in html
    # The area's trail, each step a link to the index filtered by it.
    trail = html[html.index('aria-label="Area"') :]
    trail = trail[: trail.index("</nav>")]
    assert re.findall(r'href="/asheville-community/\?area=([\w-]+)"', trail) == [
        "buncombe-county",
        "asheville",
        "west-asheville",
    ]
    assert 'href="/asheville-community/?topic=addiction-recovery"' in html
    # Resources in the editor's order, with a phone link, a short website label and the address.
    assert html.index("SAMHSA National Helpline") < html.index("West Asheville Recovery Clubhouse (demo)")
    assert '<a class="resource__phone" href="tel:+18285550171">(828) 555-0171</a>' in html
    assert 'href="tel:+18006624357"' in html
    assert ">clubhouse.example.org<" in html
    assert "702 Haywood Road<br>Asheville, NC 28806" in html
    assert "Every day, 8am to 10pm" in html


def test_community_page_says_when_resources_were_last_checked(client, recovery_page):
    recovery_page.resources_checked = datetime.date(2026, 11, 1)
    recovery_page.save()
    assert "We last checked these details on November 1, 2026." in client.get(recovery_page.url).content.decode()


def test_community_page_describes_itself_and_its_resources_in_json_ld(client, recovery_page):
    recovery_page.resources_checked = datetime.date(2026, 11, 1)
    recovery_page.save()
    data = json_ld(client.get(recovery_page.url).content.decode())
    assert data["@type"] == "WebPage"
    assert data["lastReviewed"] == "2026-11-01"  # "We last checked these details on …"
    assert data["url"] == "http://localhost/asheville-community/recovery-community/"
    assert [topic["name"] for topic in data["about"]] == ["Addiction and recovery", "Families and caregivers"]
    place = data["spatialCoverage"]
    assert place["name"] == "West Asheville"
    assert place["containedInPlace"]["name"] == "Asheville"
    assert place["containedInPlace"]["containedInPlace"] == {"@type": "Place", "name": "Buncombe County"}
    helpline, clubhouse = data["mentions"]
    assert helpline["@type"] == "Organization" and "address" not in helpline
    assert helpline["telephone"] == "1-800-662-4357"
    assert clubhouse["@type"] == "LocalBusiness"
    assert clubhouse["url"] == "https://www.clubhouse.example.org/about/"
    assert clubhouse["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "702 Haywood Road",
        "addressLocality": "Asheville",
        "addressRegion": "NC",
        "postalCode": "28806",
        "addressCountry": "US",
    }


def test_a_resource_known_by_its_town_alone_gives_no_empty_address_fields():
    """schema.org wants what is known: a town with no street is not `"streetAddress": ""`."""
    resource = CommunityResource(organization="Mountain warmline", offers="Peer support by phone.", town="Asheville")
    assert resource.get_json_ld()["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Asheville",
        "addressRegion": "NC",
        "addressCountry": "US",
    }


def test_related_pages_share_topics_or_the_area_and_exclude_drafts(client, community_index, areas, topics):
    page = CommunityPageFactory(
        parent=community_index, area=areas["west"], topics=[topics["recovery"], topics["families"]]
    )
    both = CommunityPageFactory(
        parent=community_index,
        title="Families in recovery",
        area=areas["weaverville"],
        topics=[topics["recovery"], topics["families"]],
    )
    one = CommunityPageFactory(
        parent=community_index, title="Sober hikes", area=areas["weaverville"], topics=[topics["recovery"]]
    )
    same_area = CommunityPageFactory(
        parent=community_index, title="West Asheville walks", area=areas["west"], topics=[topics["outdoors"]]
    )
    CommunityPageFactory(parent=community_index, title="Unrelated", area=areas["weaverville"], topics=[topics["grief"]])
    draft = CommunityPageFactory(parent=community_index, title="Draft", area=areas["west"], topics=[topics["recovery"]])
    draft.unpublish()

    assert page.related_pages() == [both, one, same_area]
    html = client.get(page.url).content.decode()
    related = html[html.index("More around Asheville") :]
    assert "Families in recovery" in related and "Unrelated" not in related and "Draft" not in related


def test_no_related_section_when_nothing_is_related(client, community_index, areas, topics):
    page = CommunityPageFactory(parent=community_index, area=areas["west"], topics=[topics["grief"]])
    CommunityPageFactory(parent=community_index, area=areas["weaverville"], topics=[topics["outdoors"]])
    assert "More around Asheville" not in client.get(page.url).content.decode()


def test_topic_ids_are_ready_for_the_related_groups_and_articles_tags(recovery_page, topics):
    assert sorted(recovery_page.topic_ids) == sorted([topics["recovery"].pk, topics["families"].pk])


def test_community_page_query_count_does_not_grow_with_its_resources(client, community_index, areas, topics):
    pages = {}
    for count in (2, 12):
        page = CommunityPageFactory(parent=community_index, area=areas["west"], topics=[topics["grief"]])
        for _ in range(count):
            CommunityResourceFactory(page=page, topics=[topics["grief"], topics["outdoors"]])
        pages[count] = page
    # Warm caches (site root paths, settings); the first request may create the practice details,
    # which makes what it cached stale (home/content_version.py), so a second one.
    client.get(pages[2].url)
    client.get(pages[2].url)
    counts = {}
    for count, page in pages.items():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page.url).status_code == HTTPStatus.OK
        counts[count] = len(queries)
    assert counts[2] == counts[12]


def test_preview_of_a_draft_with_resources_renders(community_index, areas, topics):
    page = CommunityPageFactory(parent=community_index, area=areas["west"], topics=[topics["grief"]])
    draft = page.get_latest_revision_as_object()
    draft.intro = "A draft intro, not yet published."
    resource = CommunityResource(organization="New resource (demo)", offers="Fresh.", phone="(828) 555-0100")
    resource.topics = [topics["outdoors"]]
    draft.resources = [resource]
    revision = draft.save_revision()
    preview = revision.as_object()
    response = preview.make_preview_request()
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "A draft intro, not yet published." in html
    assert "New resource (demo)" in html and "Mindfulness and the outdoors" in html
    # The live page is unchanged until the draft is published.
    assert "New resource (demo)" not in str(CommunityPage.objects.get(pk=page.pk).resources.all())


def test_private_and_draft_community_pages_are_not_shown(client, community_index, areas):
    draft = CommunityPageFactory(parent=community_index, area=areas["west"])
    draft.unpublish()
    private = CommunityPageFactory(parent=community_index, area=areas["west"], intro="Secret intro.")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert client.get(draft.url or "/asheville-community/x/").status_code == HTTPStatus.NOT_FOUND
    assert "Secret intro." not in client.get(private.url).content.decode()


def test_community_pages_are_found_by_their_resources_in_search(client, recovery_page):
    recovery_page.save_revision().publish()  # as an editor would, with the resources in the form
    html = client.get("/search/", {"query": "Clubhouse"}).content.decode()
    assert "The recovery community" in html


class TestResourceValidation:
    def test_a_resource_needs_a_way_to_reach_it(self):
        resource = CommunityResource(organization="Nobody", offers="Something.")
        with pytest.raises(ValidationError) as error:
            resource.clean()
        assert "at least one way to reach them" in str(error.value)

    @pytest.mark.parametrize("phone", ["call us", "12"])
    def test_a_phone_number_must_be_dialable(self, phone):
        resource = CommunityResource(organization="Line", offers="Talk.", phone=phone)
        with pytest.raises(ValidationError):
            resource.clean()

    @pytest.mark.parametrize("phone", ["988", "(828) 555-0123", "1-800-662-4357"])
    def test_real_phone_numbers_are_accepted(self, phone):
        CommunityResource(organization="Line", offers="Talk.", phone=phone).clean()

    def test_website_label_is_the_bare_host(self):
        assert CommunityResource(website="https://www.nps.gov/blri/").website_label == "nps.gov"


class TestAreas:
    def test_slug_comes_from_the_name_and_full_name_reads_outwards(self, areas):
        area = Area.objects.create(name="Haw Creek", parent=areas["asheville"])
        assert area.slug == "haw-creek"
        assert str(area) == "Haw Creek, Asheville, Buncombe County"

    def test_an_area_cannot_be_inside_itself(self, areas):
        county = areas["county"]
        county.parent = areas["west"]
        with pytest.raises(ValidationError) as error:
            county.clean()
        assert "cannot be part of itself" in str(error.value)

    def test_areas_nest_at_most_four_deep(self, areas):
        street = AreaFactory(name="Haywood Road", slug="haywood-road", parent=areas["west"])
        corner = Area(name="A corner", slug="a-corner", parent=street)
        with pytest.raises(ValidationError):
            corner.clean()
        Area(name="Fine", slug="fine", parent=areas["west"]).clean()

    def test_areas_are_edited_as_snippets(self, admin_client, areas):
        html = admin_client.get("/admin/snippets/community/area/").content.decode()
        assert "West Asheville" in html and "Asheville, Buncombe County" in html


@pytest.fixture
def admin_client(client, db):
    from django.contrib.auth import get_user_model

    sign_in(client, get_user_model().objects.create_superuser("boss", "boss@example.com", "pw"))
    return client


def test_admin_edit_views_open_for_each_community_page_type(admin_client, recovery_page):
    for page in (recovery_page.get_parent(), recovery_page):
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == HTTPStatus.OK, page


def test_home_page_shows_the_latest_community_pages(client, community_index, areas, site_root, practice):
    image = ImageFactory(description="Ridges at dawn")
    for number in range(4):
        CommunityPageFactory(parent=community_index, title=f"Community page {number}", area=areas["west"], image=image)
    html = client.get("/").content.decode()
    section = html[html.index('id="community-highlights-heading"') :]
    section = section[: section.index("</section>")]
    assert section.count('class="card community-card"') == 3
    assert "Community page 3" in section and "Community page 0" not in section
    assert 'href="/asheville-community/"' in section
    assert 'alt=""' in section and 'width="' in section and 'loading="lazy"' in section


def test_home_page_has_no_community_section_without_pages(client, community_index, site_root, practice):
    StandardPageFactory(parent=site_root, slug="about")
    assert "community-highlights" not in client.get("/").content.decode()


def test_community_highlights_query_count_is_fixed(client, community_index, areas, site_root, practice):
    image = ImageFactory(description="Ridges at dawn")
    counts = []
    for total in (10, 100):
        while CommunityPage.objects.count() < total:
            CommunityPageFactory(parent=community_index, area=areas["west"], image=image)
        client.get("/")
        with CaptureQueriesContext(connection) as queries:
            client.get("/")
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_an_editor_can_preview_a_new_community_page_with_resources(admin_client, community_index, areas, topics):
    data = nested_form_data(
        {
            "title": "New page",
            "slug": "new-page",
            "intro": "An intro not yet saved.",
            "area": areas["black-mountain"].pk,
            "body": streamfield([("paragraph", rich_text("<p>Body.</p>"))]),
            "resources": inline_formset([{"organization": "Lake Walkers (demo)", "offers": "Walks.", "phone": "988"}]),
        }
    )
    data["topics"] = [topics["grief"].pk]
    data["resources-0-topics"] = [topics["outdoors"].pk]
    url = f"/admin/pages/add/community/communitypage/{community_index.pk}/preview/"
    assert admin_client.post(url, data).json() == {"is_valid": True, "is_available": True}
    html = admin_client.get(url).content.decode()
    assert "An intro not yet saved." in html and "Lake Walkers (demo)" in html
    assert "Mindfulness and the outdoors" in html and 'href="tel:988"' in html
