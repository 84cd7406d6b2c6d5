"""Admin registrations for the site's shared snippets."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import Area, Person, Topic


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
    list_display = ["name", "role", "credentials"]
    search_fields = ["name", "role"]
    add_to_admin_menu = False


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"
    list_display = ["name", "slug"]
    search_fields = ["name"]
    add_to_admin_menu = False


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


register_snippet(PersonViewSet)
register_snippet(TopicViewSet)
register_snippet(AreaViewSet)
