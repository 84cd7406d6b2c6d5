"""The site with Redis and the mail server down, as production runs it.

gunicorn serves production settings with Redis pointed at a closed port and SMTP at a port where
nothing listens yet. A visitor asks to join a group and sends a message (each form posted twice,
as a double click does): each is saved once and the visitor sees the thank-you page. Then the
database task worker (`manage.py db_worker`, a real process) tries the staff emails, fails, and
sends each exactly once when a mail server (aiosmtpd) starts on that port.
"""

import email
import html
import json
import os
import re
import sqlite3
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from http import HTTPStatus
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from scripts.servers import free_port, wait_for

pytestmark = [pytest.mark.slow, pytest.mark.own_servers]

BASE_DIR = Path(__file__).resolve().parent.parent
TASKS_TABLE = "django_tasks_database_dbtaskresult"
STAFF_EMAIL_TASK = "home.notifications.send_staff_email"


class Browser:
    """Just enough of a browser: cookies (for CSRF), form posts, no redirects followed."""

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, base_url):
        self.base_url = base_url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()), self._NoRedirect())

    def request(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(self.base_url + path, body, timeout=30) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode()


def hidden(page, name):
    return html.unescape(re.search(rf'name="{name}" value="([^"]*)"', page).group(1))


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope.content.decode())
        return "250 Message accepted for delivery"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A production-like site on its own SQLite file, with demo content, Redis and SMTP down."""
    folder = tmp_path_factory.mktemp("faults")
    smtp_port = free_port()  # nothing listens here until the test starts a mail server
    env = {
        **{key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "faults-test-key-7c1e9a3b5d7f9e1c3a5b7d9f1e3c5a7b9d1f3e5c",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "REDIS_URL": "redis://127.0.0.1:6390/0",  # closed: Redis is down
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",  # closed until the mail server comes back
        "STAFF_NOTIFICATION_EMAILS": "office@resilientmind.example",
        "STAFF_EMAIL_FIRST_RETRY_SECONDS": "1",
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_ROOT": str(folder / "media"),
        "LOG_LEVEL": "WARNING",
    }

    def manage(*args):
        return subprocess.run(
            [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, check=True
        ).stdout

    manage("migrate", "--no-input", "-v0")
    manage("collectstatic", "--no-input", "-v0")
    manage("load_demo_content")
    urls = json.loads(
        manage(
            "shell",
            "-c",
            "import json; from groups.models import SupportGroupPage; from home.models import ContactPage; "
            "group = next(p for p in SupportGroupPage.objects.live().specific() if p.accepts_requests); "
            "print(json.dumps({'group': group.url, 'contact': ContactPage.objects.live().get().url}))",
        )
        .strip()
        .splitlines()[-1]
    )

    port = free_port()
    server_log = (folder / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi"],
        cwd=BASE_DIR,
        env={**env, "HOST": "127.0.0.1", "PORT": str(port), "WEB_CONCURRENCY": "1"},
        stdout=server_log,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"

    def answers():
        try:
            with urllib.request.urlopen(base_url + "/health/", timeout=5) as response:  # noqa: S310 (http, loopback)
                return json.loads(response.read())
        except OSError:
            return None

    try:
        health = wait_for(answers, 60, "gunicorn to start")
        yield {
            "env": env,
            "base_url": base_url,
            "urls": urls,
            "health": health,
            "db": folder / "db.sqlite3",
            "smtp_port": smtp_port,
            "folder": folder,
        }
    finally:
        server.terminate()
        server.wait(timeout=30)
        server_log.close()


def staff_email_tasks(db_path):
    with sqlite3.connect(db_path, timeout=20) as connection:
        rows = connection.execute(
            f"SELECT status, args_kwargs, return_value FROM {TASKS_TABLE} WHERE task_path = ?",
            (STAFF_EMAIL_TASK,),
        ).fetchall()
    return [(status, json.loads(args_kwargs), return_value) for status, args_kwargs, return_value in rows]


def count(db_path, table):
    with sqlite3.connect(db_path, timeout=20) as connection:
        return connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_with_redis_and_smtp_down_visitors_are_thanked_once_and_staff_hear_when_mail_is_back(site):
    assert site["health"] == {"status": "ok", "database": "ok", "cache": "degraded"}
    visitor = Browser(site["base_url"])

    # A join request, sent twice from the same form (on the group's join page).
    group_url = site["urls"]["group"]
    status, _headers, page = visitor.request(f"{group_url}join/")
    assert status == HTTPStatus.OK
    session = re.search(r'<option value="([^"]+)"', page.split('name="preferred_session"')[1]).group(1)
    join = {
        "csrfmiddlewaretoken": hidden(page, "csrfmiddlewaretoken"),
        "submission_key": hidden(page, "submission_key"),
        "name": "Robin",
        "contact_method": "email",
        "email": "robin@example.org",
        "ok_to_leave_message": "no",
        "preferred_session": html.unescape(session),
        "note": "",
        "consent": "on",
        "website": "",
    }
    for _ in range(2):
        status, headers, _body = visitor.request(f"{group_url}join/", join)
        assert status == HTTPStatus.FOUND, _body[:500]
        assert urllib.parse.urlsplit(headers["Location"]).path == f"{group_url}thank-you/"
    status, _headers, thanks = visitor.request(urllib.parse.urlsplit(headers["Location"]).path)
    assert status == HTTPStatus.OK and "What happens next" in thanks

    # A message through the contact page, sent twice from the same form.
    contact_url = site["urls"]["contact"]
    status, _headers, page = visitor.request(contact_url)
    message = {
        "csrfmiddlewaretoken": hidden(page, "csrfmiddlewaretoken"),
        "submission_key": hidden(page, "submission_key"),
        "your_name": "Sam",
        "message": "I would like to talk to someone.",
        "contact_method": "email",
        "email": "sam@example.com",
        "ok_to_leave_message": "yes",
        "website": "",
    }
    for _ in range(2):
        status, headers, _body = visitor.request(contact_url, message)
        assert status == HTTPStatus.SEE_OTHER, _body[:500]
        thank_you = urllib.parse.urlsplit(headers["Location"])
        assert thank_you.path == f"{contact_url}thank-you/"
        status, _headers, thanks = visitor.request(f"{thank_you.path}?{thank_you.query}")
        assert status == HTTPStatus.OK
        assert "Thank you, your message has reached us" in thanks

    assert count(site["db"], "groups_joinrequest") == 1
    assert count(site["db"], "wagtailforms_formsubmission") == 1
    # The outage is in the log, the visitors are not.
    log = (site["folder"] / "gunicorn.log").read_text()
    assert "Rate limit for the join form not applied: the cache did not answer" in log
    assert "Rate limit for the contact form not applied: the cache did not answer" in log
    assert "robin@example.org" not in log and "sam@example.com" not in log
    # The emails wait in the queue: nothing was tried during the requests.
    assert [status for status, *_ in staff_email_tasks(site["db"])] == ["READY", "READY"]

    # The worker tries while the mail server is down, and queues another try for each.
    # (The demo content's search-index tasks are in the queue too: the staff emails go first.)
    worker_log = (site["folder"] / "worker.log").open("w")
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay", "--no-reload"],
        cwd=BASE_DIR,
        env=site["env"],
        stdout=worker_log,
        stderr=subprocess.STDOUT,
    )
    inbox = Inbox()
    mail_server = Controller(inbox, hostname="127.0.0.1", port=site["smtp_port"])
    try:

        def retried():
            tasks = staff_email_tasks(site["db"])
            return sum(1 for _status, args, result in tasks if result == '"retrying"') >= 2

        wait_for(retried, 60, "the worker's first, failed tries")
        assert inbox.messages == []

        # The mail server is back: each email goes out once.
        mail_server.start()
        wait_for(lambda: len(inbox.messages) >= 2, 60, "the staff emails")
        wait_for(
            lambda: all(status != "READY" for status, *_ in staff_email_tasks(site["db"])), 30, "the queue to empty"
        )
    finally:
        mail_server.stop(no_assert=True)
        worker.terminate()
        worker.wait(timeout=60)
        worker_log.close()

    subjects = sorted(email.message_from_string(message)["Subject"] for message in inbox.messages)
    assert subjects == ["New message through the website", "New request to join a support group"]
    for message in inbox.messages:
        for private in ("Robin", "robin@example.org", "Sam", "sam@example.com", "talk to someone"):
            assert private not in message
    results = sorted(result for _status, _args, result in staff_email_tasks(site["db"]))
    assert results.count('"sent"') == 2 and all(result in ('"sent"', '"retrying"') for result in results)
