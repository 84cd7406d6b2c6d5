"""The counselors app's configuration: its name in the admin, and its signal receivers connected at start-up."""

from django.apps import AppConfig


class CounselorsConfig(AppConfig):
    """Our counselors: the counselor index and pages, insurance plans and languages."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "counselors"
    verbose_name = "Counselors"

    def ready(self):
        from counselors import signals  # noqa: F401 (connects the receivers)
