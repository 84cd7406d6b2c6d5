"""The community models, moved here from `home`: in Django's migration state only.

Their tables were made by home's migrations (0003 and later) and stay as they are here:
each model names its old table (`db_table`), so this migration creates nothing in the
database. home/migrations/0008 then drops the models from home's state; 0002 here moves
their content types (and with them pages, revisions, permissions, logs and search entries);
0003 gives the tables the app's own names.
"""

import django.db.models.deletion
import modelcluster.fields
import modelsearch.index
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('home', '0007_moderators_read_contact_messages'),
        ('wagtailcore', '0098_apitoken'),
    ]

    state_operations = [
        migrations.CreateModel(
            name='Area',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(help_text="For example 'West Asheville' or 'Black Mountain'.", max_length=80)),
                ('slug', models.SlugField(blank=True, help_text='Used in web addresses such as ?area=west-asheville. Filled in from the name if left empty.', max_length=80, unique=True)),
                ('parent', models.ForeignKey(blank=True, help_text='The larger area this one is part of, for example Asheville for West Asheville. Leave empty for a county or the whole region.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='children', to='community.area', verbose_name='part of')),
            ],
            options={
                'db_table': 'home_area',
                'verbose_name': 'area',
                'verbose_name_plural': 'areas',
                'ordering': ['name'],
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name='CommunityIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('social_text', models.CharField(blank=True, help_text='One sentence shown under the title when shared. The search description if left empty.', max_length=200)),
                ('intro', models.TextField(blank=True, help_text='One or two sentences at the top of the page, also used in search results.', max_length=600)),
                ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 6), ('quote', 9), ('call_to_action', 15), ('embed', 18)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'help_text': 'A short heading for the section that follows.', 'max_length': 120}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Section heading'), ('h3', 'Sub-heading')], 'help_text': "Use 'Section heading' for main sections and 'Sub-heading' inside them."}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('size', 1)]], {}), 3: ('home.blocks.ParagraphBlock', (), {}), 4: ('wagtail.images.blocks.ImageBlock', [], {'help_text': 'Alt text describes the image for people who cannot see it. Mark it decorative only if it adds nothing.'}), 5: ('wagtail.blocks.CharBlock', (), {'help_text': 'Shown under the image. Optional.', 'max_length': 250, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.TextBlock', (), {'help_text': 'The words being quoted, without quotation marks.', 'max_length': 600}), 8: ('wagtail.blocks.CharBlock', (), {'help_text': 'Who said it. Leave empty, or use a first name only, for group members.', 'max_length': 120, 'required': False}), 9: ('wagtail.blocks.StructBlock', [[('quote', 7), ('attribution', 8)]], {}), 10: ('wagtail.blocks.CharBlock', (), {'max_length': 120}), 11: ('wagtail.blocks.TextBlock', (), {'max_length': 400, 'required': False}), 12: ('wagtail.blocks.CharBlock', (), {'help_text': "Say what happens, e.g. 'Find a support group'.", 'max_length': 60}), 13: ('wagtail.blocks.PageChooserBlock', (), {'help_text': 'A page on this site…', 'required': False}), 14: ('wagtail.blocks.URLBlock', (), {'help_text': '…or a web address elsewhere. Fill in one of the two.', 'required': False}), 15: ('wagtail.blocks.StructBlock', [[('heading', 10), ('text', 11), ('button_label', 12), ('page', 13), ('url', 14)]], {}), 16: ('wagtail.embeds.blocks.EmbedBlock', (), {'help_text': 'The web address of a video, e.g. on YouTube or Vimeo.'}), 17: ('wagtail.blocks.CharBlock', (), {'help_text': "What the video is, e.g. 'A five-minute breathing exercise'. Used as the link text.", 'max_length': 160}), 18: ('wagtail.blocks.StructBlock', [[('embed', 16), ('title', 17)]], {})}, help_text='Anything else to say, shown below the list of pages. Optional.')),
                ('social_image', models.ForeignKey(blank=True, help_text="Shown when the page is shared on social media or in messages. The page's main image if left empty.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='home.siteimage')),
            ],
            options={
                'db_table': 'home_communityindexpage',
                'verbose_name': 'Asheville community index',
            },
            bases=('wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='CommunityPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('social_text', models.CharField(blank=True, help_text='One sentence shown under the title when shared. The search description if left empty.', max_length=200)),
                ('intro', models.TextField(help_text='Two or three sentences: what this page is about and who it is for. Shown on listings too.', max_length=600)),
                ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 6), ('quote', 9), ('call_to_action', 15), ('embed', 18)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'help_text': 'A short heading for the section that follows.', 'max_length': 120}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Section heading'), ('h3', 'Sub-heading')], 'help_text': "Use 'Section heading' for main sections and 'Sub-heading' inside them."}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('size', 1)]], {}), 3: ('home.blocks.ParagraphBlock', (), {}), 4: ('wagtail.images.blocks.ImageBlock', [], {'help_text': 'Alt text describes the image for people who cannot see it. Mark it decorative only if it adds nothing.'}), 5: ('wagtail.blocks.CharBlock', (), {'help_text': 'Shown under the image. Optional.', 'max_length': 250, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.TextBlock', (), {'help_text': 'The words being quoted, without quotation marks.', 'max_length': 600}), 8: ('wagtail.blocks.CharBlock', (), {'help_text': 'Who said it. Leave empty, or use a first name only, for group members.', 'max_length': 120, 'required': False}), 9: ('wagtail.blocks.StructBlock', [[('quote', 7), ('attribution', 8)]], {}), 10: ('wagtail.blocks.CharBlock', (), {'max_length': 120}), 11: ('wagtail.blocks.TextBlock', (), {'max_length': 400, 'required': False}), 12: ('wagtail.blocks.CharBlock', (), {'help_text': "Say what happens, e.g. 'Find a support group'.", 'max_length': 60}), 13: ('wagtail.blocks.PageChooserBlock', (), {'help_text': 'A page on this site…', 'required': False}), 14: ('wagtail.blocks.URLBlock', (), {'help_text': '…or a web address elsewhere. Fill in one of the two.', 'required': False}), 15: ('wagtail.blocks.StructBlock', [[('heading', 10), ('text', 11), ('button_label', 12), ('page', 13), ('url', 14)]], {}), 16: ('wagtail.embeds.blocks.EmbedBlock', (), {'help_text': 'The web address of a video, e.g. on YouTube or Vimeo.'}), 17: ('wagtail.blocks.CharBlock', (), {'help_text': "What the video is, e.g. 'A five-minute breathing exercise'. Used as the link text.", 'max_length': 160}), 18: ('wagtail.blocks.StructBlock', [[('embed', 16), ('title', 17)]], {})}, help_text='The page itself: headings, text, pictures and quotes. Keep paragraphs short for reading on a phone.')),
                ('resources_checked', models.DateField(blank=True, help_text='The day someone last checked the resources below (a phone call or a look at their website). Shown on the page so visitors know how fresh the details are.', null=True, verbose_name='resources last checked')),
                ('area', models.ForeignKey(help_text='The part of Buncombe County this page is about. New areas are added under Snippets, then Areas.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='community_pages', to='community.area')),
                ('image', models.ForeignKey(blank=True, help_text='A calm picture of the place or activity, at least 1200 pixels wide. Optional.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='home.siteimage')),
                ('social_image', models.ForeignKey(blank=True, help_text="Shown when the page is shared on social media or in messages. The page's main image if left empty.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='home.siteimage')),
                ('topics', modelcluster.fields.ParentalManyToManyField(blank=True, help_text='What the page is about. Related support groups and articles are chosen by these topics.', related_name='community_pages', to='home.topic')),
            ],
            options={
                'db_table': 'home_communitypage',
                'verbose_name': 'community page',
            },
            bases=('wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='CommunityResource',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('organization', models.CharField(help_text="The organization's name as people know it.", max_length=160)),
                ('offers', models.TextField(help_text='In one to three plain sentences: what they do, for whom, and how to start.', max_length=800, verbose_name='what it offers')),
                ('phone', models.CharField(blank=True, help_text='As people should dial it, e.g. (828) 555-0123 or 988. Shown as a link that calls on a phone.', max_length=40)),
                ('website', models.URLField(blank=True, help_text='Their own page, starting with https://.', verbose_name='web address')),
                ('street_address', models.CharField(blank=True, help_text='Street and number, e.g. 12 Haywood Road. Leave empty if online only.', max_length=160)),
                ('town', models.CharField(blank=True, help_text='For example Asheville or Black Mountain.', max_length=80)),
                ('postal_code', models.CharField(blank=True, help_text='For example 28806. Optional.', max_length=12, verbose_name='ZIP code')),
                ('hours', models.TextField(blank=True, help_text="One line per day or range, e.g. 'Monday to Friday, 9am to 5pm' or '24 hours, every day'.", max_length=300, verbose_name='opening hours')),
                ('cost', models.CharField(blank=True, help_text="For example 'Free', 'Sliding scale from $10' or 'Most insurance accepted'.", max_length=120)),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='resources', to='community.communitypage')),
                ('topics', modelcluster.fields.ParentalManyToManyField(blank=True, help_text='What they help with. Optional; other apps use these to find the right resource.', related_name='community_resources', to='home.topic')),
            ],
            options={
                'db_table': 'home_communityresource',
                'verbose_name': 'local resource',
                'verbose_name_plural': 'local resources',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
    ]

    operations = [migrations.SeparateDatabaseAndState(state_operations=state_operations, database_operations=[])]
