"""Fixtures shared by the whole suite.

Tests build the pages they need with factories; they never rely on the home
page that the migration creates (the `site_root` fixture replaces it). Tests
that read the demo site ask for `demo_site`: it is built once per session.
"""

import hashlib
import importlib.metadata
import os
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.test import Client
from wagtail.models import Page, Site

from config.settings.base import redis_cache
from home.demo.images import CREDIT as DEMO_CREDIT
from home.factories import HomePageFactory
from home.models import SiteSettings
from tests.staff import sign_in

# Where the demo pictures' renditions are kept between test processes (the two workers, the SQLite
# and the PostgreSQL runs of .ci/run); unset, each process keeps its own in memory only.
RENDITION_CACHE = os.environ.get("TEST_RENDITION_CACHE", "")
IMAGE_SETTINGS = ("WAGTAILIMAGES", "WILLOW")  # the settings a rendition's bytes depend on


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    return bool(marker and (marker.kwargs.get("transaction") or marker.kwargs.get("serialized_rollback"))) or (
        "live_server" in getattr(item, "fixturenames", ())
    )


def _reads_demo(item):
    return "demo_site" in getattr(item, "fixturenames", ()) and not _is_transactional(item)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Transactional tests (browser tests among them) run last, the demo site's readers just before.

    Transactional tests empty the database when they finish, so no test that
    expects the data migrations made (the root page, the default locale) may run
    after them. pytest-django orders tests this way, but pytest's grouping by
    Playwright's session-wide browser parameter can undo it; this puts it back.
    The tests that read the demo site run side by side, so it is built once.
    """
    items.sort(key=lambda item: (_is_transactional(item), _reads_demo(item)))


class _DemoRenditions:
    """Each rendition of a demo picture is made once per test run, not once per demo load.

    Resizing and encoding the demo's 1600 x 1000 pictures (WebP and JPEG at a dozen sizes) is most of
    the time a page takes the first time it is asked for, and the demo is loaded many times: once per
    test process, again by each test of the command and each browser test (their database is emptied
    after them). The same picture, filter and settings always give the same bytes, so they are kept,
    keyed by all of these, and given back to Wagtail as it made them: its rendition rows, file names
    and storage are untouched. Only the demo's own pictures (their credit says so); pictures a test
    uploads are always made afresh.
    """

    def __init__(self, run, folder):
        self.run = run
        self.folder = Path(folder) if folder else None
        self.kept = {}

    def key(self, filter_, image, source):
        if getattr(image, "credit", None) != DEMO_CREDIT:
            return None
        if source is not None:
            position = source.tell()
            content = source.read()
            source.seek(position)
        else:
            with image.open_file() as file:
                content = file.read()
        parts = [
            hashlib.sha256(content).hexdigest(),
            filter_.spec,
            filter_.get_cache_key(image),
            repr([(name, getattr(settings, name)) for name in dir(settings) if name.startswith(IMAGE_SETTINGS)]),
            *(importlib.metadata.version(package) for package in ("wagtail", "willow", "pillow")),
        ]
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()

    def __call__(self, filter_, image, output, source=None):
        key = self.key(filter_, image, source)
        if key is None:
            return self.run(filter_, image, output, source=source)
        if key not in self.kept and self.folder and (self.folder / key).exists():
            format_name, _, data = (self.folder / key).read_bytes().partition(b"\n")
            self.kept[key] = (format_name.decode(), data)
        if key not in self.kept:
            made = self.run(filter_, image, output, source=source)
            made.f.seek(0)
            self.kept[key] = (made.format_name, made.f.read())
            made.f.seek(0)
            if self.folder:
                self.folder.mkdir(parents=True, exist_ok=True)
                with tempfile.NamedTemporaryFile(dir=self.folder, delete=False) as file:
                    file.write(made.format_name.encode() + b"\n" + self.kept[key][1])
                os.replace(file.name, self.folder / key)
            return made
        format_name, data = self.kept[key]
        output.write(data)
        output.seek(0)
        return SimpleNamespace(f=output, format_name=format_name)


@pytest.fixture(scope="session", autouse=True)
def _demo_renditions_made_once():
    from wagtail.images.models import Filter

    renditions = _DemoRenditions(Filter.run, RENDITION_CACHE)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Filter, "run", lambda self, image, output, source=None: renditions(self, image, output, source))
        yield renditions


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


class _SharedDemo:
    """The demo site, committed to the test database for the tests that read it.

    Each of those tests runs in a transaction that is rolled back, so what it
    writes vanishes and the next one finds the demo as the command left it. The
    other tests expect only the migrations' data: when the readers are done, the
    database goes back to that copy (as Django does between transactional tests).
    """

    current = None  # the session's, once a test has asked for the demo site

    def __init__(self, blocker):
        self.blocker = blocker
        connection = connections[DEFAULT_DB_ALIAS]
        with blocker.unblock():
            self.migration_data = (
                getattr(connection, "_test_serialized_contents", None) or connection.creation.serialize_db_to_string()
            )
        self.loaded = False

    def load(self):
        with self.blocker.unblock():
            call_command("load_demo_content", verbosity=0)
            self.render_once()
            if _DemoRows.current is None:
                _DemoRows.current = _DemoRows.take()
        self.loaded = True

    @staticmethod
    def render_once():
        """Ask once for every page and benchmarked URL: their image renditions are then made here.

        Resizing the demo's large pictures is the slowest part of a request; made in
        a test, a rendition is rolled back with it and made again in the next one.
        """
        from home.management.commands.load_demo_content import demo_modules

        urls = {page.url for page in Page.objects.live().specific()} - {None}  # the tree's root has none
        urls |= {url for module in demo_modules() for _label, url in getattr(module, "bench_urls", list)()}
        client = Client()
        for url in sorted(urls):
            client.get(url)
        cache.clear()

    def unload(self):
        with self.blocker.unblock():
            _replace_database_contents(self.migration_data)
        self.loaded = False


def _replace_database_contents(serialized):
    """Empty the test database and fill it from `serialized` (Django's serialize_db_to_string())."""
    connection = connections[DEFAULT_DB_ALIAS]
    # Rebuilding a workflow task from the copy asks for its content type (Wagtail's
    # Task.__init__): from an empty cache that would insert the row the copy then inserts
    # again. Known to the cache before the flush, it is only read; forgotten afterwards, as
    # the copy may number the rows differently.
    ContentType.objects.get_for_models(*apps.get_models())
    # As Django does between transactional tests. The sequences stay where they are: reset,
    # PostgreSQL would number new rows from 1 again, beside the copy's own.
    call_command(
        "flush",
        database=DEFAULT_DB_ALIAS,
        interactive=False,
        verbosity=0,
        reset_sequences=False,
        inhibit_post_migrate=True,
    )
    # SQLite's full-text index is a virtual table no model manages, so flush leaves its rows: a search
    # after the demo's readers are done would still find the demo's pages (by ids that are gone).
    if _DemoRows.FTS_TABLE in connection.introspection.table_names():
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {_DemoRows.FTS_TABLE}")
    connection.creation.deserialize_db_from_string(serialized)
    ContentType.objects.clear_cache()


class _DemoRows:
    """The demo site as rows, taken once per test process, for the transactional tests that need it.

    A browser test's database is emptied when it ends, so each such test needs the demo again.
    Building it (`load_demo_content`) takes half a minute; putting its rows back, a few seconds.
    Taken where the demo was just built (the shared demo's, renditions made, or the first
    transactional test's own), as Django's serialized rollback keeps the migrations' data.
    SQLite's full-text index (`wagtailsearch_indexentry_fts`) is a virtual table no model manages,
    which Django neither serializes nor flushes: its rows are copied beside the others (and emptied
    with them, `_replace_database_contents`).
    """

    current = None
    FTS_TABLE = "wagtailsearch_indexentry_fts"

    def __init__(self, serialized, fts_columns, fts_rows):
        self.serialized, self.fts_columns, self.fts_rows = serialized, fts_columns, fts_rows

    @classmethod
    def take(cls):
        connection = connections[DEFAULT_DB_ALIAS]
        columns, rows = [], []
        if cls.FTS_TABLE in connection.introspection.table_names():
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT rowid, * FROM {cls.FTS_TABLE}")
                columns = [column[0] for column in cursor.description]
                rows = cursor.fetchall()
        return cls(connection.creation.serialize_db_to_string(), columns, rows)

    def restore(self):
        from django.core.management.color import no_style

        connection = connections[DEFAULT_DB_ALIAS]
        _replace_database_contents(self.serialized)
        with connection.cursor() as cursor:
            if self.fts_columns:
                # Deserializing the index entries filled the table again: their rows make way for the copy's.
                cursor.execute(f"DELETE FROM {self.FTS_TABLE}")
                marks = ", ".join(["%s"] * len(self.fts_columns))
                cursor.executemany(
                    f"INSERT INTO {self.FTS_TABLE} ({', '.join(self.fts_columns)}) VALUES ({marks})",
                    self.fts_rows,
                )
            # The rows came with their ids: on PostgreSQL the sequences move past them, as loaddata does.
            for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                cursor.execute(statement)
        # Known again to the cache, as after `load_demo_content`: when this test ends and the next
        # one's setup puts the migrations' data back, no workflow task asks for a content type the
        # flushed table no longer has (and would insert it before the copy does).
        ContentType.objects.get_for_models(*apps.get_models())
        cache.clear()


@pytest.fixture(scope="session")
def _shared_demo(django_db_setup, django_db_blocker):
    """Builds the demo site before the first test that reads it opens its transaction."""
    _SharedDemo.current = _SharedDemo(django_db_blocker)
    _SharedDemo.current.load()
    return _SharedDemo.current


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Once the last reader of the demo site is done, the next test finds only the migrations' data."""
    result = yield
    shared = _SharedDemo.current
    if shared is not None and nextitem is not None and shared.loaded != _reads_demo(nextitem):
        if shared.loaded:
            shared.unload()
        else:  # only when some plugin has put other tests between the readers
            shared.load()
    return result


@pytest.fixture
def demo_site(request, _shared_demo, db):
    """The demo site's home page, read inside this test's own transaction.

    For tests that read (or change and roll back) what `load_demo_content` made.
    Tests of the command itself still run it: again, on top of this.
    Transactional tests empty the database: they load the demo themselves.
    """
    if _is_transactional(request.node):
        raise pytest.UsageError("demo_site is shared: a transactional test runs load_demo_content itself")
    assert _shared_demo.loaded
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def committed_demo(request, transactional_db):
    """The demo site, committed, for a transactional test (a browser test's live server reads it).

    Built by `load_demo_content` the first time in a test process; after that its rows are put back.
    """
    if not _is_transactional(request.node):
        raise pytest.UsageError("committed_demo is for transactional tests; the others read demo_site")
    if _DemoRows.current is None:
        call_command("load_demo_content", verbosity=0)
        _DemoRows.current = _DemoRows.take()
    else:
        _DemoRows.current.restore()
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's `admin_client`, signed in as far as an administrator is let in: with their
    authenticator app and the code typed (tests.staff.sign_in), since two-factor sign-in is on."""
    sign_in(client, admin_user)
    return client


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


# Production's cache settings (django-redis, its errors ignored) pointed at a port where nothing listens.
REDIS_DOWN = {"default": redis_cache("redis://127.0.0.1:6390/0")}


@pytest.fixture
def redis_down(settings):
    """The cache is unreachable for the length of the test, as in a Redis outage."""
    settings.CACHES = REDIS_DOWN
    settings.RATELIMIT_FAIL_OPEN = True
