"""Rendering of the home page and standard pages, and the frame every page shares."""

import json
import re
from http import HTTPStatus

import pytest
from wagtail.models import PageViewRestriction

from home.factories import ContactPageFactory, ImageFactory, StandardPageFactory
from tests.schemaorg import json_ld_blocks, vocabulary

pytestmark = pytest.mark.django_db


def test_home_page_renders_hero_and_call_to_action(client, site_root, practice):
    about = StandardPageFactory(parent=site_root, title="About us", slug="about")
    site_root.hero_text = "Support groups across the Blue Ridge."
    site_root.cta_page = about
    site_root.cta_label = "Take the first step"
    site_root.save_revision().publish()

    response = client.get("/")

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "You don&#x27;t have to carry it alone" in html
    assert "Support groups across the Blue Ridge." in html
    assert re.search(r'<a class="button button--primary" href="/about/">Take the first step</a>', html)


def test_every_page_has_crisis_help_skip_link_and_contact_details(client, site_root, practice):
    page = StandardPageFactory(parent=site_root, slug="about")
    for url in ["/", page.url, "/search/?query=help", "/no-such-page/"]:
        html = client.get(url).content.decode()
        assert 'class="skip-link" href="#main"' in html, url
        assert 'href="tel:988"' in html and 'href="sms:988"' in html, url
        assert 'href="tel:911"' in html, url
        assert "(828) 555-0142" in html and 'href="tel:+18285550142"' in html, url


def test_the_get_help_page_gives_the_local_crisis_line_that_a_phones_crisis_bar_leaves_out(client, site_root, practice):
    get_help = StandardPageFactory(parent=site_root, title="Get help now", slug="get-help-now")
    other = StandardPageFactory(parent=site_root, slug="about")
    practice.get_help_page = get_help
    practice.mobile_crisis_name = "Mobile crisis team"
    practice.mobile_crisis_phone = "(828) 555-0199"
    practice.save()

    html = client.get(get_help.url).content.decode()
    assert re.search(r'<p class="callout">Mobile crisis team, who can come to you: <a href="tel:\+18285550199">', html)
    assert 'class="callout"' not in client.get(other.url).content.decode()


def test_without_a_live_get_help_page_the_crisis_bar_keeps_the_local_line_on_a_phone(client, site_root, practice):
    practice.mobile_crisis_name = "Mobile crisis team"
    practice.mobile_crisis_phone = "(828) 555-0199"
    practice.save()
    kept = 'class="crisis-bar__local crisis-bar__local--kept"'

    html = client.get("/").content.decode()  # no Get help now page chosen
    assert kept in html and "More ways to get help" not in html

    practice.get_help_page = StandardPageFactory(parent=site_root, title="Get help now", slug="get-help-now")
    practice.save()
    html = client.get("/").content.decode()
    assert kept not in html and 'class="crisis-bar__local"' in html and "More ways to get help" in html

    practice.get_help_page.unpublish()
    html = client.get("/").content.decode()
    assert kept in html and "More ways to get help" not in html


def test_main_menu_lists_live_pages_marked_show_in_menus(client, site_root, practice):
    StandardPageFactory(parent=site_root, title="About us", slug="about", show_in_menus=True)
    StandardPageFactory(parent=site_root, title="Privacy", slug="privacy", show_in_menus=False)
    draft = StandardPageFactory(parent=site_root, title="Unpublished", slug="draft", show_in_menus=True)
    draft.unpublish()

    html = client.get("/about/").content.decode()
    nav = html[html.index('aria-label="Main"') :]
    nav = nav[: nav.index("</nav>")]
    assert 'href="/about/" aria-current="page">About us' in nav
    assert "Privacy" not in nav
    assert "Unpublished" not in nav


def test_standard_page_renders_its_blocks(client, site_root):
    image = ImageFactory(description="Mist over the ridges")
    page = StandardPageFactory(
        parent=site_root,
        slug="about",
        body=[
            {"type": "heading", "value": {"text": "How we work", "size": "h2"}},
            {"type": "paragraph", "value": "<p>We listen first.</p>"},
            {
                "type": "image",
                "value": {"image": {"image": image.pk, "alt_text": "", "decorative": False}, "caption": "Fog"},
            },
            {"type": "quote", "value": {"quote": "Nobody rushed me.", "attribution": "A member"}},
        ],
    )
    html = client.get(page.url).content.decode()
    assert "<h2>How we work</h2>" in html
    assert "<p>We listen first.</p>" in html
    assert 'alt="Mist over the ridges"' in html  # the image's own description when none is given
    assert 'loading="lazy"' in html and "srcset=" in html and 'type="image/webp"' in html
    assert "<figcaption" in html and "Nobody rushed me." in html


def test_page_has_canonical_open_graph_and_description(client, site_root):
    page = StandardPageFactory(parent=site_root, slug="about", title="About us", intro="Who we are.")
    html = client.get(page.url).content.decode()
    assert '<link rel="canonical" href="http://localhost/about/">' in html
    assert '<meta property="og:title" content="About us">' in html
    assert '<meta name="description" content="Who we are.">' in html
    assert "<title>About us | Resilient Mind Counseling</title>" in html


def test_home_page_describes_the_practice_in_json_ld(client, site_root, practice):
    html = client.get("/").content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "MedicalClinic"
    assert data["name"] == "Resilient Mind Counseling"
    assert data["telephone"] == "(828) 555-0142"
    assert data["address"]["addressLocality"] == "Asheville"


def test_the_medical_specialty_sits_on_the_medical_clinic(client, site_root, practice):
    """schema.org's medicalSpecialty belongs to MedicalOrganization (a MedicalClinic is one), not MedicalBusiness."""
    contact = ContactPageFactory(parent=site_root, title="Contact us", slug="contact")
    home = json_ld_blocks(client.get("/").content.decode())[0]
    about_us = json_ld_blocks(client.get(contact.url).content.decode())[0]["mainEntity"]
    for clinic in (home, about_us):
        assert clinic["@type"] == "MedicalClinic"
        assert clinic["medicalSpecialty"] == "https://schema.org/Psychiatric"
    vocab = vocabulary()
    domains, ranges = vocab.properties["medicalSpecialty"]
    assert "MedicalOrganization" in domains and "MedicalOrganization" in vocab.ancestors("MedicalClinic")
    assert "MedicalSpecialty" in ranges and "MedicalSpecialty" in vocab.members["Psychiatric"]


def test_private_pages_ask_for_a_password_or_login(client, site_root):
    page = StandardPageFactory(parent=site_root, slug="staff-only")
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="secret")
    response = client.get(page.url)
    assert response.status_code == HTTPStatus.OK
    assert "password" in response.content.decode().lower()
    assert "Some text for the page." not in response.content.decode()


def test_pages_load_nothing_from_other_hosts(client, site_root, practice):
    page = StandardPageFactory(parent=site_root, slug="about")
    for url in ["/", page.url, "/search/?query=a"]:
        html = client.get(url).content.decode()
        for attribute in re.findall(r'\s(?:src|srcset)="([^"]+)"', html) + re.findall(
            r'<link[^>]+href="([^"]+)"', html
        ):
            assert not re.match(r"(https?:)?//(?!localhost|testserver)", attribute), (url, attribute)
