#!/usr/bin/env bash
# Prepares this machine for scripts/run.sh and scripts/test.sh, which source it.
# Safe to run again: every step first checks whether it is already done.
#
# Afterwards the caller has:
#   PYTHON            an interpreter that imports Odoo 18 and the dev tools
#   ODOO_ADDONS_PATH  the add-on directory + Odoo's own addons directories
#   ODOO_RC           an Odoo config file (addons path, database access, data dir)
#   PG*               libpq variables, so psql/createdb/dropdb reach the same server
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Odoo refuses to run as the "postgres" superuser, so it gets a role of its own.
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=odoo PGPASSWORD=odoo

# each stage with the minutes since the command started (CI's log, for
# balancing the test command's two lines of work)
say() { printf '== [%dm%02ds] %s\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*"; }
die() {
    printf 'ERROR: %s\n' "$*" >&2
    exit 1
}

# apt and the postgres account need root; a developer who is not root uses sudo.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
    command -v apt-get >/dev/null || die "need $* but apt-get is missing: install them by hand"
    say "Installing Debian packages: $*"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# --- Debian packages ---------------------------------------------------------
# One apt-get run for everything missing, and none when nothing is: apt-get
# update alone costs seconds on every run.
missing=()
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
command -v wkhtmltopdf >/dev/null || missing+=(wkhtmltopdf)  # PDF reports
command -v chromium >/dev/null || missing+=(chromium)        # HttpCase tours
# Reports and browser screenshots need at least one real font.
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
if [ "${#missing[@]}" -gt 0 ]; then
    apt_install "${missing[@]}" || die "could not install ${missing[*]} with apt-get"
fi

# --- PostgreSQL ----------------------------------------------------------------
if ! pg_isready -q; then
    say "Starting PostgreSQL"
    as_root service postgresql start >/dev/null || die "PostgreSQL did not start (service postgresql start)"
    for _ in $(seq 30); do
        pg_isready -q && break
        sleep 1
    done
    pg_isready -q || die "PostgreSQL is not answering on $PGHOST:$PGPORT"
fi
# Logging in is the cheapest proof that the role exists with this password.
if ! psql -d postgres -tAc 'SELECT 1' >/dev/null 2>&1; then
    say "Creating PostgreSQL role odoo"
    # As the postgres superuser over the local socket: runuser keeps the
    # environment, so the PG* variables above must not reach this psql.
    as_root runuser -u postgres -- env -u PGHOST -u PGUSER -u PGPASSWORD \
        psql -q -v ON_ERROR_STOP=1 -d postgres <<'SQL'
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'odoo') THEN
        CREATE ROLE odoo;
    END IF;
END $$;
ALTER ROLE odoo WITH LOGIN CREATEDB PASSWORD 'odoo';
SQL
fi

# --- Odoo 18 -------------------------------------------------------------------
has_odoo18() {
    "$1" -c 'import odoo, sys; sys.exit(odoo.release.version_info[0] != 18)' 2>/dev/null
}

# Without an Odoo 18 on python3, build one in .venv from Odoo's 18.0 branch.
install_odoo_venv() {
    local src=$ROOT/.odoo-src
    say "python3 has no Odoo 18: installing it into .venv (takes a few minutes)"
    command -v git >/dev/null || apt_install git
    python3 -c 'import ensurepip' 2>/dev/null || apt_install python3-venv
    [ -d "$src/.git" ] ||
        git clone -q --depth 1 --branch 18.0 https://github.com/odoo/odoo.git "$src"
    python3 -m venv "$ROOT/.venv"
    # Odoo's pins, minus what would need C headers here: python-ldap (LDAP login,
    # unused) and psycopg2 (the -binary wheel is the same driver). cbor2 5.4.2
    # has no wheel for Python 3.11 and its sdist no longer builds; 5.6.2 is
    # Odoo's own pin for newer Pythons.
    sed -e '/^python-ldap/d' \
        -e 's/^psycopg2==/psycopg2-binary==/' \
        -e 's/^cbor2==5\.4\.2/cbor2==5.6.2/' \
        "$src/requirements.txt" >"$ROOT/.venv/odoo-requirements.txt"
    # Odoo installs through setup.py; venvs of Python 3.12+ have no setuptools.
    "$ROOT/.venv/bin/python" -m pip install -q --upgrade pip setuptools wheel
    "$ROOT/.venv/bin/python" -m pip install -q -r "$ROOT/.venv/odoo-requirements.txt"
    # Editable in "compat" mode (a .pth line naming $src), not setuptools'
    # import hook: OCA's wheels (requirements.txt) install their add-ons into
    # site-packages/odoo/addons, and that folder, without an __init__.py, would
    # otherwise be found first and hide Odoo behind an empty namespace package.
    "$ROOT/.venv/bin/python" -m pip install -q --no-deps \
        --config-settings editable_mode=compat -e "$src"
}

