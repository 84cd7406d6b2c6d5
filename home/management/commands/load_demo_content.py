"""Load the demo content: `python manage.py load_demo_content`.

Runs `load(log)` from each of the site's apps that has a `demo.py`, in the
order of settings.LOCAL_APPS (home first), so no app imports another's demo.
Safe to run again: what already exists is left as it is.
"""

from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction


def demo_modules():
    """The `demo` module of each local app that has one, in LOCAL_APPS order."""
    for app in settings.LOCAL_APPS:
        if find_spec(f"{app}.demo") is not None:
            yield import_module(f"{app}.demo")


class Command(BaseCommand):
    help = "Load the demo content for every app. Existing content is left unchanged."

    def handle(self, *args, **options):
        verbosity = options["verbosity"]

        def log(message):
            if verbosity >= 2:
                self.stdout.write(f"  + {message}")

        modules = list(demo_modules())
        for module in modules:
            with transaction.atomic():
                module.load(log)
            if verbosity >= 1:
                self.stdout.write(f"Demo content ready: {module.__name__.split('.')[0]}")
        # Once every app's pages exist: what each demo does last (the menu's order, for one).
        for module in modules:
            if finish := getattr(module, "finish", None):
                with transaction.atomic():
                    finish(log)
