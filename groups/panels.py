"""Admin panels of the support group page that say something about the group being edited."""

from django.utils import timezone
from wagtail.admin.panels import Panel


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
            )
            return context
