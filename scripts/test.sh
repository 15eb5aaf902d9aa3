#!/usr/bin/env bash
# The test command (README, CI): lint, install the add-on into a new database
# without demo data, run its tests with pytest-odoo, drop the database.
# Exits non-zero on any failure. Arguments go to pytest:
#   scripts/test.sh -k numbering
set -euo pipefail

# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
addon=lead_management

say "ruff"
"$PYTHON" -m ruff check --no-fix .
"$PYTHON" -m ruff format --check .

say "README.rst up to date with readme/"
"$PYTHON" tools/gen_readme_rst.py --check

say "pylint-odoo"
"$PYTHON" -m pylint --rcfile=.pylintrc "$addon"

say "manifestoo"
# Licenses compatible with the dependencies', and no dependency less mature
# than the add-on (no development_status key means Beta, as in OCA).
manifestoo=("$PYTHON" -m manifestoo --select-include "$addon"
    --addons-path "$ODOO_ADDONS_PATH" --no-addons-path-from-import-odoo)
"${manifestoo[@]}" check-licenses
"${manifestoo[@]}" check-dev-status --default-dev-status=Beta

# A database of its own per run, so runs never see each other's data, and an
# HTTP port of its own (tours, XML-RPC tests), so two runs on one machine do
# not serve each other's database.
db=lm_test_$$
test_rc=$(mktemp)
{
    cat "$ODOO_RC"
    printf 'http_port = %s\n' "$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
} >"$test_rc"
install_log=$(mktemp)
cleanup() {
    dropdb --if-exists --force "$db" >/dev/null 2>&1 || true
    dropdb --if-exists --force "${db}_workers" >/dev/null 2>&1 || true
    rm -rf "$ROOT/.odoo-data/filestore/$db" "$ROOT/.odoo-data/filestore/${db}_workers" "$install_log" "$test_rc"
}
trap cleanup EXIT

say "Installing $addon into $db"
"$PYTHON" -m odoo -c "$ODOO_RC" -d "$db" -i "$addon" --without-demo=all \
    --stop-after-init --log-level=warn 2>&1 | tee "$install_log"
# Odoo logs some install errors (a view or data record it could not load) and
# still exits 0.
if grep -Eq '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$install_log"; then
    die "installing $addon logged errors (above)"
fi

say "Concurrent conversions on a 2-worker server"
# On a copy: the check commits its data, the tests want a clean database.
createdb -T "$db" "${db}_workers"
"$PYTHON" tools/concurrency_check.py "$ODOO_RC" "${db}_workers"
dropdb --force "${db}_workers"

say "Install, upgrade, uninstall on a database with history"
"$ROOT/scripts/lifecycle.sh"

# Stock behaviour must keep working with the add-on installed: Odoo's own
# sale_crm tests and crm's lead conversion tests run on the same database.
# With arguments (scripts/test.sh -k ...), only the add-on's tests run.
stock_tests=()
if [ "$#" -eq 0 ]; then
    IFS=, read -ra addons_dirs <<<"$ODOO_ADDONS_PATH"
    for dir in "${addons_dirs[@]}"; do
        if [ -d "$dir/sale_crm/tests" ]; then
            stock_tests=("$dir/sale_crm/tests"
                "$dir/crm/tests/test_crm_lead_convert.py"
                "$dir/crm/tests/test_crm_lead_convert_mass.py")
        fi
    done
    [ "${#stock_tests[@]}" -gt 0 ] || die "Odoo's sale_crm tests were not found in $ODOO_ADDONS_PATH"
fi

say "pytest"
# --odoo-http serves the database for HttpCase browser tours. pytest's exit
# code fails the run; it is 5 when no test ran, which fails it too, and
# ./conftest.py turns skipped tests into a failure. Its summary line is the
# last thing printed: cleanup is silent.
"$PYTHON" -m pytest --odoo-config="$test_rc" --odoo-database="$db" --odoo-http \
    "$addon/tests" "${stock_tests[@]}" "$@"
