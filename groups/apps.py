from django.apps import AppConfig


class GroupsConfig(AppConfig):
    """Support groups: the finder, group pages, schedules, venues, join requests and feeds."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "groups"
    verbose_name = "Support groups"

    def ready(self):
        from groups import signals  # noqa: F401 (connects the receivers)
        from groups.feeds import feed_paths
        from groups.hsds import GroupsProvider
        from home.api import hsds
        from home.frontend_cache import register_page_urls

        # A group or the finder changed: the front cache drops the calendars and the Meeting Guide feed too.
        register_page_urls(feed_paths)
        # The groups in the Open Referral HSDS feed (/api/hsds/): services, and the venues as locations.
        hsds.register(GroupsProvider())
