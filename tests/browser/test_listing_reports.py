"""On a phone: from a group page and a community page, report a problem with the listing; axe-core on
the report page, its errors and its thank-you page (home/listing_reports.py)."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from community.factories import CommunityIndexPageFactory, CommunityPageFactory, CommunityResourceFactory
from groups.factories import MeetingRuleFactory, SupportGroupIndexPageFactory, SupportGroupPageFactory
from groups.schedule import now_local
from home.models import ListingReport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def listings(site_root, practice):
    finder = SupportGroupIndexPageFactory(parent=site_root, slug="support-groups")
    group = SupportGroupPageFactory(parent=finder, title="Tuesday evening grief circle", slug="tuesday-grief")
    MeetingRuleFactory(page=group, weekday=1, first_date=now_local().date() - datetime.timedelta(days=30))
    index = CommunityIndexPageFactory(parent=site_root, slug="asheville-community")
    trails = CommunityPageFactory(parent=index, title="Walking trails", slug="walking-trails")
    CommunityResourceFactory(page=trails, organization="River Arts Walking Club (demo)")
    return {"group": group, "trails": trails}


def test_report_a_problem_with_a_group_on_a_phone(page, live_server, listings, axe_check, offsite_requests):
    page.goto(live_server.url + "/support-groups/tuesday-grief/")
    page.get_by_role("link", name="Report a problem with this listing").click()
    page.wait_for_url("**/support-groups/tuesday-grief/report/")
    expect(page.get_by_role("heading", name="Report a problem with Tuesday evening grief circle")).to_be_visible()
    axe_check(page)

    page.get_by_role("button", name="Send the report").click()
    summary = page.get_by_role("alert").filter(has_text="Please check one thing in the form")
    expect(summary).to_be_focused()
    axe_check(page)

    page.get_by_label("The day or time is wrong").check()
    page.get_by_label("Anything that would help us fix it").fill("It starts at 7 now.")
    page.get_by_label("Your email address or phone number").fill("(828) 555-0100")
    page.get_by_role("button", name="Send the report").click()
    page.wait_for_url(re.compile(r".*/tuesday-grief/report/thank-you/$"))
    expect(page.get_by_role("heading", name="What happens next")).to_be_visible()
    axe_check(page)
    assert ListingReport.objects.get().contact == "(828) 555-0100"
    assert offsite_requests == []


def test_the_community_report_page_lets_the_visitor_choose_a_resource(page, live_server, listings, axe_check):
    page.goto(live_server.url + "/asheville-community/walking-trails/")
    axe_check(page)
    page.get_by_role("link", name="Report a problem with this listing").click()
    page.wait_for_url("**/asheville-community/walking-trails/report/")
    page.get_by_label("Which one is it about?").select_option("River Arts Walking Club (demo)")
    page.get_by_label("It no longer meets or has closed").check()
    axe_check(page)
    page.get_by_role("button", name="Send the report").click()
    page.wait_for_url(re.compile(r".*/walking-trails/report/thank-you/$"))
    assert ListingReport.objects.get().resource == "River Arts Walking Club (demo)"
