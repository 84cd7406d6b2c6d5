"""Admin: Insurance plans and Languages, the choices counselor pages pick from, under Snippets."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from counselors.models import InsurancePlan, Language


class InsurancePlanViewSet(SnippetViewSet):
    """Kinds of insurance counselors are in network with; visitors filter counselors by them."""

    model = InsurancePlan
    icon = "tag"
    menu_label = "Insurance plans"
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]
    add_to_admin_menu = False


class LanguageViewSet(SnippetViewSet):
    """Languages counselors hold sessions in; visitors filter counselors by them."""

    model = Language
    icon = "globe"
    menu_label = "Languages"
    list_display = ["name", "code", "slug"]
    search_fields = ["name"]
    ordering = ["name"]
    add_to_admin_menu = False


register_snippet(InsurancePlanViewSet)
register_snippet(LanguageViewSet)
