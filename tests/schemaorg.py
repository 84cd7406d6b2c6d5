"""Checks a page's JSON-LD against schema.org's own vocabulary and Google's rules for rich results.

Search engines ignore structured data they cannot read without saying so, so a mistake
(a misspelt property, one used on a type it does not belong to, an enumeration value
given as plain text) would go unnoticed. Each block is expanded with pyld, the JSON-LD
processor, against schema.org's context as published; the expanded graph is then held
against the vocabulary: types, properties, their domains and ranges, enumeration
members. Both files are vendored in tests/vendor/schemaorg/ (README there: source,
version, licence): the loader serves them and refuses any other address, so nothing
is fetched while the tests run.

`problems(data)` returns what is wrong, in words, as a list (empty when all is well).
"""

import datetime
import functools
import json
import re
from pathlib import Path

from pyld import jsonld

VENDOR = Path(__file__).resolve().parent / "vendor" / "schemaorg"
CONTEXT_FILE = VENDOR / "schemaorgcontext.jsonld"
VOCABULARY_FILE = VENDOR / "schemaorg-current-https.jsonld"

# The addresses a page may name as its context; schema.org serves the same context at each.
CONTEXT_URLS = {"https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/"}
SCHEMA_IRI = re.compile(r"^https?://schema\.org/([A-Za-z0-9_]+)$")
JSON_LD_SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def json_ld_blocks(html):
    """Every JSON-LD block of a page, parsed."""
    return [json.loads(block) for block in JSON_LD_SCRIPT.findall(html)]


@functools.cache
def _context_document():
    return json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))


def document_loader(url, options=None):
    """pyld's document loader: the vendored schema.org context, and nothing from the network."""
    if url not in CONTEXT_URLS:
        raise jsonld.JsonLdError(
            f"Only schema.org's vendored context is served in tests, not {url}",
            "jsonld.LoadDocumentError",
            code="loading document failed",
        )
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": _context_document(),
    }


def expand(data):
    return jsonld.expand(data, {"documentLoader": document_loader})


def schema_name(iri):
    """'Event' for https://schema.org/Event or http://schema.org/Event; None for anything else."""
    match = SCHEMA_IRI.match(iri) if isinstance(iri, str) else None
    return match.group(1) if match else None


def _ids(value):
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    return [item["@id"].removeprefix("schema:") for item in values if item["@id"].startswith("schema:")]


class Vocabulary:
    """schema.org's classes, properties and enumeration members, by their short names."""

    def __init__(self, path=VOCABULARY_FILE):
        graph = json.loads(path.read_text(encoding="utf-8"))["@graph"]
        self.parents, self.properties, self.members, self.superseded = {}, {}, {}, set()
        datatypes = set()
        for node in graph:
            name = node["@id"].removeprefix("schema:")
            if not node["@id"].startswith("schema:"):
                continue
            types = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
            if "schema:supersededBy" in node:
                self.superseded.add(name)
            if "rdf:Property" in types:
                self.properties[name] = (
                    _ids(node.get("schema:domainIncludes")),
                    _ids(node.get("schema:rangeIncludes")),
                )
            elif "rdfs:Class" in types or "schema:DataType" in types:
                self.parents[name] = _ids(node.get("rdfs:subClassOf"))
                if "schema:DataType" in types:
                    datatypes.add(name)
            # An enumeration member is typed by its enumeration (some are classes as well).
            member_of = [t.removeprefix("schema:") for t in types if t.startswith("schema:") and t != "schema:DataType"]
            if member_of:
                self.members[name] = member_of
        self.datatypes = {name for name in self.parents if datatypes & self.ancestors(name)}

    @functools.cache  # noqa: B019 (one vocabulary for the whole run)
    def ancestors(self, name):
        """The class and every class above it."""
        found = {name}
        for parent in self.parents.get(name, ()):
            found |= self.ancestors(parent)
        return frozenset(found)

    def is_a(self, types, classes):
        return any(set(classes) & self.ancestors(name) for name in types)

    def is_enumeration(self, name):
        return "Enumeration" in self.ancestors(name)


@functools.cache
def vocabulary():
    return Vocabulary()


# Checking the expanded graph -----------------------------------------------------------------


def _term_iri(term):
    """What a property name of the page expands to under schema.org's context ([] when dropped)."""
    expanded = expand({"@context": "https://schema.org", "@id": "urn:x", term: "x"})
    keys = [key for key in (expanded[0] if expanded else {}) if key != "@id"]
    return keys[0] if keys else None


_term_iri = functools.cache(_term_iri)


KEYWORDS = {"@context", "@id", "@type", "@value", "@language", "@list", "@set", "@graph", "@reverse", "@index"}


