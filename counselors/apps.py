"""The counselors app's configuration: its admin name; its signal receivers and front-cache purges, at start-up."""

from django.apps import AppConfig


class CounselorsConfig(AppConfig):
    """Our counselors: the counselor index and pages, insurance plans and languages."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "counselors"
    verbose_name = "Counselors"

    def ready(self):
        from counselors import signals  # noqa: F401 (connects the receivers)
        from counselors.frontend_cache import appointment_paths, byline_paths, counselor_paths, service_paths
        from home.frontend_cache import register_page_urls

        # An article or group naming a counselor shows on the counselor's page ("Groups they lead").
        register_page_urls(counselor_paths)
        # A counselor shows on the service pages that share their specialties.
        register_page_urls(service_paths)
        # A counselor's page is linked from the bylines of the articles and groups naming its person.
        register_page_urls(byline_paths)
        # "Request a first appointment" is on every counselor, service and fees page.
        register_page_urls(appointment_paths)
