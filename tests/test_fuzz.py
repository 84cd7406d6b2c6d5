"""Property-based: every public URL, with any value in any of its parameters, answers without a server error.

hypothesis draws requests from tests/fuzz_targets.py (the same catalogue `make fuzz`
sends several thousand of): each page type with its filters, the indexes, search,
feeds, calendars, the Meeting Guide feed, the sitemap, API v2 (pages of each type
with their field filters, images, documents) and every read of API v3. No answer
may be a 5xx, and no HTML page may echo a control character it was sent.
"""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz_targets import problems, requests, targets

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,  # the same requests on every run: a failure here is reproducible
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def public_targets(demo_site):
    return targets()


def test_the_catalogue_covers_every_kind_of_public_url(public_targets):
    paths = {target.path for target in public_targets}
    for expected in ["/search/", "/groups/calendar.ics", "/groups/meetings.json", "/sitemap.xml", "/api/v2/pages/"]:
        assert expected in paths
    assert "/api/v3/pages/find/" in paths and "/api/v3/pages/" in paths
    assert any(path.endswith("/feed/") for path in paths)
    assert any(path.startswith("/api/v2/pages/?type=blog.ArticlePage") for path in paths)
    assert any(path.endswith("/calendar.ics") and path != "/groups/calendar.ics" for path in paths)


@FUZZ
@given(data=st.data())
def test_no_public_url_answers_any_parameter_with_a_server_error(public_targets, data):
    client = Client(raise_request_exception=False)
    url = data.draw(requests(public_targets), label="url")
    response = client.get(url)
    assert not problems(response), f"{url}: {problems(response)}"
