"""`manage.py purge_form_submissions`: messages past the retention period are deleted."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

pytestmark = pytest.mark.django_db


@pytest.fixture
def submissions(contact_page):
    now = timezone.now()
    made = {}
    for name, age in {"fresh": 1, "edge": 179, "old": 181, "ancient": 900}.items():
        submission = FormSubmission.objects.create(page=contact_page, form_data={"message": f"{name} secret"})
        FormSubmission.objects.filter(pk=submission.pk).update(submit_time=now - timedelta(days=age))
        made[name] = submission
    return made


def run(*args):
    out = StringIO()
    call_command("purge_form_submissions", *args, stdout=out)
    return out.getvalue()


def test_purge_deletes_messages_older_than_the_retention_period(submissions):
    output = run()
    assert "Deleted 2 form submission(s) older than 180 days." in output
    assert "secret" not in output
    kept = set(FormSubmission.objects.values_list("form_data__message", flat=True))
    assert kept == {"fresh secret", "edge secret"}


@override_settings(FORM_SUBMISSION_RETENTION_DAYS=30)
def test_purge_follows_the_setting(submissions):
    run()
    assert list(FormSubmission.objects.values_list("form_data__message", flat=True)) == ["fresh secret"]


def test_dry_run_deletes_nothing(submissions):
    assert "2 form submission(s) older than 180 days would be deleted." in run("--dry-run")
    assert FormSubmission.objects.count() == 4


def test_days_option_and_its_limits(submissions):
    run("--days", "500")
    assert FormSubmission.objects.count() == 3
    with pytest.raises(CommandError):
        run("--days", "0")
