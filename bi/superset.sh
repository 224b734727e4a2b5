#!/usr/bin/env bash
# Superset on the published warehouse, with the dashboard of bi/dashboard/ (make superset). Runs in the foreground
# until Ctrl-C / SIGTERM. Settings (environment):
#   NEWS_WAREHOUSE       the warehouse file (warehouse/news.duckdb)
#   SUPERSET_PORT        the port on localhost (8088)
#   NEWS_SUPERSET_STATE  Superset's own files: metadata database, secret key, admin password (bi/.superset)
#   NEWS_SUPERSET_PASSWORD  the admin password on first start (a random one by default, kept in the state folder)
set -euo pipefail
BI="$(cd "$(dirname "$0")" && pwd)"
VENV="$BI/.venv"
STATE="$(realpath -m "${NEWS_SUPERSET_STATE:-$BI/.superset}")"
WAREHOUSE="$(realpath -m "${NEWS_WAREHOUSE:-$BI/../warehouse/news.duckdb}")"
PORT="${SUPERSET_PORT:-8088}"
ADMIN=admin

if [ ! -f "$WAREHOUSE" ]; then
    echo "No warehouse at $WAREHOUSE: build it first (make run)." >&2
    exit 1
fi
mkdir -p "$STATE"
export SUPERSET_CONFIG_PATH="$BI/superset_config.py" NEWS_SUPERSET_STATE="$STATE" FLASK_APP=superset
superset() { "$VENV/bin/superset" "$@" >>"$STATE/setup.log" 2>&1 || { tail -30 "$STATE/setup.log" >&2; exit 1; }; }

# Metadata database and roles: on first start, and again when the installed Superset changes.
installed="$(sha256sum "$BI/requirements.lock" | cut -c1-16)"
if [ "$(cat "$STATE/initialized" 2>/dev/null)" != "$installed" ]; then
    echo "Setting up Superset's metadata database in $STATE (a few minutes on first start)..."
    superset db upgrade
    "$VENV/bin/python" -c 'import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute("PRAGMA journal_mode=WAL")' \
        "$STATE/superset.db"
    if [ ! -s "$STATE/admin_password" ]; then
        (umask 077 && printf '%s' "${NEWS_SUPERSET_PASSWORD:-$("$VENV/bin/python" -c 'import secrets; print(secrets.token_urlsafe(12))')}" \
            >"$STATE/admin_password")
        superset fab create-admin --username "$ADMIN" --password "$(cat "$STATE/admin_password")" \
            --firstname News --lastname Warehouse --email admin@localhost
    fi
    superset init
    echo "$installed" >"$STATE/initialized"
fi
"$VENV/bin/python" "$BI/provision.py" "$WAREHOUSE" "$ADMIN" 2>>"$STATE/setup.log" || { tail -30 "$STATE/setup.log" >&2; exit 1; }

echo "Superset: http://localhost:$PORT/superset/dashboard/news-warehouse/"
echo "  user $ADMIN, password in $STATE/admin_password; warehouse $WAREHOUSE (read-only)"
# gunicorn, as Superset's own images run it; exec, so that Ctrl-C and SIGTERM reach it directly.
exec "$VENV/bin/gunicorn" --bind "127.0.0.1:$PORT" --workers 1 --worker-class gthread --threads 8 --timeout 120 \
    --limit-request-line 0 --limit-request-field_size 0 --error-logfile - --log-level warning \
    "superset.app:create_app()"
