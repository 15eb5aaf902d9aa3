#!/usr/bin/env bash
# Install, upgrade and uninstall lead_management on a database that already
# has leads, quotations and orders made without it (stock demo data plus
# tools/lifecycle_check.py's own), checking each step. Run by scripts/test.sh;
# a fresh database of its own is created and dropped.
set -euo pipefail

# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
db=lm_lifecycle_$$
log=$(mktemp)
cleanup() {
    dropdb --if-exists --force "$db" >/dev/null 2>&1 || true
    rm -rf "$ROOT/.odoo-data/filestore/$db" "$ROOT/.odoo-data/$db-lifecycle_state.json" "$log"
}
trap cleanup EXIT

# Odoo logs some failures (a record it could not delete at uninstall, a view
# it could not load) and goes on: any ERROR line fails the step.
# Quiet when all is well; the whole log of a step that fails.
run() {
    if ! "$@" >"$log" 2>&1; then
        cat "$log"
        die "lifecycle step failed: $*"
    fi
    if grep -Eq '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$log"; then
        cat "$log"
        die "lifecycle step logged errors: $*"
    fi
    grep '^lifecycle:' "$log" || true
}
odoo() { run "$PYTHON" -m odoo -c "$ODOO_RC" -d "$db" --stop-after-init --log-level=warn "$@"; }
check() { run "$PYTHON" tools/lifecycle_check.py "$ODOO_RC" "$db" "$1"; }

odoo -i crm,sale_crm,sale_management  # with their demo data: a used database
check seed
odoo -i lead_management
check installed
odoo -u lead_management
check upgraded
check uninstall
check uninstalled