def _dropped(compact, expanded, path, found):
    """Properties or values of the page that expansion left out: a term the context does not know."""
    if isinstance(compact, list):
        items = [item for item in compact if item is not None]
        if len(items) != len(compact):
            found.append(f"{path}: null in a list is dropped by JSON-LD")
        for number, (item, out) in enumerate(zip(items, expanded, strict=False)):
            _dropped(item, out, f"{path}[{number}]", found)
        return
    if not isinstance(compact, dict) or "@value" in compact:
        return
    for key, value in compact.items():
        if key.startswith("@"):
            if key not in KEYWORDS:  # JSON-LD ignores what looks like a keyword and is not one
                found.append(f"{path}.{key}: dropped by expansion (not a JSON-LD keyword)")
            continue
        if value is None:
            found.append(f"{path}.{key}: null, dropped by expansion")
            continue
        iri = _term_iri(key)
        if iri is None or iri not in expanded:
            found.append(f"{path}.{key}: dropped by expansion (not a term of schema.org's context)")
            continue
        values = value if isinstance(value, list) else [value]
        if len([v for v in values if v is not None]) != len(expanded[iri]) or None in values:
            found.append(f"{path}.{key}: a value is dropped by expansion (null or empty)")
        _dropped(values, expanded[iri], f"{path}.{key}", found)


def _is_date_time(text):
    try:
        value = datetime.datetime.fromisoformat(text)
    except ValueError:
        return False
    return "T" in text and value.tzinfo is not None


def _is_date(text):
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) is not None


def _is_time(text):
    return re.fullmatch(r"\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?", text) is not None


# Bounds that schema.org states in words, not in the vocabulary's ranges.
DATE_KINDS = {"Date", "DateTime", "Time"}
NUMBER_BOUNDS = {"byMonthWeek": range(1, 6), "byMonthDay": range(1, 32), "byMonth": range(1, 13)}


def _check_literal(vocab, prop, ranges, value, path, found):
    text = value.get("@value")
    enumerations = [name for name in ranges if vocab.is_enumeration(name)]
    literal_ranges = [name for name in ranges if name in vocab.datatypes]
    member = schema_name(text)
    if enumerations and member is not None:
        if not vocab.is_a(vocab.members.get(member, ()), enumerations):
            found.append(f"{path}: {member} is not one of {', '.join(enumerations)}")
        return
    if not literal_ranges:
        expected = ", ".join(ranges)
        found.append(f"{path}: {text!r} is text, but {prop} expects {expected}")
        return
    if set(literal_ranges) <= {"Integer", "Number", "Float"}:
        whole = isinstance(text, int) and not isinstance(text, bool)
        if not (whole or ("Integer" not in literal_ranges and isinstance(text, float))):
            found.append(f"{path}: {text!r} is not a number ({prop} expects {', '.join(literal_ranges)})")
        elif prop in NUMBER_BOUNDS and text not in NUMBER_BOUNDS[prop]:
            found.append(f"{path}: {text} is outside {prop}'s {NUMBER_BOUNDS[prop]}")
    if isinstance(text, str):
        if text.strip() == "":
            found.append(f"{path}: empty text")
        kinds = set(literal_ranges)
        if kinds <= DATE_KINDS:
            ok = (
                ("DateTime" in kinds and _is_date_time(text))
                or ("Date" in kinds and _is_date(text))
                or ("Time" in kinds and _is_time(text))
            )
            if not ok:
                found.append(f"{path}: {text!r} is not an ISO 8601 {' or '.join(sorted(kinds))} (with its offset)")
        if "URL" in kinds and len(kinds) == 1 and not text.startswith(("https://", "http://")):
            found.append(f"{path}: {text!r} is not an absolute URL")
    looks_like_date_time = isinstance(text, str) and re.match(r"\d{4}-\d{2}-\d{2}T", text)
    if looks_like_date_time and not set(literal_ranges) <= DATE_KINDS and not _is_date_time(text):
        found.append(f"{path}: {text!r} is a date and time without an offset")


def _check_node(vocab, node, path, found, role_of=None):
    types = [schema_name(t) for t in node.get("@type", [])]
    if None in types:
        found.append(f"{path}: a type outside schema.org: {node['@type']}")
    types = [t for t in types if t]
    for name in types:
        if name not in vocab.parents:
            found.append(f"{path}: {name} is not a schema.org class")
        elif name in vocab.superseded:
            found.append(f"{path}: {name} is superseded in schema.org")
    node_id = node.get("@id")
    if node_id is not None and not node_id.startswith(("https://", "http://")):
        found.append(f"{path}: @id {node_id!r} is not an absolute URL")
    properties = [key for key in node if not key.startswith("@")]
    if properties and not types:
        found.append(f"{path}: a node with properties but no @type")
    for key in properties:
        prop = schema_name(key)
        where = f"{path}.{prop or key}"
        if prop is None or prop not in vocab.properties:
            found.append(f"{where}: not a schema.org property")
            continue
        if prop in vocab.superseded:
            found.append(f"{where}: superseded in schema.org")
        domains, ranges = vocab.properties[prop]
        # A Role stands between a thing and its value, and carries the property it qualifies.
        if types and not vocab.is_a(types, domains) and not (prop == role_of and vocab.is_a(types, ["Role"])):
            found.append(f"{where}: not a property of {', '.join(types)} (its domain: {', '.join(domains)})")
        for number, value in enumerate(node[key]):
            _check_value(vocab, prop, ranges, value, f"{where}[{number}]", found)


