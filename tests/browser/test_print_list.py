"""The finder's printable list in Chromium: reached from the finder with its filters, axe-clean, its button
prints, and the demo site's groups come out on one sheet of A4 and of Letter.

Pages are counted in the PDF Chromium makes (`page.pdf`, print media): its page objects are
written out plainly, one `/Type /Page` each.
"""

import re

import pytest
from playwright.sync_api import expect

from groups.models import SupportGroupIndexPage, SupportGroupPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
# Stands in for the browser's print dialog, which a headless browser does not open.
COUNT_PRINTS = "window.__printed = 0; window.print = () => { window.__printed += 1; };"


@pytest.fixture
def demo(committed_demo):
    return SupportGroupIndexPage.objects.get()


def pages_in(pdf):
    return len(PAGE_OBJECT.findall(pdf))


def test_from_the_finder_to_the_list_with_its_filters_and_a_print_button(
    page, live_server, demo, axe_check, offsite_requests
):
    page.add_init_script(COUNT_PRINTS)
    page.goto(f"{live_server.url}{demo.url}?topic=grief")
    page.get_by_role("link", name="Print this list").click()
    page.wait_for_url("**/support-groups/print/?topic=grief")
    expect(page.get_by_role("heading", level=1)).to_have_text("Support groups: Grief and loss")
    expect(page.locator("#print-crisis-heading")).to_have_text("Need help now?")
    axe_check(page)

    button = page.get_by_role("button", name="Print this list")
    expect(button).to_be_visible()
    button.click()
    assert page.evaluate("window.__printed") == 1
    assert offsite_requests == []


def test_the_demo_groups_print_on_one_sheet_of_a4_and_letter(browser, live_server, demo, axe_check):
    assert SupportGroupPage.objects.live().count() <= demo.print_limit  # all of them on the sheet
    # Printed from a desktop browser, as staff print for a waiting room.
    page = browser.new_context().new_page()
    page.goto(f"{live_server.url}{demo.url}print/")
    page.emulate_media(media="print")
    expect(page.locator(".print-list-bar")).to_be_hidden()
    expect(page.locator(".crisis-bar")).to_be_hidden()
    expect(page.locator(".print-group")).to_have_count(SupportGroupPage.objects.live().count())
    expect(page.locator(".print-crisis")).to_be_visible()
    axe_check(page)
    for paper in ("A4", "Letter"):
        assert pages_in(page.pdf(format=paper)) == 1, paper


def test_the_finder_prints_without_its_form_and_pictures(page, live_server, demo):
    page.goto(f"{live_server.url}{demo.url}")
    page.emulate_media(media="print")
    expect(page.locator(".finder-form")).to_be_hidden()
    expect(page.locator(".finder-results__print")).to_be_hidden()
    expect(page.locator(".card__image").first).to_be_hidden()
    expect(page.locator(".group-card").first).to_be_visible()
