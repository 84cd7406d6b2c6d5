"""Log lines with no visitor in them: no client address, no query string, nothing they typed.

`PrivateLogFilter` rewrites each record before a handler writes it: Django's console handler
(config/settings/base.py LOGGING) and gunicorn's error and access logs (gunicorn.conf.py). It
replaces

- IP addresses (IPv4 and IPv6, with or without a port) with "[address]", as in gunicorn's
  "Invalid request from ip=…" and in a host header Django refuses. The loopback and unspecified
  addresses are kept: they are the proxy or the server itself, never a visitor;
- the query string of any path or URL with "?[query]": what people search for, how they filter
  the group finder, tokens in links;
- for a record about a request (Django's `django.request` and `django.security` loggers pass it),
  every value the visitor sent in the query string or a form, wherever it shows up, e.g. in an
  exception's message ("invalid literal for int() with base 10: 'grief'").

The traceback of a record is rewritten too. The module uses the standard library only, so
gunicorn's master process can load it before Django is set up.
"""

import ipaddress
import logging
import re

ADDRESS = "[address]"
QUERY = "?[query]"
VALUE = "[value]"

# A run that might be an address: hex digits with dots or colons, checked by `ipaddress`.
ADDRESS_CANDIDATE = re.compile(r"(?<![\w.:])[0-9A-Fa-f]*[.:][0-9A-Fa-f.:]*(?:%\w+)?(?!\w)")
# A run of text between spaces, quotes and angle brackets: a path or URL is one of these. Each
# token is looked at once, so a long line (a huge Host header, a 16 KB path) costs linear time.
TOKEN = re.compile(r"""[^\s'"<>]+""")
# Values shorter than this are left alone ("1", "on"): they say little about anyone, and
# replacing them would garble the line (a visitor could send "in" to blank out a traceback).
SHORTEST_VALUE = 4


def _without_address(match):
    text = match.group()
    core = text.rstrip(".:")
    # "203.0.113.9", "2001:db8::1", or "203.0.113.9:51234" with its port.
    for candidate in (core, core.rsplit(":", 1)[0]):
        try:
            address = ipaddress.ip_address(candidate.split("%")[0])
        except ValueError:
            continue
        if address.is_loopback or address.is_unspecified:
            return text
        return ADDRESS + text[len(candidate) :]
    return text


def visitor_values(request):
    """Every value a visitor sent in the query string or a form, longest first ('' if unreadable)."""
    values = set()
    for name in ("GET", "POST"):
        try:
            data = getattr(request, name)
            values.update(value for key in data for value in data.getlist(key) if isinstance(value, str))
        except Exception:  # noqa: S112 (a body that cannot be read has nothing to hide from the log)
            continue
    # As a message may quote them: stripped, and escaped as repr() writes them (a line break as \n).
    values |= {value.strip() for value in values} | {repr(value)[1:-1] for value in values}
    return sorted((value for value in values if len(value) >= SHORTEST_VALUE), key=len, reverse=True)


def redact(text, values=()):
    """`text` with no address, no query string and none of `values`."""
    for value in values:
        text = text.replace(value, VALUE)
    text = TOKEN.sub(_without_query, text)
    return ADDRESS_CANDIDATE.sub(_without_address, text)


def _without_query(match):
    """A path ("/search/?query=…") or URL ("https://host/path?…") without its query string."""
    token = match.group()
    path, mark, _query = token.partition("?")
    return path + QUERY if mark and "/" in path else token


class PrivateLogFilter(logging.Filter):
    """Rewrites a record's message and traceback without addresses, query strings or visitors' values."""

    def filter(self, record):
        request = getattr(record, "request", None)
        values = visitor_values(request) if request is not None else ()
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: the handler reports it, unchanged
            return True
        record.msg, record.args = redact(message, values), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text, values)
        if record.stack_info:
            record.stack_info = redact(record.stack_info, values)
        return True
