"""The site's own models: images, shared snippets, settings and page types.

`blog` and `groups` import from here (Person, Topic, SiteSettings, BasePage);
nothing here imports them.
"""

from .community import Area, CommunityIndexPage, CommunityPage, CommunityResource
from .contact import ContactFormField, ContactPage
from .images import SiteImage, SiteRendition
from .mixins import BasePage
from .pages import HomePage, StandardPage
from .settings import SiteSettings
from .snippets import Person, Topic

__all__ = [
    "Area",
    "BasePage",
    "CommunityIndexPage",
    "CommunityPage",
    "CommunityResource",
    "ContactFormField",
    "ContactPage",
    "HomePage",
    "Person",
    "SiteImage",
    "SiteRendition",
    "SiteSettings",
    "StandardPage",
    "Topic",
]
