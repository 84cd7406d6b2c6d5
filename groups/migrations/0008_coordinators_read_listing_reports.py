"""Group coordinators read and answer visitors' reports of problems with their groups' listings.

The core's permissions (home.ListingReport) are created here if post_migrate has not made them
yet; which reports each coordinator sees is decided by the pages they may edit (home/roles.py).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from groups.permissions import COORDINATORS_GROUP
from home import roles


def let_coordinators_read_reports(apps, schema_editor):
    app_config = apps.get_app_config("home")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    roles.grant_model_permissions(COORDINATORS_GROUP, roles.LISTING_REPORT_PERMISSIONS, apps)


def take_it_back(apps, schema_editor):
    group = roles.get_group(COORDINATORS_GROUP, apps)
    if group is not None:
        codenames = [codename for _app, codename in roles.LISTING_REPORT_PERMISSIONS]
        group.permissions.remove(
            *apps.get_model("auth", "Permission").objects.filter(content_type__app_label="home", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("groups", "0007_next_meeting"),
        ("home", "0010_listing_reports"),
    ]

    operations = [migrations.RunPython(let_coordinators_read_reports, take_it_back)]
