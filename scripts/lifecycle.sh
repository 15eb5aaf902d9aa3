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
migrate_db=${db}_migrate
log=$(mktemp)
previous_src=$(mktemp -d)
previous_rc=$(mktemp)
cleanup() {
    for d in "$db" "$migrate_db"; do
        dropdb --if-exists --force "$d" >/dev/null 2>&1 || true
        rm -rf "$ROOT/.odoo-data/filestore/$d" "$ROOT/.odoo-data/$d-lifecycle_state.json"
    done
    rm -rf "$log" "$previous_src" "$previous_rc"
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
# the upgrade from the previous release starts from the same used database
createdb -T "$db" "$migrate_db"
cp "$ROOT/.odoo-data/$db-lifecycle_state.json" "$ROOT/.odoo-data/$migrate_db-lifecycle_state.json"
odoo -i lead_management
check installed
odoo -u lead_management
check upgraded
check uninstall
check uninstalled

# Upgrade from the previous release, 18.0.1.0.0 (every new quotation was an
# offer then), taken from the repository's history: install it, make the
# documents of its time, upgrade to this tree, check what the migration did.
previous_release=c3e0c587efe8096e58d37a8e261d34a7814e9b85
git -C "$ROOT" cat-file -e "$previous_release^{commit}" 2>/dev/null ||
    die "the previous release $previous_release is not in this clone's history (a shallow clone?)"
git -C "$ROOT" archive "$previous_release" lead_management | tar -x -C "$previous_src"
sed "s|^addons_path = $ROOT,|addons_path = $previous_src,|" "$ODOO_RC" >"$previous_rc"
grep -q "^addons_path = $previous_src," "$previous_rc" || die "could not point $previous_rc at the previous release"
run "$PYTHON" -m odoo -c "$previous_rc" -d "$migrate_db" --stop-after-init --log-level=warn -i lead_management
run "$PYTHON" tools/lifecycle_check.py "$previous_rc" "$migrate_db" previous
run "$PYTHON" -m odoo -c "$ODOO_RC" -d "$migrate_db" --stop-after-init --log-level=warn -u lead_management
run "$PYTHON" tools/lifecycle_check.py "$ODOO_RC" "$migrate_db" migrated
