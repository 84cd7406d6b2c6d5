"""Which counselor pages a change elsewhere shows in, for the front cache's purges (home/frontend_cache.py).

A counselor's page lists the groups they lead and the articles they wrote (through the groups and
blog apps' tags). Those pages name their people in rows with a `person` (an article's `authors`, a
group's `facilitators`); this reads those rows by name, so the counselors app imports neither app.
A person taken off a page is not seen here: their counselor page catches up at its `s-maxage`.

A counselor's page changing changes the service pages that list them ("Counselors who offer
this"): `service_paths` gives every live service page (a handful) when a counselor page changes.
"""

from counselors.models import CounselorPage

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
    paths = []
    for counselor in CounselorPage.objects.live().filter(person_id__in=person_ids):
        parts = counselor.get_url_parts()
        if parts is not None:
            paths.append(parts[2])
    return paths


def service_paths(page):
    """Site-relative paths of the live service pages, when `page` is a counselor page; [] otherwise."""
    if not isinstance(page, CounselorPage):
        return []
    from counselors.services import ServicePage

    paths = []
    for service in ServicePage.objects.live():
        parts = service.get_url_parts()
        if parts is not None:
            paths.append(parts[2])
    return paths
