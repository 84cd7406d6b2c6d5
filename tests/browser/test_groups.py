"""On a phone: find a group in the finder, ask to join on its join page, be thanked; axe-core on every step.

And what visitors tripped over (issue 14): results and errors out of sight on a phone, a "More
choices" that did not look like it opens, a row of selects out of line on a desktop.
"""

import datetime
import re

import pytest
from playwright.sync_api import expect

from groups.choices import Cost, MeetingFormat
from groups.factories import MeetingRuleFactory, SupportGroupIndexPageFactory, SupportGroupPageFactory, VenueFactory
from groups.models import JoinRequest
from groups.schedule import now_local
from home.factories import ImageFactory, StandardPageFactory, TopicFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def groups(site_root, practice):
    practice.privacy_page = StandardPageFactory(parent=site_root, slug="privacy", title="Privacy")
    practice.save()
    finder = SupportGroupIndexPageFactory(parent=site_root, slug="support-groups", show_in_menus=True)
    grief = TopicFactory(name="Grief and loss", slug="grief")
    anxiety = TopicFactory(name="Anxiety", slug="anxiety")
    start = now_local().date() - datetime.timedelta(days=30)
    tuesday = SupportGroupPageFactory(
        parent=finder,
        title="Tuesday evening grief circle",
        slug="tuesday-grief",
        topics=[grief],
        image=ImageFactory(description="Purple ridges at dusk"),
        venue=VenueFactory(name="Laurel Room (demo venue)", locality="Asheville"),
        cost=Cost.FREE,
        capacity=10,
    )
    MeetingRuleFactory(page=tuesday, weekday=1, start_time=datetime.time(18, 30), first_date=start)
    online = SupportGroupPageFactory(
        parent=finder,
        title="Anxiety skills online",
        slug="anxiety-online",
        topics=[anxiety],
        meeting_format=MeetingFormat.ONLINE,
        venue=None,
        online_platform="Zoom",
    )
    MeetingRuleFactory(
        page=online, weekday=2, start_time=datetime.time(12), end_time=datetime.time(13), first_date=start
    )
    return {"finder": finder, "tuesday": tuesday}


def test_find_a_group_and_ask_to_join_on_a_phone(page, live_server, groups, axe_check, offsite_requests):
    page.goto(live_server.url + "/support-groups/")
    axe_check(page)

    page.get_by_label("Topic").select_option("grief")
    page.get_by_label("Day", exact=True).select_option("tuesday")
    page.get_by_label("Time of day").select_option("evening")
    page.get_by_role("button", name="Show groups").click()
    page.wait_for_url("**/support-groups/?*")
    assert "topic=grief" in page.url and "day=tuesday" in page.url and "time_of_day=evening" in page.url
    assert page.get_by_role("heading", name="1 group for").is_visible()
    axe_check(page)

    page.get_by_role("link", name="Tuesday evening grief circle").click()
    page.wait_for_url("**/support-groups/tuesday-grief/")
    assert page.get_by_role("heading", name="Next meetings").is_visible()
    axe_check(page)

    page.get_by_role("link", name="Ask to join this group").first.click()
    page.wait_for_url("**/support-groups/tuesday-grief/join/")
    assert page.get_by_role("heading", name="Ask to join Tuesday evening grief circle", level=1).is_visible()
    axe_check(page)
    page.get_by_label("Your name").fill("Robin")
    page.get_by_label("Email", exact=True).check()
    page.get_by_label("Email address").fill("robin@example.org")
    page.get_by_label("No, please do not leave a message").check()
    page.get_by_label("I agree that").check()
    page.get_by_role("button", name="Send my request").click()

    page.wait_for_url(re.compile(r".*/tuesday-grief/thank-you/$"))
    assert page.get_by_role("heading", name="Thank you: we have your request").is_visible()
    assert page.get_by_role("heading", name="What happens next").is_visible()
    axe_check(page)
    assert JoinRequest.objects.get().name == "Robin"
    assert offsite_requests == []


def test_form_errors_are_announced_and_accessible(page, live_server, groups, axe_check):
    page.goto(live_server.url + "/support-groups/tuesday-grief/join/")
    page.get_by_label("Your name").fill("Robin")
    page.get_by_label("Phone call").check()
    page.get_by_role("button", name="Send my request").click()
    expect(page.get_by_text("You asked us to call you: please enter your phone number.", exact=True)).to_be_visible()
    assert page.get_by_label("Phone number").get_attribute("aria-invalid") == "true"
    axe_check(page)
    assert JoinRequest.objects.count() == 0


