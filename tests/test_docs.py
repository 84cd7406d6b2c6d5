"""The editors' guide and its screenshots cannot drift apart.

The screenshots are taken by scripts/docs_screenshots.py (`make docs-screenshots`), which is too
slow for the suite; these checks only read files.
"""

import importlib.util
import re
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
GUIDE = BASE_DIR / "docs" / "editors.md"
IMAGES = BASE_DIR / "docs" / "images" / "editors"
IMAGE_LINK = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)\)")


@pytest.fixture(scope="module")
def script():
    spec = importlib.util.spec_from_file_location("docs_screenshots", BASE_DIR / "scripts" / "docs_screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # imports neither Django nor Playwright at module level
    return module


@pytest.fixture(scope="module")
def image_links():
    return [match.groupdict() for match in IMAGE_LINK.finditer(GUIDE.read_text(encoding="utf-8"))]


def test_the_script_has_a_list_of_named_shots(script):
    names = script.shot_names()
    assert names, "scripts/docs_screenshots.py registers no shots"
    assert len(names) == len(set(names)), "two shots share a name"
    for name in names:
        assert re.fullmatch(r"\d\d-[a-z0-9-]+", name), f"{name}: shots are named NN-words-with-dashes"
    assert all(callable(function) for _, function in script.SHOTS)


def test_every_image_in_the_guide_exists_and_has_alt_text(image_links):
    assert image_links, "docs/editors.md shows no pictures"
    for link in image_links:
        assert (GUIDE.parent / link["src"]).is_file(), f"docs/editors.md links to a missing image: {link['src']}"
        assert len(link["alt"].split()) >= 4, f"{link['src']}: describe the picture in its alt text"


def test_every_shot_the_script_takes_is_in_the_guide(script, image_links):
    shown = {link["src"] for link in image_links}
    for name in script.shot_names():
        assert f"images/editors/{name}.png" in shown, f"{name}.png is taken but docs/editors.md never shows it"


def test_the_guide_shows_only_pictures_the_script_takes(script, image_links):
    taken = {f"images/editors/{name}.png" for name in script.shot_names()}
    for link in image_links:
        assert link["src"] in taken, f"{link['src']} is not made by scripts/docs_screenshots.py, so it would go stale"


def test_no_stray_pictures_are_committed(script):
    on_disk = {path.stem for path in IMAGES.glob("*.png")}
    assert on_disk == set(script.shot_names())


def test_the_guide_is_linked_from_the_readme():
    assert "docs/editors.md" in (BASE_DIR / "README.md").read_text(encoding="utf-8")
