"""The groups' panels on the admin dashboard, and the "needs verifying" state of a group."""

import datetime
from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from groups.choices import JoinRequestStatus
from groups.factories import JoinRequestFactory
from groups.models import SupportGroupPage
from groups.permissions import COORDINATORS_GROUP
from home.factories import StandardPageFactory
from tests.staff import sign_in, staff_user

pytestmark = pytest.mark.django_db

# Markers that must never reach the dashboard: a visitor's details are health information.
VISITOR_NAME = "Zephyrine-Dashboard-Marker"
VISITOR_EMAIL = "zephyrine.marker@example.org"
VISITOR_NOTE = "Marker note about my panic attacks"

JOIN_HEADING = "Join requests awaiting a reply"
VERIFY_HEADING = "Groups to re-verify"


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


@pytest.fixture
def superuser_client(client):
    sign_in(client, get_user_model().objects.create_superuser("boss", "boss@example.com", "pw"))
    return client


def request_for(group, days, status=JoinRequestStatus.NEW):
    join_request = JoinRequestFactory(
        group=group, name=VISITOR_NAME, email=VISITOR_EMAIL, note=VISITOR_NOTE, status=status
    )
    created = timezone.now() - datetime.timedelta(days=days)
    type(join_request).objects.filter(pk=join_request.pk).update(created_at=created)
    return join_request


