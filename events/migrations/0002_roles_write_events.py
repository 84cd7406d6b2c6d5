"""Editors write events and Group coordinators write and publish them, under each events index (events/permissions.py).

Indexes made after this migration get the same from events/signals.py.
"""

from django.db import migrations

from events.permissions import grant_events_index_permissions


def forwards(apps, schema_editor):
    for index in apps.get_model("events", "EventIndexPage").objects.all():
        grant_events_index_permissions(index, apps)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_event_pages"),
        ("home", "0005_roles_and_review"),
        ("groups", "0002_group_coordinators"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
