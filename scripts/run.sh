#!/usr/bin/env bash
# The run command (README): serves the add-on with demo data on
# http://localhost:8069 in the foreground; Ctrl-C stops it.
# The first run creates the database lead_management_demo; later runs reuse it.
#   UPGRADE=1 scripts/run.sh   also upgrades the add-on (after code changes)
#   PORT=8070 scripts/run.sh   serves on another port
# Other arguments go to Odoo, e.g. scripts/run.sh --dev=xml
set -euo pipefail

# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
addon=lead_management
db=${addon}_demo
port=${PORT:-8069}
odoo_args=(-c "$ODOO_RC" -d "$db" --db-filter="^${db}\$" --http-port="$port")

db_exists() {
    [ "$(psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]
}

if ! db_exists "$db"; then
    say "Creating $db with demo data (first run only, a few minutes)"
    # Install in a run of its own: if it fails, the half-made database is
    # dropped, so that the next run does not serve it as if it were complete.
    if ! "$PYTHON" -m odoo "${odoo_args[@]}" -i "$addon" --stop-after-init; then
        dropdb --if-exists "$db"
        die "installing $addon failed (log above)"
    fi
elif [ "${UPGRADE:-0}" = 1 ]; then
    odoo_args+=(-u "$addon")
fi

say "Odoo: http://localhost:$port  login: admin  password: admin  (Ctrl-C stops)"
exec "$PYTHON" -m odoo "${odoo_args[@]}" "$@"
