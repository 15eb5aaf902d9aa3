# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from xmlrpc.client import Fault

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestOfferRpc(HttpCase):
    """Integrators create, convert and read offers over XML-RPC."""

    def setUp(self):
        super().setUp()
        db = self.env.cr.dbname
        self.uid = self.xmlrpc_common.authenticate(db, "admin", "admin", {})
        self.assertTrue(self.uid, "admin can log in over XML-RPC")

        def call(model, method, *args, **kwargs):
            return self.xmlrpc_object.execute_kw(
                db, self.uid, "admin", model, method, list(args), kwargs
            )

        self.call = call

    def test_create_convert_read_over_xmlrpc(self):
        """Create a lead with a type, an offer, convert it, read both numbers."""
        type_id = self.call("crm.lead.type", "create", {"name": "RPC type"})
        partner_id = self.call("res.partner", "create", {"name": "RPC customer"})
        lead_id = self.call(
            "crm.lead",
            "create",
            {
                "name": "RPC opportunity",
                "type": "opportunity",
                "partner_id": partner_id,
                "lead_type_id": type_id,
            },
        )
        product_id = self.call("product.product", "create", {"name": "RPC chair"})
        offer_id = self.call(
            "sale.order",
            "create",
            {
                "partner_id": partner_id,
                "opportunity_id": lead_id,
                "order_line": [
                    # over XML-RPC: a plain list, as an integrator sends it
                    # (Command is an enum xmlrpc cannot send)
                    [0, 0, {"product_id": product_id, "price_unit": 99}]
                ],
            },
        )
        action = self.call("sale.order", "action_convert_to_order", [offer_id])
        self.assertEqual(action["res_model"], "sale.order")
        [offer] = self.call(
            "sale.order",
            "read",
            [offer_id],
            fields=[
                "offer_number",
                "order_number",
                "state",
                "offer_state",
                "converted_order_id",
            ],
        )
        # cancelled for stock readers, converted for ours
        self.assertEqual(
            (offer["state"], offer["offer_state"]), ("cancel", "converted")
        )
        order_id = offer["converted_order_id"][0]
        self.assertEqual(action["res_id"], order_id)
        [order] = self.call(
            "sale.order",
            "read",
            [order_id],
            fields=["name", "offer_number", "offer_id", "state", "amount_untaxed"],
        )
        self.assertEqual(order["name"], offer["order_number"])
        self.assertEqual(order["offer_number"], offer["offer_number"])
        self.assertEqual(order["offer_id"][0], offer_id)
        self.assertEqual((order["state"], order["amount_untaxed"]), ("sale", 99))
        [lead] = self.call("crm.lead", "read", [lead_id], fields=["lead_number"])
        self.assertTrue(lead["lead_number"])
        found = self.call(
            "sale.order", "search", [("offer_number", "=", offer["offer_number"])]
        )
        self.assertEqual(sorted(found), sorted([offer_id, order_id]))

        # bad input: a clear error, nothing written
        with self.assertRaisesRegex(Fault, "already converted"):
            self.call("sale.order", "action_convert_to_order", [offer_id])
        with self.assertRaisesRegex(Fault, "does not exist or has been deleted"):
            self.call("sale.order", "action_convert_to_order", [987654321])
        count = self.call("sale.order", "search_count", [("offer_id", "=", offer_id)])
        self.assertEqual(count, 1)

    def test_action_confirm_over_xmlrpc_confirms_that_offer(self):
        """An integrator's action_confirm on an offer returns with that very
        record confirmed as an order, its offer number kept; a standard
        quotation created over RPC without a lead is not an offer."""
        partner_id = self.call("res.partner", "create", {"name": "RPC buyer"})
        lead_id = self.call(
            "crm.lead",
            "create",
            {"name": "RPC deal", "type": "opportunity", "partner_id": partner_id},
        )
        product_id = self.call("product.product", "create", {"name": "RPC desk"})
        # the wire format: the standard client cannot marshal Command (an enum)
        line = [(0, 0, {"product_id": product_id, "price_unit": 40})]
        offer_id, quotation_id = self.call(
            "sale.order",
            "create",
            [
                {
                    "partner_id": partner_id,
                    "opportunity_id": lead_id,
                    "order_line": line,
                },
                {"partner_id": partner_id, "order_line": line},
            ],
        )
        fields = ["name", "is_offer", "offer_number", "state", "converted_order_id"]
        [offer, quotation] = self.call(
            "sale.order", "read", [offer_id, quotation_id], fields=fields
        )
        self.assertTrue(offer["is_offer"])
        self.assertFalse(quotation["is_offer"])
        self.assertTrue(self.call("sale.order", "action_confirm", [offer_id]))
        [confirmed] = self.call("sale.order", "read", [offer_id], fields=fields)
        self.assertEqual(confirmed["state"], "sale")
        self.assertEqual(confirmed["offer_number"], offer["name"])
        self.assertNotEqual(confirmed["name"], offer["name"])
        self.assertEqual(confirmed["converted_order_id"][0], offer_id)
        self.assertEqual(
            self.call("sale.order", "search_count", [("offer_id", "=", offer_id)]), 0
        )
