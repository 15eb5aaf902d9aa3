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
family_db=${db}_family
log=$(mktemp)
release_dir=$(mktemp -d)
cleanup() {
    for d in "$db" "$migrate_db" "$family_db"; do
        dropdb --if-exists --force "$d" >/dev/null 2>&1 || true
        rm -rf "$ROOT/.odoo-data/filestore/$d" "$ROOT/.odoo-data/$d-lifecycle_state.json"
    done
    rm -rf "$log" "$release_dir"
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
for copy in "$migrate_db" "$family_db"; do
    createdb -T "$db" "$copy"
    cp "$ROOT/.odoo-data/$db-lifecycle_state.json" "$ROOT/.odoo-data/$copy-lifecycle_state.json"
done
odoo -i lead_management
check installed
odoo -u lead_management
check upgraded
check uninstall
check uninstalled

# release_rc COMMIT: an Odoo config whose addons path has, in place of this
# tree, the add-ons of release COMMIT, taken from the repository's history.
release_rc() {
    local release=$1 src=$release_dir/$1 rc=$release_dir/$1.conf
    git -C "$ROOT" cat-file -e "$release^{commit}" 2>/dev/null ||
        die "the release $release is not in this clone's history (a shallow clone?)"
    mkdir -p "$src"
    git -C "$ROOT" archive "$release" lead_management | tar -x -C "$src"
    sed "s|^addons_path = $ROOT,|addons_path = $src,|" "$ODOO_RC" >"$rc"
    grep -q "^addons_path = $src," "$rc" || die "could not point $rc at the release $release"
    echo "$rc"
}

# Upgrade from the previous release, 18.0.1.0.0 (every new quotation was an
# offer then): install it, make the documents of its time, upgrade to this
# tree, check what the migration did.
previous_rc=$(release_rc c3e0c587efe8096e58d37a8e261d34a7814e9b85)
run "$PYTHON" -m odoo -c "$previous_rc" -d "$migrate_db" --stop-after-init --log-level=warn -i lead_management
run "$PYTHON" tools/lifecycle_check.py "$previous_rc" "$migrate_db" previous
run "$PYTHON" -m odoo -c "$ODOO_RC" -d "$migrate_db" --stop-after-init --log-level=warn -u lead_management
run "$PYTHON" tools/lifecycle_check.py "$ODOO_RC" "$migrate_db" migrated

# Upgrade from the last release of the single add-on, 18.0.1.1.0, to the
# family (SPEC section 0): data in every capability, the upgrade, the same
# data after it, and a second upgrade that changes nothing.
single_rc=$(release_rc 83bd5882eda04d32a431f3b8b82248914c970b3b)
run "$PYTHON" -m odoo -c "$single_rc" -d "$family_db" --stop-after-init --log-level=warn -i lead_management
run "$PYTHON" tools/lifecycle_check.py "$single_rc" "$family_db" single
run "$PYTHON" -m odoo -c "$ODOO_RC" -d "$family_db" --stop-after-init --log-level=warn -u lead_management
run "$PYTHON" tools/lifecycle_check.py "$ODOO_RC" "$family_db" family
run "$PYTHON" -m odoo -c "$ODOO_RC" -d "$family_db" --stop-after-init --log-level=warn -u lead_management
run "$PYTHON" tools/lifecycle_check.py "$ODOO_RC" "$family_db" family_again
# the add-ons of other apps, which the upgrade did not install (family checks
# it): installed on the upgraded database, so that their uninstall is checked
run "$PYTHON" -m odoo -c "$ODOO_RC" -d "$family_db" --stop-after-init --log-level=warn \
    -i lead_management_project,lead_management_helpdesk
run "$PYTHON" tools/lifecycle_check.py "$ODOO_RC" "$family_db" family_uninstall
