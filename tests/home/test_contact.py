"""The contact page: the form, its protections, the staff email, and where a message never shows up."""

import datetime
import json
import re
from http import HTTPStatus

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import Client, override_settings
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.factories import ContactFormFieldFactory, ContactPageFactory, HomePageFactory, StandardPageFactory
from home.models import ContactPage, HomePage
from tests.staff import sign_in

pytestmark = pytest.mark.django_db

MARKER = "zq-private-marker-7d1f"


def message(**overrides):
    data = {
        "your_name": "Sam",
        "message": f"I would like to talk about a group. {MARKER}",
        "preferred_contact_time": "Evening",
        "contact_method": "email",
        "email": "sam@example.com",
        "phone": "",
        "ok_to_leave_message": "no",
        "website": "",
    }
    data.update(overrides)
    return data


def thanked(client, response):
    """The thank-you page that a successful post redirects to (post/redirect/get), as the browser then shows it."""
    assert response.status_code == HTTPStatus.SEE_OTHER
    thank_you = client.get(response["Location"])
    assert thank_you.status_code == HTTPStatus.OK
    html = thank_you.content.decode()
    assert "Thank you, your message has reached us" in html
    return html


@pytest.fixture
def privacy(site_root, practice):
    page = StandardPageFactory(parent=site_root, slug="privacy", title="Privacy")
    practice.privacy_page = page
    practice.save()
    return page


def test_contact_page_shows_the_editors_fields_and_what_happens_next(client, contact_page, privacy):
    response = client.get(contact_page.url)
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert '<label for="id_your_name">Your name</label>' in html
    assert 'autocomplete="name"' in html and 'type="email" name="email"' in html and 'autocomplete="email"' in html
    assert '<textarea name="message"' in html and 'maxlength="5000"' in html
    assert "<legend>Preferred contact time <span" in html and "(optional)" in html
    assert 'type="radio" name="preferred_contact_time" value="Evening"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert re.search(r'<div class="form-trap" aria-hidden="true">\s*<label for="id_website">', html)
    assert "We reply within one working day, Monday to Friday." in html
    assert "This form is not for emergencies." in html and 'href="#crisis-heading"' in html
    assert "We delete messages 180 days after they arrive." in html
    assert 'href="/privacy/">How we look after your information</a>' in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "csrftoken" in response.cookies  # the one cookie, and only where there is a form


def test_contact_page_json_ld_is_a_contact_page_about_the_practice(client, contact_page):
    html = client.get(contact_page.url).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "ContactPage"
    assert data["mainEntity"]["@type"] == "MedicalClinic"
    assert data["mainEntity"]["telephone"] == "(828) 555-0142"


