"""The site as production runs it, started on loopback for tests and the benchmark.

gunicorn on production settings, the background task worker and Varnish in front, each a real
process that is stopped when its `with` block ends:

    env = production_env(folder, DATABASE_URL=...)
    prepare_site(env)                      # migrate, collectstatic, demo content
    with gunicorn(env) as site, varnishd(site.port, folder) as cache:
        urllib.request.urlopen(cache.url + "/")

Imported by tests (`from scripts import servers`) and by scripts/bench.py.
"""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
VARNISH_CONFIG = BASE_DIR / "config" / "varnish" / "default.vcl"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"


@dataclass
class Server:
    """A running server: where it listens and its process."""

    port: int
    process: subprocess.Popen
    log: Path

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def log_text(self):
        return self.log.read_text(errors="replace") if self.log.exists() else ""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(condition, timeout, what):
    """`condition()`'s first true value, polled every 0.1 s; AssertionError after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.1)
    raise AssertionError(f"Timed out after {timeout} s waiting for {what}")


def production_env(folder, **overrides):
    """Production settings for a throw-away site in `folder`: SQLite there unless DATABASE_URL is given.

    Plain HTTP on loopback, no Redis unless REDIS_URL is given, mail printed, not sent.
    """
    folder = Path(folder)
    env = {key: value for key, value in os.environ.items() if key not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL"}}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "loopback-only-key-3f9a1c7e5b2d8f4a6c0e9b1d3f5a7c9e1b3d5f7a9c1e",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "SESSION_COOKIE_SECURE": "false",
            "CSRF_COOKIE_SECURE": "false",
            "STATIC_ROOT": str(folder / "static"),
            "MEDIA_ROOT": str(folder / "media"),
            "EMAIL_URL": "consolemail://",
            "LOG_LEVEL": "WARNING",
        }
    )
    env.update({key: str(value) for key, value in overrides.items()})
    return env


def manage(env, *args):
    """`manage.py args…` with `env`; its standard output. Raises CalledProcessError with the output on failure."""
    completed = subprocess.run(  # noqa: S603 (our own command)
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        raise subprocess.CalledProcessError(
            completed.returncode, completed.args, output=completed.stdout, stderr=completed.stderr
        )
    return completed.stdout


def prepare_site(env, demo=True):
    """Migrate, collect the static files and (by default) load the demo content."""
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "collectstatic", "--no-input", "-v0")
    if demo:
        manage(env, "load_demo_content")


def _answers(url):
    def check():
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (http, loopback)
                return response.status or True
        except OSError:
            return None

    return check


def _stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def gunicorn(env, port=None, workers=2, log=None):
    """gunicorn serving `env`'s site on 127.0.0.1 (a free port unless given), ready when /health/ answers."""
    port = port or free_port()
    log = Path(log) if log else Path(env["MEDIA_ROOT"]).parent / f"gunicorn-{port}.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi", "--no-control-socket"],
            cwd=BASE_DIR,
            env={**env, "HOST": "127.0.0.1", "PORT": str(port), "WEB_CONCURRENCY": str(workers)},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        server = Server(port, process, log)
        try:
            wait_for(_answers(server.url + "/health/"), 60, f"gunicorn on port {port} (log: {log})")
            yield server
        finally:
            _stop(process)


@contextmanager
def worker(env, log=None):
    """The background task worker (`manage.py db_worker`), polling every 0.2 s."""
    log = Path(log) if log else Path(env["MEDIA_ROOT"]).parent / "worker.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay", "--no-reload"],
            cwd=BASE_DIR,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            yield process
        finally:
            _stop(process)


