"""Admin: Areas, the community pages' places, under Snippets beside the core's People and Topics."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from community.models import Area


class AreaViewSet(SnippetViewSet):
    """The places community pages cover: Buncombe County > Asheville > West Asheville."""

    model = Area
    icon = "site"
    menu_label = "Areas"
    list_display = ["name", "parent", "slug"]
    list_filter = ["parent"]
    search_fields = ["name"]
    ordering = ["name"]
    add_to_admin_menu = False


register_snippet(AreaViewSet)
