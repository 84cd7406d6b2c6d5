"""No client address, query string or value a visitor typed in any log line, from Django or gunicorn."""

import io
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from http import HTTPStatus
from pathlib import Path

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory, override_settings
from django.urls import path

from config import urls as site_urls
from home.logging import PrivateLogFilter, redact, visitor_values

ROOT = Path(__file__).resolve().parent.parent
VISITOR = "203.0.113.9"
SECRET = "grief-and-my-brother"


@pytest.mark.parametrize(
    ("line", "written"),
    [
        (
            f"Invalid request from ip={VISITOR}: Invalid HTTP Version",
            "Invalid request from ip=[address]: Invalid HTTP Version",
        ),
        (f"client {VISITOR}:51234 went away", "client [address]:51234 went away"),
        ("from 2001:db8::42 and [2001:db8::7]:443", "from [address] and [[address]]:443"),
        ("mapped ::ffff:198.51.100.7.", "mapped [address]."),
        (f"GET /support-groups/?topic={SECRET}&day=2 HTTP/1.1", "GET /support-groups/?[query] HTTP/1.1"),
        (f"'https://example.org/search/?query={SECRET}'", "'https://example.org/search/?[query]'"),
        (f"Not Found: testserver:8000/groups/?day={SECRET}", "Not Found: testserver:8000/groups/?[query]"),
        (f"url(/media/x.png?v={SECRET})", "url(/media/x.png?[query]"),
        # Kept: the server's own addresses, times, versions, ordinary questions.
        ("Listening at: http://0.0.0.0:8000 and http://127.0.0.1:8000", None),
        ("Worker timeout at 10:35:01 after 30.5 s (Python 3.11.2)", None),
        ("Are you sure? Yes.", None),
    ],
)
def test_redact(line, written):
    assert redact(line) == (line if written is None else written)


def test_redact_takes_out_values_the_visitor_sent():
    assert redact(f"invalid literal for int() with base 10: '{SECRET}'", [SECRET]) == (
        "invalid literal for int() with base 10: '[value]'"
    )


def test_redact_finds_values_as_a_message_quotes_them_and_leaves_short_ones():
    sent = ["my brother\nand me", "  Samira  ", "on"]
    values = visitor_values(RequestFactory().post("/", {"a": sent[0], "b": sent[1], "c": sent[2]}))
    assert redact("ValueError: 'my brother\\nand me' and 'Samira' are not numbers, on page 2", values) == (
        "ValueError: '[value]' and '[value]' are not numbers, on page 2"
    )


def test_redact_reads_a_huge_line_once():
    """A path of 200,000 characters (a hostile request line) is rewritten, in one pass over its tokens."""
    line = "GET " + "/a" * 100_000 + "?q=" + SECRET + " " + "x" * 100_000
    assert redact(line) == "GET " + "/a" * 100_000 + "?[query] " + "x" * 100_000


def test_the_filter_rewrites_a_record_and_its_traceback():
    try:
        raise ValueError(f"bad request line 'GET /?q={SECRET}' from {VISITOR}")
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "from %s: %s", (VISITOR, "x"), sys.exc_info())
    assert PrivateLogFilter().filter(record)
    text = logging.Formatter().format(record)
    assert "from [address]: x" in text and "GET /?[query]" in text
    assert VISITOR not in text and SECRET not in text


# Django: what its console handler writes for real requests ---------------------------------


def broken(request):
    """A view that fails with what the visitor sent in its message, as `int(request.GET[…])` would."""
    raise ValueError(
        f"invalid literal for int() with base 10: {request.GET.get('page')!r} {request.POST.get('name')!r}"
    )


def form(request):
    return HttpResponse("ok")


# The site's own URLs (its 404 page), after two of the test's.
urlpatterns = [path("broken/", broken), path("form/", form), *site_urls.urlpatterns]


