"""Each group stores its next meeting, so listings sort in the database (groups/next_meetings.py)."""

from django.db import migrations, models

from groups import schedule


def store_next_meetings(apps, schema_editor):
    """Work out every group's next meeting now; `manage.py refresh_next_meetings` keeps them right."""
    SupportGroupPage = apps.get_model("groups", "SupportGroupPage")
    for group in SupportGroupPage.objects.prefetch_related("meeting_rules", "cancelled_meetings"):
        if group.status == "paused":
            continue
        rules = [rule for rule in group.meeting_rules.all() if rule.first_date and rule.start_time]
        cancelled = [cancelled.date for cancelled in group.cancelled_meetings.all()]
        meetings = schedule.upcoming_meetings(rules, cancelled, count=1)
        if meetings:
            SupportGroupPage.objects.filter(pk=group.pk).update(
                next_meeting_start=meetings[0].start, next_meeting_end=meetings[0].end
            )


class Migration(migrations.Migration):
    dependencies = [
        ("groups", "0006_join_request_submission_key"),
    ]

    operations = [
        migrations.AddField(
            model_name="supportgrouppage",
            name="next_meeting_end",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="supportgrouppage",
            name="next_meeting_start",
            field=models.DateTimeField(blank=True, db_index=True, editable=False, null=True),
        ),
        migrations.RunPython(store_next_meetings, migrations.RunPython.noop),
    ]
