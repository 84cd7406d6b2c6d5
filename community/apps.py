"""The community app's configuration: its name in the admin, and its signal receivers connected at start-up."""

from django.apps import AppConfig


class CommunityConfig(AppConfig):
    """Asheville community: areas, the community index and pages, local resources, highlights for the home page."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "community"
    verbose_name = "Asheville community"

    def ready(self):
        from community import signals  # noqa: F401 (connects the receivers)
        from community.hsds import CommunityProvider
        from community.models import local_crisis_help_for_api
        from home.api import hsds
        from home.models.settings import provide_local_crisis_help

        # The areas' crisis help, beside the national lines in the site settings API.
        provide_local_crisis_help(local_crisis_help_for_api)
        # The local resources in the Open Referral HSDS feed (/api/hsds/): organizations, services, places.
        hsds.register(CommunityProvider())
