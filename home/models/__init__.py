"""The site's own models: images, shared snippets, settings and page types.

`blog`, `groups` and `community` import from here (Person, Topic, SiteSettings, BasePage, the
listing reports); nothing here imports them.
"""

from .contact import ContactFormField, ContactPage
from .images import SiteImage, SiteRendition
from .mixins import BasePage, IntroBodyMixin, SlugFromNameMixin
from .pages import HomePage, StandardPage
from .reports import ListingProblem, ListingReport, ReportStatus
from .settings import SiteSettings
from .snippets import Person, Topic

__all__ = [
    "BasePage",
    "ContactFormField",
    "ContactPage",
    "HomePage",
    "IntroBodyMixin",
    "ListingProblem",
    "ListingReport",
    "Person",
    "ReportStatus",
    "SiteImage",
    "SiteRendition",
    "SiteSettings",
    "SlugFromNameMixin",
    "StandardPage",
    "Topic",
]
