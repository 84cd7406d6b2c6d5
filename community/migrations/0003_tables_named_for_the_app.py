"""The community tables take the app's names: home_area becomes community_area, and so on.

Renaming keeps every row and every reference to it (many-to-many tables follow their model),
and reverses cleanly. Nothing else in the database names these tables.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0002_content_types_from_home"),
    ]

    operations = [
        migrations.AlterModelTable(name=name, table=None)
        for name in ("area", "communityindexpage", "communitypage", "communityresource")
    ]