if has_odoo18 python3; then
    PYTHON=python3
else
    has_odoo18 "$ROOT/.venv/bin/python" || install_odoo_venv
    PYTHON=$ROOT/.venv/bin/python
fi
# The real interpreter, not a pyenv shim: cheaper to start, and its pip is that
# interpreter's pip.
PYTHON=$("$PYTHON" -c 'import sys; print(sys.executable)')
export PYTHON

# --- the add-ons' dependencies and the dev tools ----------------------------------
# requirements.txt: what the add-ons need at run time (OCA add-ons as wheels,
# Python libraries); requirements-dev.txt: the tools of the test command.
# Comparing installed versions with the pins takes a fraction of a second,
# where asking pip takes several.
for requirements in "$ROOT/requirements.txt" "$ROOT/requirements-dev.txt"; do
    if ! "$PYTHON" - "$requirements" <<'PY'; then
import sys
from importlib.metadata import PackageNotFoundError, version

for line in open(sys.argv[1]):
    name, _, pinned = line.split("#")[0].strip().partition("==")
    if not name:
        continue
    try:
        installed = version(name)
    except PackageNotFoundError:
        installed = None
    if installed != pinned:
        sys.exit(1)
PY
        say "Installing $(basename "$requirements")"
        "$PYTHON" -m pip install -q -r "$requirements"
    fi
done

# Core add-ons live inside the package (odoo/addons: base, web...) and, in a
# source install, in the addons/ directory beside it (crm, sale...).
ODOO_ADDONS_PATH=$("$PYTHON" - "$ROOT" <<'PY'
import os
import site
import sys

import odoo

package = os.path.dirname(odoo.__file__)
dirs = [
    sys.argv[1],
    os.path.join(os.path.dirname(package), "addons"),
    os.path.join(package, "addons"),
]
# OCA's add-ons installed as wheels (requirements.txt) land in odoo/addons of
# site-packages; with Odoo installed from source, that is not Odoo's own folder
for site_dir in site.getsitepackages():
    dirs.append(os.path.join(site_dir, "odoo", "addons"))
seen = []
for d in dirs:
    if os.path.isdir(d) and os.path.realpath(d) not in map(os.path.realpath, seen):
        seen.append(d)
print(",".join(seen))
PY
)
export ODOO_ADDONS_PATH

# --- Odoo configuration ----------------------------------------------------------
# Written every time (it is cheap) so it always follows the interpreter found
# above. data_dir holds filestores and sessions inside the project, so nothing
# needs a system path; an explicit config also keeps a developer's ~/.odoorc out.
mkdir -p "$ROOT/.odoo-data"
ODOO_RC=$ROOT/.odoo-data/odoo.conf
cat >"$ODOO_RC" <<CONF
[options]
addons_path = $ODOO_ADDONS_PATH
data_dir = $ROOT/.odoo-data
db_host = $PGHOST
db_port = $PGPORT
db_user = $PGUSER
db_password = $PGPASSWORD
CONF
export ODOO_RC