@override_settings(STAFF_NOTIFICATION_EMAILS=["office@example.com"], WAGTAILADMIN_BASE_URL="https://rmc.example")
def test_a_message_is_kept_for_staff_and_staff_are_told_without_its_contents(
    client, contact_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(contact_page.url, message())
    html = thanked(client, response)

    assert response["Location"].startswith(f"{contact_page.url}thank-you/?receipt=")
    assert MARKER not in response["Location"] and "sam" not in response["Location"].lower()
    assert "We reply within one working day, Monday to Friday." in html
    assert "If you need to talk to someone before we reply" in html
    assert 'href="tel:988"' in html and 'href="#crisis-heading"' in html
    assert MARKER not in html and "sam@example.com" not in html

    submission = FormSubmission.objects.get()
    assert submission.page_id == contact_page.pk
    assert submission.form_data == {
        "your_name": "Sam",
        "message": f"I would like to talk about a group. {MARKER}",
        "preferred_contact_time": "Evening",
        "contact_method": "email",
        "email": "sam@example.com",
        "phone": "",
        "ok_to_leave_message": False,
    }

    (email,) = mail.outbox
    assert email.to == ["office@example.com"]
    assert f"https://rmc.example/admin/forms/submissions/{contact_page.pk}/" in email.body
    for private in (MARKER, "Sam", "sam@example.com", "Evening"):
        assert private not in email.body and private not in email.subject


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (message(email="not-an-email"), "Enter a valid email address."),
        (message(message=""), "This field is required."),
        (message(your_name="", message=""), "This field is required."),
        (message(message="x" * 5001), "Ensure this value has at most 5000 characters"),
        (message(preferred_contact_time="Midnight"), "Select a valid choice."),
        (message(contact_method=""), "Please choose how we should contact you."),
        (message(contact_method="pigeon"), "Select a valid choice."),
        (message(email=""), "You asked us to email you: please enter your email address."),
        (message(contact_method="text"), "You asked us to text you: please enter your phone number."),
        (message(contact_method="phone"), "You asked us to call you: please enter your phone number."),
        (message(contact_method="phone", phone="555-0100"), "Enter a 10-digit US phone number, e.g. (828) 555-0123."),
        (message(ok_to_leave_message=""), "Please tell us whether it is safe to leave you a message."),
    ],
)
def test_a_message_with_mistakes_shows_them_and_keeps_what_was_written(client, contact_page, data, error):
    response = client.post(contact_page.url, data)
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Please check" in html and 'class="error-summary" role="alert"' in html and "autofocus" in html
    assert error in html
    assert 'aria-invalid="true"' in html
    assert re.search(r'aria-describedby="id_\w+_helptext id_\w+_error"|aria-describedby="id_\w+_error"', html)
    assert "<title>Please check the form:" in html
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


def test_error_summary_links_to_each_field(client, contact_page):
    html = client.post(contact_page.url, message(your_name="", email="nope")).content.decode()
    assert "Please check 2 things in the form" in html
    assert '<a href="#id_your_name">Your name: This field is required.</a>' in html
    assert '<a href="#id_email">Email address: Enter a valid email address.</a>' in html
    html = client.post(contact_page.url, message(contact_method="", ok_to_leave_message="")).content.decode()
    # A group of radio buttons is reached through its first button.
    assert '<a href="#id_contact_method_0">How should we contact you?: Please choose' in html
    assert 'id="id_contact_method_0"' in html
    assert '<a href="#id_ok_to_leave_message_0">Is it safe to leave you a message?: Please tell us' in html


def test_a_bot_that_fills_the_honeypot_sees_success_and_nothing_is_kept(client, contact_page):
    thanked(client, client.post(contact_page.url, message(website="http://spam.example")))
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


@override_settings(FORM_RATE_LIMIT="2/h")
def test_too_many_messages_from_one_address_are_refused_with_a_429(client, contact_page):
    for _ in range(2):
        assert client.post(contact_page.url, message(), REMOTE_ADDR="10.1.1.1").status_code == HTTPStatus.SEE_OTHER
    response = client.post(contact_page.url, message(message="My third message."), REMOTE_ADDR="10.1.1.1")
    html = response.content.decode()

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Your message has not been sent yet" in html
    assert "please try again in an hour" in html
    assert "My third message.</textarea>" in html  # nothing the visitor wrote is lost
    assert "no-store" in response["Cache-Control"]
    assert FormSubmission.objects.count() == 2
    # Another address is not affected.
    assert client.post(contact_page.url, message(), REMOTE_ADDR="10.1.1.2").status_code == HTTPStatus.SEE_OTHER


@override_settings(FORM_RATE_LIMIT="2/h")
def test_correcting_mistakes_does_not_count_towards_the_limit(client, contact_page):
    for _ in range(4):
        response = client.post(contact_page.url, message(email="typo"), REMOTE_ADDR="10.1.1.3")
        assert response.status_code == HTTPStatus.OK and "Please check" in response.content.decode()
    assert client.post(contact_page.url, message(), REMOTE_ADDR="10.1.1.3").status_code == HTTPStatus.SEE_OTHER
    assert FormSubmission.objects.count() == 1


@override_settings(FORM_RATE_LIMIT="1/h")
def test_with_the_cache_down_messages_are_still_kept_and_the_visitor_thanked(client, contact_page, redis_down):
    for _ in range(2):
        thanked(client, client.post(contact_page.url, message(), REMOTE_ADDR="10.1.1.4"))
    assert FormSubmission.objects.count() == 2


