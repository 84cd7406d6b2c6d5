#!/usr/bin/env python
"""Benchmark: queries and render time per page type, and requests per second through real servers.

Render part: in-process through Django's test client on production settings (DEBUG off,
compressed manifest static files) against a throwaway SQLite database, first
with the demo content (1x), then with ten times as much (10x, made by each
app's `demo.multiply`). Warm requests only; nothing here is a pass/fail test.

HTTP part (scripts/bench_http.py): requests per second for the home page, an
article, the group finder and an API list through gunicorn alone, gunicorn with
the in-process page cache, and Varnish, each beside a static file served by the
same server in the same run. Load from wrk when installed (apt-get install wrk).

    make bench                          # both parts
    python scripts/bench.py --render-only --runs 30
    python scripts/bench.py --http-only --seconds 15
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))


def configure_environment(workdir):
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "bench-only-secret-key-not-used-anywhere-else-0123456789abcdef",
            "ALLOWED_HOSTS": "testserver,localhost,127.0.0.1",
            "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}"),
            "SECURE_SSL_REDIRECT": "false",
            "SESSION_COOKIE_SECURE": "false",
            "CSRF_COOKIE_SECURE": "false",
            "MEDIA_ROOT": str(workdir / "media"),
            "STATIC_ROOT": str(workdir / "static"),
            "WAGTAILADMIN_BASE_URL": "http://testserver",
            "EMAIL_URL": "consolemail://",
            "LOG_LEVEL": "WARNING",
        }
    )
    os.environ.pop("REDIS_URL", None)


def targets():
    """(label, url): a static file first, the baseline, then one live page of each page type and each app's extra URLs.

    The static file goes through the same stack (WSGI handler, middleware, whitenoise) in the same run,
    so the pages' times can be read against what the server costs for a request that does no work.
    """
    from django.templatetags.static import static
    from wagtail.models import Page, get_page_models

    from home.management.commands.load_demo_content import demo_modules

    found = [("Static file, the baseline", static("css/base.css"))]
    for model in get_page_models():
        if model is Page:
            continue
        page = model.objects.live().public().order_by("path").first()
        if page is not None:
            found.append((model.__name__, page.url))
    for module in demo_modules():
        found.extend(getattr(module, "bench_urls", list)())
    return found


def measure(client, url, runs):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):
        response = client.get(url)
    timings = []
    queries = 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as context:
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        queries = len(context.captured_queries)
    return response.status_code, queries, statistics.median(timings)


def run(runs, factor):
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from home.management.commands.load_demo_content import demo_modules

    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    call_command("load_demo_content", verbosity=0)

    client = Client()
    results = {}
    labels = targets()
    for label, url in labels:
        results[(label, url)] = [measure(client, url, runs)]

    for module in demo_modules():
        multiply = getattr(module, "multiply", None)
        if multiply:
            multiply(factor, log=lambda message: None)
    for label, url in labels:
        results[(label, url)].append(measure(client, url, runs))

    width = max(len(f"{label} {url}") for label, url in labels) + 2
    print(f"\nMedian of {runs} warm requests, production settings, SQLite. 10x = demo content x{factor}.\n")
    print(
        f"{'page or endpoint':<{width}} {'status':>6} {'queries 1x':>10} {'ms 1x':>7} {'queries 10x':>11} {'ms 10x':>7}"
    )
    print("-" * (width + 48))
    for (label, url), ((status, q1, t1), (status10, q10, t10)) in results.items():
        flag = "  <- grows with content" if q10 > q1 else ""
        name = f"{label} {url}"
        print(f"{name:<{width}} {status:>6} {q1:>10} {t1:>7.1f} {q10:>11} {t10:>7.1f}{flag}")
        if status10 != status:
            print(f"  status changed at 10x: {status} -> {status10}")


def parse_args(argv=None):
    from scripts import bench_http, servers

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--render-only", action="store_true", help="queries and render time only")
    only.add_argument("--http-only", action="store_true", help="requests per second through the servers only")
    render = parser.add_argument_group("render part")
    render.add_argument("--runs", type=int, default=20, help="timed requests per URL (default 20)")
    render.add_argument("--factor", type=int, default=10, help="content multiplier for the second pass (default 10)")
    http = parser.add_argument_group("HTTP part")
    http.add_argument("--seconds", type=int, default=10, help="load time per URL and server (default 10)")
    http.add_argument("--connections", type=int, default=16, help="open connections (default 16)")
    http.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    http.add_argument(
        "--load-tool", choices=["wrk", "python"], help="default: wrk if installed, else the less precise Python client"
    )
    http.add_argument(
        "--vcl", type=Path, default=servers.VARNISH_CONFIG, help="Varnish configuration (default: the shipped one)"
    )
    http.add_argument(
        "--redis-url",
        default=bench_http.DEFAULT_REDIS_URL,
        help="a Redis database the bench may flush, for the page cache (default $BENCH_REDIS_URL or %(default)s)",
    )
    return parser.parse_args(argv)


def main():
    args = parse_args()
    if not args.http_only:
        environment = dict(os.environ)
        with tempfile.TemporaryDirectory(prefix="rmc-bench-") as workdir:
            configure_environment(Path(workdir))
            run(args.runs, args.factor)
        # The HTTP part's servers start from this process's environment, not the render part's.
        os.environ.clear()
        os.environ.update(environment)
    if not args.render_only:
        from scripts import bench_http

        bench_http.run(args.seconds, args.connections, args.threads, args.vcl, args.redis_url, args.load_tool)


if __name__ == "__main__":
    main()
