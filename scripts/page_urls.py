"""Print the path of one live page of each page type, plus search: what Lighthouse checks."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django

django.setup()

from wagtail.models import Page, get_page_models  # noqa: E402

for model in get_page_models():
    if model is Page:
        continue
    page = model.objects.live().public().order_by("path").first()
    if page is not None:
        print(page.url)
print("/search/?query=group")
