"""A site built before community became an app keeps every page, revision and permission once migrated.

The community models moved from `home` to `community` (community/migrations, home/migrations/0008).
This test builds a database the way the site was built before that change: the code of the commit
before it (`git archive`), its `migrate` and `load_demo_content`, then one edit published and one
draft saved on community pages. It records what that code serves and holds, runs the current
code's `migrate` on the same database, records again and compares: every live page answers the
same, with the same links to pages and pictures in <main> (the words and icons
around them are the templates', which later work changes),
and the page tree, content types, revisions, log entries, workflows, search results, group page
permissions and each role's permissions are the same (the moved models now under `community`).

It runs on PostgreSQL when the suite does (a database of its own, dropped afterwards), else on
SQLite. It needs the repository's git history; without it the test is skipped.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import pytest
from django.conf import settings

from blog import permissions as blog_permissions
from counselors import permissions as counselor_permissions
from events import permissions as events_permissions
from home import roles

ROOT = Path(__file__).resolve().parents[2]
BEFORE_COMMUNITY_APP = "3468499fad7e5f33713100400b7aa5bc6f26791d"
GROUP_PAGE_LINK = re.compile(r"a href=/support-groups/[^/?]+/")
MOVED_MODELS = ("area", "communityindexpage", "communitypage", "communityresource")

pytestmark = [pytest.mark.slow, pytest.mark.earlier_code]

# Run by the code of either commit (`python snapshot.py <code folder> <output.json>`): what the site
# serves and holds, in a form both can produce.
SNAPSHOT = r'''
import json, os, re, sys
from html.parser import HTMLParser

root, output = sys.argv[1], sys.argv[2]
sys.path.insert(0, root)
os.chdir(root)
import django

django.setup()
from django.test.utils import setup_test_environment

setup_test_environment()
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import GroupPagePermission, Page, PageLogEntry, ReferenceIndex, WorkflowPage
from wagtail.search.models import IndexEntry


class Content(HTMLParser):
    """The text of <main> and the links and pictures in it, whatever the markup's formatting.

    Not the values that are new on every request: the CSRF token and the form's submission key.
    """

    def __init__(self):
        super().__init__()
        self.depth, self.text, self.links = 0, [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self.depth += 1
        elif self.depth and attrs.get("name") not in {"csrfmiddlewaretoken", "submission_key"}:
            for name in ("href", "src", "alt", "value"):
                if attrs.get(name):
                    self.links.append(f"{tag} {name}={attrs[name]}")

    def handle_endtag(self, tag):
        if tag == "main":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)

    def result(self):
        return {"text": " ".join(" ".join(self.text).split()), "links": self.links}


def label(content_type):
    return f"{content_type.app_label}.{content_type.model}"


client = Client()


def served(url):
    response = client.get(url)
    content = Content()
    content.feed(response.content.decode())
    return {"status": response.status_code, **content.result()}


pages = {}
for page in Page.objects.order_by("path").select_related("content_type"):
    latest = page.get_latest_revision_as_object()
    entry = {
        "path": page.path,
        "title": page.title,
        "live": page.live,
        "type": label(page.content_type),
        "revisions": page.revisions.count(),
        "log_entries": PageLogEntry.objects.filter(page=page).count(),
        "latest_revision": [latest.title, getattr(latest, "intro", None)],
    }
    if page.live and page.depth > 1:
        entry.update(url=page.url, served=served(page.url))
    pages[page.pk] = entry

snapshot = {
    "pages": pages,
    # What each search finds, on any of its pages: how results read and rank is the search code's own.
    "searches": {
        query: sorted({link for n in range(1, 6) for link in served(f"/search/?query={query}&page={n}")["links"]})
        for query in ("community", "recovery", "support")
    },
    "workflows": sorted([row.page_id, row.workflow.name] for row in WorkflowPage.objects.select_related("workflow")),
    "group_page_permissions": sorted(
        [row.group.name, row.page_id, row.permission.codename]
        for row in GroupPagePermission.objects.select_related("group", "permission")
    ),
    "group_permissions": {
        group.name: sorted(
            f"{label(permission.content_type)}.{permission.codename}"
            for permission in group.permissions.select_related("content_type")
        )
        for group in Group.objects.all()
    },
    "search_entries": sorted(
        [label(entry.content_type), entry.object_id] for entry in IndexEntry.objects.select_related("content_type")
    ),
    "reference_index_rows": ReferenceIndex.objects.count(),
}
with open(output, "w") as out:
    json.dump(snapshot, out, indent=1, sort_keys=True)
'''

# Run by the old code after the demo: a published edit and a draft, so pages have several revisions.
EDIT = """
from home.models import CommunityIndexPage, CommunityPage

