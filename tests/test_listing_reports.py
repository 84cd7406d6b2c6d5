"""'Report a problem with this listing' on groups, events and community pages: the form, its privacy,
the admin that reads it, the dashboard's count, the editor's notice and the purge (home/listing_reports.py)."""

import csv
import datetime
import io
import re
from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from community.factories import CommunityIndexPageFactory, CommunityPageFactory, CommunityResourceFactory
from events.factories import EventDateFactory, EventIndexPageFactory, EventPageFactory
from groups.factories import MeetingRuleFactory, SupportGroupIndexPageFactory, SupportGroupPageFactory
from home import roles
from home.listing_reports import ListingReportForm
from home.models import ListingProblem, ListingReport, ReportStatus
from tests.staff import sign_in, staff_user

pytestmark = pytest.mark.django_db

NOTE = "Marker-note-7Q: the room moved to the second floor"
EMAIL = "marker-7q@example.org"
ADMIN_LIST = "/admin/home/listingreport/"


@pytest.fixture
def group(site_root):
    finder = SupportGroupIndexPageFactory(parent=site_root, title="Support groups", slug="support-groups")
    group = SupportGroupPageFactory(parent=finder, title="Tuesday grief circle", slug="tuesday-grief-circle")
    MeetingRuleFactory(page=group, weekday=1, first_date=timezone.localdate() - datetime.timedelta(days=30))
    return type(group).objects.get(pk=group.pk)


@pytest.fixture
def community_page(site_root):
    index = CommunityIndexPageFactory(parent=site_root, title="Asheville community", slug="asheville-community")
    page = CommunityPageFactory(parent=index, title="Walking trails", slug="walking-trails")
    CommunityResourceFactory(page=page, organization="River Arts Walking Club", sort_order=0)
    CommunityResourceFactory(page=page, organization="Blue Ridge Trail Friends", sort_order=1)
    return type(page).objects.get(pk=page.pk)


@pytest.fixture
def event(site_root):
    index = EventIndexPageFactory(parent=site_root, title="What's on", slug="whats-on")
    event = EventPageFactory(parent=index, title="Riverside walk", slug="riverside-walk")
    EventDateFactory(page=event)
    return type(event).objects.get(pk=event.pk)


def report_url(page):
    return f"{page.url}report/"


def thank_you_url(page):
    return f"{page.url}report/thank-you/"


def form_data(**overrides):
    data = {"problem": ListingProblem.WRONG_ADDRESS, "note": NOTE, "contact": EMAIL, "website": ""}
    data.update(overrides)
    return data


def submission_key(html):
    return re.search(r'<input type="hidden" name="submission_key" value="([^"]+)"', html).group(1)


def make_report(page, days_ago=0, **fields):
    report = ListingReport.objects.create(page=page, **{"problem": ListingProblem.WRONG_TIME, "note": NOTE, **fields})
    if days_ago:
        ListingReport.objects.filter(pk=report.pk).update(created_at=timezone.now() - datetime.timedelta(days=days_ago))
    return report


# The visitor's side --------------------------------------------------------------------------


def test_the_group_page_links_to_its_report_page_and_stays_public(client, group):
    response = client.get(group.url)
    html = response.content.decode()
    assert f'<a href="{report_url(group)}">Report a problem with this listing</a>' in html
    assert "csrfmiddlewaretoken" not in html
    assert "public" in response["Cache-Control"] and "private" not in response["Cache-Control"]


def test_the_community_page_links_to_its_report_page_and_stays_public(client, community_page):
    response = client.get(community_page.url)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert f'<a href="{report_url(community_page)}">Report a problem with this listing</a>' in html
    assert "csrfmiddlewaretoken" not in html
    assert "public" in response["Cache-Control"] and "private" not in response["Cache-Control"]


def test_the_event_page_links_to_its_report_page_and_stays_public(client, event):
    response = client.get(event.url)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert f'<a href="{report_url(event)}">Report a problem with this listing</a>' in html
    assert "csrfmiddlewaretoken" not in html
    assert "public" in response["Cache-Control"] and "private" not in response["Cache-Control"]


@pytest.mark.parametrize("page_fixture", ["group", "community_page", "event"])
def test_the_report_page_is_private_and_never_indexed(client, request, page_fixture):
    page = request.getfixturevalue(page_fixture)
    response = client.get(report_url(page))
    assert response.status_code == HTTPStatus.OK
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives and "public" not in directives
    html = response.content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert "csrfmiddlewaretoken" in html and 'name="website"' in html
    assert "Please do not include anything about your health" in html
    assert "Report a problem with" in html


