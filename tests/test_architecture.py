"""The import rule of README's "Layout" holds, and the contract that checks it would catch a break.

`lint-imports` (import-linter, contracts in pyproject.toml) runs in `make lint` and CI. These tests
run it too: on the tree as it is, and on a copy where the core imports an area, which it must refuse.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

pytestmark = pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter is not installed")


def _packages():
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    return config["tool"]["importlinter"]["root_packages"]


def _lint_imports(folder):
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=folder, capture_output=True, text=True, timeout=120, check=False
    )


def test_the_tree_keeps_every_contract():
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_core_importing_an_area_breaks_the_contract(tmp_path):
    for package in _packages():
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    with (tmp_path / "home" / "utils.py").open("a") as module:
        module.write("\nfrom groups import schedule  # noqa: E402, F401\n")

    result = _lint_imports(tmp_path)

    assert result.returncode != 0
    assert "The core (home) imports no area BROKEN" in result.stdout
    assert "home.utils -> groups.schedule" in result.stdout
