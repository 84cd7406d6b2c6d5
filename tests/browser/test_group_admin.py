"""A group's schedule in the admin, at a desktop's size, as coordinators edit it (issue 14).

Wagtail's date picker opened upwards for a field near the bottom of the window, and on a meeting
time it then covered the start and end times of the same row.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from groups.factories import MeetingRuleFactory, SupportGroupIndexPageFactory, SupportGroupPageFactory
from tests.browser.admin import sign_in
from tests.staff import authenticator

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "a-long-test-password"


@pytest.fixture
def browser_context_args(browser_context_args):
    """Staff edit on a desktop."""
    return {**browser_context_args, "viewport": {"width": 1366, "height": 900}, "is_mobile": False, "has_touch": False}


def overlap(one, other):
    """Whether two boxes (Playwright's bounding boxes) share any area."""
    return (
        one["x"] < other["x"] + other["width"]
        and other["x"] < one["x"] + one["width"]
        and one["y"] < other["y"] + other["height"]
        and other["y"] < one["y"] + one["height"]
    )


def test_the_date_picker_leaves_the_times_of_its_meeting_row_in_sight(page, live_server, site_root):
    finder = SupportGroupIndexPageFactory(parent=site_root, slug="support-groups")
    group = SupportGroupPageFactory(parent=finder, title="Tuesday evening grief circle", slug="tuesday-grief")
    MeetingRuleFactory(page=group, weekday=1, first_date=datetime.date(2026, 9, 1))  # 18:30 to 20:00
    admin = get_user_model().objects.create_superuser("ada", "ada@example.com", PASSWORD)
    page.set_default_timeout(20_000)  # the admin is slower than the site
    sign_in(page, live_server.url, "ada", PASSWORD, phone=authenticator(admin))

    page.goto(f"{live_server.url}/admin/pages/{group.pk}/edit/")
    page.get_by_role("tab", name="Schedule and place").click()
    first_date = page.get_by_label("First date")
    times = [page.get_by_label("Start time"), page.get_by_label("End time")]
    expect(first_date).to_be_visible()
    # Where the editor meets it after scrolling down the tab: near the bottom of the window, where
    # the picker had no room below and opened upwards.
    first_date.evaluate(
        """field => {
            field.scrollIntoView({ block: "end", behavior: "instant" });
            window.scrollBy({ top: 110, behavior: "instant" });
        }"""
    )
    assert first_date.bounding_box()["y"] > 900 - 250, "the field is not near the bottom of the window"
    expect(first_date).to_be_in_viewport()

    first_date.click()
    picker = page.locator(".xdsoft_datetimepicker").filter(visible=True)
    expect(picker).to_have_count(1)
    expect(picker).to_be_in_viewport(ratio=1)
    picker_box = picker.bounding_box()
    for time in times:
        expect(time).to_be_in_viewport()
        assert not overlap(picker_box, time.bounding_box()), time
    assert picker_box["y"] >= first_date.bounding_box()["y"] + first_date.bounding_box()["height"] - 1

    # It still picks a date.
    picker.locator(".xdsoft_date:not(.xdsoft_other_month)", has_text="15").click()
    expect(first_date).to_have_value("2026-09-15")
    expect(picker).to_be_hidden()
