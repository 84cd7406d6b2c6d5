"""Query helpers shared by the site's listings: "what anyone may read" is `readable()`, one way everywhere."""

from django.db.models import Exists, OuterRef, Prefetch
from django.db.models.functions import Length, Substr
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import PageViewRestriction, Site
from wagtail.query import PageQuerySet


def restricted_q(within=None):
    """Pages with a view restriction on themselves or an ancestor, as a condition in the same query.

    Wagtail's `.public()` first fetches every restriction; this asks the database
    instead, so it costs no query of its own. With `within` (a page), only
    restrictions below that page count.
    """
    restrictions = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path")),
    )
    if within is not None:
        restrictions = restrictions.filter(page__depth__gt=within.depth)
    return Exists(restrictions)


class ReadablePageQuerySet(PageQuerySet):
    """The queryset of every page type of ours (`BasePage.objects`), with the one "public pages" method."""

    def readable(self, within=None):
        """Live pages without a view restriction on them or above them: what anyone may read.

        The same pages as Wagtail's `.live().public()`, without its query for the
        restrictions. Querysets of Wagtail's own `Page` (menus, search) use
        `.exclude(restricted_q())` or `.public()`, as they have no such method.

        `within`: a page being served, whose own restrictions (and those above it)
        the visitor has already passed; only restrictions below it then count. The
        articles index lists its articles this way, so a private section still
        shows its articles to those allowed in.
        """
        return self.live().exclude(restricted_q(within))

    def for_readers(self, request=None):
        """What anyone may read, of the request's site when there is one (template tags, feeds)."""
        queryset = self.readable()
        site = Site.find_for_request(request) if request is not None else None
        return queryset.in_site(site) if site is not None else queryset


def renditions_prefetch(lookup, spec):
    """Prefetch the renditions for `spec` of the images at `lookup` (ending in `renditions`).

    They go where Wagtail looks for prefetched renditions. Images joined with
    `select_related` cost nothing more; otherwise they are fetched on the way.
    """
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=Filter.expand_spec(spec))
    return Prefetch(lookup, queryset=renditions, to_attr="prefetched_renditions")
