"""The community pages, Get help now and the contact page in a real browser: axe-core, no third parties,
sending a message."""

import pytest
from playwright.sync_api import expect
from wagtail.contrib.forms.models import FormSubmission

from community.choices import CrisisKind
from community.factories import (
    AreaFactory,
    CommunityIndexPageFactory,
    CommunityPageFactory,
    CommunityResourceFactory,
    CrisisResourceFactory,
)
from home.factories import ContactPageFactory, ImageFactory, StandardPageFactory, TopicFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def site(site_root, practice):
    privacy = StandardPageFactory(parent=site_root, slug="privacy", title="Privacy")
    practice.privacy_page = privacy
    practice.get_help_page = StandardPageFactory(parent=site_root, slug="get-help-now", title="Get help now")
    practice.save()
    county = AreaFactory(name="Buncombe County", slug="buncombe-county")
    asheville = AreaFactory(name="Asheville", slug="asheville", parent=county)
    west = AreaFactory(name="West Asheville", slug="west-asheville", parent=asheville)
    CrisisResourceFactory(area=county, name="County crisis line (demo)", website="https://crisis.example.org/")
    CrisisResourceFactory(
        area=asheville,
        kind=CrisisKind.WALK_IN,
        name="Walk-in center (demo)",
        street_address="40 Riverbend Way",
        town="Asheville",
        postal_code="28801",
    )
    recovery = TopicFactory(name="Addiction and recovery", slug="addiction-recovery")
    families = TopicFactory(name="Families and caregivers", slug="families-caregivers")
    image = ImageFactory(description="Grey ridges with mist lifting from the valleys")
    index = CommunityIndexPageFactory(
        parent=site_root, title="Asheville community", slug="asheville-community", show_in_menus=True
    )
    page = CommunityPageFactory(
        parent=index,
        title="The recovery community",
        slug="recovery-community",
        area=west,
        image=image,
        topics=[recovery, families],
    )
    CommunityResourceFactory(page=page, organization="Recovery Clubhouse (demo)", topics=[recovery])
    CommunityResourceFactory(page=page, organization="SAMHSA National Helpline", street_address="", topics=[])
    CommunityPageFactory(parent=index, title="Families together", area=asheville, image=image, topics=[families])
    contact = ContactPageFactory(parent=site_root, title="Contact us", slug="contact", show_in_menus=True)
    return {"index": index, "page": page, "contact": contact}


@pytest.mark.parametrize(
    "path",
    [
        "/asheville-community/",
        "/asheville-community/?area=asheville&topic=families-caregivers",
        "/asheville-community/?area=nowhere",
        "/asheville-community/recovery-community/",
        "/get-help-now/",
        "/contact/",
        "/contact/thank-you/",  # the thank-you address reached without sending: a pointer to the form
        "/",
    ],
)
def test_pages_have_no_accessibility_violations(page, live_server, site, axe_check, offsite_requests, path):
    response = page.goto(live_server.url + path)
    assert response.status == 200
    axe_check(page)
    assert offsite_requests == []


@pytest.mark.parametrize("path", ["/asheville-community/recovery-community/", "/get-help-now/"])
def test_local_crisis_help_is_one_tap_from_a_phone(page, live_server, site, path):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + path)
    section = page.get_by_role("region", name="Crisis help around here" if "community" in path else "Local crisis help")
    line = section.get_by_role("link", name="(828) 555-01", exact=False).first
    expect(line).to_be_visible()
    assert line.get_attribute("href").startswith("tel:+1828555")
    box = line.bounding_box()
    assert box["height"] >= 24 and box["x"] + box["width"] <= 360  # a target a thumb can hit, on the screen


