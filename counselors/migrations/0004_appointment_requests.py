"""Appointment requests, the page that asks for them, and the "Intake coordinators" role that answers them.

Django creates an app's permissions only after all migrations have run, so they are made here first.
"""

import counselors.choices
import counselors.fields
import django.core.validators
import django.db.models.deletion
import wagtail.contrib.routable_page.models
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

from counselors.permissions import create_intake_coordinators, remove_intake_coordinators


def add_intake_coordinators(apps, schema_editor):
    app_config = apps.get_app_config("counselors")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    create_intake_coordinators(apps)


def drop_intake_coordinators(apps, schema_editor):
    remove_intake_coordinators(apps)


class Migration(migrations.Migration):

    dependencies = [
        ('counselors', '0003_services_and_fees'),
        ('home', '0012_footer_links_to_the_accessibility_statement'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailadmin', '0006_formstate'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('auth', '0012_alter_user_first_name_max_length'),
    ]

    operations = [
        migrations.CreateModel(
            name='AppointmentRequest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(help_text='The name they chose to give: it may be a first name only.', max_length=80)),
                ('contact_method', models.CharField(choices=[('email', 'Email'), ('phone', 'Phone call'), ('text', 'Text message')], max_length=10, verbose_name='how to contact them')),
                ('email', models.EmailField(blank=True, max_length=254)),
                ('phone', models.CharField(blank=True, max_length=30)),
                ('contact_times', counselors.fields.ChoiceListField(blank=True, choices_class=counselors.choices.ContactTime, default=list, help_text='Empty when any time in office hours suits them.', verbose_name='when to contact them')),
                ('ok_to_leave_message', models.BooleanField(default=False, help_text='If No, do not leave a voicemail or a message that says who is calling.', verbose_name='safe to leave a message')),
                ('help_with', models.TextField(blank=True, max_length=1000, verbose_name='what they would like help with')),
                ('meeting_preference', models.CharField(choices=[('either', 'Either is fine'), ('in_person', 'In person, at the office'), ('telehealth', 'Telehealth (video)')], default='either', max_length=12, verbose_name='in person or telehealth')),
                ('session_times', counselors.fields.ChoiceListField(blank=True, choices_class=counselors.choices.SessionTime, default=list, help_text='Empty when not given.', verbose_name='times that suit them for sessions')),
                ('payment', models.CharField(choices=[('insurance', 'With my insurance'), ('self_pay', 'I will pay myself (self-pay)'), ('sliding_scale', 'I would like to ask about the sliding scale'), ('not_sure', 'Not sure yet')], max_length=16, verbose_name='how they expect to pay')),
                ('status', models.CharField(choices=[('new', 'New'), ('contacted', 'Contacted'), ('booked', 'First appointment booked'), ('waitlisted', 'On the waiting list'), ('referred', 'Referred elsewhere'), ('closed', 'Closed or withdrawn')], default='new', help_text="New: nobody has replied yet (these show on the dashboard). Change it to 'Contacted' once you have been in touch, then to what was agreed.", max_length=20)),
                ('staff_notes', models.TextField(blank=True, help_text='For the team only: when you called, what was agreed. Deleted with the request.')),
                ('submission_key', models.CharField(blank=True, editable=False, max_length=64, null=True, unique=True)),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='received')),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('counselor', models.ForeignKey(blank=True, help_text='Empty when they had no preference.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='counselors.counselorpage', verbose_name='preferred counselor')),
                ('insurance_plan', models.ForeignKey(blank=True, help_text='With insurance: their plan, or empty when it is not one we list.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='counselors.insuranceplan')),
            ],
            options={
                'verbose_name': 'appointment request',
                'verbose_name_plural': 'appointment requests',
                'ordering': ['-created_at'],
            },
        ),
        migrations.CreateModel(
            name='AppointmentRequestPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('social_text', models.CharField(blank=True, help_text='One sentence shown under the title when shared. The search description if left empty.', max_length=200)),
                ('intro', models.TextField(blank=True, help_text='A few warm words above the form: what the first step is and that there is no commitment. Also used in search results.', max_length=600)),
                ('reply_working_days', models.PositiveSmallIntegerField(default=2, help_text='How many working days (Monday to Friday) the intake coordinator takes to reply. Shown to visitors.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(10)], verbose_name='we reply within (working days)')),
                ('reader', models.CharField(default='our intake coordinator', help_text="Shown as 'Only … reads your request'. A role, not a person's name.", max_length=120, verbose_name='who reads requests')),
                ('social_image', models.ForeignKey(blank=True, help_text="Shown when the page is shared on social media or in messages. The page's main image if left empty.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='home.siteimage')),
            ],
            options={
                'verbose_name': 'appointment request page',
            },
            bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page', models.Model),
        ),
        migrations.RunPython(add_intake_coordinators, drop_intake_coordinators),
    ]
