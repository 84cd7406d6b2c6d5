"""Error reports without the visitor: what Django writes about a server error carries nothing they sent.

Django's report of an error (the email to ADMINS, and the debug page) lists the request's query
values, form fields, cookies and headers, its full URL and every frame's variables. Here the
names stay, so the report still says what was sent, and every value is hidden: query values,
form data, file names, cookies, headers other than a few that describe the server (the client's
address, user agent and referrer among the hidden), the query string in the URL, and local
variables; a value the visitor sent is taken out of the exception's message too.

Set as DEFAULT_EXCEPTION_REPORTER and DEFAULT_EXCEPTION_REPORTER_FILTER (config/settings/base.py).
"""

from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

from home.logging import redact, visitor_values

# Request headers and server variables shown as they are: none of them says who the visitor is.
PLAIN_META = frozenset(
    {
        "CONTENT_LENGTH",
        "CONTENT_TYPE",
        "HTTP_ACCEPT",
        "HTTP_ACCEPT_ENCODING",
        "HTTP_HOST",
        "PATH_INFO",
        "REQUEST_METHOD",
        "SCRIPT_NAME",
        "SERVER_NAME",
        "SERVER_PORT",
        "SERVER_PROTOCOL",
        "wsgi.url_scheme",
    }
)


def hidden(names):
    """Each name with its value hidden."""
    return dict.fromkeys(names, SafeExceptionReporterFilter.cleansed_substitute)


class PrivateExceptionReporterFilter(SafeExceptionReporterFilter):
    """Names without values: form fields, cookies, headers and variables, in production and in development."""

    def is_active(self, request):
        return True

    def get_post_parameters(self, request):
        if request is None:
            return {}
        try:
            return hidden(request.POST)
        except Exception:  # a body that cannot be read has nothing to show
            return {}

    def get_safe_cookies(self, request):
        return hidden(getattr(request, "COOKIES", {}))

    def get_safe_request_meta(self, request):
        meta = getattr(request, "META", {})
        return {key: value if key in PLAIN_META else self.cleansed_substitute for key, value in meta.items()}

    def get_traceback_frame_variables(self, request, tb_frame):
        return hidden(tb_frame.f_locals).items()


class PrivateExceptionReporter(ExceptionReporter):
    """Django's report, with the query values, file names and URL's query string its filter cannot reach."""

    def _get_raw_insecure_uri(self):
        return f"{self.request.scheme}://{self.request._get_raw_host()}{self.request.path}"

    def get_traceback_data(self):
        data = super().get_traceback_data()
        if self.request is not None:
            data["request_GET_items"] = hidden(self.request.GET).items()
            try:
                data["request_FILES_items"] = hidden(self.request.FILES).items()
            except Exception:  # a body that cannot be read has nothing to show
                data["request_FILES_items"] = {}.items()
            values = visitor_values(self.request)
            for key in ("exception_value", "exception_notes"):
                if key in data:
                    data[key] = redact(data[key], values)
            for frame in data.get("frames", []):
                if frame.get("exc_cause") is not None:
                    frame["exc_cause"] = redact(str(frame["exc_cause"]), values)
        return data
