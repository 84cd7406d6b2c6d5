"""Finding the page a visitor asked for in two queries, however deep it sits.

Wagtail walks the tree one level at a time: the site, then for each part of the address the child
with that slug and then its specific row, two queries per level. An article at
/articles/<slug>/ cost seven queries before its template read anything. Here:

- the site for the host name is kept in the cache until any content changes (`remember`), since
  the Site table changes about once in a site's life;
- every page on the way is fetched in one query, by the `url_path`s the address could have
  (Wagtail keeps `url_path` for every page), and then the last one's specific row;
- that page then routes the rest of the address itself (a group's `join/`, an index's feeds),
  exactly as in Wagtail.

Whatever this cannot be sure of goes to Wagtail's own walk, so the answer is always Wagtail's: a
page on the way with a route of its own that claims the rest of the address (a `RoutablePageMixin`
route matching it, or a page type overriding `route`), a localized site, a site not at the top of
the tree.

The pages on the way are kept on the page found (`route_ancestors`): its breadcrumbs and its
parent come from them rather than from two more queries.
"""

from django.conf import settings
from django.http import Http404
from django.http.request import split_domain_port
from django.urls import Resolver404
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

from home.content_version import remember

# The depth of a site's root page when it sits right under the tree's root, as on this site.
SITE_ROOT_DEPTH = 2


def serve(request, path):
    """Wagtail's page view, given the page found here (`Page.route_for_request` keeps it on the request)."""
    site = cached_site(request)
    if site is not None and not hasattr(request, "_wagtail_route_for_request"):
        try:
            request._wagtail_route_for_request = route(request, site, path)
        except Http404:
            request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)


def cached_site(request):
    """Wagtail's `Site.find_for_request`, from the cache; kept on the request as Wagtail keeps it."""
    if not hasattr(request, "_wagtail_site"):
        # Django has checked the host against ALLOWED_HOSTS by now, so the copies are as few as the names.
        hostname = split_domain_port(request.get_host())[0]
        port = request.get_port()
        request._wagtail_site = remember("site", lambda: find_site(hostname, port), hostname, port)
    return request._wagtail_site


def find_site(hostname, port):
    try:
        return get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None


def route(request, site, path):
    """Wagtail's `RouteResult` for `path` under `site`, or Http404."""
    components = [component for component in path.split("/") if component]
    root = site.root_page
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False) or root.depth != SITE_ROOT_DEPTH:
        return root.localized.specific.route(request, components)

    addresses = [root.url_path + as_path(components[:length]) for length in range(len(components) + 1)]
    if components:
        chain = list(Page.objects.filter(path__startswith=root.path, url_path__in=addresses).order_by("depth"))
    else:
        chain = [root]  # the home page: the site has it already
    # Every level from the site's root down, with no gap (a slug is unique among its siblings).
    found = []
    for level, page in enumerate(chain):
        if page.depth != root.depth + level or page.url_path != addresses[level]:
            break
        found.append(page)
    if not found:
        return root.localized.specific.route(request, components)

    *ancestors, page = found
    rest = components[len(ancestors) :]
    for depth, ancestor in enumerate(ancestors):
        if claims(ancestor, components[depth:]):
            return root.localized.specific.route(request, components)

    page = page.specific
    if ancestors:
        # What Wagtail's walk leaves on the page: its parent, so get_parent() costs no query.
        page._cached_parent_obj = ancestors[-1]
    page.route_ancestors = ancestors
    return page.route(request, rest)


def claims(page, components):
    """Whether `page` might answer `components` (the address below it) itself rather than pass
    them to the child they name: known without a query for Wagtail's own routing and for
    `RoutablePageMixin` routes, which are declared on the class."""
    page_class = page.specific_class
    if page_class is None:
        return True
    if page_class.route is Page.route:
        return False
    if issubclass(page_class, RoutablePageMixin) and page_class.route is RoutablePageMixin.route:
        if not page.live:
            return False
        try:
            page_class.get_resolver().resolve("/" + as_path(components))
        except Resolver404:
            return False
        return True
    return True


def as_path(components):
    return "".join(f"{component}/" for component in components)
