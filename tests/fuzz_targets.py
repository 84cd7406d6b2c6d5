"""Every public URL with the query parameters it reads, and hypothesis strategies that fill them with anything.

Shared by the property-based test (tests/test_fuzz.py) and the fuzz script
(scripts/fuzz.py, `make fuzz`): both ask `targets()` for the site's public
addresses (each page type, the finder, the indexes, search, feeds, calendars,
the Meeting Guide feed, the sitemap, API v2 and v3, the HSDS feed) and draw requests from
`requests()`. A value is a known good one, arbitrary text (control characters,
NUL, lone surrogates), raw bytes that are not UTF-8, a huge number, an empty
value, or a good value with junk after it; each is percent-encoded into the URL.
`problems()` says what is wrong with an answer: a 5xx, or a control character
echoed into an HTML page.
"""

import unicodedata
from dataclasses import dataclass, field
from urllib.parse import quote, quote_from_bytes

from hypothesis import strategies as st

API_V2_LIST = ["fields", "limit", "offset", "order", "search", "search_operator"]
API_V2_PAGES = [
    *API_V2_LIST,
    "type",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
    "locale",
    "site",
    "rich_text_format",
    "topic",
]


@dataclass
class Target:
    path: str
    samples: dict = field(default_factory=dict)  # {parameter: [good values]}


def _finder_samples():
    from groups.forms import FinderForm

    form = FinderForm()
    samples = {
        name: [str(value) for value, _label in getattr(form.fields[name], "choices", []) if value]
        for name in FinderForm.base_fields
    }
    samples["topic"] = _topic_slugs()
    samples["free"] = samples["open"] = ["1", "on", "0"]
    samples["zip"] = ["28801", "28711", "00000"]
    samples["lat"], samples["lng"] = ["35.60", "35.595123", "91"], ["-82.55", "-82.551456", "-181"]
    return samples


def _counselor_ids():
    from counselors.models import CounselorPage

    return list(CounselorPage.objects.live().values_list("pk", flat=True)[:3])


def _topic_slugs():
    from home.models import Topic

    return list(Topic.objects.values_list("slug", flat=True)[:10]) or ["anxiety"]


def _page_targets():
    from wagtail.models import Page, get_page_models

    found = []
    finder = {"page": ["1", "2"], **_finder_samples()}
    for model in get_page_models():
        if model is Page:
            continue
        for page in model.objects.live().public().order_by("path")[:2]:
            url = page.url
            samples = {"page": ["1", "2"]}
            if model._meta.label == "groups.SupportGroupIndexPage":
                samples = finder
                found.append(Target(url + "print/", _finder_samples()))
            elif model._meta.label == "blog.ArticleIndexPage":
                samples = {"topic": _topic_slugs(), "page": ["1", "2", "99"]}
                found.append(Target(url + "feed/"))
                found.extend(Target(f"{url}feed/{slug}/") for slug in [*_topic_slugs()[:3], "nope"])
            elif model._meta.label == "community.CommunityIndexPage":
                samples = {"topic": _topic_slugs(), "area": ["asheville", "west-asheville"], "page": ["1"]}
            elif model._meta.label == "counselors.CounselorIndexPage":
                samples = {
                    "specialty": _topic_slugs(),
                    "language": ["spanish", "english", "nope"],
                    "insurance": ["medicare", "nope"],
                    "telehealth": ["1", "maybe"],
                    "accepting": ["yes", "waitlist", "nope"],
                }
            elif model._meta.label == "counselors.AppointmentRequestPage":
                samples = {"counselor": [str(pk) for pk in _counselor_ids()] + ["0", "nope"]}
                found.append(Target(f"{url}thank-you/"))
            elif model._meta.label == "groups.SupportGroupPage":
                samples = {"list": ["waiting"], "session": ["1"]}
                found.append(Target(f"/groups/{page.pk}/calendar.ics"))
                found.append(Target(f"/groups/{page.pk}/"))
                found.append(Target(f"{url}join/", {"session": ["1"]}))
                found.append(Target(f"{url}report/"))
            elif model._meta.label == "community.CommunityPage":
                found.append(Target(f"{url}report/"))
            elif model._meta.label == "events.EventPage":
                found.append(Target(f"{url}register/"))
                found.append(Target(f"{url}register/thank-you/", {"list": ["waiting"]}))
            found.append(Target(url, samples))
    return found


def _api_v2_targets():
    from wagtail.models import Page, get_page_models

    from home.api.endpoints import PagesEndpoint

    types = [model._meta.label for model in get_page_models() if model is not Page]
    pages = list(Page.objects.live().public().filter(depth__gt=1).order_by("path"))
    ids = [str(page.pk) for page in pages]
    common = {
        "fields": ["*", "title", "intro,topics", "-title", "_,id"],
        "limit": ["1", "50"],
        "offset": ["0", "5"],
        "order": ["title", "-first_published_at", "random", "-date", "id"],
        "search": ["grief", "anxiety group", "a"],
        "search_operator": ["and", "or"],
    }
    page_samples = {
        **common,
        "type": types,
        "child_of": [*ids[:3], "root"],
        "descendant_of": [*ids[:3], "root"],
        "ancestor_of": ids[:3],
        "translation_of": ids[:3],
        "locale": ["en"],
        "site": ["localhost", "testserver:80"],
        "rich_text_format": ["html", "markdown", "db_html"],
        "topic": _topic_slugs(),
    }
    found = [Target("/api/v2/pages/", page_samples)]
    # Each type's own field filters (`?type=groups.SupportGroupPage&status=open`).
    for model in get_page_models():
        if model is Page:
            continue
        own_values = [*ids[:2], "open", "2026-01-01", "true"]
        own = dict.fromkeys(PagesEndpoint.get_available_fields(model, db_fields_only=True), own_values)
        found.append(Target(f"/api/v2/pages/?type={model._meta.label}", {**page_samples, **own}))
    detail = {"fields": ["*", "title", "-title"], "rich_text_format": ["html", "markdown"]}
    found.extend(Target(f"/api/v2/pages/{page_id}/", detail) for page_id in ids)
    urls = [page.url for page in pages]
    found.append(Target("/api/v2/pages/find/", {"html_path": urls, "site": ["localhost"]}))
    for endpoint in ["images", "documents"]:
        found.append(Target(f"/api/v2/{endpoint}/", {**common, "title": ["Mist"], "collection": ["1"]}))
        found.append(Target(f"/api/v2/{endpoint}/1/", {"fields": ["*", "title"]}))
    found.append(Target("/api/v2/site-settings/", {"format": ["json"]}))
    return found


