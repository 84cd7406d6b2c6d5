"""axe-core in a real browser: zero WCAG 2.2 AA violations, and nothing loaded from other hosts."""

import datetime

import pytest

from groups.factories import MeetingRuleFactory, SupportGroupIndexPageFactory, SupportGroupPageFactory
from groups.schedule import now_local
from home.factories import ImageFactory, StandardPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def pages(site_root, practice):
    image = ImageFactory(description="Blue ridges under a morning sky")
    site_root.hero_image = image
    site_root.hero_text = "Support groups across the Blue Ridge."
    site_root.save_revision().publish()
    about = StandardPageFactory(
        parent=site_root,
        slug="about",
        title="About us",
        show_in_menus=True,
        body=[
            {"type": "heading", "value": {"text": "How we work", "size": "h2"}},
            {"type": "paragraph", "value": "<p>We listen first. <a href='https://example.com/'>A link</a>.</p>"},
            {
                "type": "image",
                "value": {"image": {"image": image.pk, "alt_text": "", "decorative": False}, "caption": "Fog"},
            },
            {"type": "quote", "value": {"quote": "Nobody rushed me.", "attribution": "A member"}},
            {
                "type": "call_to_action",
                "value": {
                    "heading": "Talk to us",
                    "text": "We reply in a day.",
                    "button_label": "Contact us",
                    "page": None,
                    "url": "https://example.com/",
                },
            },
            {
                "type": "embed",
                "value": {"embed": "https://www.youtube.com/watch?v=demo", "title": "A breathing exercise"},
            },
        ],
    )
    finder = SupportGroupIndexPageFactory(parent=site_root, slug="support-groups")
    group = SupportGroupPageFactory(parent=finder, title="Quiet morning group", slug="quiet-morning")
    MeetingRuleFactory(page=group, weekday=3, first_date=now_local().date() - datetime.timedelta(days=7))
    return {"about": about, "group": group}


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/about/",
        "/search/?query=about",
        "/search/?query=nothing-matches",
        "/no-such-page/",
        "/support-groups/quiet-morning/",
        "/support-groups/quiet-morning/join/",
    ],
)
def test_page_has_no_accessibility_violations(page, live_server, pages, axe_check, offsite_requests, path):
    response = page.goto(live_server.url + path)
    assert response.status in {200, 404}
    axe_check(page)
    assert offsite_requests == []


def test_skip_link_moves_focus_to_the_content(page, live_server, pages):
    page.goto(live_server.url + "/about/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_embed_loads_the_player_only_when_asked(page, live_server, pages, offsite_requests):
    page.goto(live_server.url + "/about/")
    assert page.locator("iframe").count() == 0
    page.get_by_role("button", name="Play here").click()
    assert page.locator("iframe").count() == 1


def test_the_menu_folds_behind_a_button_on_a_phone(page, live_server, pages, axe_check):
    page.goto(live_server.url + "/")
    toggle = page.get_by_role("button", name="Menu")
    about = page.get_by_role("navigation", name="Main").get_by_role("link", name="About us")
    assert toggle.is_visible() and not about.is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and about.is_visible()
    axe_check(page)
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false" and not about.is_visible()


def test_the_menu_shows_in_full_without_javascript(browser, live_server, pages):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server.url + "/")
    assert page.get_by_role("navigation", name="Main").get_by_role("link", name="About us").is_visible()
    assert not page.get_by_role("button", name="Menu").is_visible()
    context.close()


def test_the_menu_is_a_plain_row_of_links_on_a_desktop(browser, live_server, pages):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(live_server.url + "/")
    assert page.get_by_role("navigation", name="Main").get_by_role("link", name="About us").is_visible()
    assert not page.get_by_role("button", name="Menu").is_visible()
    context.close()
