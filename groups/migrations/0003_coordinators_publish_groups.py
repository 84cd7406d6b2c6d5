"""Group coordinators publish support groups directly, and keep facilitators and their photos.

They get publish on each finder (besides add and edit), people (facilitators) to add and
edit, topics to choose, and images to upload and choose. groups/permissions.py lists the role.
"""

from django.db import migrations

from groups.permissions import grant_coordinator_permissions, grant_finder_permissions


def let_coordinators_publish(apps, schema_editor):
    grant_coordinator_permissions(apps)
    for finder in apps.get_model("groups", "SupportGroupIndexPage").objects.all():
        grant_finder_permissions(finder, apps)


class Migration(migrations.Migration):
    dependencies = [
        ("groups", "0002_group_coordinators"),
        ("home", "0005_roles_and_review"),
    ]

    operations = [migrations.RunPython(let_coordinators_publish, migrations.RunPython.noop)]
