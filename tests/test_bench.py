"""`make bench`'s HTTP part reads wrk's output and reports it honestly: parsed from recorded output here,
never by running a load (speed figures belong in the benchmark, not in tests)."""

import json
from collections import Counter

import pytest

from scripts import bench, bench_http, servers
from scripts.bench_http import GUNICORN, PAGE_CACHE, VARNISH, Load, Row

# Recorded on this project's machine: wrk -t2 -c16 --latency -s WRK_SCRIPT, a page through gunicorn
# (seconds, and the trailing spaces wrk leaves after them), then a missing page through Varnish.
WRK_GUNICORN_HOME = """Running 4s test @ http://127.0.0.1:40305/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.33s   897.30ms   3.64s    60.00%
    Req/Sec     3.17      3.54    10.00     83.33%
  Latency Distribution
     50%    2.27s 
     75%    2.89s 
     90%    3.64s 
     99%    3.64s 
  10 requests in 4.11s, 264.34KB read
Requests/sec:      2.44
Transfer/sec:     64.38KB
cache-header all 10
"""  # noqa: W291 (wrk's own trailing spaces)

WRK_VARNISH_404 = """Running 2s test @ http://127.0.0.1:42619/nope/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     0.94ms    3.48ms  67.71ms   97.32%
    Req/Sec    11.60k     2.16k   14.70k    85.71%
  Latency Distribution
     50%  443.00us
     75%  587.00us
     90%  724.00us
     99%   21.20ms
  48454 requests in 2.10s, 362.47MB read
  Non-2xx or 3xx responses: 48454
  Socket errors: connect 0, read 2, write 0, timeout 3
Requests/sec:  23085.06
Transfer/sec:    172.69MB
cache-header x-cache MISS 1
cache-header x-cache HIT 48453
cache-header all 48454
"""


def test_wrk_output_is_read_with_its_units():
    load = bench_http.parse_wrk(WRK_GUNICORN_HOME)
    assert (load.requests_per_second, load.requests, load.errors) == (2.44, 10, 0)
    assert (load.p50_ms, load.p99_ms) == (2270.0, 3640.0)
    assert load.hit_share("X-Page-Cache") is None  # no response carried it: "no hdr", not 0 %

    load = bench_http.parse_wrk(WRK_VARNISH_404)
    assert (load.requests_per_second, load.requests) == (23085.06, 48454)
    assert load.p50_ms == pytest.approx(0.443)
    assert load.p99_ms == pytest.approx(21.2)
    assert load.errors == 48454 + 5  # non-2xx responses and socket errors
    assert load.hit_share("X-Cache") == pytest.approx(48453 / 48454)


def test_anything_but_wrk_output_is_an_error():
    with pytest.raises(ValueError, match="Not wrk's output"):
        bench_http.parse_wrk("wrk: invalid option -- 'x'\n")


def _rows(static, *pages):
    return [Row("static file", "/static/css/base.123.css", 200, static)] + [
        Row(label, path, 200, load) for label, path, load in pages
    ]


def test_the_report_gives_ratios_to_the_static_file_cache_hits_and_skips():
    results = {
        GUNICORN: _rows(
            Load(1000.0, 10000, 10.0, 50.0),
            ("home", "/", Load(10.0, 100, 1500.0, 2500.0, headers=Counter(all=100))),
        ),
        VARNISH: _rows(
            Load(4000.0, 40000, 1.0, 5.0, headers=Counter({"all": 40000, "x-cache HIT": 40000})),
            ("home", "/", Load(2000.0, 20000, 2.0, 9.0, headers=Counter({"all": 20000, "x-cache MISS": 20000}))),
        ),
    }
    skipped = {PAGE_CACHE: "skipped, Redis at redis://127.0.0.1:6390/0 does not answer", VARNISH: None}
    text = bench_http.report(results, skipped, "wrk", 10, 16, 2, cores=2)

    assert "wrk, 2 threads, 16 connections, 10 s per URL" in text
    assert "2 CPU cores: the load generator competes with the servers" in text
    assert f"{PAGE_CACHE}: skipped, Redis at redis://127.0.0.1:6390/0 does not answer" in text
    gunicorn_home, varnish_home = (line.split() for line in text.splitlines() if line.startswith("  home"))
    # label, path, status, req/s, % static, % gunicorn static, p50, p99, HIT, errors
    assert gunicorn_home == ["home", "/", "200", "10.0", "1.0", "%", "1.0", "%", "1,500.0", "2,500.0", "no", "hdr", "0"]
    assert varnish_home == ["home", "/", "200", "2,000.0", "50.0", "%", "200.0", "%", "2.0", "9.0", "0", "%", "0"]
    assert f"{VARNISH}, at least 100 % each: home 200 %: met" in text


def test_the_python_fallback_says_it_is_less_precise():
    results = {GUNICORN: _rows(Load(300.0, 3000), ("home", "/", Load(3.0, 30)))}
    text = bench_http.report(results, {VARNISH: "skipped, varnishd not installed"}, "python", 10, 16, 2, cores=8)
    assert "the Python fallback" in text
    assert "LESS PRECISE than wrk" in text
    assert "apt-get install wrk" in text
    assert f"{VARNISH}: skipped, varnishd not installed" in text
    assert "Issue 13's targets" in text
    assert f"{PAGE_CACHE}, at least" not in text  # not measured, so not judged


def test_varnish_says_why_it_cannot_start(tmp_path, monkeypatch):
    installed = tmp_path / "varnishd"
    installed.touch()
    vcl = tmp_path / "default.vcl"
    monkeypatch.setattr(servers, "VARNISHD", str(tmp_path / "missing"))
    assert servers.varnish_unavailable(vcl) == "varnishd not installed (apt-get install varnish)"

    monkeypatch.setattr(servers, "VARNISHD", str(installed))
    assert servers.varnish_unavailable(servers.BASE_DIR / "config" / "varnish" / "nowhere.vcl") == (
        "config/varnish/nowhere.vcl not found"
    )
    vcl.write_text("vcl 4.1;")
    assert servers.varnish_unavailable(vcl) is None


def test_the_static_file_is_found_under_its_hashed_name(tmp_path):
    (tmp_path / "staticfiles.json").write_text(json.dumps({"paths": {"css/base.css": "css/base.736bc7cb589e.css"}}))
    assert servers.static_url({"STATIC_ROOT": str(tmp_path)}, "css/base.css") == "/static/css/base.736bc7cb589e.css"


def test_modes_and_defaults():
    both = bench.parse_args([])
    assert not both.http_only and not both.render_only
    assert (both.seconds, both.connections, both.threads) == (10, 16, 2)
    assert bench.parse_args(["--http-only"]).http_only
    assert bench.parse_args(["--render-only"]).render_only
    with pytest.raises(SystemExit):
        bench.parse_args(["--http-only", "--render-only"])