@override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_HOST="127.0.0.1", EMAIL_PORT=2599)
def test_with_the_mail_server_down_the_message_is_kept_and_the_visitor_thanked(
    client, contact_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(contact_page.url, message())
    thanked(client, response)
    assert FormSubmission.objects.count() == 1


def submission_key(html):
    return re.search(r'<input type="hidden" name="submission_key" value="([^"]+)"', html).group(1)


def test_each_empty_form_carries_a_new_key(client, contact_page):
    first, second = (submission_key(client.get(contact_page.url).content.decode()) for _ in range(2))
    assert first != second and len(first) >= 20


@override_settings(FORM_RATE_LIMIT="1/h")
def test_the_same_form_sent_twice_is_one_message_and_the_same_thank_you(
    client, contact_page, django_capture_on_commit_callbacks
):
    key = submission_key(client.get(contact_page.url).content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        responses = [client.post(contact_page.url, message(submission_key=key)) for _ in range(2)]
    # The second is not the rate limit's 429, and leads to the same thank-you page.
    first, second = (re.sub(r'nonce="[^"]*"', "", thanked(client, response)) for response in responses)
    assert first == second
    stored = FormSubmission.objects.get().form_data
    # A fingerprint of the key with the answers, never the key as the page held it.
    assert len(stored["submission_key"]) == 64 and key not in str(stored)
    assert len(mail.outbox) == 1
    # A new form (a new key) is a new message.
    new_key = submission_key(client.get(contact_page.url).content.decode())
    assert client.post(contact_page.url, message(submission_key=new_key)).status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_a_form_sent_again_with_a_changed_answer_is_kept_as_sent(client, contact_page):
    """The visitor went back (the browser keeps the form and its key), added a line and sent it again."""
    key = submission_key(client.get(contact_page.url).content.decode())
    first, second = message(submission_key=key), message(submission_key=key)
    second["message"] = first["message"] + " Evenings are best."
    for data in (first, second):
        assert client.post(contact_page.url, data).status_code == HTTPStatus.SEE_OTHER
    assert FormSubmission.objects.count() == 2


def test_two_posts_racing_with_one_key_store_one_message(contact_page):
    """The second post passed the view's look-up before the first was stored: the locked re-check catches it."""
    forms = [contact_page.get_form(message(submission_key="k" * 32), page=contact_page) for _ in range(2)]
    assert all(form.is_valid() for form in forms)
    assert [contact_page.earlier_submission(form) for form in forms] == [None, None]
    first = contact_page.process_form_submission(forms[0])
    assert contact_page.process_form_submission(forms[1]) == first
    assert FormSubmission.objects.count() == 1


def test_a_malformed_key_is_no_error_and_keeps_nothing_of_it(client, contact_page):
    for _ in range(2):
        thanked(client, client.post(contact_page.url, message(submission_key="<script>")))
    assert FormSubmission.objects.count() == 2
    assert all("submission_key" not in submission.form_data for submission in FormSubmission.objects.all())


def test_a_post_without_the_csrf_token_is_refused(contact_page):
    response = Client(enforce_csrf_checks=True).post(contact_page.url, message())
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert FormSubmission.objects.count() == 0


def test_editors_choose_the_fields(client, contact_page):
    ContactFormFieldFactory(page=contact_page, label="Best phone number", field_type="singleline", required=False)
    html = client.get(contact_page.url).content.decode()
    assert '<label for="id_best_phone_number">Best phone number' in html
    assert 'type="tel" name="best_phone_number"' in html
    client.post(contact_page.url, message(best_phone_number="(828) 555-0100"))
    assert FormSubmission.objects.get().form_data["best_phone_number"] == "(828) 555-0100"


def test_a_phone_field_gets_a_phone_keyboard(client, site_root):
    page = ContactPageFactory(parent=site_root, fields=[{"label": "Work phone", "field_type": "singleline"}])
    html = client.get(page.url).content.decode()
    assert re.search(r'<input type="tel" name="work_phone"[^>]* autocomplete="tel"', html)


@pytest.mark.parametrize(
    ("label", "error"),
    [
        ("Website", "used by the form's own workings"),
        ("Submission key", "used by the form's own workings"),
        ("Email", "The form already asks how to reach the visitor"),
        ("Phone", "The form already asks how to reach the visitor"),
    ],
)
def test_a_form_field_named_like_our_own_fields_is_refused_in_the_admin(site_root, label, error):
    form_class = ContactPage.get_edit_handler().get_form_class()
    page = ContactPage(title="Contact us", slug="contact-us")
    data = {
        "title": "Contact us",
        "slug": "contact-us",
        "privacy_statement": "Private.",
        "reply_time": "Soon.",
        "submit_label": "Send",
        "thank_you_heading": "Thanks",
        "form_fields-TOTAL_FORMS": "1",
        "form_fields-INITIAL_FORMS": "0",
        "form_fields-MIN_NUM_FORMS": "0",
        "form_fields-MAX_NUM_FORMS": "1000",
        "form_fields-0-label": label,
        "form_fields-0-field_type": "url",
        "form_fields-0-required": "",
        "form_fields-0-ORDER": "1",
    }
    form = form_class(data, instance=page, parent_page=site_root, for_user=None)
    assert not form.is_valid()
    errors = form.formsets["form_fields"].forms[0].errors
    assert error in " ".join(errors["label"])
    data["form_fields-0-label"] = "Your website address"
    assert form_class(data, instance=ContactPage(), parent_page=site_root, for_user=None).is_valid()


@pytest.fixture
def staff_client(db):
    client = Client()
    sign_in(client, get_user_model().objects.create_superuser("office", "office@example.com", "pw"))
    return client


def test_staff_read_and_export_messages_in_the_admin(client, staff_client, contact_page):
    key = "k" * 32
    client.post(contact_page.url, message(submission_key=key))
    listing = staff_client.get(f"/admin/forms/submissions/{contact_page.pk}/")
    assert listing.status_code == HTTPStatus.OK and MARKER in listing.content.decode()
    export = staff_client.get(f"/admin/forms/submissions/{contact_page.pk}/", {"export": "csv"})
    assert export.status_code == HTTPStatus.OK
    content = b"".join(export.streaming_content) if export.streaming else export.content
    assert MARKER in content.decode()
    # The form's key is bookkeeping, not something the visitor said: staff never see it.
    assert key not in listing.content.decode() and key not in content.decode()
    assert "Contact us" in staff_client.get("/admin/forms/").content.decode()


def staff_member(*, page, can_read_messages):
    """A non-administrator who may edit `page` (and so, by Wagtail's default, read its form's messages)."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    group = Group.objects.create(name=f"Page editors {can_read_messages}")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    change_page = Permission.objects.get(codename="change_page")
    GroupPagePermission.objects.create(group=group, page=page, permission=change_page)
    if can_read_messages:
        group.permissions.add(Permission.objects.get(codename="view_formsubmission"))
    user = get_user_model().objects.create_user(f"staff-{can_read_messages}", password="pw")
    user.groups.add(group)
    client = Client()
    sign_in(client, user)
    return client


def test_editing_the_contact_page_is_not_enough_to_read_its_messages(client, contact_page):
    client.post(contact_page.url, message())
    editor = staff_member(page=contact_page, can_read_messages=False)
    assert editor.get(f"/admin/pages/{contact_page.pk}/edit/").status_code == HTTPStatus.OK
    listing = editor.get(f"/admin/forms/submissions/{contact_page.pk}/")
    assert listing.status_code in {HTTPStatus.FOUND, HTTPStatus.FORBIDDEN}
    assert MARKER not in listing.content.decode()
    assert "Contact us" not in editor.get("/admin/forms/").content.decode()

    reader = staff_member(page=contact_page, can_read_messages=True)
    listing = reader.get(f"/admin/forms/submissions/{contact_page.pk}/")
    assert listing.status_code == HTTPStatus.OK and MARKER in listing.content.decode()


def test_a_message_never_shows_up_in_pages_apis_search_or_logs(client, contact_page, site_root, caplog):
    with caplog.at_level("DEBUG"):
        client.post(contact_page.url, message())
        assert FormSubmission.objects.count() == 1
        # Site search finds nothing (the page echoes only the words searched for).
        search = client.get("/search/", {"query": MARKER}).content.decode()
        assert "Nothing matched" in search and 'class="search-results"' not in search
        seen = [
            client.get(contact_page.url),
            client.get("/"),
            client.get("/search/", {"query": "Sam"}),
            client.get("/api/v2/pages/", {"fields": "*"}),
            client.get("/api/v2/pages/", {"type": "home.ContactPage", "fields": "*"}),
            client.get(f"/api/v2/pages/{contact_page.pk}/"),
            client.get("/api/v2/pages/", {"search": MARKER}),
            client.get("/api/v3/pages/"),
            client.get(f"/api/v3/pages/{contact_page.pk}/"),
            client.get("/api/v3/pages/", {"search": MARKER}),
            client.get("/api/v3/openapi.json"),
            client.get("/sitemap.xml"),
        ]
    for response in seen:
        assert response.status_code == HTTPStatus.OK, response.request
        assert MARKER not in response.content.decode(), response.request
    assert MARKER not in caplog.text
    assert all(MARKER not in email.body for email in mail.outbox)


def test_the_thank_you_page_can_be_previewed_by_editors(contact_page):
    response = contact_page.make_preview_request(preview_mode="landing")
    assert response.status_code == HTTPStatus.OK
    assert "Thank you, your message has reached us" in response.content.decode()


def test_an_editor_changes_the_forms_fields_in_the_admin(client, staff_client, contact_page):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    existing = list(contact_page.form_fields.all())
    rows = [
        {
            "id": field.pk,
            "label": field.label,
            "field_type": field.field_type,
            "required": "on" if field.required else "",
            "choices": field.choices,
            "default_value": "",
            "help_text": field.help_text,
            # The editor removes the preferred contact time…
            "DELETE": "1" if field.clean_name == "preferred_contact_time" else "",
        }
        for field in existing
    ]
    # …and adds a phone number.
    rows.append({"label": "Best phone number", "field_type": "singleline", "help_text": "Only for a call back."})
    data = nested_form_data(
        {
            "title": contact_page.title,
            "slug": contact_page.slug,
            "intro": contact_page.intro,
            "privacy_statement": contact_page.privacy_statement,
            "reply_time": "We reply within two working days.",
            "submit_label": "Send",
            "thank_you_heading": contact_page.thank_you_heading,
            "thank_you_text": "",
            "form_fields": inline_formset(rows, initial=len(existing)),
            "action-publish": "publish",
        }
    )
    response = staff_client.post(f"/admin/pages/{contact_page.pk}/edit/", data)
    assert response.status_code == HTTPStatus.FOUND

    html = client.get(contact_page.url).content.decode()
    assert '<label for="id_best_phone_number">Best phone number' in html
    assert "Preferred contact time" not in html
    assert "We reply within two working days." in html


class TestContactPageTree(WagtailPageTestCase):
    def test_contact_page_lives_under_the_home_page_once(self):
        self.assertAllowedParentPageTypes(ContactPage, {HomePage})
        self.assertAllowedSubpageTypes(ContactPage, set())
        home = HomePageFactory(parent=Page.get_first_root_node())
        ContactPageFactory(parent=home)
        assert not ContactPage.can_create_at(home)


def test_admin_edit_view_opens_for_the_contact_page(staff_client, contact_page):
    assert staff_client.get(f"/admin/pages/{contact_page.pk}/edit/").status_code == HTTPStatus.OK


def test_api_v3_schema_has_the_contact_forms_questions_but_no_submissions(client):
    schemas = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    contact = schemas["ContactPageSchema"]["properties"]
    assert "form_fields" in contact
    assert not any("submission" in name.lower() for name in schemas)
    assert not any("submission" in name.lower() or "form_data" in name for name in contact)


def test_demo_contact_page_asks_for_name_message_and_a_time_then_how_to_reach_them(client):
    call_command("load_demo_content", verbosity=0)
    page = ContactPage.objects.get()
    assert page.title == "Contact us" and page.show_in_menus
    assert [field.clean_name for field in page.form_fields.all()] == [
        "your_name",
        "message",
        "preferred_contact_time",
    ]
    html = client.get(page.url).content.decode()
    assert html.count('name="email"') == 1 and 'name="contact_method"' in html


def test_visitors_choose_how_we_reach_them_as_in_the_join_form(client, contact_page):
    html = client.get(contact_page.url).content.decode()
    assert "<legend>How should we contact you?</legend>" in html
    for value, label in (("email", "Email"), ("phone", "Phone call"), ("text", "Text message")):
        assert re.search(
            rf'<input type="radio" name="contact_method" value="{value}"[^>]*>\s*<span>{label}</span>', html
        )
    # Each needed only for the way chosen, which their hints say: not marked "(optional)".
    assert '<label for="id_email">Email address</label>' in html
    assert '<label for="id_phone">Phone number</label>' in html
    assert re.search(r'<input type="tel" name="phone"[^>]* autocomplete="tel"', html)
    assert "<legend>Is it safe to leave you a message?</legend>" in html
    assert "Yes, you can leave a message" in html and "No, please do not leave a message" in html


def test_a_message_asking_for_a_text_keeps_the_number_and_needs_no_email(client, contact_page):
    response = client.post(
        contact_page.url,
        message(contact_method="text", email="", phone="828 555 0100", ok_to_leave_message="yes"),
    )
    html = thanked(client, response)
    assert "555-0100" not in html and "555 0100" not in html
    data = FormSubmission.objects.get().form_data
    assert (data["contact_method"], data["email"], data["phone"], data["ok_to_leave_message"]) == (
        "text",
        "",
        "(828) 555-0100",
        True,
    )


def test_reloading_the_thank_you_page_sends_nothing_again(client, contact_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(contact_page.url, message())
    for _ in range(3):  # the browser's reload repeats the GET it was redirected to, never the POST
        assert "Thank you, your message has reached us" in client.get(response["Location"]).content.decode()
    assert FormSubmission.objects.count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("receipt", [None, "", "forged", "x" * 500])
def test_the_thank_you_address_without_a_message_sent_points_to_the_form(client, contact_page, receipt):
    query = {} if receipt is None else {"receipt": receipt}
    response = client.get(f"{contact_page.url}thank-you/", query)
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Thank you, your message has reached us" not in html
    assert "Would you like to write to us?" in html
    assert f'href="{contact_page.url}">Go to the contact form</a>' in html
    assert '<meta name="robots" content="noindex">' in html
    assert "no-store" in response["Cache-Control"]


def test_a_receipt_is_for_its_own_page_and_does_not_last_for_ever(client, contact_page, site_root):
    response = client.post(contact_page.url, message())
    receipt = response["Location"].split("receipt=", 1)[1]
    other = ContactPageFactory(parent=site_root, slug="write-to-us")
    assert (
        "Would you like to write to us?" in client.get(f"{other.url}thank-you/", {"receipt": receipt}).content.decode()
    )
    with time_machine.travel(datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=2)):
        later = client.get(response["Location"]).content.decode()
    assert "Would you like to write to us?" in later


def test_the_thank_you_page_takes_no_posts(client, contact_page):
    response = client.post(f"{contact_page.url}thank-you/", message())
    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert FormSubmission.objects.count() == 0


def test_an_email_question_kept_in_an_old_revision_never_replaces_the_forms_own(client, contact_page):
    # Published again by a workflow or a schedule, past the admin form's check.
    ContactFormFieldFactory(page=contact_page, label="Email", field_type="email", required=True)
    response = client.post(contact_page.url, message(contact_method="text", email="", phone="828 555 0100"))
    thanked(client, response)
    assert FormSubmission.objects.get().form_data["phone"] == "(828) 555-0100"