def _api_v3_targets():
    from wagtail.models import Page

    from home.api.v3 import read_operations

    ids = [str(pk) for pk in Page.objects.live().public().filter(depth__gt=1).values_list("pk", flat=True)[:5]]
    found = []
    for path, parameters in read_operations():
        samples = {}
        for parameter in parameters.values():
            kind = parameter.get("schema", {})
            options = kind.get("enum") or [
                value for choice in kind.get("anyOf", []) for value in choice.get("enum", [])
            ]
            samples[parameter["name"]] = [str(value) for value in options] or ["1", "grief", "title", "en"]
        if "html_path" in samples:
            samples["html_path"] = ["/", "/about/", "/support-groups/"]
        for page_id in ids if "{" in path else [None]:
            concrete = path
            while "{" in concrete:
                start, end = concrete.index("{"), concrete.index("}")
                concrete = concrete[:start] + (page_id or "1") + concrete[end + 1 :]
            found.append(Target(concrete, samples))
    return found


def _hsds_targets():
    """The Open Referral HSDS feed (/api/hsds/): its lists with paging and `modified_after`, and an entry."""
    from home.api.hsds import practice_organization_id

    paging = {"page": ["1", "2"], "per_page": ["1", "20", "50"], "format": ["json"]}
    since = ["2026-01-01", "2026-01-01T09:00:00Z", "2026-01-01T09:00:00-05:00"]
    return [
        Target("/api/hsds/"),
        Target("/api/hsds/services", {**paging, "modified_after": since}),
        Target("/api/hsds/organizations", paging),
        Target("/api/hsds/locations", paging),
        Target(f"/api/hsds/organizations/{practice_organization_id()}"),
    ]


def targets():
    """Every public URL with its parameters' good values, read from the database and the API's own schema."""
    fixed = [
        Target(
            "/search/", {"query": ["grief", "anxiety group", '"support group"'], "q": ["grief"], "page": ["1", "2"]}
        ),
        Target("/groups/calendar.ics", _finder_samples()),
        Target("/groups/meetings.json"),
        Target("/sitemap.xml", {"p": ["1", "2"]}),
        Target("/robots.txt"),
    ]
    return [*fixed, *_page_targets(), *_api_v2_targets(), *_api_v3_targets(), *_hsds_targets()]


# Values ----------------------------------------------------------------------------------------

# Every code point: control characters, NUL, lone surrogates (sent as their CESU-8 bytes).
_ANY_TEXT = st.text(st.characters(codec=None, categories=None), max_size=40)
_JUNK = st.one_of(
    _ANY_TEXT,
    st.sampled_from(["\x00", "\t", "\n", "\x85", "\ud800", "\udfff", '"', "'", "(", "*", "%", "-", "..", "__proto__"]),
)


def _encoded(text):
    return quote_from_bytes(text.encode("utf-8", "surrogatepass"), safe="")


def values(samples):
    """A strategy of percent-encoded values for one parameter whose good values are `samples`."""
    good = st.sampled_from(samples) if samples else st.just("1")
    return st.one_of(
        good.map(_encoded),
        _ANY_TEXT.map(_encoded),
        st.binary(max_size=24).map(lambda raw: quote_from_bytes(raw, safe="")),
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
        st.sampled_from(["", "0", "-1", "9" * 25, "1e309", "NaN", "%00", "%ED%A0%80", "%FF"]),
        st.tuples(good, _JUNK).map(lambda pair: _encoded(pair[0] + pair[1])),
    )


@st.composite
def requests(draw, targets):
    """A URL: a target, some of its parameters (each given once or twice, or unknown ones) with any values."""
    target = draw(st.sampled_from(targets))
    names = sorted(target.samples)
    chosen = draw(st.lists(st.sampled_from(names), max_size=4)) if names else []
    if draw(st.booleans()) or not names:
        chosen.append(draw(st.sampled_from(["page", "search", "type", "q", "id", "limit", "topic"])))
    query = [f"{quote(name, safe='')}={draw(values(target.samples.get(name, [])))}" for name in chosen]
    separator = "&" if "?" in target.path else "?"
    return target.path + (separator + "&".join(query) if query else "")


def problems(response):
    """What is wrong with an answer: a server error, or a control character echoed into a page."""
    found = []
    if response.status_code >= 500:
        found.append(f"server error {response.status_code}")
    content_type = response.get("Content-Type", "")
    if content_type.startswith("text/html") and not getattr(response, "streaming", False):
        text = response.content.decode("utf-8", "replace")
        bad = {ch for ch in text if unicodedata.category(ch) in {"Cc", "Cs"} and ch not in "\t\n\r"}
        if bad:
            found.append("control characters in the page: " + ", ".join(f"U+{ord(ch):04X}" for ch in sorted(bad)))
    return found