def test_contact_form_with_errors_has_no_accessibility_violations(page, live_server, site, axe_check):
    page.goto(live_server.url + "/contact/")
    page.get_by_label("Email address").fill("not an email")
    page.get_by_role("button", name="Send message").click()
    # The form posts back to the same address: wait for the answer, not for a new URL.
    expect(page.get_by_role("alert").get_by_text("Please check 5 things in the form")).to_be_visible()
    assert page.get_by_label("Email address").get_attribute("aria-invalid") == "true"
    # Focus starts on the summary, so a screen reader reads it first.
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    axe_check(page)
    # The summary's links take the visitor to the field.
    page.get_by_role("link", name="Email address: Enter a valid email address.").click()
    assert page.evaluate("location.hash") == "#id_email"
    page.get_by_role("link", name="How should we contact you?: Please choose how we should contact you.").click()
    assert page.evaluate("location.hash") == "#id_contact_method_0"


def test_a_visitor_sends_a_message_and_sees_the_thank_you_page(
    page, live_server, site, axe_check, offsite_requests, mailoutbox
):
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="Menu").click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Contact us").click()
    page.get_by_label("Your name").fill("Robin")
    page.get_by_label("Message", exact=True).fill("Could I join the Tuesday family group? zq-browser-marker")
    page.get_by_label("Evening").check()
    page.get_by_label("Email", exact=True).check()
    page.get_by_label("Email address").fill("robin@example.com")
    page.get_by_label("Yes, you can leave a message").check()
    page.get_by_role("button", name="Send message").click()

    page.wait_for_url("**/contact/thank-you/?receipt=*")
    expect(page.get_by_role("heading", level=1, name="Thank you, your message has reached us")).to_be_visible()
    assert page.get_by_text("We reply within one working day, Monday to Friday.").is_visible()
    assert page.get_by_role("link", name="crisis bar at the top of every page").is_visible()
    assert "zq-browser-marker" not in page.content()
    axe_check(page)
    assert offsite_requests == []

    submission = FormSubmission.objects.get()
    assert submission.form_data["message"].endswith("zq-browser-marker")
    assert submission.form_data["preferred_contact_time"] == "Evening"
    assert len(mailoutbox) == 1 and "zq-browser-marker" not in mailoutbox[0].body


def test_on_a_phone_a_visitor_asks_for_a_text_and_a_reload_sends_nothing_again(
    page, live_server, site, axe_check, offsite_requests, mailoutbox
):
    page.goto(live_server.url + "/contact/")
    assert page.viewport_size["width"] <= 400
    page.get_by_label("Your name").fill("Kim")
    page.get_by_label("Message", exact=True).fill("Is there a group for new parents?")
    page.get_by_label("Text message").check()
    page.get_by_label("Phone number").fill("828 555 0100")
    page.get_by_label("No, please do not leave a message").check()
    axe_check(page)
    page.get_by_role("button", name="Send message").click()

    # Post/redirect/get: the thank-you page is an address of its own, reached by a redirect.
    page.wait_for_url("**/contact/thank-you/?receipt=*")
    heading = page.get_by_role("heading", level=1, name="Thank you, your message has reached us")
    expect(heading).to_be_visible()
    assert "0100" not in page.locator("main").inner_text() and "Kim" not in page.content()
    axe_check(page)
    page.reload()
    expect(heading).to_be_visible()
    assert FormSubmission.objects.count() == 1
    submission = FormSubmission.objects.get()
    assert (submission.form_data["contact_method"], submission.form_data["phone"]) == ("text", "(828) 555-0100")
    assert submission.form_data["ok_to_leave_message"] is False
    assert len(mailoutbox) == 1
    assert offsite_requests == []


def test_the_area_filter_works_without_javascript(browser, live_server, site):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server.url + "/asheville-community/")
    page.get_by_label("Area", exact=True).select_option("west-asheville")
    page.get_by_role("button", name="Show pages").click()
    page.wait_for_url("**/asheville-community/?*area=west-asheville*")
    titles = page.locator(".card__title").all_inner_texts()
    assert titles == ["The recovery community"]
    context.close()