first, second = CommunityPage.objects.live().order_by("path")[:2]
first.intro += " Checked again this month."
first.save_revision(log_action=True).publish()
second.intro = "A draft not yet published."
second.save_revision(log_action=True)
index = CommunityIndexPage.objects.get()
index.intro += " Updated."
index.save_revision(log_action=True).publish()
"""


def has_old_commit():
    if shutil.which("git") is None:
        return False
    result = subprocess.run(
        ["git", "-C", str(ROOT), "cat-file", "-e", f"{BEFORE_COMMUNITY_APP}^{{commit}}"],
        capture_output=True,
        check=False,
    )
    return result.returncode == 0


@pytest.fixture
def database_url(tmp_path):
    """A database of its own: a new PostgreSQL database when the suite runs on PostgreSQL, else a SQLite file."""
    database = settings.DATABASES["default"]
    if "postgresql" not in database["ENGINE"]:
        yield f"sqlite:///{tmp_path / 'site.sqlite3'}"
        return
    import psycopg

    name = f"rmc_community_migration_{uuid.uuid4().hex[:10]}"
    server = {
        "host": database.get("HOST") or "localhost",
        "port": database.get("PORT") or 5432,
        "user": database.get("USER") or "postgres",
        "password": database.get("PASSWORD") or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**server) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    password = f":{server['password']}" if server["password"] else ""
    yield f"postgres://{server['user']}{password}@{server['host']}:{server['port']}/{name}"
    with psycopg.connect(**server) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(code, *args, env):
    result = subprocess.run(
        [sys.executable, *args], cwd=code, env=env, capture_output=True, text=True, timeout=900, check=False
    )
    assert result.returncode == 0, f"{' '.join(args)} in {code} failed:\n{result.stdout}\n{result.stderr}"
    return result


def snapshot(code, tmp_path, name, env):
    script = tmp_path / "snapshot.py"
    script.write_text(SNAPSHOT)
    output = tmp_path / f"{name}.json"
    run(code, str(script), str(code), str(output), env=env)
    return json.loads(output.read_text())


def templates(link):
    """Links that templates or the clock add, not content: a group page carried its join form (and the
    form its privacy link) until issue 13 gave the form a page of its own, which the group page links
    to; each listing's "Report a problem with this listing" link (issue 16); the articles index's
    "Members' stories" filter (issue 15); and which groups a page lists (the home page's, an article's,
    the finder's first page) are those meeting soonest, which changes when a meeting begins between
    the two snapshots."""
    return (
        link == "a href=/privacy/"
        or link.endswith(("/join/", "/report/", "?kind=story"))
        or GROUP_PAGE_LINK.match(link) is not None
    )


def as_content(page):
    """A page's entry with what it serves reduced to its status and the pages and pictures it links
    to: the words and icons around them are the current templates' (they change from one round of
    work to the next), the links are the content's."""
    if "served" not in page:
        return page
    links = page["served"]["links"]
    kept = sorted({link for link in links if link.startswith(("a href=/", "img src=/media/")) and not templates(link)})
    return {**page, "served": {"status": page["served"]["status"], "links": kept}}


