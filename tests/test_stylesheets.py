"""The stylesheets are plain files linked from templates (or from an admin widget's media): each one
linked exists, each one is linked.

Read from the template sources, not rendered pages: a missing file would only fail in production,
where the manifest storage cannot hash a name it does not have.
"""

import re
from pathlib import Path

from django.conf import settings

CSS = Path(settings.BASE_DIR, "static", "css")
TEMPLATES = Path(settings.BASE_DIR, "templates")
LINK = re.compile(r"""<link rel="stylesheet" href="\{% static 'css/([\w-]+\.css)' %\}"( media="print")?>""")


def _links():
    """Each template's stylesheet links, as (template path, file name, print only?)."""
    return [
        (path.relative_to(TEMPLATES).as_posix(), match[1], bool(match[2]))
        for path in sorted(TEMPLATES.rglob("*.html"))
        for match in LINK.finditer(path.read_text())
    ]


# An admin widget's stylesheet, given in its Media: css={"all": ["css/name.css"]}.
MEDIA = re.compile(r"""["']css/([\w-]+\.css)["']""")
APPS = ("home", "blog", "community", "groups")


def _media_links():
    return {
        match[1]
        for app in APPS
        for path in sorted(Path(settings.BASE_DIR, app).rglob("*.py"))
        if "migrations" not in path.parts
        for match in MEDIA.finditer(path.read_text())
    }


def test_every_linked_stylesheet_exists_and_every_stylesheet_is_linked():
    linked = {name for _, name, _ in _links()} | _media_links()
    assert linked == {path.name for path in CSS.glob("*.css")}


def test_every_page_gets_the_shared_stylesheets_with_print_last():
    for template in ("base.html", "500.html"):
        names = [(name, print_only) for path, name, print_only in _links() if path == template]
        assert names[:3] == [("tokens.css", False), ("base.css", False), ("components.css", False)], template
        assert names[-1] == ("print.css", True), template


def test_area_stylesheets_come_through_the_block_in_base_html():
    base = (TEMPLATES / "base.html").read_text()
    assert base.index("components.css") < base.index("{% block area_stylesheets %}") < base.index("print.css")
    for path, name, _ in _links():
        if path not in {"base.html", "500.html"}:
            source = (TEMPLATES / path).read_text()
            # The admin's own screens (on Wagtail's admin_base.html) add theirs in its extra_css block.
            block = "extra_css" if '{% extends "wagtailadmin/' in source else "area_stylesheets"
            assert re.search(r"\{% block " + block + r" %\}\s*<link[^\n]*" + re.escape(name), source), path
