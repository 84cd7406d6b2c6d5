"""Browser tests: Playwright driving Debian's Chromium (see ../shared/TESTING.md).

`playwright install` cannot download a browser here, so the installed Chromium
is used through an explicit path. Without one, these tests skip with a reason.
"""

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
HAVE_CHROMIUM = Path(CHROMIUM).exists()

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pytest_collection_modifyitems(config, items):
    # Every test in this folder is a browser test, marked or not: `-m "not browser"` (.ci/run's
    # PostgreSQL run) leaves out all of them.
    here = Path(__file__).parent
    for item in items:
        if item.path.is_relative_to(here) and "browser" not in item.keywords:
            item.add_marker(pytest.mark.browser)
    if HAVE_CHROMIUM:
        return
    skip = pytest.mark.skip(reason=f"No Chromium at {CHROMIUM}: install Debian's chromium or set CHROMIUM_PATH")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
        ],
    }


@pytest.fixture
def browser_context_args(browser_context_args):
    """A phone-sized window: most visitors arrive on a phone."""
    return {**browser_context_args, "viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def offsite_requests(page, live_server):
    """Every request the page makes to a host other than the site's own."""
    own = urlsplit(live_server.url).netloc
    seen = []

    def record(request):
        parts = urlsplit(request.url)
        if parts.scheme in {"http", "https", "ws", "wss"} and parts.netloc != own:
            seen.append(request.url)

    page.on("request", record)
    return seen


@pytest.fixture
def axe_check():
    """Run axe-core on the open page and fail on any WCAG 2.2 AA violation."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page):
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"

    return check


class Steps:
    """Counts what the visitor does: each page they open, each choice, each field, each press."""

    def __init__(self):
        self.count = 0

    def __call__(self, action, *args, **kwargs):
        self.count += 1
        return action(*args, **kwargs)
