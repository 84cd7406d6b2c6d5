"""The admin sends nothing about staff to another site: no avatar service, nothing loaded from another host."""

import re
from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model

from tests.staff import sign_in

pytestmark = pytest.mark.django_db

# Where a page names something the browser fetches by itself: src, srcset, a stylesheet or icon's href,
# url(…) in a style, a poster, and the avatar address Wagtail hands to its sidebar as JSON.
FETCHED = re.compile(
    r"""(?:\b(?:src|srcset|poster|data)\s*=\s*["']?|<link\b[^>]*\bhref\s*=\s*["']?|url\(\s*["']?|"avatarUrl":\s*")"""
    r"""(?P<url>[^"')\s>]*)""",
    re.IGNORECASE,
)


def hosts_fetched(html):
    """The hosts of every address the page makes the browser fetch ('' for the page's own)."""
    hosts = set()
    for match in FETCHED.finditer(html):
        for url in match["url"].split(","):
            found = re.match(r"\s*(?:[a-z][a-z0-9+.-]*:)?//([^/?#]+)", url.strip(), re.IGNORECASE)
            if found and not url.strip().lower().startswith("data:"):
                hosts.add(found[1].lower())
    return hosts


@pytest.fixture
def staff_client(client):
    user = get_user_model().objects.create_superuser("boss", "boss@example.com", "pw")
    sign_in(client, user)
    return client


@pytest.mark.parametrize(
    "url",
    ["/admin/", "/admin/account/", "/admin/users/", "/admin/groups/joinrequest/", "/admin/events/eventregistration/"],
)
def test_admin_pages_load_nothing_from_another_host(staff_client, url):
    response = staff_client.get(url)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "gravatar" not in html.lower()
    assert hosts_fetched(html) <= {"testserver"}, hosts_fetched(html)


def test_the_check_finds_an_avatar_from_another_host():
    """The test above can fail: it sees the address Wagtail used to give the sidebar."""
    html = '{"name": "boss", "avatarUrl": "//www.gravatar.com/avatar/3fc3?d=mp\\u0026s=100"}'
    assert hosts_fetched(html) == {"www.gravatar.com"}
    assert hosts_fetched('<img src="https://cdn.example.net/a.png">') == {"cdn.example.net"}
    assert hosts_fetched('<link rel="icon" href="/static/favicon.svg"><img src="/media/a.png">') == set()
