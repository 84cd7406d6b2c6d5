"""Mozilla's HTTP Observatory grade, worked out from a site's responses by its published rules.

Our own reading of the scoring table that MDN publishes for the HTTP Observatory ("Tests &
Scoring" / "Scoring methodology", the same modifiers as mozilla/http-observatory's
httpobs/docs/scoring.md of 2024-02-27, plus the Cross-Origin-Resource-Policy test the MDN
Observatory added). Every site starts at 100; penalties are taken off first, and only a score
of 90 or more then gets the bonuses. 100 and over is A+.

Each check returns (result, modifier), named as in the table. The rules checked:

- Content Security Policy: csp-not-implemented (-25); csp-implemented-with-unsafe-inline (-20:
  'unsafe-inline' or data: in script-src, broad sources such as https: or * in script-src or
  object-src, or either left unrestricted); csp-implemented-with-insecure-scheme (-20: an http:
  source); ...-in-passive-content-only (-10: http: only in img-src or media-src);
  csp-implemented-with-unsafe-eval (-10); csp-implemented-with-unsafe-inline-in-style-src-only (0);
  csp-implemented-with-no-unsafe (+5); csp-implemented-with-no-unsafe-default-src-none (+10: also
  default-src 'none', and form-action 'none' or 'self').
- Cookies (a session cookie's name holds "sess" or "login", an anti-CSRF cookie's "csrf"):
  cookies-not-found (0); cookies-session-without-secure-flag (-40);
  cookies-session-without-httponly-flag (-30); cookies-anticsrf-without-samesite-flag (-20);
  cookies-samesite-flag-invalid (-20); cookies-without-secure-flag (-20);
  cookies-secure-with-httponly-sessions (0); ...-and-samesite (+5).
- Cross-origin Resource Sharing: not implemented, public or restricted (0); universal access, any
  origin reflected with credentials (-50).
- Redirection: redirection-to-https (0: the first redirect goes to https on the same host);
  redirection-off-host-from-http (-5); redirection-not-to-https (-20); redirection-missing (-20).
- Referrer Policy: referrer-policy-private (+5: no-referrer, same-origin, strict-origin,
  strict-origin-when-cross-origin); not implemented (0); unsafe (-5: origin,
  origin-when-cross-origin, unsafe-url, no-referrer-when-downgrade); invalid (-5).
- HTTP Strict Transport Security: max-age of at least six months, 15768000 s (0); less (-10); not
  implemented or invalid (-20). hsts-preloaded (+5) needs the browsers' preload list, which only
  the operator can join: never counted here.
- Subresource Integrity: all scripts from the same origin (0); no scripts (0); external scripts
  over https without integrity (-5); external scripts over http (-50).
- X-Content-Type-Options: nosniff (0); missing or anything else (-5).
- X-Frame-Options: implemented via CSP frame-ancestors (+5); DENY or SAMEORIGIN (0); missing or
  invalid (-20).
- Cross-Origin-Resource-Policy: same-origin or same-site (+10); not implemented or cross-origin
  (0); invalid (-5).
"""

import re
from urllib.parse import urlsplit

GRADES = [(100, "A+"), (90, "A"), (85, "A-"), (80, "B+"), (70, "B"), (65, "B-"), (60, "C+"), (50, "C")]
GRADES += [(45, "C-"), (40, "D+"), (30, "D"), (25, "D-"), (0, "F")]
BROAD = {"*", "http:", "https:", "ws:", "wss:", "data:", "blob:"}


def parse_csp(header):
    directives = {}
    for part in (header or "").split(";"):
        if part.strip():
            name, *sources = part.split()
            directives.setdefault(name.lower(), [source.lower() for source in sources])
    return directives


def content_security_policy(headers):
    csp = parse_csp(headers.get("content-security-policy"))
    if not csp:
        return "csp-not-implemented", -25
    default = csp.get("default-src")
    script, objects, style = (csp.get(name, default) for name in ("script-src", "object-src", "style-src"))
    if script is None or objects is None:
        return "csp-implemented-with-unsafe-inline", -20
    if "'unsafe-inline'" in script or "data:" in script or BROAD & set(script) or BROAD & set(objects):
        return "csp-implemented-with-unsafe-inline", -20
    sources = {name: values for name, values in csp.items() if name.endswith("-src")}
    insecure = {name for name, values in sources.items() if any(v.startswith("http:") for v in values)}
    if insecure - {"img-src", "media-src"}:
        return "csp-implemented-with-insecure-scheme", -20
    if insecure:
        return "csp-implemented-with-insecure-scheme-in-passive-content-only", -10
    if "'unsafe-eval'" in script:
        return "csp-implemented-with-unsafe-eval", -10
    if style is not None and ({"'unsafe-inline'", "data:"} | BROAD) & set(style):
        return "csp-implemented-with-unsafe-inline-in-style-src-only", 0
    if default == ["'none'"] and csp.get("form-action") in (["'none'"], ["'self'"]):
        return "csp-implemented-with-no-unsafe-default-src-none", 10
    return "csp-implemented-with-no-unsafe", 5


