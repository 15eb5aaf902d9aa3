"""Concurrent conversions on a real multi-worker Odoo server.

    python tools/concurrency_check.py CONFIG DATABASE

Starts Odoo with ``--workers=2`` on 127.0.0.1 (a free port) serving DATABASE,
creates offers over XML-RPC, then converts every offer from several client
threads at once, so that two worker processes convert the same offer at the
same moment. Expected: each offer has exactly one order; every other call
failed with the clear "being converted" / "already converted" error, and no
other error happened. Exits non-zero otherwise. The server is stopped in all
cases; the requests are bounded in number and time.
"""

import socket
import subprocess
import sys
import time
import xmlrpc.client
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

OFFERS = 12
CALLS_PER_OFFER = 4
EXPECTED_ERRORS = ("being converted", "already converted")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(config, database, port):
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "odoo",
            "-c",
            config,
            "-d",
            database,
            f"--db-filter=^{database}$",
            "--workers=2",
            "--max-cron-threads=0",
            "--http-interface=127.0.0.1",
            f"--http-port={port}",
            "--log-level=warn",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    common = xmlrpc.client.ServerProxy(f"http://127.0.0.1:{port}/xmlrpc/2/common")
    for _attempt in range(120):
        try:
            common.version()
            return server
        except OSError:
            time.sleep(0.5)
    server.kill()
    raise SystemExit("the Odoo server did not start")


def main(config, database):
    port = free_port()
    server = start_server(config, database, port)
    try:
        url = f"http://127.0.0.1:{port}/xmlrpc/2"
        uid = xmlrpc.client.ServerProxy(f"{url}/common").authenticate(
            database, "admin", "admin", {}
        )

        def call(model, method, *args, **kwargs):
            # one proxy per call: ServerProxy is not thread-safe
            proxy = xmlrpc.client.ServerProxy(f"{url}/object")
            return proxy.execute_kw(
                database, uid, "admin", model, method, list(args), kwargs
            )

        partner_id = call("res.partner", "create", {"name": "Concurrency Co"})
        product_id = call("product.product", "create", {"name": "Concurrency item"})
        offer_ids = call(
            "sale.order",
            "create",
            [
                {
                    "partner_id": partner_id,
                    "is_offer": True,
                    "order_line": [(0, 0, {"product_id": product_id})],
                }
                for _i in range(OFFERS)
            ],
        )

        def convert(offer_id):
            try:
                call("sale.order", "action_convert_to_order", [offer_id])
                return "converted"
            except xmlrpc.client.Fault as fault:
                for expected in EXPECTED_ERRORS:
                    if expected in fault.faultString:
                        return expected
                return f"unexpected: {fault.faultString.splitlines()[-1]}"

        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=8) as pool:
            # the calls for one offer side by side: they reach both workers at once
            calls = [offer for offer in offer_ids for _i in range(CALLS_PER_OFFER)]
            results = list(pool.map(convert, calls))
        elapsed = time.monotonic() - started
        outcome = Counter(results)
        orders = Counter(
            row["offer_id"][0]
            for row in call(
                "sale.order",
                "search_read",
                [("offer_id", "in", offer_ids)],
                fields=["offer_id"],
            )
        )
        print(
            f"concurrency: {OFFERS} offers x {CALLS_PER_OFFER} concurrent calls on "
            f"2 workers in {elapsed:.1f}s: {dict(outcome)}; "
            f"orders per offer: {sorted(Counter(orders.values()).items())}"
        )
        problems = [r for r in outcome if r.startswith("unexpected")]
        if problems or outcome["converted"] != OFFERS:
            raise SystemExit(f"concurrency check failed: {dict(outcome)}")
        if sorted(orders) != sorted(offer_ids) or set(orders.values()) != {1}:
            raise SystemExit(f"concurrency check failed: orders {dict(orders)}")
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main(*sys.argv[1:3])
