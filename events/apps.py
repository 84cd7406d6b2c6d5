"""The events app's configuration: its admin name, its signal receivers, feed purges and HSDS provider, at start-up."""

from django.apps import AppConfig


class EventsConfig(AppConfig):
    """What's on: the events index and event pages with their dates."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = "What's on"

    def ready(self):
        from events import signals  # noqa: F401 (connects the receivers)
        from events.feeds import feed_paths
        from events.hsds import EventsProvider
        from home.api import hsds
        from home.frontend_cache import register_page_urls

        # A published event changes the calendar feeds that list it.
        register_page_urls(feed_paths)
        # Upcoming events in the Open Referral HSDS feed (/api/hsds/), as services of the practice.
        hsds.register(EventsProvider())
