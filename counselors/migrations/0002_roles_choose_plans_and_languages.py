"""Editors may choose insurance plans and languages; Moderators manage them (counselors/permissions.py).

Django creates an app's permissions only after all migrations have run, so they are made here first.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from counselors.permissions import grant_snippet_permissions


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("counselors")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    grant_snippet_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("counselors", "0001_counselor_pages"),
        ("home", "0005_roles_and_review"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
