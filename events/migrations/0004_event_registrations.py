"""Requests for a place at an event (events/registrations.py), and Group coordinators' permission to answer them.

Django creates an app's permissions only after all migrations have run, so they are made here first
(as groups/migrations/0002 did for join requests and counselors/migrations/0004 for appointment requests).
"""

import django.db.models.deletion
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

from events.permissions import grant_registration_permissions, revoke_registration_permissions


def let_coordinators_answer_registrations(apps, schema_editor):
    app_config = apps.get_app_config("events")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    grant_registration_permissions(apps)


def take_it_back(apps, schema_editor):
    revoke_registration_permissions(apps)


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0003_event_sequence'),
        ('groups', '0002_group_coordinators'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('auth', '0012_alter_user_first_name_max_length'),
    ]

    operations = [
        migrations.CreateModel(
            name='EventRegistration',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(help_text='The name they chose to give: it may be a first name only.', max_length=80)),
                ('contact_method', models.CharField(choices=[('email', 'Email'), ('phone', 'Phone call'), ('text', 'Text message')], max_length=10, verbose_name='how to contact them')),
                ('email', models.EmailField(blank=True, max_length=254)),
                ('phone', models.CharField(blank=True, max_length=30)),
                ('ok_to_leave_message', models.BooleanField(default=False, help_text='If No, do not leave a voicemail or a message that says who is calling.', verbose_name='safe to leave a message')),
                ('note', models.TextField(blank=True, max_length=1000, verbose_name='their note')),
                ('consented_at', models.DateTimeField(verbose_name='agreed to the privacy statement')),
                ('status', models.CharField(choices=[('new', 'New'), ('contacted', 'Contacted'), ('confirmed', 'Place confirmed'), ('waitlisted', 'On the waiting list'), ('declined', 'Cancelled or withdrawn')], default='new', help_text="New: nobody has replied yet. New, Contacted and Place confirmed each hold one of the event's places; 'On the waiting list' and 'Cancelled or withdrawn' do not, so changing a request to one of them frees its place for the next person.", max_length=20)),
                ('staff_notes', models.TextField(blank=True, help_text='For the team only: when you called, what was agreed. Deleted with the request.')),
                ('submission_key', models.CharField(blank=True, editable=False, max_length=64, null=True, unique=True)),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='received')),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('event', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='registrations', to='events.eventpage', verbose_name='event')),
            ],
            options={
                'verbose_name': 'event registration',
                'verbose_name_plural': 'event registrations',
                'ordering': ['-created_at'],
                'indexes': [models.Index(fields=['event', 'status'], name='events_even_event_i_cdd3f8_idx')],
            },
        ),
        migrations.RunPython(let_coordinators_answer_registrations, take_it_back),
    ]
