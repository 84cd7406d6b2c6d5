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
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
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

    def wait_ready(self, timeout=60):
        """Return once /health/ answers (AssertionError, with the log's place, after `timeout` seconds)."""
        wait_for(_answers(self.url + "/health/"), timeout, f"the server on port {self.port} (log: {self.log})")


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
    """Migrate, collect the static files and (by default) load the demo content.

    collectstatic reads no database: it runs beside the migrations, on the machine's other core.
    """
    with ThreadPoolExecutor(max_workers=1) as pool:
        static = pool.submit(manage, env, "collectstatic", "--no-input", "-v0")
        manage(env, "migrate", "--no-input", "-v0")
        static.result()
    if demo:
        manage(env, "load_demo_content")


def shell(env, code):
    """Run `code` in `manage.py shell` with `env`; the JSON its last line of output prints."""
    return json.loads(manage(env, "shell", "--no-imports", "-c", code).strip().splitlines()[-1])


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
def gunicorn(env, port=None, workers=2, log=None, wait=True):
    """gunicorn serving `env`'s site on 127.0.0.1 (a free port unless given), ready when /health/ answers.

    With wait=False it is yielded as soon as it is started: call its `wait_ready()` (several servers
    then start side by side).
    """
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
            if wait:
                server.wait_ready()
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


# PostgreSQL, Redis and S3 for a site on more than one server (tests/test_two_servers.py). --------------

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS_SERVER_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379")


def postgres_answers(url=POSTGRES_URL):
    """Why PostgreSQL at `url` cannot be used (a sentence), or None when it answers."""
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=3):
            return None
    except psycopg.Error as error:
        return f"PostgreSQL at {url} does not answer ({type(error).__name__})"


def redis_answers(url=REDIS_SERVER_URL):
    """Why Redis at `url` cannot be used (a sentence), or None when it answers."""
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=3, socket_timeout=3).ping()
        return None
    except redis.RedisError as error:
        return f"Redis at {url} does not answer ({type(error).__name__})"


@contextmanager
def postgres_database(prefix="rmc_servers", url=POSTGRES_URL):
    """A new, empty PostgreSQL database named `prefix` and a random suffix; its DATABASE_URL.

    Dropped when the block ends, with any connection still open to it.
    """
    import psycopg
    from psycopg import sql

    name = f"{prefix}_{secrets.token_hex(4)}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield url.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@contextmanager
def redis_database(number, url=REDIS_SERVER_URL):
    """Redis database `number`, emptied before and after the block; its REDIS_URL."""
    import redis

    client = redis.Redis.from_url(f"{url}/{number}")
    client.flushdb()
    try:
        yield f"{url}/{number}"
    finally:
        client.flushdb()
        client.close()


@dataclass
class S3:
    """A local S3-compatible server (moto) with one bucket; `env` points django-storages at it."""

    endpoint: str
    bucket: str
    client: object

    @property
    def env(self):
        return {
            "AWS_STORAGE_BUCKET_NAME": self.bucket,
            "AWS_S3_ENDPOINT_URL": self.endpoint,
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",  # moto takes any keys
        }

    def keys(self, prefix=""):
        """The keys of the objects in the bucket."""
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=prefix)
        return [item["Key"] for page in pages for item in page.get("Contents", [])]


@contextmanager
def s3_server(bucket="media", port=None):
    """moto's S3 server (`moto[server]`, a dev requirement) on 127.0.0.1 in this process, with `bucket`.

    Anyone may read its objects (a bucket policy, as for public media); writing takes the keys in `env`.
    """
    import boto3
    from moto.server import ThreadedMotoServer

    port = port or free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        endpoint = f"http://127.0.0.1:{port}"
        s3 = S3(endpoint, bucket, None)
        credentials = {key: s3.env[key] for key in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")}
        s3.client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name="us-east-1",
            **{key.lower(): value for key, value in credentials.items()},
        )
        s3.client.create_bucket(Bucket=bucket)
        # Public media as production serves them: anyone may read an object, only the site write one.
        public_read = {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{bucket}/*",
        }
        s3.client.put_bucket_policy(
            Bucket=bucket, Policy=json.dumps({"Version": "2012-10-17", "Statement": [public_read]})
        )
        yield s3
    finally:
        server.stop()