def test_a_report_on_a_group_is_saved_and_the_visitor_told_what_happens_next(
    client, group, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(report_url(group), form_data(contact="828.555.0123"))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == thank_you_url(group)
    report = ListingReport.objects.get()
    assert (report.page_id, report.problem, report.note) == (group.pk, ListingProblem.WRONG_ADDRESS, NOTE)
    assert report.contact == "(828) 555-0123"
    assert report.status == ReportStatus.NEW and report.resource == ""
    assert timezone.is_aware(report.created_at)
    html = client.get(response["Location"]).content.decode()
    assert "What happens next" in html and "We delete your report 90 days after it arrives" in html
    assert NOTE not in html


def test_a_report_on_an_event_is_saved_and_the_visitor_thanked(client, event, django_capture_on_commit_callbacks):
    assert "Which one is it about?" not in client.get(report_url(event)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(report_url(event), form_data(problem=ListingProblem.WRONG_TIME))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == thank_you_url(event)
    report = ListingReport.objects.get()
    assert (report.page_id, report.problem, report.note, report.contact) == (
        event.pk,
        ListingProblem.WRONG_TIME,
        NOTE,
        EMAIL,
    )
    assert report.status == ReportStatus.NEW and report.resource == ""
    html = client.get(response["Location"]).content.decode()
    assert "What happens next" in html and NOTE not in html
    for url in (event.url, report_url(event)):
        html = client.get(url).content.decode()
        assert NOTE not in html and EMAIL not in html, url


def test_the_report_form_asks_nothing_about_the_visitor_but_a_way_back():
    fields = set(ListingReportForm.base_fields)
    assert fields == {"resource", "problem", "note", "contact", "website", "submission_key"}


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"problem": ""}, "Please choose what is wrong with the listing."),
        ({"problem": "on-fire"}, "Select a valid choice"),
        ({"contact": "call me maybe"}, "Enter an email address, like name@example.com, or a 10-digit US phone"),
        ({"contact": "robin@typo"}, "Enter an email address, like name@example.com"),
        ({"contact": "555-0123"}, "10-digit US phone number"),
        ({"note": "x" * 501}, "Please keep the note to 500 characters or fewer."),
    ],
)
def test_bad_input_is_a_400_with_the_form_saying_what_to_fix(client, group, overrides, message):
    response = client.post(report_url(group), form_data(**overrides))
    assert response.status_code == HTTPStatus.BAD_REQUEST
    html = response.content.decode()
    assert message in html
    assert 'class="error-summary"' in html
    assert ListingReport.objects.count() == 0


def test_only_the_problem_is_needed(client, group):
    assert client.post(report_url(group), {"problem": ListingProblem.NOBODY_CAME}).status_code == HTTPStatus.FOUND
    report = ListingReport.objects.get()
    assert (report.note, report.contact) == ("", "")


def test_on_a_community_page_the_visitor_may_say_which_resource_is_wrong(client, community_page):
    html = client.get(report_url(community_page)).content.decode()
    assert "Which one is it about?" in html
    assert "River Arts Walking Club" in html and "Blue Ridge Trail Friends" in html
    response = client.post(report_url(community_page), form_data(resource="Blue Ridge Trail Friends"))
    assert response.status_code == HTTPStatus.FOUND
    assert ListingReport.objects.get().resource == "Blue Ridge Trail Friends"
    response = client.post(report_url(community_page), form_data(resource="Somebody else"))
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "That one is no longer on the page" in response.content.decode()


def test_a_group_page_offers_no_resource_choice(client, group):
    assert "Which one is it about?" not in client.get(report_url(group)).content.decode()
    client.post(report_url(group), form_data(resource="Anything"))
    assert ListingReport.objects.get().resource == ""


