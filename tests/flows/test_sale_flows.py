# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The sales flows that other apps run on offers and quotations.

These tests need Inventory (``sale_stock``), e-commerce (``website_sale``) and
the demo payment provider (``payment_demo``) next to ``lead_management``, so
they run in the test command's peer stage, on the database where Odoo's own
suites of those apps run too (``scripts/test.sh``), not in the add-on's own
test database. Each one goes through the real routes a customer's browser
calls, the payment status page's post-processing included.
"""

import base64
import xmlrpc.client

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

# a 1x1 PNG: what the portal's signature pad sends, as far as Odoo checks it
SIGNATURE = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d000000004945"
        "4e44ae426082"
    )
).decode()


@tagged("post_install", "-at_install")
class TestSaleFlows(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.offer_conversion_mode = "separate"
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Flow Customer",
                "email": "flow.customer@example.com",
                "street": "1 Main Street",
                "city": "Bucharest",
                "zip": "010101",
                "country_id": cls.company.country_id.id,
            }
        )
        cls.portal_user = new_test_user(
            cls.env,
            login="lm_flow_portal",
            password="lm_flow_portal",
            groups="base.group_portal",
            partner_id=cls.customer.id,
        )
        cls.goods = cls.env["product.product"].create(
            {"name": "Flow desk", "is_storable": True, "list_price": 300}
        )
        cls.service = cls.env["product.product"].create(
            {
                "name": "Flow training",
                "type": "service",
                "list_price": 120,
                "sale_ok": True,
                "website_published": True,
                "taxes_id": False,
            }
        )
        cls.opportunity = cls.env["crm.lead"].create(
            {
                "name": "Flow opportunity",
                "type": "opportunity",
                "partner_id": cls.customer.id,
            }
        )
        cls.provider = cls.env.ref("payment.payment_provider_demo")
        cls.provider.write({"state": "test", "is_published": True})
        cls.payment_method = cls.env.ref("payment_demo.payment_method_demo")

    def _create_offer(self, product=None, **values):
        return self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "opportunity_id": self.opportunity.id,
                "order_line": [
                    Command.create(
                        {"product_id": (product or self.service).id, "tax_id": False}
                    )
                ],
                **values,
            }
        )

    def _pay_online(self, order, route):
        """Pay ``order`` with the demo provider through ``route``, as the
        payment form does, then land on the payment status page."""
        values = self.make_jsonrpc_request(
            route,
            {
                "access_token": order._portal_ensure_token(),
                "provider_id": self.provider.id,
                "payment_method_id": self.payment_method.id,
                "token_id": None,
                "amount": order.amount_total,
                "flow": "direct",
                "tokenization_requested": False,
                "landing_route": order.get_portal_url(),
            },
        )
        self.make_jsonrpc_request(
            "/payment/demo/simulate_payment",
            {
                "reference": values["reference"],
                "payment_details": "4242",
                "simulated_state": "done",
            },
        )
        # what the payment status page does when the customer lands on it
        polled = self.make_jsonrpc_request("/payment/status/poll")
        self.assertEqual(polled["state"], "done")
        # the server answered on the test's cursor: read what it wrote
        self.env.invalidate_all()
        transaction = self.env["payment.transaction"].search(
            [("reference", "=", values["reference"])]
        )
        self.assertEqual(transaction.state, "done")
        return transaction

    def test_offer_paid_online_is_the_confirmed_order(self):
        """An offer paid online by the customer in the portal is confirmed in
        place: the order carries its transaction and its invoice (automatic
        invoicing), keeps its offer number and shows in the lead's Orders."""
        self.env["ir.config_parameter"].sudo().set_param("sale.automatic_invoice", True)
        offer = self._create_offer(require_payment=True, prepayment_percent=1.0)
        offer.action_quotation_sent()
        offer_name = offer.name
        self.authenticate("lm_flow_portal", "lm_flow_portal")
        transaction = self._pay_online(offer, f"/my/orders/{offer.id}/transaction")
        self.assertEqual(offer.state, "sale")
        self.assertEqual(transaction.sale_order_ids, offer)
        self.assertEqual(offer.transaction_ids, transaction)
        self.assertEqual(offer.offer_number, offer_name)
        self.assertNotEqual(offer.name, offer_name)
        self.assertEqual(offer.converted_order_id, offer)
        self.assertEqual(offer.invoice_ids.state, "posted")
        self.assertEqual(offer.invoice_ids.invoice_origin, offer.name)
        self.assertIn(offer, self.opportunity.sale_order_ids)
        self.assertIn(offer_name, "".join(self.opportunity.message_ids.mapped("body")))

    def test_offer_signed_online_is_the_confirmed_order(self):
        """An offer the customer signs in the portal is that very order."""
        offer = self._create_offer(require_signature=True, require_payment=False)
        offer.action_quotation_sent()
        offer_name = offer.name
        self.authenticate("lm_flow_portal", "lm_flow_portal")
        result = self.make_jsonrpc_request(
            f"/my/orders/{offer.id}/accept",
            {
                "access_token": offer.access_token,
                "name": "Flow Customer",
                "signature": SIGNATURE,
            },
        )
        self.assertNotIn("error", result)
        self.env.invalidate_all()
        self.assertEqual(offer.state, "sale")
        self.assertEqual(offer.signed_by, "Flow Customer")
        self.assertEqual(offer.offer_number, offer_name)
        self.assertEqual(offer.converted_order_id, offer)
        self.assertEqual(
            self.env["sale.order"].search_count([("offer_id", "=", offer.id)]), 0
        )

    def test_ecommerce_cart_is_a_standard_order(self):
        """A cart filled and paid in the shop is a standard quotation, then a
        standard order: stock numbering, no offer number."""
        self.authenticate("lm_flow_portal", "lm_flow_portal")
        self.make_jsonrpc_request(
            "/shop/cart/update_json",
            {"product_id": self.service.id, "add_qty": 2},
        )
        self.env.invalidate_all()
        cart = self.env["sale.order"].search(
            [("partner_id", "=", self.customer.id), ("website_id", "!=", False)]
        )
        self.assertEqual(len(cart), 1)
        self.assertFalse(cart.is_offer)
        self.assertFalse(cart.offer_number)
        name = cart.name
        transaction = self._pay_online(cart, f"/shop/payment/transaction/{cart.id}")
        self.assertEqual(cart.state, "sale")
        self.assertEqual(cart.name, name)
        self.assertEqual(transaction.sale_order_ids, cart)
        self.assertFalse(cart.converted_order_id)

    def test_plain_quotation_gets_its_delivery(self):
        """With Inventory, a standard quotation confirmed gets its delivery."""
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [
                    Command.create({"product_id": self.goods.id, "product_uom_qty": 3})
                ],
            }
        )
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(len(order.picking_ids), 1)
        self.assertEqual(order.picking_ids.move_ids.product_uom_qty, 3)

    def test_separate_conversion_delivers_the_order(self):
        """An offer converted into a separate order: the delivery belongs to
        the order, the offer has none."""
        offer = self._create_offer(self.goods)
        order = offer.action_convert_to_order() and offer.converted_order_id
        self.assertNotEqual(order, offer)
        self.assertEqual((offer.state, offer.offer_state), ("cancel", "converted"))
        self.assertFalse(offer.picking_ids)
        self.assertEqual(len(order.picking_ids), 1)
        self.assertEqual(order.picking_ids.origin, order.name)

    def test_confirm_over_xmlrpc_confirms_that_offer(self):
        """An integrator's action_confirm on an offer confirms that record,
        which then has its delivery."""
        offer = self._create_offer(self.goods)
        offer_name = offer.name
        models = xmlrpc.client.ServerProxy(f"{self.base_url()}/xmlrpc/2/object")
        uid = self.xmlrpc_common.authenticate(self.env.cr.dbname, "admin", "admin", {})
        models.execute_kw(
            self.env.cr.dbname,
            uid,
            "admin",
            "sale.order",
            "action_confirm",
            [[offer.id]],
        )
        self.env.invalidate_all()
        [row] = models.execute_kw(
            self.env.cr.dbname,
            uid,
            "admin",
            "sale.order",
            "read",
            [[offer.id], ["state", "offer_number", "converted_order_id"]],
        )
        self.assertEqual(row["state"], "sale")
        self.assertEqual(row["offer_number"], offer_name)
        self.assertEqual(row["converted_order_id"][0], offer.id)
        self.assertEqual(len(offer.picking_ids), 1)
