#!/usr/bin/env bash
# The run command (README): serves the whole family of add-ons (every folder
# of the top level with a manifest) with demo data on http://localhost:8069 in
# the foreground; Ctrl-C stops it.
# The first run creates the database lead_management_demo; later runs reuse it
# (and install an add-on of the family that it does not have yet).
#   UPGRADE=1 scripts/run.sh   also upgrades the add-ons (after code changes)
#   PORT=8070 scripts/run.sh   serves on another port
# Other arguments go to Odoo, e.g. scripts/run.sh --dev=xml
set -euo pipefail

# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
addon=lead_management
family=$(for manifest in */__manifest__.py; do dirname "$manifest"; done | paste -sd,)
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
    if ! "$PYTHON" -m odoo "${odoo_args[@]}" -i "$family" --stop-after-init; then
        dropdb --if-exists "$db"
        die "installing $family failed (log above)"
    fi
    # The lead process works on leads: the demo turns on CRM's Leads setting,
    # as an administrator does in CRM > Configuration > Settings (the add-on
    # does not: it is crm's own switch, and other apps behave by it).
    "$PYTHON" -m odoo shell -c "$ODOO_RC" -d "$db" --log-level=warn --no-http <<'PY'
env["res.config.settings"].create({"group_use_lead": True}).execute()
env.cr.commit()
PY
elif [ "${UPGRADE:-0}" = 1 ]; then
    odoo_args+=(-u "$family")
else
    # -i of an installed add-on does nothing: a new add-on of the family gets in
    odoo_args+=(-i "$family")
fi

say "Odoo: http://localhost:$port  login: admin  password: admin  (Ctrl-C stops)"
exec "$PYTHON" -m odoo "${odoo_args[@]}" "$@"
