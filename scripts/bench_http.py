"""Requests per second through the servers production runs, for `make bench` (scripts/bench.py).

Three ways to serve the same site, each measured beside a static file served by the same server
in the same run, so that a page's figure can be read against what the server does with a request
that costs no work:

1. gunicorn alone: production settings, 2 sync workers as gunicorn.conf.py, PAGE_CACHE_SECONDS=0;
2. gunicorn with the in-process page cache: PAGE_CACHE_SECONDS=300 and the Django cache on Redis,
   as production runs on one machine (skipped, with the reason, when Redis does not answer);
3. Varnish (config/varnish/default.vcl) in front of the first gunicorn (skipped, with the reason,
   when varnishd or the configuration is missing).

Pages: the home page, an article, the group finder and an API list. The load comes from wrk
(`apt-get install wrk`) when it is installed, else from a small Python client that says it is less
precise. Every response's X-Page-Cache and X-Cache headers are counted, so the report shows how
many pages the caches really served, never an assumed figure. The servers are started by
scripts/servers.py on loopback, on free ports, in a throw-away folder.
"""

import http.client
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import textwrap
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urlsplit

import redis

from scripts import servers

# A Redis database the bench may empty: it is flushed before and after the run (the cache's keys
# do not change between runs, so a page cached by an earlier run would otherwise be served).
DEFAULT_REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")
PAGE_CACHE_SECONDS = 300
# What a browser sends: a server that compresses does it here too.
REQUEST_HEADERS = {"Accept-Encoding": "gzip"}
API_LIST = "/api/v2/pages/?type=blog.ArticlePage&fields=*&limit=20"

GUNICORN = "gunicorn alone"
PAGE_CACHE = "gunicorn + in-process page cache"
VARNISH = "Varnish in front of gunicorn"
# The header that says whether a mode's cache served a response (contracts of issue 13).
CACHE_HEADER = {GUNICORN: "X-Page-Cache", PAGE_CACHE: "X-Page-Cache", VARNISH: "X-Cache"}

# wrk's Lua hooks: count every response and the values of the two cache headers, summed over
# wrk's threads and printed after its own summary as "cache-header <name> <VALUE> <count>".
WRK_SCRIPT = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) counts = {all = 0} end
function response(status, headers, body)
  counts.all = counts.all + 1
  for name, value in pairs(headers) do
    local key = string.lower(name)
    if key == "x-cache" or key == "x-page-cache" then
      key = key .. " " .. string.upper(value)
      counts[key] = (counts[key] or 0) + 1
    end
  end
end
function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for key, n in pairs(thread:get("counts")) do total[key] = (total[key] or 0) + n end
  end
  for key, n in pairs(total) do io.write(string.format("cache-header %s %d\\n", key, n)) end
end
"""


@dataclass
class Load:
    """What one load run measured."""

    requests_per_second: float
    requests: int
    p50_ms: float | None = None
    p99_ms: float | None = None
    errors: int = 0  # responses other than 2xx or 3xx, and failed connections, reads and timeouts
    # Header counts: {"all": responses seen, "x-page-cache HIT": n, "x-cache MISS": n, …}
    headers: Counter = field(default_factory=Counter)

    def hit_share(self, header):
        """The share of responses with `header: HIT`, or None when no response carried `header`."""
        name = header.lower()
        if not any(key.startswith(name + " ") for key in self.headers):
            return None
        return self.headers[f"{name} HIT"] / max(self.headers["all"], 1)


_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def _milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text).groups()
    return float(number) * _UNIT_MS[unit]


def parse_wrk(output):
    """A Load from wrk's text output (run with --latency and WRK_SCRIPT)."""
    rate = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.M)
    count = re.search(r"^\s*(\d+) requests in ", output, re.M)
    if not rate or not count:
        raise ValueError(f"Not wrk's output:\n{output}")
    percentiles = {p: _milliseconds(t) for p, t in re.findall(r"^\s+(\d+)%\s+([\d.]+\w+)\s*$", output, re.M)}
    errors = 0
    if non_2xx := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output):
        errors += int(non_2xx.group(1))
    if sockets := re.search(r"Socket errors:(.*)", output):
        errors += sum(int(n) for n in re.findall(r"\d+", sockets.group(1)))
    headers = Counter()
    for name, count_text in re.findall(r"^cache-header (.+) (\d+)$", output, re.M):
        headers[name] += int(count_text)
    return Load(
        requests_per_second=float(rate.group(1)),
        requests=int(count.group(1)),
        p50_ms=percentiles.get("50"),
        p99_ms=percentiles.get("99"),
        errors=errors,
        headers=headers,
    )


