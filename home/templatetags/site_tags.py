"""Template tags every page uses: icons, JSON-LD, the main menu, and a page body kept in the cache."""

import json

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Site

from home.content_version import for_request, remember
from home.csp import allow_frame
from home.geo import describe_miles
from home.queries import restricted_q

register = template.Library()


@register.filter
def miles(value):
    """A distance in words: '2.3 miles', '1 mile', '12 miles', 'under 0.1 miles' (home/geo.py; every "near me" list)."""
    return describe_miles(value)


_JSON_LD_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


class PageBodyCacheNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        request, page = context.get("request"), context.get("page")
        if request is None or page is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        html = remember("page-body", lambda: self.nodelist.render(context), page.cache_key, *for_request(request))
        # A player in the body is allowed by the page's CSP while the block renders (home/csp.py):
        # a body from the cache did not render, so its players are allowed here.
        allow_frame(request, html)
        return html


@register.tag
def page_body_cache(parser, token):
    """`{% page_body_cache %}{% include_block page.body %}{% endpage_body_cache %}`: the page's body
    as rendered, kept until any content changes (links and pictures in it show other content) or
    the page does; never in a preview. Players in it stay allowed by the page's CSP."""
    nodelist = parser.parse(("endpage_body_cache",))
    parser.delete_first_token()
    return PageBodyCacheNode(nodelist)


@register.simple_tag
def icon(name, css_class="icon"):
    """An icon from the site's own SVG sprite, hidden from screen readers (the text beside it says it)."""
    return format_html(
        '<svg class="{}" aria-hidden="true" focusable="false"><use href="{}#{}"></use></svg>',
        css_class,
        static("icons/sprite.svg"),
        name,
    )


@register.simple_tag(takes_context=True)
def json_ld(context, obj):
    """Structured data for search engines from an object's `get_json_ld(request)`.

    A JSON-LD <script> is a data block, which browsers never run, so the Content-Security-Policy's
    script-src does not apply to it and it needs no nonce (tests/browser/test_csp.py shows none is
    reported).
    """
    get_json_ld = getattr(obj, "get_json_ld", None)
    data = get_json_ld(context.get("request")) if get_json_ld else None
    if not data:
        return ""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_LD_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308 (escaped above)


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page's children marked "show in menus", with the current section marked.

    The links come from the cache until any content changes (home/content_version.py).
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    current = context.get("page")
    items = []
    if site:
        links = remember("main-menu", lambda: _menu_links(site, request), site.pk, request.get_host())
        for link in links:
            is_current = bool(current and current.path.startswith(link["path"]))
            items.append(
                {
                    "title": link["title"],
                    "url": link["url"],
                    "current": is_current,
                    "exact": current and current.pk == link["pk"],
                }
            )
    return {"menu_items": items}


def _menu_links(site, request):
    children = (
        site.root_page.get_children()
        .live()
        .in_menu()
        .exclude(restricted_q())
        .only("id", "title", "url_path", "path", "depth")
    )
    return [
        {"title": child.title, "url": child.get_url(request), "path": child.path, "pk": child.pk} for child in children
    ]
