"""Join requests are read in the admin by coordinators and superusers, and appear nowhere else."""

import datetime
from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Page

from groups.factories import JoinRequestFactory
from groups.models import JoinRequest
from groups.permissions import COORDINATORS_GROUP
from tests.staff import sign_in, staff_user

pytestmark = pytest.mark.django_db

SECRET_NAME = "Wilhelmina"
SECRET_EMAIL = "wilhelmina.private@example.org"
SECRET_NOTE = "I have been struggling since my divorce"


@pytest.fixture
def join_request(make_group):
    group = make_group(title="Tuesday grief circle")
    return JoinRequestFactory(group=group, name=SECRET_NAME, email=SECRET_EMAIL, note=SECRET_NOTE)


def test_superusers_list_search_filter_and_export_requests(client, join_request):
    sign_in(client, get_user_model().objects.create_superuser("boss", "boss@example.com", "pw"))
    listing = client.get("/admin/groups/joinrequest/")
    assert listing.status_code == HTTPStatus.OK
    assert SECRET_NAME in listing.content.decode()
    assert SECRET_NAME in client.get("/admin/groups/joinrequest/", {"q": "Wilhel"}).content.decode()
    filtered = client.get("/admin/groups/joinrequest/", {"status__exact": "joined"}).content.decode()
    assert SECRET_NAME not in filtered
    export = client.get("/admin/groups/joinrequest/", {"export": "csv"})
    assert export.status_code == HTTPStatus.OK
    assert SECRET_EMAIL in b"".join(export.streaming_content).decode()


def test_coordinators_read_and_answer_requests(client, join_request):
    sign_in(client, staff_user(COORDINATORS_GROUP, "coordinator"))
    assert SECRET_NAME in client.get("/admin/groups/joinrequest/").content.decode()
    assert SECRET_NOTE in client.get(f"/admin/groups/joinrequest/inspect/{join_request.pk}/").content.decode()
    edit_url = f"/admin/groups/joinrequest/edit/{join_request.pk}/"
    assert client.get(edit_url).status_code == HTTPStatus.OK
    response = client.post(edit_url, {"status": "contacted", "staff_notes": "Called on Tuesday."})
    assert response.status_code == HTTPStatus.FOUND
    join_request.refresh_from_db()
    assert (join_request.status, join_request.name) == ("contacted", SECRET_NAME)
    assert client.get(f"/admin/groups/joinrequest/delete/{join_request.pk}/").status_code != HTTPStatus.OK


def test_the_request_says_yes_or_no_to_leaving_a_message(client, join_request):
    """Staff read words, not Python's True, False or None."""
    import re

    sign_in(client, staff_user(COORDINATORS_GROUP, "coordinator"))
    for allowed, word in [(False, "No"), (True, "Yes")]:
        join_request.ok_to_leave_message = allowed
        join_request.preferred_session = None
        join_request.save()
        html = client.get(f"/admin/groups/joinrequest/edit/{join_request.pk}/").content.decode()
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
        sent = text[text.index("What they sent") : text.index("Follow-up")]
        assert re.search(rf"Safe to leave a message [^.]*\. {word} ", sent), sent
        assert "Not given" in sent
        assert not re.search(r"\b(True|False|None)\b", sent), sent


def test_coordinators_may_edit_group_pages(client, join_request):
    sign_in(client, staff_user(COORDINATORS_GROUP, "coordinator"))
    assert client.get(f"/admin/pages/{join_request.group.pk}/edit/").status_code == HTTPStatus.OK


@pytest.mark.parametrize("group_name", ["Editors", "Moderators"])
def test_editors_and_moderators_cannot_see_requests(client, join_request, group_name):
    sign_in(client, staff_user(group_name, "someone"))
    for url in [
        "/admin/groups/joinrequest/",
        f"/admin/groups/joinrequest/inspect/{join_request.pk}/",
        f"/admin/groups/joinrequest/edit/{join_request.pk}/",
        "/admin/groups/joinrequest/?export=csv",
    ]:
        response = client.get(url, follow=True)
        assert SECRET_NAME not in response.content.decode(), url
    assert "Join requests" not in client.get("/admin/").content.decode()


def test_join_requests_are_not_a_snippet_nor_searchable(client, join_request, practice):
    sign_in(client, get_user_model().objects.create_superuser("boss", "boss@example.com", "pw"))
    assert client.get("/admin/snippets/groups/joinrequest/").status_code == HTTPStatus.NOT_FOUND
    assert client.get("/search/", {"query": SECRET_NAME}).context["results_page"].paginator.count == 0
    assert list(Page.objects.search(SECRET_NAME)) == []


def test_join_requests_are_in_no_page_or_api(client, join_request):
    group = join_request.group
    urls = [
        group.url,
        f"{group.url}thank-you/",
        group.get_parent().url,
        group.get_calendar_path(),
        "/groups/calendar.ics",
        "/groups/meetings.json",
        f"/api/v2/pages/{group.pk}/?fields=*",
        "/api/v2/pages/?type=groups.SupportGroupPage&fields=*",
        f"/api/v3/pages/{group.pk}/",
        "/api/v3/pages/?type=groups.SupportGroupPage",
        "/api/v3/openapi.json",
        "/api/v3/snippets/groups.Venue/",
        "/sitemap.xml",
    ]
    for url in urls:
        body = client.get(url).content.decode()
        for secret in (SECRET_NAME, SECRET_EMAIL, SECRET_NOTE, "joinrequest", "JoinRequest"):
            assert secret not in body, (url, secret)


@override_settings(JOIN_REQUEST_RETENTION_DAYS=180)
def test_purge_deletes_requests_past_the_retention_period(make_group, capsys):
    group = make_group()
    old = JoinRequestFactory(group=group)
    recent = JoinRequestFactory(group=group)
    JoinRequest.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=181))
    JoinRequest.objects.filter(pk=recent.pk).update(created_at=timezone.now() - datetime.timedelta(days=179))

    call_command("purge_join_requests")

    assert list(JoinRequest.objects.values_list("pk", flat=True)) == [recent.pk]
    assert "Deleted 1 join request" in capsys.readouterr().out


def test_purge_reads_the_retention_period_from_settings(make_group):
    JoinRequestFactory(group=make_group())
    JoinRequest.objects.update(created_at=timezone.now() - datetime.timedelta(days=10))
    with override_settings(JOIN_REQUEST_RETENTION_DAYS=30):
        call_command("purge_join_requests", verbosity=0)
    assert JoinRequest.objects.count() == 1
    with override_settings(JOIN_REQUEST_RETENTION_DAYS=7):
        call_command("purge_join_requests", verbosity=0)
    assert JoinRequest.objects.count() == 0


def test_the_coordinators_group_is_made_by_a_migration():
    group = Group.objects.get(name=COORDINATORS_GROUP)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"access_admin", "view_joinrequest", "change_joinrequest"} <= codenames
    for name in ("Editors", "Moderators"):
        assert not Group.objects.get(name=name).permissions.filter(codename__endswith="joinrequest").exists()
