"""The admin: editors reach the snippets and settings they maintain."""

from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model

from home.factories import PersonFactory, TopicFactory
from tests.staff import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("boss", "boss@example.com", "pw")
    sign_in(client, user)
    return client


def test_people_and_topics_are_listed_as_snippets(admin_client):
    PersonFactory(name="Jordan Reyes")
    TopicFactory(name="Grief and loss", slug="grief")
    assert "Jordan Reyes" in admin_client.get("/admin/snippets/home/person/").content.decode()
    assert "Grief and loss" in admin_client.get("/admin/snippets/home/topic/").content.decode()


def test_practice_details_are_editable_in_settings(admin_client):
    response = admin_client.get("/admin/settings/home/sitesettings/", follow=True)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Crisis help" in html and "Contact details" in html


def test_topic_slug_is_made_from_the_name(db):
    topic = TopicFactory(name="Families and caregivers", slug="")
    assert topic.slug == "families-and-caregivers"
