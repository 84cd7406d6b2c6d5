from django.db import migrations, models


def keep_rescheduled_at_one(apps, schema_editor):
    """Calendars gave a rescheduled event SEQUENCE 1 before this field: it must not go back to 0."""
    apps.get_model("events", "EventPage").objects.filter(status="postponed", previous_start__isnull=False).update(
        sequence=1
    )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_roles_write_events"),
    ]

    operations = [
        migrations.AddField(
            model_name="eventpage",
            name="sequence",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.RunPython(keep_rescheduled_at_one, migrations.RunPython.noop),
    ]