@pytest.mark.parametrize("query", ["?audience=veterans&day=sunday", "?day=funday&free=maybe", "?page=2"])
def test_finder_states_have_no_accessibility_violations(page, live_server, groups, axe_check, query):
    response = page.goto(live_server.url + "/support-groups/" + query)
    assert response.status == 200
    axe_check(page)


def test_finder_works_without_javascript(browser, live_server, groups):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server.url + "/support-groups/")
    page.get_by_label("Format").select_option("online")
    page.get_by_role("button", name="Show groups").click()
    page.wait_for_url("**meeting_format=online*")
    assert page.get_by_role("link", name="Anxiety skills online").is_visible()
    assert page.get_by_role("link", name="Tuesday evening grief circle").count() == 0
    context.close()


PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1366, "height": 900}}


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_show_groups_lands_on_the_results_count_on_a_phone(browser, live_server, groups, javascript):
    context = browser.new_context(java_script_enabled=javascript, **PHONE)
    page = context.new_page()
    page.goto(live_server.url + "/support-groups/")
    count = page.get_by_role("heading", name=re.compile(r"^\d+ groups?\b|^No groups match"))
    expect(count).not_to_be_in_viewport()  # below the form: what visitors missed

    page.get_by_label("Topic").select_option("grief")
    page.get_by_role("button", name="Show groups").click()
    page.wait_for_url("**/support-groups/?*topic=grief*")

    expect(count).to_have_text(re.compile(r"^\s*1 group for"))
    expect(count).to_be_in_viewport()
    expect(count).to_be_focused()
    # The next Tab goes on from the results, not from the top of the page.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Tuesday evening grief circle")).to_be_focused()
    context.close()


def test_more_choices_shows_it_opens_and_whether_it_is_open(page, live_server, groups):
    page.goto(live_server.url + "/support-groups/")
    summary = page.locator("summary", has_text="More choices")
    audience = page.get_by_label("Who it is for")
    expect(audience).to_be_hidden()
    summary.focus()
    # Screenshots with the marker's turn finished (animations="disabled" ends transitions).
    closed = summary.screenshot(animations="disabled")
    text_left = summary.evaluate(
        "el => { const r = document.createRange(); r.selectNodeContents(el); return r.getBoundingClientRect().left }"
    )
    # Something is drawn before the words: the marker.
    assert text_left - summary.bounding_box()["x"] >= 12

    page.keyboard.press("Enter")
    expect(audience).to_be_visible()
    # The words are the same: only the marker changed, to say it is open now.
    assert summary.screenshot(animations="disabled") != closed
    page.keyboard.press("Enter")
    expect(audience).to_be_hidden()
    assert summary.screenshot(animations="disabled") == closed


def test_the_finder_selects_line_up_on_a_desktop(browser, live_server, groups):
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    page.goto(live_server.url + "/support-groups/")
    selects = [page.get_by_label(label, exact=True) for label in ("Topic", "Day", "Time of day", "Format")]
    tops = {round(select.bounding_box()["y"]) for select in selects}
    assert len(tops) == 1, tops
    # Format's hint is still shown, and still read out with it.
    hint = page.get_by_text("Hybrid groups show up under both.")
    expect(hint).to_be_visible()
    expect(selects[3]).to_have_accessible_description("Hybrid groups show up under both.")
    context.close()


def test_join_form_errors_are_in_view_and_focused_on_a_phone(page, live_server, groups):
    page.goto(live_server.url + "/support-groups/tuesday-grief/join/")
    page.get_by_label("Your name").fill("Robin")
    page.get_by_role("button", name="Send my request").click()

    summary = page.get_by_role("alert").filter(has_text="Please check 3 things in the form")
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    links = summary.get_by_role("link")
    expect(links).to_have_text(
        [
            re.compile("^How should we contact you"),
            re.compile("^Is it safe to leave you a message"),
            re.compile("^Consent: Please tick the box"),
        ]
    )
    fields = {
        "How should we contact you": page.get_by_label("Email", exact=True),
        "Is it safe to leave you a message": page.get_by_label("Yes, you can leave a message"),
        "Consent": page.get_by_label("I agree that"),
    }
    for start, field in fields.items():
        summary.get_by_role("link", name=re.compile(f"^{start}")).click()
        expect(field).to_be_focused()
        expect(field).to_be_in_viewport()
        summary.scroll_into_view_if_needed()
    assert JoinRequest.objects.count() == 0
