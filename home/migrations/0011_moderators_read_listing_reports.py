"""Moderators read and answer visitors' reports of problems with listings (home/roles.py).

The permissions are created here rather than waiting for post_migrate, so the role is complete
the moment this migration has run. Group coordinators get theirs from the groups app
(groups/migrations/0008), which owns that role.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from home import roles


def let_moderators_read_reports(apps, schema_editor):
    app_config = apps.get_app_config("home")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    roles.grant_model_permissions(roles.MODERATORS, roles.LISTING_REPORT_PERMISSIONS, apps)


def take_it_back(apps, schema_editor):
    group = roles.get_group(roles.MODERATORS, apps)
    if group is not None:
        codenames = [codename for _app, codename in roles.LISTING_REPORT_PERMISSIONS]
        group.permissions.remove(
            *apps.get_model("auth", "Permission").objects.filter(content_type__app_label="home", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [("home", "0010_listing_reports")]

    operations = [migrations.RunPython(let_moderators_read_reports, take_it_back)]
