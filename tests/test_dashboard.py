"""The admin's dashboard for everyone: pages waiting for review, pages scheduled to go live."""

import datetime
import zoneinfo
from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from home.factories import StandardPageFactory
from tests.staff import sign_in

pytestmark = pytest.mark.django_db

EASTERN = zoneinfo.ZoneInfo("America/New_York")
SCHEDULED_HEADING = "Scheduled to go live"


@pytest.fixture
def boss(db):
    return get_user_model().objects.create_superuser("boss", "boss@example.com", "pw")


@pytest.fixture
def boss_client(client, boss):
    sign_in(client, boss)
    return client


def dashboard(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def schedule(page, when):
    page.go_live_at = when
    page.save_revision().publish()


def test_scheduled_panel_says_when_nothing_is_scheduled(boss_client, site_root):
    html = dashboard(boss_client)
    assert SCHEDULED_HEADING in html
    assert "Nothing scheduled to go live." in html


def test_scheduled_panel_lists_pages_soonest_first_in_asheville_time(boss_client, site_root):
    later = StandardPageFactory(parent=site_root, title="Winter hours", live=False)
    sooner = StandardPageFactory(parent=site_root, title="Holiday closures", live=False)
    StandardPageFactory(parent=site_root, title="Already live page")
    schedule(later, datetime.datetime(2099, 1, 5, 14, 30, tzinfo=datetime.UTC))
    schedule(sooner, datetime.datetime(2099, 1, 2, 15, 0, tzinfo=EASTERN))

    html = dashboard(boss_client)
    panel = html[html.index(SCHEDULED_HEADING) :]
    assert panel.index("Holiday closures") < panel.index("Winter hours")
    assert "Already live page" not in panel
    assert "Friday, Jan 2, 2099, 3:00 PM" in panel
    assert "Monday, Jan 5, 2099, 9:30 AM" in panel  # 14:30 UTC is 9:30 in Asheville in winter
    assert reverse("wagtailadmin_pages:edit", args=[later.pk]) in panel
    assert not type(later).objects.get(pk=later.pk).live


def test_reviewers_see_wagtails_awaiting_review_panel_once(boss_client, boss, site_root):
    reviewers = Group.objects.create(name="Test reviewers")
    task = GroupApprovalTask.objects.create(name="Test review")
    task.groups.set([reviewers])
    workflow = Workflow.objects.create(name="Test workflow")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=site_root)
    page = StandardPageFactory(parent=site_root, title="Page for review")
    page.save_revision()
    workflow.start(page, boss)

    html = dashboard(boss_client)
    assert html.count("Awaiting your review") == 1
    assert "Page for review" in html
    # Waiting for review comes before what is merely scheduled.
    assert html.index("Awaiting your review") < html.index(SCHEDULED_HEADING)


def test_nothing_to_review_shows_no_review_panel(boss_client, site_root):
    assert "Awaiting your review" not in dashboard(boss_client)


def test_scheduled_panel_costs_the_same_queries_however_many_pages(boss_client, site_root):
    def count():
        with CaptureQueriesContext(connection) as queries:
            dashboard(boss_client)
        return len(queries)

    when = timezone.now() + datetime.timedelta(days=3)
    schedule(StandardPageFactory(parent=site_root, live=False), when)
    count()
    few = count()
    for _ in range(4):
        schedule(StandardPageFactory(parent=site_root, live=False), when)
    assert count() == few
