# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import contextlib
import importlib.util
import io
from pathlib import Path

from odoo.tests import HttpCase, tagged

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "rpc_example.py"


@tagged("post_install", "-at_install")
class TestRpcExample(HttpCase):
    """The README's integration example runs as written against a server."""

    def test_rpc_example(self):
        """examples/rpc_example.py creates, converts and reads over XML-RPC."""
        # never skipped: the example is documentation that must keep working
        self.assertTrue(
            EXAMPLE.is_file(),
            f"{EXAMPLE} is missing: run the tests from the repository",
        )
        spec = importlib.util.spec_from_file_location("rpc_example", EXAMPLE)
        example = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(example)
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            ids = example.main(self.base_url(), self.env.cr.dbname, "admin", "admin")
        offer = self.env["sale.order"].browse(ids["offer_id"])
        self.assertEqual((offer.state, offer.offer_state), ("cancel", "converted"))
        self.assertEqual(offer.opportunity_id.id, ids["lead_id"])
        printed = output.getvalue()
        self.assertIn(offer.opportunity_id.lead_number, printed)
        self.assertIn(offer.order_number, printed)
        self.assertIn("already converted", printed)
        self.assertIn("traceability wizard: 1 converted row(s)", printed)
        self.assertEqual(ids["occurrences"], 3)
        self.assertIn("stale opportunities that closing would mark as lost", printed)
