"""The admin's lists of what visitors sent (home/private_admin.py): a bad filter or id typed into the
address bar gives the list again, a 400 or a 404, never a 500, in every one of them (and in an item's
inspect, edit and delete pages)."""

from http import HTTPStatus

import pytest
from django.test import Client

from tests.staff import sign_in

pytestmark = pytest.mark.django_db

ADMINS = {
    "join-requests": ("/admin/groups/joinrequest/", "group"),
    "event-registrations": ("/admin/events/eventregistration/", "event"),
    "appointment-requests": ("/admin/counselors/appointmentrequest/", "counselor"),
}
# Each was a 500 before home/private_admin.py caught IncorrectLookupParameters.
BAD_FILTERS = (
    "{relation}__id__exact=abc",
    "created_at__gte=abc",
    "no_such_field=1",
    "status__exact=new&created_at__lt=x",
)


@pytest.fixture
def admin_browser(admin_user):
    """An administrator whose client answers a server error as a response, as a browser would see it."""
    client = Client(raise_request_exception=False)
    sign_in(client, admin_user)
    return client


@pytest.mark.parametrize("admin", ADMINS.values(), ids=ADMINS.keys())
def test_a_bad_filter_gives_the_list_again_not_a_500(admin_browser, admin):
    url, relation = admin
    assert admin_browser.get(url).status_code == HTTPStatus.OK
    for query in BAD_FILTERS:
        query = query.format(relation=relation)
        response = admin_browser.get(f"{url}?{query}")
        assert response.status_code == HTTPStatus.FOUND, query
        assert response["Location"] == f"{url}?e=1", query
    page = admin_browser.get(f"{url}?e=1")
    assert page.status_code == HTTPStatus.OK
    assert "That filter could not be read, so the whole list is shown." in page.content.decode()
    # Already sent back once and still unreadable: a 400, not a loop.
    assert admin_browser.get(f"{url}?e=1&no_such_field=1").status_code == HTTPStatus.BAD_REQUEST
    # The filter the list's own sidebar offers, given a value that is not an id: never a 500.
    assert admin_browser.get(f"{url}?{relation}__page_ptr__exact=abc").status_code in {HTTPStatus.OK, HTTPStatus.FOUND}


@pytest.mark.parametrize("admin", ADMINS.values(), ids=ADMINS.keys())
@pytest.mark.parametrize("action", ["inspect", "edit", "delete"])
@pytest.mark.parametrize("key", ["abc", "1.5", "99999999999999999999999"], ids=["letters", "decimal", "too-big"])
def test_an_id_that_is_not_one_is_a_404(admin_browser, admin, action, key):
    url, _ = admin
    assert admin_browser.get(f"{url}{action}/{key}/").status_code == HTTPStatus.NOT_FOUND
    assert admin_browser.get(f"{url}{action}/0/").status_code == HTTPStatus.NOT_FOUND
