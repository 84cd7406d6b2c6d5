"""Admin: requests for a place at an event (events/registration_admin.py) and the dashboard's places
panel (events/dashboard.py)."""

from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from events import dashboard
from events.registration_admin import EventRegistrationAdmin

modeladmin_register(EventRegistrationAdmin)


@hooks.register("construct_homepage_panels")
def add_event_panels(request, panels):
    dashboard.add_panels(request, panels)