def dashboard(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


# Join requests -------------------------------------------------------------------------------


def test_join_requests_panel_says_when_nothing_is_waiting(superuser_client, make_group):
    group = make_group(title="Quiet group")
    request_for(group, days=3, status=JoinRequestStatus.CONTACTED)
    html = dashboard(superuser_client)
    assert JOIN_HEADING in html
    assert "Nothing waiting: every join request has had a reply." in html


def test_join_requests_panel_counts_new_requests_per_group_oldest_first(superuser_client, make_group):
    grief = make_group(title="Tuesday grief circle")
    anxiety = make_group(title="Anxiety skills group")
    for days in (2, 9):
        request_for(grief, days)
    request_for(grief, 20, status=JoinRequestStatus.CONTACTED)  # answered: not counted
    request_for(anxiety, 12)

    html = dashboard(superuser_client)
    panel = html[html.index(JOIN_HEADING) :]
    assert "3 new requests waiting" in panel
    assert panel.index("Anxiety skills group") < panel.index("Tuesday grief circle")  # 12 days before 9
    assert "12 days ago" in panel and "9 days ago" in panel
    assert f"group__page_ptr__exact={grief.pk}" in panel
    for secret in (VISITOR_NAME, VISITOR_EMAIL, VISITOR_NOTE):
        assert secret not in html


def test_the_panel_links_to_the_groups_new_requests(superuser_client, make_group):
    grief = make_group(title="Tuesday grief circle")
    other = make_group(title="Other group")
    mine = request_for(grief, 2)
    JoinRequestFactory(group=other, name="Someone-Else-Marker")
    listing = superuser_client.get(
        reverse("groups_joinrequest_modeladmin_index"), {"status__exact": "new", "group__page_ptr__exact": grief.pk}
    )
    html = listing.content.decode()
    assert listing.status_code == HTTPStatus.OK
    assert VISITOR_NAME in html and "Someone-Else-Marker" not in html
    assert mine.group_id == grief.pk


def test_coordinators_see_the_join_requests_panel(client, make_group):
    request_for(make_group(title="Tuesday grief circle"), 2)
    sign_in(client, staff_user(COORDINATORS_GROUP, "coordinator"))
    html = dashboard(client)
    assert JOIN_HEADING in html and "Tuesday grief circle" in html
    assert VISITOR_NAME not in html


@pytest.mark.parametrize("group_name", ["Editors", "Moderators"])
def test_others_do_not_see_the_join_requests_panel(client, make_group, group_name):
    request_for(make_group(title="Tuesday grief circle"), 2)
    user = staff_user(group_name, "someone")
    # Editors and Moderators reach the admin (Wagtail's own groups, or the roles migration).
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    sign_in(client, user)
    html = dashboard(client)
    assert JOIN_HEADING not in html
    assert VISITOR_NAME not in html


def test_the_panels_cost_the_same_queries_however_many_groups(superuser_client, make_group):
    def count():
        with CaptureQueriesContext(connection) as queries:
            dashboard(superuser_client)
        return len(queries)

    first = make_group(title="First", last_verified=days_ago(200))
    request_for(first, 2)
    count()  # warms Django's and Wagtail's caches (content types, sites)
    few = count()
    for number in range(5):
        group = make_group(title=f"Group {number}", last_verified=days_ago(150 + number))
        request_for(group, 3 + number)
    assert count() == few


# Needs verifying -------------------------------------------------------------------------------


def test_a_group_needs_verifying_after_the_set_number_of_days(make_group, settings):
    settings.GROUP_VERIFY_AFTER_DAYS = 90
    fresh = make_group(title="Fresh", last_verified=days_ago(90))
    stale = make_group(title="Stale", last_verified=days_ago(91))
    older = make_group(title="Older", last_verified=days_ago(300))
    assert not fresh.needs_verifying
    assert stale.needs_verifying
    assert list(SupportGroupPage.objects.needs_verifying()) == [older, stale]
    settings.GROUP_VERIFY_AFTER_DAYS = 365
    assert not older.needs_verifying


def test_a_new_group_is_checked_today_by_default():
    assert SupportGroupPage().last_verified == datetime.date.today()


def test_groups_to_reverify_panel_lists_them_oldest_first_with_edit_links(superuser_client, make_group):
    make_group(title="Checked last week", last_verified=days_ago(7))
    stale = make_group(title="Checked in spring", last_verified=days_ago(100))
    older = make_group(title="Checked last year", last_verified=days_ago(400))
    html = dashboard(superuser_client)
    panel = html[html.index(VERIFY_HEADING) :]
    assert panel.index("Checked last year") < panel.index("Checked in spring")
    assert "Checked last week" not in panel
    assert reverse("wagtailadmin_pages:edit", args=[older.pk]) in panel
    assert reverse("wagtailadmin_pages:edit", args=[stale.pk]) in panel
    assert "400 days ago" in panel


def test_groups_to_reverify_panel_says_when_all_are_checked(superuser_client, make_group):
    make_group(title="Checked last week", last_verified=days_ago(7))
    html = dashboard(superuser_client)
    assert VERIFY_HEADING in html
    assert "Nothing to check: every group's details were checked in the last 90 days." in html


@pytest.mark.parametrize(("group_name", "sees_it"), [(COORDINATORS_GROUP, True), ("Editors", False)])
def test_only_those_who_edit_groups_are_asked_to_reverify_them(client, site_root, make_group, group_name, sees_it):
    """Editors cannot edit groups (home/roles.py), so the panel would only tell them it is all fine."""
    StandardPageFactory(parent=site_root)  # editors may edit standard pages, not groups
    make_group(title="Checked in spring", last_verified=days_ago(100))
    sign_in(client, staff_user(group_name, "someone"))
    html = dashboard(client)
    assert (VERIFY_HEADING in html) is sees_it
    assert ("Checked in spring" in html) is sees_it


def test_the_explorer_marks_groups_that_need_verifying(superuser_client, finder, make_group):
    make_group(title="Checked last week", last_verified=days_ago(7))
    stale = make_group(title="Checked last year", last_verified=days_ago(400))
    html = superuser_client.get(reverse("wagtailadmin_explore", args=[finder.pk])).content.decode()
    assert html.count("Needs verifying") == 1
    assert reverse("wagtailadmin_pages:edit", args=[stale.pk]) in html


def test_the_edit_page_warns_when_a_group_needs_verifying(superuser_client, make_group):
    stale = make_group(title="Checked last year", last_verified=days_ago(400))
    fresh = make_group(title="Checked last week", last_verified=days_ago(7))
    warning = "This group needs verifying."
    stale_html = superuser_client.get(reverse("wagtailadmin_pages:edit", args=[stale.pk])).content.decode()
    assert warning in stale_html and "400 days ago" in stale_html
    fresh_html = superuser_client.get(reverse("wagtailadmin_pages:edit", args=[fresh.pk])).content.decode()
    assert warning not in fresh_html


def test_the_public_page_still_says_when_details_were_checked(client, make_group):
    stale = make_group(title="Checked last year", last_verified=days_ago(400))
    html = client.get(stale.url).content.decode()
    assert "needs verifying" not in html.lower()