def test_the_honeypot_looks_like_success_and_keeps_nothing(client, group, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(report_url(group), form_data(website="https://spam.example"))
    assert response.status_code == HTTPStatus.FOUND and response["Location"] == thank_you_url(group)
    assert ListingReport.objects.count() == 0
    assert mail.outbox == []


@override_settings(FORM_RATE_LIMIT="1/h")
def test_the_same_form_sent_twice_is_one_report(client, group, django_capture_on_commit_callbacks):
    key = submission_key(client.get(report_url(group)).content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        responses = [client.post(report_url(group), form_data(submission_key=key)) for _ in range(2)]
    assert [response.status_code for response in responses] == [HTTPStatus.FOUND, HTTPStatus.FOUND]
    assert ListingReport.objects.count() == 1
    assert len(mail.outbox) == 1


def test_two_posts_racing_with_one_key_store_one_report(group):
    forms = [ListingReportForm(form_data(submission_key="k" * 32), page=group) for _ in range(2)]
    assert all(form.is_valid() for form in forms)
    first, created = forms[0].save_once()
    assert created
    assert forms[1].save_once() == (first, False)


@override_settings(FORM_RATE_LIMIT="2/h")
def test_past_the_rate_limit_a_429_keeps_what_they_typed(client, group):
    for _ in range(3):  # mistakes do not count
        assert client.post(report_url(group), form_data(problem="")).status_code == HTTPStatus.BAD_REQUEST
    for _ in range(2):
        assert client.post(report_url(group), form_data()).status_code == HTTPStatus.FOUND
    response = client.post(report_url(group), form_data())
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    html = response.content.decode()
    assert "Your report has not been sent yet" in html
    assert f"{NOTE}</textarea>" in html
    assert ListingReport.objects.count() == 2


@override_settings(FORM_RATE_LIMIT="1/h")
def test_with_the_cache_down_reports_are_still_saved(client, group, redis_down):
    for _ in range(2):
        assert client.post(report_url(group), form_data(note=f"{NOTE} {_}")).status_code == HTTPStatus.FOUND
    assert ListingReport.objects.count() == 2


@override_settings(STAFF_NOTIFICATION_EMAILS=["office@example.com"], WAGTAILADMIN_BASE_URL="https://site.example")
def test_staff_are_emailed_a_link_and_none_of_the_details(client, group, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(report_url(group), form_data())
    (message,) = mail.outbox
    assert message.subject == "A problem was reported with a listing"
    assert "https://site.example/admin/home/listingreport/" in message.body
    text = message.subject + message.body
    assert NOTE not in text and EMAIL not in text and group.title not in text


@override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_HOST="127.0.0.1", EMAIL_PORT=2599)
def test_with_the_mail_server_down_the_report_is_saved_and_the_visitor_thanked(
    client, group, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(report_url(group), form_data())
    assert response.status_code == HTTPStatus.FOUND
    assert ListingReport.objects.count() == 1


def test_nothing_the_visitor_typed_is_logged(client, group, caplog):
    caplog.set_level("DEBUG")
    client.post(report_url(group), form_data())
    client.post(report_url(group), form_data(contact="not a contact"))
    assert NOTE not in caplog.text and EMAIL not in caplog.text


def test_what_they_wrote_is_never_on_a_page_or_in_search(client, group, community_page):
    client.post(report_url(group), form_data())
    client.post(report_url(community_page), form_data(resource="River Arts Walking Club"))
    for url in (group.url, community_page.url, report_url(group), thank_you_url(group), "/support-groups/"):
        html = client.get(url).content.decode()
        assert NOTE not in html and EMAIL not in html, url
    assert "Nothing matched" in client.get("/search/", {"query": "Marker-note-7Q"}).content.decode()


def test_str_of_a_report_carries_no_detail(group):
    report = make_report(group, contact=EMAIL)
    assert str(report) == f"Listing report #{report.pk}"


def test_reports_go_with_their_page(group):
    make_report(group)
    group.delete()
    assert ListingReport.objects.count() == 0


# Staff -----------------------------------------------------------------------------------------


def login(client, role):
    return sign_in(client, staff_user(role, role.lower().replace(" ", "-")))


def test_moderators_read_and_answer_every_report(client, group, community_page):
    login(client, roles.MODERATORS)
    on_group, on_page = make_report(group), make_report(community_page, resource="River Arts Walking Club")
    html = client.get(ADMIN_LIST).content.decode()
    assert "Tuesday grief circle" in html and "Walking trails" in html
    assert client.get(f"{ADMIN_LIST}inspect/{on_page.pk}/").status_code == HTTPStatus.OK
    response = client.post(f"{ADMIN_LIST}edit/{on_group.pk}/", {"status": ReportStatus.FIXED, "staff_note": "Done"})
    assert response.status_code == HTTPStatus.FOUND
    on_group.refresh_from_db()
    assert (on_group.status, on_group.staff_note, on_group.note) == (ReportStatus.FIXED, "Done", NOTE)


def results(html):
    """The admin list's table of reports (the page has other tables: the keyboard shortcuts)."""
    return html.split('<table class="listing full-width">')[1].split("</table>")[0]


@pytest.mark.parametrize("role", [roles.MODERATORS, roles.COORDINATORS], ids=["moderators", "coordinators"])
def test_staff_who_edit_events_read_and_answer_reports_on_them(client, event, role):
    """Moderators, and group coordinators (they edit and publish events, events/permissions.py)."""
    on_event = make_report(event, contact=EMAIL)
    login(client, role)
    rows = results(client.get(ADMIN_LIST).content.decode())
    assert "Riverside walk" in rows and "The day or time is wrong" in rows
    inspect = client.get(f"{ADMIN_LIST}inspect/{on_event.pk}/")
    assert inspect.status_code == HTTPStatus.OK
    assert NOTE in inspect.content.decode() and EMAIL in inspect.content.decode()
    response = client.post(f"{ADMIN_LIST}edit/{on_event.pk}/", {"status": ReportStatus.CHECKED, "staff_note": ""})
    assert response.status_code == HTTPStatus.FOUND
    on_event.refresh_from_db()
    assert on_event.status == ReportStatus.CHECKED


def test_coordinators_see_only_reports_on_groups(client, group, community_page):
    login(client, roles.COORDINATORS)
    on_group, on_page = make_report(group), make_report(community_page)
    html = client.get(ADMIN_LIST).content.decode()
    assert "Tuesday grief circle" in html and "Walking trails" not in html
    assert client.get(f"{ADMIN_LIST}inspect/{on_group.pk}/").status_code == HTTPStatus.OK
    for url in (f"{ADMIN_LIST}inspect/{on_page.pk}/", f"{ADMIN_LIST}edit/{on_page.pk}/"):
        response = client.get(url, follow=True)
        assert response.redirect_chain[-1][0] == "/admin/" or response.status_code == HTTPStatus.FORBIDDEN, url
    response = client.post(f"{ADMIN_LIST}edit/{on_page.pk}/", {"status": ReportStatus.FIXED})
    on_page.refresh_from_db()
    assert on_page.status == ReportStatus.NEW


def test_editors_read_no_reports(client, group):
    login(client, roles.EDITORS)
    make_report(group)
    response = client.get(ADMIN_LIST, follow=True)
    assert response.redirect_chain and response.redirect_chain[-1][0] == "/admin/"


def test_reading_reports_needs_two_factor_sign_in():
    assert "home.view_listingreport" in roles.HEALTH_INFORMATION_PERMISSIONS


def test_the_list_filters_by_status_problem_and_listing(admin_client, group, community_page):
    make_report(group)
    make_report(community_page, status=ReportStatus.FIXED)
    html = admin_client.get(ADMIN_LIST).content.decode()
    assert "listing=" in html and "status__exact=" in html and "problem__exact=" in html
    # Read in the reports' own table: the page's first table body is the keyboard shortcuts'.
    only_group = results(admin_client.get(ADMIN_LIST, {"listing": group.pk}).content.decode())
    assert "Tuesday grief circle" in only_group and "Walking trails" not in only_group
    fixed = results(admin_client.get(ADMIN_LIST, {"status__exact": ReportStatus.FIXED}).content.decode())
    assert "Walking trails" in fixed and "Tuesday grief circle" not in fixed
    assert admin_client.get(ADMIN_LIST, {"listing": "x"}).status_code == HTTPStatus.OK


def test_the_export_reads_in_words_and_local_time(admin_client, group):
    report = make_report(group, note="=HYPERLINK(1)")
    ListingReport.objects.filter(pk=report.pk).update(
        created_at=datetime.datetime(2026, 1, 15, 8, 1, tzinfo=datetime.UTC)
    )
    response = admin_client.get(ADMIN_LIST, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["Received", "Listing", "Which resource", "What is wrong", "Their note", "Contact", "Status",
                       "Staff note"]  # fmt: skip
    assert rows[1] == [
        "Jan. 15, 2026, 3:01 a.m.",
        "Tuesday grief circle",
        "Not given",
        "The day or time is wrong",
        "'=HYPERLINK(1)",
        "Not given",
        "New",
        "Not given",
    ]


def test_the_dashboard_counts_open_reports_and_shows_none_of_them(client, group, community_page):
    login(client, roles.MODERATORS)
    make_report(group, contact=EMAIL)
    make_report(community_page)
    make_report(group, status=ReportStatus.CHECKED)
    make_report(group, status=ReportStatus.FIXED)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Problems reported with listings" in html
    assert "2 new reports" in html and "1 report</a> checked" in html
    assert NOTE not in html and EMAIL not in html


def test_the_dashboard_counts_open_reports_on_events(client, event):
    login(client, roles.MODERATORS)
    make_report(event, contact=EMAIL)
    make_report(event, status=ReportStatus.CHECKED)
    make_report(event, status=ReportStatus.NOT_A_PROBLEM)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 new report</a>" in html and "1 report</a> checked" in html
    assert NOTE not in html and EMAIL not in html and "Riverside walk" not in html


def test_a_coordinators_dashboard_counts_their_groups_reports_only(client, group, community_page):
    login(client, roles.COORDINATORS)
    make_report(community_page)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "no visitor has reported a problem that is still open" in html


def test_the_editor_shows_open_reports_beside_the_listing(client, group):
    login(client, roles.MODERATORS)
    edit = reverse("wagtailadmin_pages:edit", args=(group.pk,))
    assert "Visitors reported" not in client.get(edit).content.decode()
    make_report(group)
    make_report(group, status=ReportStatus.NOT_A_PROBLEM)
    html = client.get(edit).content.decode()
    assert "Visitors reported 1 problem with this listing" in html
    assert f"{ADMIN_LIST}?listing={group.pk}" in html
    assert NOTE not in html


@pytest.mark.parametrize("page_fixture", ["event", "community_page"])
def test_the_editor_shows_open_reports_beside_an_event_or_a_community_page(client, request, page_fixture):
    page = request.getfixturevalue(page_fixture)
    login(client, roles.MODERATORS)
    edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert "Visitors reported" not in client.get(edit).content.decode()
    make_report(page)
    make_report(page, status=ReportStatus.CHECKED)
    make_report(page, status=ReportStatus.FIXED)
    html = client.get(edit).content.decode()
    assert "Visitors reported 2 problems with this listing" in html
    assert f"{ADMIN_LIST}?listing={page.pk}" in html
    assert NOTE not in html


# End to end ------------------------------------------------------------------------------------


@pytest.mark.parametrize("page_fixture", ["group", "event", "community_page"])
def test_a_report_with_only_the_problem_reaches_the_admin_list_and_the_dashboard(
    client, request, page_fixture, django_capture_on_commit_callbacks
):
    """The issue's "done when": a visitor gives no name, note or contact; a moderator still finds it."""
    page = request.getfixturevalue(page_fixture)
    key = submission_key(client.get(report_url(page)).content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            report_url(page), {"problem": ListingProblem.NOBODY_CAME, "website": "", "submission_key": key}
        )
    assert response.status_code == HTTPStatus.FOUND and response["Location"] == thank_you_url(page)
    (report,) = ListingReport.objects.all()
    assert (report.note, report.contact, report.resource, report.status) == ("", "", "", ReportStatus.NEW)

    login(client, roles.MODERATORS)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 new report</a>" in dashboard
    rows = results(client.get(ADMIN_LIST).content.decode())
    assert page.title in rows and "I went and nobody was there" in rows and "New" in rows
    inspect = client.get(f"{ADMIN_LIST}inspect/{report.pk}/")
    assert inspect.status_code == HTTPStatus.OK
    assert "Not given" in inspect.content.decode()


# Retention -------------------------------------------------------------------------------------


def test_purge_deletes_reports_past_their_retention_period(group, settings):
    settings.LISTING_REPORT_RETENTION_DAYS = 30
    old, recent = make_report(group, days_ago=31), make_report(group, days_ago=29)
    out = io.StringIO()
    call_command("purge_listing_reports", "--dry-run", stdout=out)
    assert "1 listing report(s) older than 30 days would be deleted" in out.getvalue()
    assert ListingReport.objects.count() == 2
    call_command("purge_listing_reports", stdout=out)
    assert list(ListingReport.objects.all()) == [recent]
    assert not ListingReport.objects.filter(pk=old.pk).exists()
    assert NOTE not in out.getvalue()


def test_purge_refuses_less_than_a_day(group):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("purge_listing_reports", "--days", "0")


def test_an_administrator_may_delete_a_report(client, group):
    sign_in(client, get_user_model().objects.create_superuser("boss", "boss@example.com", "pw"))
    report = make_report(group)
    response = client.post(f"{ADMIN_LIST}delete/{report.pk}/")
    assert response.status_code == HTTPStatus.FOUND
    assert not ListingReport.objects.exists()
