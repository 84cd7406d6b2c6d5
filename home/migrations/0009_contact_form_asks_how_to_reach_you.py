"""The contact form now asks how to reach the visitor itself (home.contact_details): email, phone call or
text message, the email address or phone number, and whether a message may be left.

An editor's own question with one of those names ("Email", "Phone") would take the place of the
form's and ask for an email address from someone who wants a text, so it is taken out of the live
form. Messages already received keep their answers: the staff list shows them in the same columns.
"""

from django.db import migrations

REPLACED_BY_THE_FORM = ("contact_method", "email", "phone", "ok_to_leave_message")


def remove_questions_the_form_now_asks(apps, schema_editor):
    apps.get_model("home", "ContactFormField").objects.filter(clean_name__in=REPLACED_BY_THE_FORM).delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0008_community_moves_to_its_own_app")]

    # Nothing to put back: the form's own questions ask the same.
    operations = [migrations.RunPython(remove_questions_the_form_now_asks, migrations.RunPython.noop)]
