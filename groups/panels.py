"""The support group page's admin panels: what they say about the group being edited, and how
their fields behave."""

from django import forms
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.panels import Panel
from wagtail.admin.widgets import AdminDateInput


class DateBelowInput(AdminDateInput):
    """Wagtail's date picker, always opened just below its field.

    Wagtail's picker opens above a field near the bottom of the window, and on a meeting time
    it then covered the start and end times just above the dates. Placed inside the field's
    own box, it opens downwards only; the page scrolls to show it (groups/admin/schedule.js).
    """

    def __init__(self, attrs=None, format=None):
        super().__init__(attrs={"data-date-below": "", **(attrs or {})}, format=format)

    def get_config(self):
        return {**super().get_config(), "insideParent": True}

    @property
    def media(self):
        return super().media + forms.Media(js=["js/admin-schedule.js"], css={"all": ["css/admin-schedule.css"]})


class VerificationPanel(Panel):
    """A warning at the top of a group's edit page when its details need checking again.

    Shows nothing for a group checked recently (or not yet saved).
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "groups/admin/verification_panel.html"

        def is_shown(self):
            return bool(getattr(self.instance, "needs_verifying", False)) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            last_verified = self.instance.last_verified
            context.update(
                last_verified=last_verified,
                days_since=(timezone.localdate() - last_verified).days,
                # Confirming publishes the live group again: offered only when there is nothing unpublished.
                confirm_url=None
                if self.instance.has_unpublished_changes or not self.instance.live
                else reverse("groups_confirm_details", args=[self.instance.pk]),
            )
            return context
