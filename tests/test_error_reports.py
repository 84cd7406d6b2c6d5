"""Reports of server errors (the email to ADMINS, the debug page) show nothing a visitor sent."""

import sys

import pytest
from django.test import RequestFactory
from django.views.debug import get_exception_reporter_class

from home.error_reports import PrivateExceptionReporter

VISITOR = "203.0.113.9"
QUERY_VALUE = "grief-and-my-brother"
FORM_VALUE = "Wilhelmina Private"
COOKIE_VALUE = "cookie-7d1f0a"
AGENT = "Mozilla/5.0 (only-this-visitor)"
PRIVATE = (VISITOR, QUERY_VALUE, FORM_VALUE, COOKIE_VALUE, AGENT)


def failing_view(request):
    """Fails with what the visitor sent in the message and in its local variables."""
    page = request.GET["page"]
    name = request.POST["name"]
    raise ValueError(f"invalid literal for int() with base 10: {page!r} ({name})")


@pytest.fixture
def report():
    request = RequestFactory().post(
        f"/support-groups/?page={QUERY_VALUE}&topic=grief",
        {"name": FORM_VALUE, "note": "I have been struggling"},
        REMOTE_ADDR=VISITOR,
        HTTP_USER_AGENT=AGENT,
        HTTP_REFERER=f"https://example.org/search/?query={QUERY_VALUE}",
        HTTP_X_FORWARDED_FOR=VISITOR,
    )
    request.COOKIES["csrftoken"] = COOKIE_VALUE
    try:
        failing_view(request)
    except ValueError:
        return get_exception_reporter_class(request)(request, *sys.exc_info(), is_email=True)


def test_the_site_reports_errors_with_its_own_reporter(report):
    assert isinstance(report, PrivateExceptionReporter)


def test_the_text_report_names_what_was_sent_and_shows_none_of_it(report):
    text = report.get_traceback_text()
    for private in (*PRIVATE, "I have been struggling"):
        assert private not in text, private
    assert "Request URL: http://testserver/support-groups/\n" in text
    assert "ValueError" in text and "invalid literal for int() with base 10: '[value]' ([value])" in text
    for name in ("page", "topic", "name", "note", "csrftoken", "REMOTE_ADDR", "HTTP_USER_AGENT", "QUERY_STRING"):
        assert f"{name} = '********************'" in text, name
    # What describes the server stays, to help whoever reads it.
    assert "REQUEST_METHOD = 'POST'" in text and "PATH_INFO = '/support-groups/'" in text


def test_the_html_report_hides_local_variables_too(report):
    html = report.get_traceback_html()
    for private in PRIVATE:
        assert private not in html, private
    assert "failing_view" in html
