"""Which counselor pages a change elsewhere shows in, for the front cache's purges (home/frontend_cache.py).

A counselor's page lists the groups they lead and the articles they wrote (through the groups and
blog apps' tags). Those pages name their people in rows with a `person` (an article's `authors`, a
group's `facilitators`); this reads those rows by name, so the counselors app imports neither app.
A person taken off a page is not seen here: their counselor page catches up at its `s-maxage`.

A counselor's page changing changes the service pages that list them ("Counselors who offer
this"): `service_paths` gives every live service page (a handful) when a counselor page changes.
It changes the bylines too: articles and groups link their people to their counselor pages
(`byline_paths`, through home's `pages_using` of the person).

The "Request an appointment" page is linked from every counselor and service page and the fees
page: `appointment_paths` gives them all (a few dozen at most) when it changes.
"""

from counselors.appointment_page import AppointmentRequestPage
from counselors.models import CounselorIndexPage, CounselorPage

# The inline rows through which a page names the people who wrote or lead it.
PEOPLE_RELATIONS = ("authors", "facilitators")


def counselor_paths(page):
    """Site-relative paths of the live counselor pages of the people `page` names; [] for most pages."""
    person_ids = set()
    for name in PEOPLE_RELATIONS:
        rows = getattr(page, name, None)
        if rows is None or not hasattr(rows, "all"):
            continue
        person_ids.update(getattr(row, "person_id", None) for row in rows.all())
    person_ids.discard(None)
    if not person_ids:
        return []
    return _live_paths(CounselorPage.objects.live().filter(person_id__in=person_ids))


def _live_paths(pages):
    paths = []
    for page in pages:
        parts = page.get_url_parts()
        if parts is not None:
            paths.append(parts[2])
    return paths


def byline_paths(page):
    """Site-relative paths of the live pages that name the counselor's person (bylines, facilitators)."""
    if not isinstance(page, CounselorPage) or page.person_id is None:
        return []
    from home.frontend_cache import pages_using

    return _live_paths(other for other in pages_using(page.person) if other.pk != page.pk)


def appointment_paths(page):
    """Every live counselor, service and fees page (and their indexes), when `page` is the appointment page."""
    if not isinstance(page, AppointmentRequestPage):
        return []
    from counselors.services import FeesPage, ServiceIndexPage, ServicePage

    models = (CounselorIndexPage, CounselorPage, ServiceIndexPage, ServicePage, FeesPage)
    return _live_paths(page for model in models for page in model.objects.live())


def service_paths(page):
    """Site-relative paths of the live service pages, when `page` is a counselor page; [] otherwise."""
    if not isinstance(page, CounselorPage):
        return []
    from counselors.services import ServicePage

    return _live_paths(ServicePage.objects.live())


def fees_paths():
    """Site-relative paths of the live pages that show the fees setting: the service pages and the fees page."""
    from counselors.services import FeesPage, ServicePage

    return _live_paths(page for model in (ServicePage, FeesPage) for page in model.objects.live())
