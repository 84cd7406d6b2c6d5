"""Helpers for each app's demo content (`<app>/demo.py`).

Every helper finds what is already there before making anything, so running
`load_demo_content` again changes nothing that exists, including staff edits.
"""

from urllib.parse import urlsplit

from wagtail.models import Page


def get_child(parent, slug):
    """The child page of `parent` with this slug, as its specific type, or None."""
    child = parent.get_children().filter(slug=slug).first()
    return child.specific if child else None


def get_or_create_page(parent, model, slug, **fields):
    """Return `parent`'s child with `slug`; create and publish it from `fields` if missing.

    Returns (page, created).
    """
    existing = get_child(parent, slug)
    if existing is not None:
        return existing, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def publish(page):
    """Save a new revision of an edited page and publish it."""
    page.save_revision().publish()
    return page


# StreamField content in its stored (JSON) form: a list of these is assigned to a body.


def heading(text, size="h2"):
    return {"type": "heading", "value": {"text": text, "size": size}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def image(img, caption="", alt_text=""):
    value = {"image": img.pk, "alt_text": alt_text or img.description, "decorative": False}
    return {"type": "image", "value": {"image": value, "caption": caption}}


def quote(text, attribution=""):
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def call_to_action(heading_text, text, button_label, page=None, url=""):
    value = {"heading": heading_text, "text": text, "button_label": button_label, "page": page.pk if page else None}
    value["url"] = url
    return {"type": "call_to_action", "value": value}


def configure_site(home):
    """Point the default site at the address the site is served on (WAGTAILADMIN_BASE_URL).

    Canonical URLs and the sitemap use it. Left alone once changed from the install's
    `localhost:80`, e.g. by staff under Settings → Sites.
    """
    from django.conf import settings
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) != ("localhost", 80):
        return
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site.hostname = address.hostname or "localhost"
    site.port = address.port or (443 if address.scheme == "https" else 80)
    site.site_name = "Resilient Mind Counseling"
    site.save()


def home_page():
    """The default site's root page, as its specific type."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page.specific if site else Page.objects.filter(depth=2).first().specific


def api_bench_urls(model):
    """API v2 and v3, list and detail, for one page type: for each app's `bench_urls()`.

    Lists give every field (v2 `fields=*`) of up to 20 pages; details the first live page.
    """
    label = model._meta.label
    page = model.objects.live().public().order_by("path").first()
    urls = [
        (f"API v2 list {label}", f"/api/v2/pages/?type={label}&fields=*&limit=20"),
        (f"API v3 list {label}", f"/api/v3/pages/?type={label}&limit=20"),
    ]
    if page is not None:
        urls += [
            (f"API v2 detail {label}", f"/api/v2/pages/{page.pk}/"),
            (f"API v3 detail {label}", f"/api/v3/pages/{page.pk}/"),
        ]
    return urls
