"""Admin: Insurance plans and Languages (the choices counselor pages pick from) under Snippets; appointment
requests (counselors/appointment_admin.py) and their dashboard panel (counselors/dashboard.py)."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.options import modeladmin_register

from counselors import dashboard
from counselors.appointment_admin import AppointmentRequestAdmin
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


modeladmin_register(AppointmentRequestAdmin)


@hooks.register("construct_homepage_panels")
def add_appointment_panels(request, panels):
    dashboard.add_panels(request, panels)
