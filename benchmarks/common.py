"""What the benchmarks share (not a test): output, a meter of time and SQL
queries, and a fresh database with lead_management to run on.

Each benchmark is a script run from the repository after
``source scripts/setup.sh``; it imports this module from its own folder.
"""

import os
import subprocess
import sys
import time
from contextlib import contextmanager

import odoo
from odoo import SUPERUSER_ID, api


def log(*args):
    sys.stdout.write(" ".join(str(a) for a in args) + "\n")
    sys.stdout.flush()


class Meter:
    """Wall time and number of SQL queries of the code in a with block."""

    def __init__(self, cr):
        self.cr = cr

    def __enter__(self):
        self.queries = self.cr.sql_log_count
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.start
        self.queries = self.cr.sql_log_count - self.queries


def create_database(database, modules="lead_management"):
    """(Re)create ``database`` with ``modules`` (comma-separated), without
    demo data."""
    subprocess.run(["dropdb", "--if-exists", "--force", database], check=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "odoo",
            "-c",
            os.environ["ODOO_RC"],
            "-d",
            database,
            "-i",
            modules,
            "--without-demo=all",
            "--stop-after-init",
            "--log-level=warn",
        ],
        check=True,
    )


@contextmanager
def bench_environment(database, modules="lead_management"):
    """Create ``database`` with ``modules``, then yield ``(registry, env)``: a superuser
    environment on one cursor. Prints the versions first and the total wall
    time last; the database is left for inspection."""
    started = time.perf_counter()
    log(f"Creating {database} ({modules}, no demo data)...")
    create_database(database, modules)
    odoo.tools.config.parse_config(["-c", os.environ["ODOO_RC"], "--log-level=warn"])
    registry = odoo.modules.registry.Registry(database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        cr.execute("SELECT version()")
        log(cr.fetchone()[0].split(",")[0], "| Odoo", odoo.release.version)
        yield registry, env
    elapsed = time.perf_counter() - started
    log(f"Total wall time (with database creation): {elapsed:.0f} s")