def varnish_config(backend_port, vcl=VARNISH_CONFIG):
    """The shipped VCL with its backend pointed at 127.0.0.1:`backend_port`."""
    text = Path(vcl).read_text()
    backend = re.compile(r'(backend\s+default\s*\{[^}]*?\.host\s*=\s*")[^"]*("[^}]*?\.port\s*=\s*")[^"]*(")', re.S)
    text, found = backend.subn(rf"\g<1>127.0.0.1\g<2>{backend_port}\g<3>", text)
    if not found:
        raise ValueError(f"{vcl} has no `backend default` with a .host and a .port")
    return text


def varnish_unavailable(vcl=VARNISH_CONFIG):
    """Why `varnishd()` cannot start here ("varnishd not installed", "… not found"), or None when it can."""
    if not Path(VARNISHD).exists():
        return "varnishd not installed (apt-get install varnish)"
    if not Path(vcl).exists():
        name = Path(vcl).relative_to(BASE_DIR) if Path(vcl).is_relative_to(BASE_DIR) else vcl
        return f"{name} not found"
    return None


@contextmanager
def varnishd(backend_port, folder, port=None, vcl=VARNISH_CONFIG, memory="64m"):
    """Varnish (Debian's varnishd) on 127.0.0.1 in front of 127.0.0.1:`backend_port`, with the shipped VCL.

    Its working directory is under `folder`; it is stopped by its PID when the block ends.
    """
    folder = Path(folder)
    port = port or free_port()
    # varnishd started by root drops to its own user, which must reach the config and its working
    # directory: a folder of their own in /tmp, readable by all (pytest's temporary folders are not).
    shared = Path(tempfile.mkdtemp(prefix=f"varnish-{port}-"))
    shared.chmod(0o755)
    config = shared / "default.vcl"
    config.write_text(varnish_config(backend_port, vcl))
    config.chmod(0o644)
    workdir = shared / "workdir"
    log = folder / f"varnishd-{port}.log"
    with log.open("w") as output:
        process = subprocess.Popen(  # noqa: S603 (Debian's varnishd, our arguments)
            [
                VARNISHD,
                "-F",
                "-a",
                f"127.0.0.1:{port}",
                "-f",
                str(config),
                "-n",
                str(workdir),
                "-s",
                f"malloc,{memory}",
                "-T",
                "none",
            ],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        server = Server(port, process, log)
        try:
            wait_for(_answers(server.url + "/health/"), 30, f"varnishd on port {port} (log: {log})")
            yield server
        finally:
            _stop(process)
            shutil.rmtree(shared, ignore_errors=True)


@dataclass
class Stack:
    """The site as production runs it behind Varnish: `site` (gunicorn), `cache` (varnishd), `env`."""

    env: dict
    site: Server
    cache: Server


@contextmanager
def behind_varnish(folder, demo=True, workers=2, **overrides):
    """gunicorn, the task worker and Varnish in front, Wagtail purging Varnish (VARNISH_PURGE_URL)
    from the worker, for a throw-away site in `folder` (prepared here: migrated, demo content)."""
    folder = Path(folder)
    cache_port = free_port()
    env = production_env(folder, VARNISH_PURGE_URL=f"http://127.0.0.1:{cache_port}", **overrides)
    prepare_site(env, demo=demo)
    with (
        gunicorn(env, workers=workers) as site,
        worker(env),
        varnishd(site.port, folder, port=cache_port) as cache,
    ):
        yield Stack(env, site, cache)


def static_url(env, name):
    """The URL path under which `env`'s site serves the static file `name` (hashed by the manifest of
    compressed manifest storage, e.g. /static/css/base.1a2b3c4d5e6f.css), after `prepare_site(env)`."""
    manifest = json.loads((Path(env["STATIC_ROOT"]) / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"][name]


def fetch(url, headers=None, method="GET"):
    """(status, headers, body bytes) of one request, redirects not followed, errors returned, not raised."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect())
    request = urllib.request.Request(url, headers=headers or {}, method=method)  # noqa: S310 (loopback)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def fetch_json(url, headers=None):
    status, _headers, body = fetch(url, headers)
    return status, json.loads(body)
