"""Every page type and every feed of the demo site: at most QUERY_BUDGET queries on a warm request,
and the same number with three times the content (each app's `demo.multiply`).

Warm as a visitor finds the site: what is cached until content changes (practice details, the
menu, the feeds, renditions) is cached. The benchmark (`make bench`) gives the same counts
and the times beside them.
"""

from http import HTTPStatus

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, get_page_models

from home.management.commands.load_demo_content import demo_modules

QUERY_BUDGET = 12
FACTOR = 3
FEEDS = (
    "/groups/calendar.ics",
    "/groups/calendar.ics?topic=grief",
    "/groups/meetings.json",
    "/articles/feed/",
    "/events/calendar.ics",
    "/events/calendar.ics?kind=outing",
    "/sitemap.xml",
)
# Wagtail's sitemap reads every page type's own table (one query a type): flat with content, with a
# budget of its own that grows only with the number of page types.
SITEMAP_BUDGET = QUERY_BUDGET + len([model for model in get_page_models() if model._meta.app_label != "wagtailcore"])
BUDGETS = {"/sitemap.xml": SITEMAP_BUDGET}
# Pages' own routes beside their main view: the finder's printable list, all groups and filtered.
ROUTES = ("/support-groups/print/", "/support-groups/print/?topic=grief&free=1", "/whats-on/past/")
# Filtered listings, counted like the pages: their query count must not grow with the content either.
FILTERED = (
    "/our-counselors/?language=spanish&insurance=medicaid-nc-medicaid-managed-care&telehealth=1",
    "/whats-on/?kind=outing&free=1",
    "/whats-on/?topic=anxiety&attendance=in_person&zip=28801&within=25",
    "/whats-on/?lat=35.60&lng=-82.55&within=10",
)


def urls():
    found = {}
    for model in get_page_models():
        if model is Page:
            continue
        page = model.objects.live().public().order_by("path").first()
        if page is not None:
            found[model.__name__] = page.url
    for url in (*FEEDS, *ROUTES, *FILTERED):
        found[url] = url
    return found


def warm_queries(client, url):
    for _ in range(2):
        client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    return len(context.captured_queries)


@pytest.mark.django_db
def test_every_page_and_feed_within_the_budget_and_flat_with_more_content(demo_site):
    client = Client()
    targets = urls()
    assert {"HomePage", "ArticlePage", "SupportGroupPage", "SupportGroupIndexPage", "CommunityPage"} <= set(targets)
    assert {"CounselorIndexPage", "CounselorPage", "ServiceIndexPage", "ServicePage", "FeesPage"} <= set(targets)
    assert {"EventIndexPage", "EventPage"} <= set(targets)
    before = {name: warm_queries(client, url) for name, url in targets.items()}
    for module in demo_modules():
        if multiply := getattr(module, "multiply", None):
            multiply(FACTOR, log=lambda message: None)
    after = {name: warm_queries(client, url) for name, url in targets.items()}
    assert after == before
    assert {name: count for name, count in before.items() if count > BUDGETS.get(name, QUERY_BUDGET)} == {}