@pytest.fixture
def console():
    """What Django's console handler (the one with the filter) writes, at every level."""
    stream = io.StringIO()
    loggers = [logging.getLogger(name) for name in ("", "django", "django.request", "django.server")]
    handlers = {
        handler
        for logger in loggers
        for handler in logger.handlers
        if isinstance(handler, logging.StreamHandler) and any(isinstance(f, PrivateLogFilter) for f in handler.filters)
    }
    assert handlers, "the console handler has no PrivateLogFilter"
    previous_streams = {handler: handler.setStream(stream) for handler in handlers}
    levels = {logger: logger.level for logger in loggers}
    for logger in loggers:
        logger.setLevel(logging.INFO)
    yield stream
    for handler, previous in previous_streams.items():
        handler.setStream(previous)
    for logger, level in levels.items():
        logger.setLevel(level)


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__, ADMINS=[("Web", "web@example.org")])
def test_django_logs_no_address_query_or_value(console, mailoutbox, site_root):
    client = Client(raise_request_exception=False, REMOTE_ADDR=VISITOR)
    # A page that is not there, with a query string: "Not Found: /missing/".
    assert client.get("/missing/", {"q": SECRET}).status_code == HTTPStatus.NOT_FOUND
    # A bad request: a host header that is an address.
    assert client.get("/form/", {"q": SECRET}, HTTP_HOST=VISITOR).status_code == HTTPStatus.BAD_REQUEST
    # A server error whose message carries the visitor's values.
    response = client.post(f"/broken/?page={SECRET}", {"name": "Wilhelmina Private"})
    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    written = console.getvalue()
    assert "Not Found: /missing/" in written
    assert "Invalid HTTP_HOST header: '[address]'" in written
    assert "Internal Server Error: /broken/" in written and "Traceback" in written and "ValueError" in written
    for private in (VISITOR, SECRET, "Wilhelmina"):
        assert private not in written, private
    # The 500 goes to ADMINS too, its subject and report as private as the log.
    [report] = [email for email in mailoutbox if "Internal Server Error" in email.subject]
    for private in (VISITOR, SECRET, "Wilhelmina"):
        assert private not in report.subject + report.body, private
    # Only the 500 is emailed: neither the 404 nor the bad host header (scanners' noise).
    assert len(mailoutbox) == 1, [email.subject for email in mailoutbox]


# gunicorn: its error and access logs, with gunicorn.conf.py ----------------------------------


def outward_address():
    """This machine's own non-loopback address (no packet is sent), or None."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))
        except OSError:
            return None
        address = probe.getsockname()[0]
    return None if address.startswith("127.") else address


def free_port(host):
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def send(host, port, raw):
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(raw)
        sock.shutdown(socket.SHUT_WR)
        return b"".join(iter(lambda: sock.recv(4096), b""))


def test_gunicorn_logs_no_client_address_or_query(tmp_path):
    host = outward_address()
    if host is None:
        pytest.skip("no non-loopback address to connect from: gunicorn would log 127.0.0.1, which is kept")
    port = free_port(host)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "HOST": host, "PORT": str(port)}
    out, err = tmp_path / "out", tmp_path / "err"
    with out.open("w") as stdout, err.open("w") as stderr:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi", "-w", "1", "--no-control-socket"],
            cwd=ROOT,
            env=env,
            stdout=stdout,
            stderr=stderr,
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection((host, port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, err.read_text()
                time.sleep(0.1)
        # An invalid request line: gunicorn logs "Invalid request from ip=…" with what it read.
        assert send(host, port, f"GET /?q={SECRET} HTTP/1.1 junk\r\n\r\n".encode()).startswith(b"HTTP/1.1 400")
        # A good request with a query string: the access log.
        request = f"GET /static/logo.svg?q={SECRET} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        assert send(host, port, request.encode()).startswith(b"HTTP/1.1 200")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    written = out.read_text() + err.read_text()
    assert "Invalid request from ip=[address]" in written
    assert '"GET /static/logo.svg HTTP/1.1" 200' in written
    assert host not in written and SECRET not in written, written
