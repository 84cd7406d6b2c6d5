#!/usr/bin/env python
"""Fuzz every public URL and API parameter: several thousand requests, none may answer 5xx.

Requests come from tests/fuzz_targets.py, the catalogue the property-based test
(tests/test_fuzz.py) draws a few hundred from: each page type with its filters,
the indexes, search, feeds, calendars, the Meeting Guide feed, the sitemap, API
v2 and every read of API v3, with good values, arbitrary text (control
characters, NUL, lone surrogates), bytes that are not UTF-8, huge numbers and
empty values. It prints the count of answers by status class and exits 1 on any
5xx (or a control character echoed into a page), listing the URLs.

    make fuzz                                  # 6,000 requests in-process, production settings, demo content
    python scripts/fuzz.py --requests 20000 --seed 7
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/fuzz python scripts/fuzz.py   # on PostgreSQL
    python scripts/fuzz.py --server http://127.0.0.1:8000   # a running server; the catalogue is read
                                                            # from the database DATABASE_URL names (the server's)

In-process it runs on a throwaway SQLite database (or BENCH_DATABASE_URL) with the
demo content, as `make bench` does.
"""

import argparse
import collections
import os
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
sys.path.insert(0, str(BASE_DIR / "scripts"))


class HTTPAnswer:
    """Enough of a Django response for `problems()`: a status, headers and a body."""

    streaming = False

    def __init__(self, status_code, headers, content):
        self.status_code, self.headers, self.content = status_code, headers, content

    def get(self, name, default=None):
        return self.headers.get(name, default)


def over_http(server):
    def send(url):
        # Only the http(s) address given on the command line: no other scheme reaches urlopen.
        request = urllib.request.Request(server.rstrip("/") + url, headers={"User-Agent": "rmc-fuzz"})  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:  # noqa: S310
                return HTTPAnswer(answer.status, answer.headers, answer.read())
        except urllib.error.HTTPError as error:
            return HTTPAnswer(error.code, error.headers, error.read())

    return send


def in_process():
    from django.test import Client

    client = Client(raise_request_exception=False)
    return client.get


def fuzz(send, count, seed):
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st

    from tests.fuzz_targets import problems, requests, targets

    catalogue = targets()
    statuses = collections.Counter()
    failures = []

    @settings(
        max_examples=count,
        deadline=None,
        database=None,
        phases=[Phase.generate],  # every request counts; nothing is shrunk or replayed
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def one(data):
        url = data.draw(requests(catalogue))
        response = send(url)
        statuses[f"{response.status_code // 100}xx"] += 1
        statuses[str(response.status_code)] += 1
        for problem in problems(response):
            failures.append(f"{url}  {problem}")

    from hypothesis import seed as with_seed

    with_seed(seed)(one)()
    return len(catalogue), statuses, failures


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=6000, help="how many requests (default 6000)")
    parser.add_argument("--seed", type=int, default=12, help="random seed: the same seed sends the same requests")
    parser.add_argument("--server", help="send to this running server instead of in-process")
    args = parser.parse_args()
    if args.server and not args.server.startswith(("http://", "https://")):
        parser.error("--server takes an http:// or https:// address")

    with tempfile.TemporaryDirectory(prefix="rmc-fuzz-") as workdir:
        if args.server:
            os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
        else:
            from bench import configure_environment

            configure_environment(Path(workdir))
        import django

        django.setup()
        if not args.server:
            from django.core.management import call_command

            call_command("migrate", verbosity=0, interactive=False)
            call_command("collectstatic", verbosity=0, interactive=False)
            call_command("load_demo_content", verbosity=0)
        send = over_http(args.server) if args.server else in_process()
        urls, statuses, failures = fuzz(send, args.requests, args.seed)

    total = sum(value for key, value in statuses.items() if key.endswith("xx"))
    print(f"\n{total} requests over {urls} public URLs (seed {args.seed}).")
    for key in sorted(key for key in statuses if key.endswith("xx")):
        codes = sorted(code for code in statuses if code[0] == key[0] and code != key)
        detail = ", ".join(f"{code}: {statuses[code]}" for code in codes)
        print(f"  {key}: {statuses[key]:>6}   ({detail})")
    if failures:
        print(f"\n{len(failures)} problems:")
        for failure in failures[:50]:
            print("  " + failure)
        return 1
    print("No server error, no control character echoed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
