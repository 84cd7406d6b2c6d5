"""Editors write in each articles index, and its articles go through "Clinical review".

New indexes get the same from blog/signals.py; home/roles.py describes the roles.
"""

from django.db import migrations

from home import roles


def open_article_indexes(apps, schema_editor):
    for index in apps.get_model("blog", "ArticleIndexPage").objects.all():
        roles.clinically_reviewed_section(index, apps)


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0001_initial"),
        ("home", "0005_roles_and_review"),
    ]

    operations = [migrations.RunPython(open_article_indexes, migrations.RunPython.noop)]
