"""Who edits events: Editors draft and submit (Moderators approve), Group coordinators publish, others are refused."""

import pytest
from django.urls import reverse

from events.models import EventPage
from home import roles
from tests.events.conftest import local
from tests.staff import sign_in, staff_user

pytestmark = pytest.mark.django_db


def login(client, role):
    sign_in(client, staff_user(role, role.lower().replace(" ", "-")))


def actions_offered(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    if response.status_code != 200:
        return None
    html = response.content.decode()
    return {name for name in ("action-publish", "action-submit") if f'name="{name}"' in html}


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("events", "eventpage", parent.pk))


@pytest.fixture
def event(make_event):
    return make_event(dates=[(local(2027, 1, 9, 13), local(2027, 1, 9, 15))])


def test_editors_draft_and_submit_never_publish(client, event, events_index):
    login(client, roles.EDITORS)
    assert actions_offered(client, event) == {"action-submit"}
    assert client.get(add_url(events_index)).status_code == 200


def test_coordinators_publish_events(client, event, events_index):
    login(client, roles.COORDINATORS)
    assert "action-publish" in actions_offered(client, event)
    assert client.get(add_url(events_index)).status_code == 200


def test_moderators_publish_events(client, event):
    login(client, roles.MODERATORS)
    assert "action-publish" in actions_offered(client, event)


def test_editors_may_not_add_a_top_level_events_index(client, site_root):
    login(client, roles.EDITORS)
    url = reverse("wagtailadmin_pages:add", args=("events", "eventindexpage", site_root.pk))
    response = client.get(url, follow=True)
    assert response.redirect_chain or response.status_code in (403, 404)


def test_the_migration_gives_existing_indexes_the_same(events_index):
    from wagtail.models import GroupPagePermission

    granted = set(
        GroupPagePermission.objects.filter(page=events_index).values_list("group__name", "permission__codename")
    )
    assert {
        (roles.EDITORS, "add_page"),
        (roles.EDITORS, "change_page"),
        (roles.COORDINATORS, "publish_page"),
    } <= granted
    assert (roles.EDITORS, "publish_page") not in granted
    assert EventPage.objects.count() == 0


def test_editors_can_choose_a_venue_for_an_event(client, event):
    """The venue is a groups snippet: editors may pick one in the event's form without managing venues."""
    login(client, roles.EDITORS)
    response = client.get(reverse("wagtailsnippetchoosers_groups_venue:choose"))
    assert response.status_code == 200
    assert event.venue.name in response.content.decode()
