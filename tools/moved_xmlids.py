"""Write lead_management/migrations/18.0.2.0.0/moved_xmlids.csv.

    python tools/moved_xmlids.py SINGLE_DB FAMILY_DB

SINGLE_DB has the last release of the single add-on installed (18.0.1.1.0),
FAMILY_DB the whole family of this tree, both with demo data. Every xml id
of ``lead_management`` in the first that belongs to another add-on of the
family in the second, and no longer to ``lead_management``, moved there: one
``add-on,name`` line each, sorted. The
PG* variables of scripts/setup.sh reach the databases.
"""

import csv
import subprocess
import sys
from pathlib import Path

OUT = (
    Path(__file__).parent.parent
    / "lead_management/migrations/18.0.2.0.0/moved_xmlids.csv"
)


def _rows(database, where):
    query = f"SELECT module, name FROM ir_model_data WHERE {where}"
    out = subprocess.run(
        ["psql", "-d", database, "-tA", "-F", ",", "-c", query],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [tuple(line.split(",", 1)) for line in out.splitlines() if line]


def main(single_db, family_db):
    old = {name for _module, name in _rows(single_db, "module = 'lead_management'")}
    # still the core's too: the xml ids Odoo gives every add-on that extends
    # a model (``model_crm_lead``...), which the core keeps
    kept = {name for _module, name in _rows(family_db, "module = 'lead_management'")}
    new = _rows(family_db, "module LIKE 'lead\\_management\\_%'")
    # a name that several add-ons hold (``model_mail_activity``: Odoo gives
    # one to every add-on that extends the model) moves to the first; the
    # others get their own when Odoo reflects their models
    moved = {}
    for module, name in sorted(new):
        if name in old and name not in kept:
            moved.setdefault(name, module)
    moved = sorted((module, name) for name, module in moved.items())
    with OUT.open("w", newline="") as out:
        csv.writer(out, lineterminator="\n").writerows(moved)
    print(f"{len(moved)} xml ids moved, written to {OUT}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