def cookies(set_cookies):
    """`set_cookies`: the Morsels the responses set ({name: morsel})."""
    if not set_cookies:
        return "cookies-not-found", 0
    worst, samesite_everywhere = ("cookies-secure-with-httponly-sessions", 0), True
    for name, morsel in set_cookies.items():
        session = any(word in name.lower() for word in ("sess", "login"))
        samesite = (morsel["samesite"] or "").lower()
        samesite_everywhere &= bool(samesite)
        findings = []
        if session and not morsel["secure"]:
            findings.append(("cookies-session-without-secure-flag", -40))
        if session and not morsel["httponly"]:
            findings.append(("cookies-session-without-httponly-flag", -30))
        if "csrf" in name.lower() and not samesite:
            findings.append(("cookies-anticsrf-without-samesite-flag", -20))
        if samesite and samesite not in {"lax", "strict"}:
            findings.append(("cookies-samesite-flag-invalid", -20))
        if not morsel["secure"]:
            findings.append(("cookies-without-secure-flag", -20))
        for finding in findings:
            worst = min(worst, finding, key=lambda result: result[1])
    if worst[1] == 0 and samesite_everywhere:
        return "cookies-secure-with-httponly-sessions-and-samesite", 5
    return worst


def cors(headers_for_foreign_origin, foreign_origin):
    allowed = headers_for_foreign_origin.get("access-control-allow-origin")
    credentials = (headers_for_foreign_origin.get("access-control-allow-credentials") or "").lower() == "true"
    if not allowed:
        return "cross-origin-resource-sharing-not-implemented", 0
    if allowed == foreign_origin and credentials:
        return "cross-origin-resource-sharing-implemented-with-universal-access", -50
    if allowed == "*":
        return "cross-origin-resource-sharing-implemented-with-public-access", 0
    return "cross-origin-resource-sharing-implemented-with-restricted-access", 0


def redirection(http_status, location, host):
    if http_status not in {301, 302, 303, 307, 308} or not location:
        return "redirection-missing", -20
    target = urlsplit(location)
    if target.scheme != "https":
        return "redirection-not-to-https", -20
    if target.hostname != host:
        return "redirection-off-host-from-http", -5
    return "redirection-to-https", 0


def referrer_policy(headers):
    value = headers.get("referrer-policy")
    if not value:
        return "referrer-policy-not-implemented", 0
    policies = [policy.strip().lower() for policy in value.split(",")]
    valid = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
    unsafe = {"origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade"}
    last = policies[-1]  # browsers use the last one they understand
    if last in valid:
        return "referrer-policy-private", 5
    if last in unsafe:
        return "referrer-policy-unsafe", -5
    return "referrer-policy-header-invalid", -5


def strict_transport_security(headers):
    value = headers.get("strict-transport-security")
    if not value:
        return "hsts-not-implemented", -20
    match = re.search(r"max-age\s*=\s*\"?(\d+)", value, re.I)
    if not match:
        return "hsts-header-invalid", -20
    if int(match.group(1)) < 15768000:
        return "hsts-implemented-max-age-less-than-six-months", -10
    return "hsts-implemented-max-age-at-least-six-months", 0


def subresource_integrity(html, host):
    scripts = re.findall(r"<script\b[^>]*\bsrc=\"([^\"]+)\"[^>]*>", html)
    if not scripts:
        return "sri-not-implemented-but-no-scripts-loaded", 0
    external = [src for src in scripts if urlsplit(src).netloc not in {"", host}]
    if not external:
        return "sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0
    if any(not src.startswith("https://") for src in external):
        return "sri-not-implemented-and-external-scripts-not-loaded-securely", -50
    return "sri-not-implemented-but-external-scripts-loaded-securely", -5


def x_content_type_options(headers):
    if (headers.get("x-content-type-options") or "").strip().lower() == "nosniff":
        return "x-content-type-options-nosniff", 0
    return "x-content-type-options-not-implemented", -5


def x_frame_options(headers):
    if "frame-ancestors" in parse_csp(headers.get("content-security-policy")):
        return "x-frame-options-implemented-via-csp", 5
    if (headers.get("x-frame-options") or "").strip().upper() in {"DENY", "SAMEORIGIN"}:
        return "x-frame-options-sameorigin-or-deny", 0
    return "x-frame-options-not-implemented", -20


def cross_origin_resource_policy(headers):
    value = (headers.get("cross-origin-resource-policy") or "").strip().lower()
    if not value:
        return "corp-not-implemented", 0
    if value in {"same-origin", "same-site"}:
        return f"corp-implemented-with-{value}", 10
    if value == "cross-origin":
        return "corp-implemented-with-cross-origin", 0
    return "corp-header-invalid", -5


def grade(results):
    """The score and letter for a list of (result, modifier): penalties first, bonuses from 90 up."""
    score = max(0, 100 + sum(modifier for _result, modifier in results if modifier < 0))
    if score >= 90:
        score += sum(modifier for _result, modifier in results if modifier > 0)
    letter = next(letter for floor, letter in GRADES if score >= floor)
    return score, letter
