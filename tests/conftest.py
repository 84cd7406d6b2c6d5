"""Fixtures shared by the whole suite.

Tests build the pages they need with factories; they never rely on the home
page that the migration creates (the `site_root` fixture replaces it).
"""

import pytest
from django.core.cache import cache
from wagtail.models import Page, Site

from home.factories import HomePageFactory
from home.models import SiteSettings


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    return bool(marker and (marker.kwargs.get("transaction") or marker.kwargs.get("serialized_rollback"))) or (
        "live_server" in getattr(item, "fixturenames", ())
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Transactional tests (browser tests among them) run last.

    They empty the database when they finish, so no test that expects the data
    migrations made (the root page, the default locale) may run after them.
    pytest-django orders tests this way, but pytest's grouping by Playwright's
    session-wide browser parameter can undo it; this puts it back.
    """
    items.sort(key=_is_transactional)


@pytest.fixture(scope="session")
def _serialized_database(django_db_setup, django_db_blocker):
    """Make the migrations' data, as Django serialized it, visible to every connection.

    Transactional tests (browser tests among them) empty the database when they end,
    and Django restores this copy when the next one starts. It keeps the copy on the
    connection object; once Playwright's event loop runs, Django hands out a new
    connection per async context, without it. Kept on the class, every connection
    (one database alias, one backend class) has it.
    """
    from django.db import connections

    connection = connections["default"]
    contents = getattr(connection, "_test_serialized_contents", None)
    if contents is not None:
        type(connection)._test_serialized_contents = contents
    return contents


@pytest.fixture(autouse=True)
def _restore_migration_data(request, _serialized_database):
    """Transactional tests start from the migrations' data (root page, locale, groups)."""
    if _is_transactional(request.node):
        request.getfixturevalue("_django_db_helper")


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits and cached fragments never leak from one test into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site_root(db):
    """A fresh HomePage as the root of the default site."""
    Page.objects.filter(depth=2).delete()
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, title="Home", hero_heading="You don't have to carry it alone")
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Test site")
    return home


@pytest.fixture
def practice(db):
    """The practice's details as the demo sets them."""
    settings = SiteSettings.load()
    settings.phone = "(828) 555-0142"
    settings.email = "hello@resilientmind.example"
    settings.street_address = "22 Laurel Ridge Road"
    settings.postal_code = "28801"
    settings.hours = "Monday to Thursday, 9am to 7pm"
    settings.save()
    return settings
