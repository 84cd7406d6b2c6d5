"""The demo site's layout on a phone (390x844) and a laptop (1366x900), measured in Chromium (issue 14).

What a visitor sees: sections in line with the page, cards that fill the width and line up,
breadcrumbs on one line, and a crisis bar that keeps every action one tap away without taking
the phone's first screen.
"""

import pytest
from playwright.sync_api import expect

from groups.models import SupportGroupPage
from groups.templatetags.groups_tags import groups_meeting_soonest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1366, "height": 900}}
SIZES = {"phone": PHONE, "desktop": DESKTOP}

ARTICLE = "/articles/grief-has-no-timetable/"
COMMUNITY_PAGE = "/asheville-community/recovery-community/"

# Where the text of an element starts and where its middle is, from the text itself (not its box).
TEXT_BOX = """el => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const box = range.getBoundingClientRect();
    return {left: box.left, middle: box.top + box.height / 2};
}"""


@pytest.fixture
def demo(committed_demo):
    return committed_demo


@pytest.fixture
def open_page(browser, live_server, demo):
    """open_page(path, size) -> a page at that window size; its context closes after the test."""
    contexts = []

    def open_(path, size):
        context = browser.new_context(**SIZES[size])
        contexts.append(context)
        page = context.new_page()
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        return page

    yield open_
    for context in contexts:
        context.close()


def left(locator):
    return round(locator.evaluate(TEXT_BOX)["left"])


# The demo loads once per test (a browser test's database is emptied after it): each test
# measures every size and page it is about.


def test_the_groups_section_lines_up_with_the_page(open_page):
    for size in SIZES:
        for path, heading in [(ARTICLE, "Find a group for this"), (COMMUNITY_PAGE, "Support groups on these topics")]:
            page = open_page(path, size)
            groups = page.get_by_role("heading", level=2, name=heading)
            body = page.locator("main h1 ~ p").first  # the first paragraph under the page's title
            assert left(groups) == left(page.locator("main h1")) == left(body), (size, path)
            assert left(groups) > 0
            if size == "phone":
                # Every section of the page, from whichever app, starts where the page's text starts.
                for section_heading in page.locator("main h2:visible").all():
                    assert left(section_heading) == left(body), (path, section_heading.inner_text())


def test_the_community_index_fills_the_width_and_not_the_height(open_page):
    desktop = open_page("/asheville-community/", "desktop")
    cards = desktop.get_by_role("main").get_by_role("article")
    expect(cards).to_have_count(6)
    boxes = [card.bounding_box() for card in cards.all()]
    first_row = [box for box in boxes if box["y"] == boxes[0]["y"]]
    assert len(first_row) >= 3
    main_width = desktop.get_by_role("main").bounding_box()["width"]
    assert sum(box["width"] for box in first_row) > 0.7 * main_width
    # Six pages took 5,359px, a narrow card under each area's heading.
    assert desktop.evaluate("document.documentElement.scrollHeight") < 3200
    # Each card still says which area it is in.
    assert cards.filter(has_text="West Asheville").count() == 1

    phone = open_page("/asheville-community/", "phone")
    cards = phone.get_by_role("main").get_by_role("article")
    assert len({round(card.bounding_box()["x"]) for card in cards.all()}) == 1  # one column
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


def rows(cards):
    """[(card's height, its title's top), …] for each row of cards."""
    by_row = {}
    for card in cards.all():
        box = card.bounding_box()
        title = card.get_by_role("heading").bounding_box()
        by_row.setdefault(round(box["y"]), []).append((box["height"], title["y"]))
    return list(by_row.values())


def spread(values):
    return max(values) - min(values)


def test_cards_of_a_row_have_one_shape_with_or_without_a_picture(open_page, axe_check):
    # Every demo group has a picture; a group whose editor gave it none sits beside them. It is one
    # the home page shows (the three meeting soonest: which they are depends on the day and hour).
    group = groups_meeting_soonest(count=3)[0]
    SupportGroupPage.objects.filter(pk=group.pk).update(image=None)
    for path in ["/", "/support-groups/"]:
        page = open_page(path, "desktop")
        name = page.get_by_role("link", name=group.title, exact=True)
        veterans = page.get_by_role("main").get_by_role("article").filter(has=name)
        # No photo stands in for the missing picture.
        expect(veterans).to_be_visible()
        assert veterans.locator("img").count() == 0
        grid = page.locator("main ul").filter(has=name)
        row_list = rows(grid.locator(":scope > li > article"))
        assert any(len(row) > 1 for row in row_list)
        for row in row_list:
            heights, title_tops = zip(*row, strict=True)
            assert spread(heights) < 1 and spread(title_tops) < 1, (path, row)
        axe_check(page)


def test_the_breadcrumbs_sit_on_one_line(open_page):
    for size in SIZES:
        for path in [ARTICLE, COMMUNITY_PAGE, "/support-groups/veterans-evening-circle/"]:
            trail = open_page(path, size).get_by_role("navigation", name="Breadcrumb")
            items = [*trail.get_by_role("link").all(), trail.locator("[aria-current=page]")]
            middles = sorted(item.evaluate(TEXT_BOX)["middle"] for item in items)
            # A long trail wraps on a phone: the items of each line share one middle.
            lines = [[middles[0]]]
            for middle in middles[1:]:
                if middle - lines[-1][0] < 20:
                    lines[-1].append(middle)
                else:
                    lines.append([middle])
            assert any(len(line) > 1 for line in lines), (size, path)
            assert all(spread(line) < 1 for line in lines), (size, path, lines)


CRISIS_ACTIONS = {
    "Call 988": "tel:988",
    "Text 988": "sms:988",
    "Chat online": "https://988lifeline.org/chat/",
    "In danger? Call 911": "tel:911",
}


def test_the_crisis_bar_keeps_every_action_one_tap_away_in_little_room(open_page, axe_check):
    # On a phone the bar took 233px, 27% of the first screen; a laptop's was 108px.
    for size, most in [("phone", 90), ("desktop", 110)]:
        page = open_page("/", size)
        bar = page.get_by_role("complementary", name="Need help now?")
        assert bar.bounding_box()["height"] <= most, size
        viewport = page.viewport_size
        for name, href in CRISIS_ACTIONS.items():
            link = bar.get_by_role("link", name=name, exact=True)
            expect(link).to_be_visible()
            assert link.get_attribute("href") == href
            box = link.bounding_box()
            assert box["width"] >= 24 and box["height"] >= 24, (size, name)  # WCAG 2.2 target size
            assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], (size, name)
        # The page's own first step is on the first screen, under the bar.
        assert page.get_by_role("heading", level=1).bounding_box()["y"] < viewport["height"] / 2
        axe_check(page)
