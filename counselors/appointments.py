"""Where "Request a first appointment" goes: the one place the services' pages ask for it.

Settings → Fees and insurance → Appointments names the page (`appointment_page`); until it is set,
or while that page is not live, the link is "" and the pages offer the office's phone number
instead, never a link to a 404. The appointment request form (its own work) is
wired by choosing its page there, or by changing `first_appointment_url` to find its page type.
"""

from home.content_version import for_request, remember


def first_appointment_url(request=None):
    """The URL of the page where a visitor asks for a first appointment, or "" when there is none live."""

    def build():
        from counselors.fees import FeeSettings

        page = FeeSettings.load().appointment_page
        if page is None or not page.live:
            return ""
        return page.get_url(request) or ""

    return remember("first-appointment-url", build, *for_request(request))
