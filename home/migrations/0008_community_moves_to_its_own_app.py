"""The community models leave home's migration state; their tables and rows stay where they are.

community/migrations/0001 has taken them over (same tables), so this changes nothing in the
database. The content types move in community/migrations/0002.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0007_moderators_read_contact_messages'),
        ('community', '0001_initial'),
    ]

    state_operations = [
        migrations.RemoveField(
            model_name='communitypage',
            name='area',
        ),
        migrations.RemoveField(
            model_name='communityindexpage',
            name='page_ptr',
        ),
        migrations.RemoveField(
            model_name='communityindexpage',
            name='social_image',
        ),
        migrations.RemoveField(
            model_name='communitypage',
            name='image',
        ),
        migrations.RemoveField(
            model_name='communitypage',
            name='page_ptr',
        ),
        migrations.RemoveField(
            model_name='communitypage',
            name='social_image',
        ),
        migrations.RemoveField(
            model_name='communitypage',
            name='topics',
        ),
        migrations.RemoveField(
            model_name='communityresource',
            name='page',
        ),
        migrations.RemoveField(
            model_name='communityresource',
            name='topics',
        ),
        migrations.DeleteModel(
            name='Area',
        ),
        migrations.DeleteModel(
            name='CommunityIndexPage',
        ),
        migrations.DeleteModel(
            name='CommunityPage',
        ),
        migrations.DeleteModel(
            name='CommunityResource',
        ),
    ]

    operations = [migrations.SeparateDatabaseAndState(state_operations=state_operations, database_operations=[])]