def wrk_load(url, seconds, connections, threads, folder):
    """Load `url` with wrk for `seconds`; wrk's own timeout is raised from 2 to 30 s so a slow page is
    measured, not counted as an error."""
    script = Path(folder) / "count-cache-headers.lua"
    script.write_text(WRK_SCRIPT)
    command = [shutil.which("wrk"), f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s"]
    command += ["--latency", "-s", str(script), *(f"-H{name}: {value}" for name, value in REQUEST_HEADERS.items())]
    completed = subprocess.run([*command, url], capture_output=True, text=True, check=True)  # noqa: S603 (wrk, loopback)
    return parse_wrk(completed.stdout)


def python_load(url, seconds, connections, threads=None, folder=None):
    """Load `url` from `connections` Python threads for `seconds`: less precise than wrk (the client's
    own time, under the GIL, is part of every figure, and it cannot go much faster than a few hundred
    requests per second), but enough to compare pages with each other."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    deadline = time.monotonic() + seconds
    results = []

    def client():
        latencies, errors, headers = [], 0, Counter()
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        while time.monotonic() < deadline:
            start = time.perf_counter()
            try:
                connection.request("GET", path, headers=REQUEST_HEADERS)
                response = connection.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                errors += 1
                connection.close()
                continue
            latencies.append((time.perf_counter() - start) * 1000)
            errors += not 200 <= response.status < 400
            headers["all"] += 1
            for name in ("X-Page-Cache", "X-Cache"):
                if value := response.getheader(name):
                    headers[f"{name.lower()} {value.upper()}"] += 1
            if response.will_close:
                connection.close()
        connection.close()
        results.append((latencies, errors, headers))

    started = time.monotonic()
    clients = [threading.Thread(target=client) for _ in range(connections)]
    for thread in clients:
        thread.start()
    for thread in clients:
        thread.join()
    elapsed = time.monotonic() - started
    latencies = sorted(latency for result in results for latency in result[0])
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return Load(
        requests_per_second=len(latencies) / elapsed,
        requests=len(latencies),
        p50_ms=cuts[49] if cuts else None,
        p99_ms=cuts[98] if cuts else None,
        errors=sum(result[1] for result in results),
        headers=sum((result[2] for result in results), Counter()),
    )


def redis_unavailable(url):
    """Why the bench cannot use the Redis at `url`, or None when it answers."""
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=2).ping()
    except redis.RedisError as error:
        return f"Redis at {url} does not answer ({error}); give another with --redis-url"
    return None


def flush_redis(url):
    redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=5).flushdb()


def targets(base_url, static_path):
    """(label, path): the static file first, then the home page, an article, the finder, an API list."""

    def first_page_path(page_type):
        status, found = servers.fetch_json(f"{base_url}/api/v2/pages/?type={page_type}&limit=1")
        if status != 200 or not found.get("items"):
            raise RuntimeError(f"No live {page_type} in the demo content (API answered {status})")
        return urlsplit(found["items"][0]["meta"]["html_url"]).path

    return [
        ("static file", static_path),
        ("home", "/"),
        ("article", first_page_path("blog.ArticlePage")),
        ("group finder", first_page_path("groups.SupportGroupIndexPage")),
        ("API v2 list", API_LIST),
    ]


@dataclass
class Row:
    label: str
    path: str
    status: int  # of the last warm-up request
    load: Load


def measure(base_url, paths, load, seconds, connections, threads, folder, log):
    """A Row per path: one load run each, after three warm-up requests (which fill the caches: a
    cache's first answer is a miss)."""
    rows = []
    for label, path in paths:
        for _ in range(3):
            status, _headers, _body = servers.fetch(base_url + path, REQUEST_HEADERS)
        log(f"  {label} {path} …")
        rows.append(Row(label, path, status, load(base_url + path, seconds, connections, threads, folder)))
        _settle(base_url)
    return rows


def _settle(base_url):
    """Wait until the server has answered the requests still queued when the load stopped (a sync
    worker finishes each one), so that the next URL, or Varnish's start, meets an idle server."""

    def idle():
        try:
            return servers.fetch(base_url + "/health/")[0] == HTTPStatus.OK
        except OSError:
            return False

    servers.wait_for(idle, 120, f"{base_url} to answer the requests queued by the load")


def run(seconds=10, connections=16, threads=2, vcl=servers.VARNISH_CONFIG, redis_url=DEFAULT_REDIS_URL, tool=None):
    """Start the servers, load each page and the static file through each, print the report."""
    if tool is None:
        tool = "wrk" if shutil.which("wrk") else "python"
        if tool == "python":
            _progress("HTTP: wrk is not installed (apt-get install wrk): using the Python fallback, less precise.")
    elif tool == "wrk" and not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk (macOS: brew install wrk)")
    load = wrk_load if tool == "wrk" else python_load
    skipped = {
        mode: reason and f"skipped, {reason}"
        for mode, reason in ((VARNISH, servers.varnish_unavailable(vcl)), (PAGE_CACHE, redis_unavailable(redis_url)))
    }
    use_redis = skipped[PAGE_CACHE] is None
    results = {}
    with tempfile.TemporaryDirectory(prefix="rmc-bench-http-") as folder:
        # varnishd compiles the VCL as its own unprivileged user, which must be able to enter the
        # folder (created 0700) to read it.
        Path(folder).chmod(0o755)
        env = servers.production_env(folder, PAGE_CACHE_SECONDS=0, **({"REDIS_URL": redis_url} if use_redis else {}))
        measuring = (load, seconds, connections, threads, folder, _progress)
        try:
            if use_redis:
                flush_redis(redis_url)
            _progress("HTTP: preparing a production site with the demo content (migrate, collectstatic, demo) …")
            servers.prepare_site(env)
            static_path = servers.static_url(env, "css/base.css")
            with servers.gunicorn(env) as site:
                paths = targets(site.url, static_path)
                _progress(f"HTTP: {GUNICORN} …")
                results[GUNICORN] = measure(site.url, paths, *measuring)
                if not skipped[VARNISH]:
                    try:
                        with servers.varnishd(site.port, folder, vcl=vcl) as cache:
                            _progress(f"HTTP: {VARNISH} …")
                            results[VARNISH] = measure(cache.url, paths, *measuring)
                    except AssertionError as error:  # it did not answer: say why, go on with the page cache
                        logs = "".join(log.read_text()[-1500:] for log in Path(folder).glob("varnishd-*.log"))
                        skipped[VARNISH] = f"failed, {error}\n{logs}"
            if use_redis:
                flush_redis(redis_url)
                with servers.gunicorn({**env, "PAGE_CACHE_SECONDS": str(PAGE_CACHE_SECONDS)}) as site:
                    _progress(f"HTTP: {PAGE_CACHE} …")
                    results[PAGE_CACHE] = measure(site.url, paths, *measuring)
        finally:
            if use_redis:
                flush_redis(redis_url)
    print(report(results, skipped, tool, seconds, connections, threads, redis=redis_url if use_redis else None))


def _progress(message):
    print(message, flush=True)


def report(results, skipped, tool, seconds, connections, threads, redis=None, cores=None):
    """The HTTP part of the bench as text: a table per mode ({mode: [Row]}), a note on the machine,
    and issue 13's targets."""
    cores = cores or os.cpu_count()
    if tool == "wrk":
        how = f"wrk, {threads} threads, {connections} connections, {seconds} s per URL"
    else:
        how = (
            f"the Python fallback ({connections} threads, {seconds} s per URL): LESS PRECISE than wrk, "
            "the client's own time is in every figure; apt-get install wrk for real figures"
        )
    lines = [
        "",
        f"Requests per second: {how}, 'Accept-Encoding: gzip', after 3 warm-up requests per URL.",
        "Production settings, SQLite, demo content 1x, gunicorn with 2 sync workers (gunicorn.conf.py), "
        + (f"Django's cache on Redis ({redis}, flushed before and after)." if redis else "Django's cache in memory."),
        f"This machine has {cores} CPU cores: the load generator competes with the servers for them, so "
        "absolute figures are low and the fastest responses (static file, cached pages) are held back the "
        "most; compare ratios within one run.",
    ]
    gunicorn_static = _static(results.get(GUNICORN))
    modes = [
        (GUNICORN, "2 sync workers, PAGE_CACHE_SECONDS=0"),
        (PAGE_CACHE, f"PAGE_CACHE_SECONDS={PAGE_CACHE_SECONDS}"),
        (VARNISH, "the gunicorn above, page cache off"),
    ]
    for mode, detail in modes:
        lines.append("")
        if mode not in results:
            lines.append(f"{mode}: {skipped.get(mode) or 'not run'}")
            continue
        lines += [
            f"{mode} ({detail})",
            f"  {'':<14}{'path':<40}{'status':>7}{'req/s':>9}{'% static':>10}{'% gunicorn static':>19}"
            f"{'p50 ms':>9}{'p99 ms':>9}{'HIT':>8}{'errors':>8}",
        ]
        static = _static(results[mode])
        for row in results[mode]:
            load = row.load
            share = load.hit_share(CACHE_HEADER[mode])
            path = row.path if len(row.path) <= 39 else row.path[:38] + "…"
            lines.append(
                f"  {row.label:<14}{path:<40}{row.status:>7}{load.requests_per_second:>9,.1f}"
                f"{_percent(_ratio(load, static)):>10}{_percent(_ratio(load, gunicorn_static)):>19}"
                f"{_number(load.p50_ms):>9}{_number(load.p99_ms):>9}"
                f"{'no hdr' if share is None else _percent(100 * share, 0):>8}{load.errors:>8}"
            )
    lines += [
        "",
        "% static: of the static file through the same server in this run; % gunicorn static: of the "
        "static file through gunicorn alone.",
        "HIT: share of responses with X-Page-Cache: HIT (page cache) or X-Cache: HIT (Varnish); 'no hdr': "
        "no response carried that header (that cache is not installed, or not switched on).",
        *targets_met(results),
    ]
    return "\n".join(_wrap(line) for line in lines)


def _wrap(line, width=110):
    """Prose wrapped at `width`; table rows (indented) and logs (several lines) as they are."""
    if line.startswith(" ") or "\n" in line or len(line) <= width:
        return line
    return textwrap.fill(line, width, subsequent_indent="  ")


def _static(rows):
    return next((row.load for row in rows or [] if row.label == "static file"), None)


def _ratio(load, static):
    """`load`'s requests per second as a percentage of `static`'s, or None."""
    if static is None or not static.requests_per_second:
        return None
    return 100 * load.requests_per_second / static.requests_per_second


def _percent(value, decimals=1):
    return "-" if value is None else f"{value:.{decimals}f} %"


def _number(value):
    return "-" if value is None else f"{value:,.1f}"


def targets_met(results):
    """Issue 13's 'done when' for cached pages, read from this run."""
    static = _static(results.get(GUNICORN))
    if static is None:
        return []
    lines = ["", "Issue 13's targets, this run (pages against the static file through gunicorn alone):"]
    for mode, goal in ((VARNISH, 100), (PAGE_CACHE, 50)):
        if mode not in results:
            continue
        pages = [(row.label, _ratio(row.load, static)) for row in results[mode] if row.label != "static file"]
        figures = ", ".join(f"{label} {_percent(ratio, 0)}" for label, ratio in pages)
        verdict = "met" if all(ratio is not None and ratio >= goal for _label, ratio in pages) else "NOT met"
        lines.append(f"  {mode}, at least {goal} % each: {figures}: {verdict}")
    return lines
