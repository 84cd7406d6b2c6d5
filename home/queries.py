"""Query helpers shared by the site's listings."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def restricted_q():
    """Pages with a view restriction on themselves or an ancestor, as a condition in the same query.

    Wagtail's `.public()` first fetches every restriction; this asks the database
    instead, so it costs no query of its own.
    """
    restrictions = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path")),
    )
    return Exists(restrictions)
