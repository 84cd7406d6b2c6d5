#!/usr/bin/env bash
# Lighthouse (mobile) scores for one page of each kind, served by gunicorn on production settings.
#
#   make lighthouse                      # the default URLs below
#   scripts/lighthouse.sh /about/ /search/?query=grief
#
# Needs Node.js with npm and Debian's Chromium; installs Lighthouse into .lighthouse/ (not committed).
# Lighthouse makes no request beyond 127.0.0.1 here; its performance score is only indicative on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${LIGHTHOUSE_PORT:-8765}"
CHROME_PATH="${CHROME_PATH:-$(command -v chromium || echo /usr/bin/chromium)}"
export CHROME_PATH
work="$(mktemp -d)"
trap 'kill "${server_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

if [ ! -x .lighthouse/node_modules/.bin/lighthouse ]; then
    npm install --silent --prefix .lighthouse lighthouse@12.8.2 >/dev/null
fi

export DJANGO_SETTINGS_MODULE=config.settings.production
export SECRET_KEY="lighthouse-only-$(date +%s)-not-a-real-secret-key-0123456789"
export ALLOWED_HOSTS=127.0.0.1,localhost
export DATABASE_URL="sqlite:///$work/site.sqlite3"
export MEDIA_ROOT="$work/media" STATIC_ROOT="$work/static"
export SECURE_SSL_REDIRECT=false SESSION_COOKIE_SECURE=false CSRF_COOKIE_SECURE=false SECURE_HSTS_SECONDS=0
export SERVE_MEDIA=true EMAIL_URL=consolemail:// LOG_LEVEL=WARNING
export WAGTAILADMIN_BASE_URL="http://127.0.0.1:$PORT"

.venv/bin/python manage.py migrate --no-input -v0
.venv/bin/python manage.py collectstatic --no-input -v0
.venv/bin/python manage.py load_demo_content -v0
.venv/bin/gunicorn config.wsgi --bind "127.0.0.1:$PORT" --workers 2 --access-logfile /dev/null &
server_pid=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/health/" >/dev/null && break; sleep 0.2; done

if [ "$#" -eq 0 ]; then
    set -- $(.venv/bin/python scripts/page_urls.py)
fi

printf '%-48s %11s %13s %14s %5s\n' "URL" performance accessibility best-practices seo
for path in "$@"; do
    # Once before Lighthouse, as a live site has been visited: the first request makes the page's image
    # renditions, and a first load that slow makes Lighthouse lose its trace (NO_NAVSTART).
    curl -fs -o /dev/null "http://127.0.0.1:$PORT$path" || true
    .lighthouse/node_modules/.bin/lighthouse "http://127.0.0.1:$PORT$path" --quiet --output=json --output-path="$work/report.json" \
        --only-categories=performance,accessibility,best-practices,seo \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update" >/dev/null 2>&1 || true
    python3 - "$path" "$work/report.json" <<'PY'
import json, sys
path, report = sys.argv[1], sys.argv[2]
try:
    data = json.load(open(report))
except (OSError, ValueError):
    print(f"{path:<48} lighthouse failed"); sys.exit()
if data.get("runtimeError"):
    print(f"{path:<48} lighthouse could not test the page: {data['runtimeError'].get('message')}")
cats = data["categories"]
scores = [round((cats[c]["score"] or 0) * 100) for c in ("performance", "accessibility", "best-practices", "seo")]
print(f"{path:<48} {scores[0]:>11} {scores[1]:>13} {scores[2]:>14} {scores[3]:>5}")
for cat in ("performance", "accessibility", "best-practices", "seo"):
    for ref in cats[cat]["auditRefs"]:
        audit = data["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            print(f"    {cat}: {audit['id']}: {audit['title']}")
PY
    rm -f "$work/report.json"
done