def as_moved(value):
    """What an old label names now: home.communitypage is community.communitypage."""
    if isinstance(value, str):
        for model in MOVED_MODELS:
            if value == f"home.{model}" or value.startswith(f"home.{model}."):
                return "community" + value[len("home") :]
        return value
    if isinstance(value, list):
        return [as_moved(item) for item in value]
    if isinstance(value, dict):
        return {key: as_moved(item) for key, item in value.items()}
    return value


@pytest.mark.skipif(not has_old_commit(), reason=f"needs the git history with commit {BEFORE_COMMUNITY_APP[:7]}")
def test_a_site_built_before_the_community_app_keeps_its_pages_revisions_and_permissions(tmp_path, database_url):
    old_code = tmp_path / "before"
    archive = tmp_path / "before.tar"
    subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", f"--output={archive}", BEFORE_COMMUNITY_APP], check=True
    )
    with tarfile.open(archive) as tar:
        tar.extractall(old_code, filter="data")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "PYTHONPATH", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(tmp_path / "media"),
        LOG_LEVEL="WARNING",
        WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000",
        PYTHONDONTWRITEBYTECODE="1",
    )

    run(old_code, "manage.py", "migrate", "--no-input", env=env)
    run(old_code, "manage.py", "load_demo_content", "--verbosity=0", env=env)
    run(old_code, "manage.py", "shell", "--no-imports", "-c", EDIT, env=env)
    before = snapshot(old_code, tmp_path, "before", env)

    run(ROOT, "manage.py", "migrate", "--no-input", env=env)
    after = snapshot(ROOT, tmp_path, "after", env)

    assert any(page["type"] == "home.communitypage" and page["revisions"] > 1 for page in before["pages"].values())
    assert "home.area.view_area" in before["group_permissions"]["Editors"]
    live = [page for page in before["pages"].values() if "served" in page]
    assert len(live) > 20 and all(page["served"]["status"] == 200 for page in live)
    assert any(page["served"]["text"] for page in live)
    expected = as_moved(before)
    # Granted since by later migrations: reports of problems with listings (home/roles.py).
    for role in (roles.MODERATORS, roles.COORDINATORS):
        expected["group_permissions"][role] += [
            f"home.listingreport.{codename}" for _app, codename in roles.LISTING_REPORT_PERMISSIONS
        ]
    # And the counselors' snippets, insurance plans and languages (counselors/permissions.py).
    # And story consents, for Moderators (blog/permissions.py).
    for role, granted in (
        (roles.EDITORS, counselor_permissions.EDITOR_PERMISSIONS),
        (roles.MODERATORS, counselor_permissions.MODERATOR_PERMISSIONS),
        # and the fees setting (counselors/migrations/0003).
        (roles.MODERATORS, counselor_permissions.FEE_MODERATOR_PERMISSIONS),
        (roles.MODERATORS, blog_permissions.MODERATOR_PERMISSIONS),
    ):
        expected["group_permissions"][role] += [
            f"{app}.{codename.split('_', 1)[1]}.{codename}" for app, codename in granted
        ]
    # And event registrations, for Group coordinators (events/migrations/0004, events/permissions.py).
    expected["group_permissions"][roles.COORDINATORS] += [
        f"{app}.{codename.split('_', 1)[1]}.{codename}" for app, codename in events_permissions.REGISTRATION_PERMISSIONS
    ]
    # And the "Intake coordinators" role, made by counselors/migrations/0003 (counselors/permissions.py).
    expected["group_permissions"][roles.INTAKE_COORDINATORS] = [
        f"{app}.{'admin' if app == 'wagtailadmin' else codename.split('_', 1)[1]}.{codename}"
        for app, codename in counselor_permissions.INTAKE_PERMISSIONS
    ]
    # Sorted by label before the labels moved: sort again.
    expected["search_entries"].sort()
    for permissions in expected["group_permissions"].values():
        permissions.sort()
    for key in expected:
        if key == "pages":
            assert after["pages"].keys() == expected["pages"].keys()
            for pk, page in expected["pages"].items():
                assert as_content(after["pages"][pk]) == as_content(page), f"page {pk}, {page['title']}"
        else:
            assert after[key] == expected[key], key