def _check_value(vocab, prop, ranges, value, path, found):
    if "@value" in value:
        _check_literal(vocab, prop, ranges, value, path, found)
        return
    if "@list" in value:
        for number, item in enumerate(value["@list"]):
            _check_value(vocab, prop, ranges, item, f"{path}[{number}]", found)
        return
    member = schema_name(value.get("@id"))
    if member is not None and set(value) == {"@id"}:
        # An IRI of schema.org's own: an enumeration member (or a class) named where one is expected.
        enumerations = [name for name in ranges if vocab.is_enumeration(name)]
        if enumerations and not vocab.is_a(vocab.members.get(member, ()), enumerations):
            found.append(f"{path}: {member} is not one of {', '.join(enumerations)}")
        return
    types = [schema_name(t) for t in value.get("@type", [])]
    types = [t for t in types if t]
    if types and not vocab.is_a(types, ranges) and not vocab.is_a(types, ["Role"]):
        found.append(f"{path}: a {', '.join(types)} where {prop} expects {', '.join(ranges)}")
    if set(value) == {"@id"}:
        if not ({"URL", "Text"} & set(ranges)) and not any(name not in vocab.datatypes for name in ranges):
            found.append(f"{path}: a link where {prop} expects {', '.join(ranges)}")
        if not value["@id"].startswith(("https://", "http://")):
            found.append(f"{path}: {value['@id']!r} is not an absolute URL")
        return
    _check_node(vocab, value, path, found, role_of=prop if vocab.is_a(types, ["Role"]) else None)


# Google's rules for the rich results the site can have ---------------------------------------


def _nodes(data):
    """Every node of the compact JSON-LD with its path: what Google reads."""
    stack = [("$", data)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, list):
            stack.extend((f"{path}[{n}]", value) for n, value in enumerate(item))
        elif isinstance(item, dict):
            yield path, item
            stack.extend((f"{path}.{key}", value) for key, value in item.items() if key != "@context")


def _listed(value):
    return value if isinstance(value, list) else [value]


def _types(node):
    return set(_listed(node.get("@type", [])))


EVENT_TYPES = {"Event", "SocialEvent", "EducationEvent", "BusinessEvent"}
ARTICLE_TYPES = {"Article", "BlogPosting", "NewsArticle"}


def google_problems(data):
    found = []
    for path, node in _nodes(data):
        for key, value in node.items():
            if value == "" or value == [] or value == {}:
                found.append(f"{path}.{key}: empty (leave out what is not known)")
        types = _types(node)
        if types & EVENT_TYPES:
            for field in ("name", "startDate", "location"):
                if not node.get(field):
                    found.append(f"{path}: Google requires an Event's {field}")
            if node.get("startDate") and not _is_date_time(node["startDate"]) and not _is_date(node["startDate"]):
                found.append(f"{path}.startDate: not ISO 8601 with an offset")
            for place in _listed(node.get("location") or []):
                kinds = _types(place) if isinstance(place, dict) else set()
                if "VirtualLocation" in kinds:
                    if not place.get("url"):
                        found.append(f"{path}.location: a VirtualLocation needs its url")
                elif "Place" in kinds or kinds & {"LocalBusiness", "CivicStructure"}:
                    if not (isinstance(place.get("address"), dict | str) and place.get("address")):
                        found.append(f"{path}.location: a Place needs its address")
                else:
                    found.append(f"{path}.location: a Place or VirtualLocation, not {place!r}")
        if types & ARTICLE_TYPES:
            for field in ("headline", "datePublished", "author"):
                if not node.get(field):
                    found.append(f"{path}: an Article needs its {field}")
            for author in _listed(node.get("author") or []):
                if not (isinstance(author, dict) and author.get("name")):
                    found.append(f"{path}.author: each author needs a name")
            for field in ("datePublished", "dateModified"):
                if node.get(field) and not _is_date_time(node[field]):
                    found.append(f"{path}.{field}: not an ISO 8601 date and time with its offset")
        if "BreadcrumbList" in types:
            for number, item in enumerate(_listed(node.get("itemListElement") or [])):
                for field in ("position", "name", "item"):
                    if field == "item" and number == len(_listed(node["itemListElement"])) - 1:
                        continue  # Google lets the last crumb (the page itself) go without its URL
                    if not item.get(field):
                        found.append(f"{path}.itemListElement[{number}]: needs its {field}")
    return found


def problems(data):
    """Everything wrong with one block of JSON-LD, in words."""
    found = []
    if data.get("@context") not in CONTEXT_URLS:
        found.append(f"@context is {data.get('@context')!r}, not schema.org's")
        return found
    try:
        expanded = expand(data)
    except jsonld.JsonLdError as error:
        return [f"pyld could not expand it: {error}"]
    _dropped(data, expanded[0] if expanded else {}, "$", found)
    vocab = vocabulary()
    for node in expanded:
        _check_node(vocab, node, "$", found)
    found.extend(google_problems(data))
    return found
