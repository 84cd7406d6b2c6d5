"""Moderators record, change and read story consents (blog/permissions.py).

Django creates an app's permissions only after all migrations have run, so they are made here first.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from blog.permissions import grant_consent_permissions


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("blog")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    grant_consent_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0003_stories"),
        ("home", "0005_roles_and_review"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
