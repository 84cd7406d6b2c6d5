vcl 4.1;
#
# Varnish (Debian's varnish 7.1) in front of gunicorn: the site's shared cache.
#
# It keeps only what Django says it may (Cache-Control: public, s-maxage), and never anything
# personal: the admin, signed-in staff, forms with their CSRF token, join requests. Wagtail's
# frontend cache (home/frontend_cache.py) purges what a change shows in, as soon as it is
# published. docs/deployment.md, "Varnish", says how to run it.
#
# scripts/servers.py varnishd() rewrites the backend's host and port below for tests.

import std;

# The app server (gunicorn).
backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 5s;
    .first_byte_timeout = 60s;
}

# Who may purge: the app servers and the worker, on this machine. Add your app servers'
# addresses here when Varnish runs on a machine of its own.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # PURGE <path>: drop every stored copy of the path, whatever its query string (?page=2,
    # ?type=…) and host name. A ban on the path header stored with each object (vcl_backend_response)
    # reaches all variants at once, which a plain purge of one URL would not. (The path is not
    # quoted: quotes would become part of the value compared. Paths have no spaces: they are
    # percent-encoded.)
    if (req.method == "PURGE") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (std.ban("obj.http.X-Url-Path == " + regsub(req.url, "\?.*$", ""))) {
            return (synth(200, "Purged"));
        }
        return (synth(400, std.ban_error()));
    }
    # BAN: drop everything (a site setting changed: the crisis bar and footer are on every page).
    if (req.method == "BAN") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (std.ban("obj.status != 0")) {
            return (synth(200, "Banned"));
        }
        return (synth(400, std.ban_error()));
    }

    # Only reads are cached: a form sent, an admin action or anything else goes straight through.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admins (Wagtail's and Django's) are never cached.
    if (req.url ~ "^/(admin|django-admin)(/|$)") {
        return (pass);
    }
    # Signed-in staff (a session cookie) and API clients with a token see their own pages.
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(__Host-)?sessionid=") {
        return (pass);
    }

    # A messages cookie means the page shows a one-time note to this visitor: it passes.
    if (req.http.Cookie ~ "(^|;\s*)messages=") {
        return (pass);
    }
    # Every other cookie but Django's CSRF cookie is dropped (analytics and the like change nothing
    # in a page). The CSRF cookie goes on to Django, so a visitor on a form page keeps their token
    # (one tab's form still posts after another tab was opened). It never makes a copy personal:
    # cookies are not part of the key, a public page does not read the token, and a page that does
    # (a form) is answered "private, no-store" and never stored (vcl_backend_response).
    if (req.http.Cookie) {
        set req.http.Cookie = ";" + req.http.Cookie;
        set req.http.Cookie = regsuball(req.http.Cookie, "; +", ";");
        set req.http.Cookie = regsuball(req.http.Cookie, ";((__Host-)?csrftoken)=", "; \1=");
        set req.http.Cookie = regsuball(req.http.Cookie, ";[^ ][^;]*", "");
        set req.http.Cookie = regsuball(req.http.Cookie, "^[; ]+|[; ]+$", "");
        if (req.http.Cookie == "") {
            unset req.http.Cookie;
        }
    }

    # One stored copy per encoding Varnish can serve: gzip or none (browsers' lists differ in
    # order and extras like br, which would each make a copy of their own).
    if (req.http.Accept-Encoding) {
        if (req.http.Accept-Encoding ~ "gzip") {
            set req.http.Accept-Encoding = "gzip";
        } else {
            unset req.http.Accept-Encoding;
        }
    }

    # Anything else is looked up. The query string stays part of the key (vcl_hash is the
    # built-in one: URL and host), so /articles/?page=2 is its own page.
    return (hash);
}

sub vcl_backend_response {
    # The path, stored with each object so that a PURGE of it reaches every query-string
    # variant (vcl_recv); taken off again before visitors see it (vcl_deliver).
    set beresp.http.X-Url-Path = regsub(bereq.url, "\?.*$", "");

    # Never stored: anything that sets a cookie, says it is private or not to be stored or
    # cached, or varies by cookie (a page for one visitor: a form's token, a signed-in view).
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)"
        || beresp.http.Vary ~ "(?i)(^|,)\s*(cookie|\*)\s*(,|$)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Only what Django explicitly calls public; an answer without Cache-Control is not guessed at.
    if (beresp.http.Cache-Control !~ "(?i)public") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Only answers worth keeping (a page, a redirect, a missing page; never an error), and only
    # for a while: max-age=0 means "ask every time".
    if ((beresp.status != 200 && beresp.status != 301 && beresp.status != 404) || beresp.ttl <= 0s) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # How long: s-maxage, else max-age (Varnish reads both itself into beresp.ttl). Then, for
    # stale-while-revalidate seconds, the old copy is still served while a fresh one is fetched
    # in the background (grace); without it, 10 seconds in case the app server is slow. A purge
    # is not softened by grace: a purged page is never served again.
    if (beresp.http.Cache-Control ~ "(?i)stale-while-revalidate=[0-9]+") {
        set beresp.grace = std.duration(
            regsub(beresp.http.Cache-Control, "(?i)^.*stale-while-revalidate=([0-9]+).*$", "\1s"), 10s);
    } else {
        set beresp.grace = 10s;
    }
    # Browsers get Django's own max-age and ETag; s-maxage was for us.
    return (deliver);
}

sub vcl_deliver {
    # Whether this answer came from the cache: HIT (a stored copy) or MISS (asked the app).
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.X-Url-Path;
    # Varnish's own headers say nothing a visitor needs.
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}

sub vcl_synth {
    # Answers to PURGE and BAN: plain text, never cached.
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    set resp.body = resp.reason;
    return (deliver);
}
