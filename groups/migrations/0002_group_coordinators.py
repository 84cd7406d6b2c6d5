"""The 'Group coordinators' role: reads and answers join requests, edits support group pages.

The groups app's model permissions are created here rather than waiting for
post_migrate, so the role is complete the moment this migration has run.
Coordinators get page permissions on each finder as it is created (groups/signals.py).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from groups.permissions import COORDINATOR_PERMISSIONS, COORDINATORS_GROUP, grant_finder_permissions


def create_coordinators(apps, schema_editor):
    app_config = apps.get_app_config("groups")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)

    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=COORDINATORS_GROUP)
    Permission = apps.get_model("auth", "Permission")
    for app_label, codename in COORDINATOR_PERMISSIONS:
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission is not None:
            group.permissions.add(permission)
    for finder in apps.get_model("groups", "SupportGroupIndexPage").objects.all():
        grant_finder_permissions(finder, apps)


def remove_coordinators(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=COORDINATORS_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("groups", "0001_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0094_alter_page_locale"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_coordinators, remove_coordinators)]
