"""Moderators read the messages sent through the contact page; nobody else but administrators.

home/wagtail_hooks.py keeps everyone without `wagtailforms.view_formsubmission` out of the
messages, even those who may edit the contact page (Wagtail's default would let them in).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from home import roles


def let_moderators_read_messages(apps, schema_editor):
    app_config = apps.get_app_config("wagtailforms")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    roles.grant_model_permissions(roles.MODERATORS, roles.MESSAGE_READER_PERMISSIONS, apps)


def take_it_back(apps, schema_editor):
    group = roles.get_group(roles.MODERATORS, apps)
    if group is not None:
        group.permissions.remove(
            *apps.get_model("auth", "Permission").objects.filter(
                content_type__app_label="wagtailforms", codename="view_formsubmission"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_editor_help_texts"),
        ("wagtailforms", "0005_alter_formsubmission_form_data"),
    ]

    operations = [migrations.RunPython(let_moderators_read_messages, take_it_back)]
