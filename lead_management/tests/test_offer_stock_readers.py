# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A converted offer and its order are one sale for stock code too.

A converted offer (separate order mode) is ``cancel`` for every reader of
the stock ``state``, ``converted`` in our ``offer_state``. These tests read
it the way stock code of the apps we reach does.
"""

from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tools.misc import file_path
from odoo.tools.safe_eval import safe_eval

from .common import OfferCommon


@tagged("post_install", "-at_install")
class TestOfferStockReaders(OfferCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team = cls.env["crm.team"].create({"name": "Test Offer Team"})
        cls.opportunity.team_id = cls.team
        cls.offer = cls._create_offer(team_id=cls.team.id)
        cls.order = cls.offer._convert_to_orders()

    def test_states(self):
        self.assertEqual(
            (self.offer.state, self.offer.offer_state, self.order.state),
            ("cancel", "converted", "sale"),
        )
        self.assertFalse(self.order.offer_state, "an order has no offer status")

    def test_sales_team_counts_the_sale_once(self):
        """sale's crm.team._compute_sale_order_count (state != cancel)."""
        self.team.invalidate_recordset()
        self.assertEqual(self.team.sale_order_count, 1)

    def test_gamification_new_sales_orders_goal_counts_once(self):
        """gamification_sale_crm's *New Sales Orders* goal, its domain read
        from its own data file (the module need not be installed)."""
        data = etree.parse(
            file_path("gamification_sale_crm/data/gamification_sale_crm_data.xml")
        )
        [domain] = data.xpath(
            "//record[@id='definition_crm_nbr_sale_order_created']/field[@name='domain']"
        )
        ours = [("id", "in", (self.offer | self.order).ids)]
        counted = self.env["sale.order"].search(ours + safe_eval(domain.text))
        self.assertEqual(counted, self.order)

    def test_stock_quotation_and_order_domains(self):
        """sale_crm's lead domains: the order is the sale, the converted
        offer stays reachable from the Quotations button."""
        lead = self.opportunity
        orders = self.env["sale.order"].search(
            [("opportunity_id", "=", lead.id), *lead._get_lead_sale_order_domain()]
        )
        self.assertEqual(orders, self.order)
        action = lead.action_view_sale_quotation()
        self.assertIn(self.offer, self.env["sale.order"].search(action["domain"]))

    def test_converted_offer_cannot_come_back(self):
        """Set to Quotation or Confirm on a converted offer would make it a
        second sale: refused, with nothing written."""
        with self.assertRaisesRegex(UserError, "cannot be set back"):
            self.offer.action_draft()
        with self.assertRaisesRegex(UserError, "already converted"):
            self.offer.action_confirm()
        with self.assertRaisesRegex(UserError, "already converted"):
            self.offer.action_convert_to_order()
        self.assertEqual(
            (self.offer.state, self.offer.offer_state), ("cancel", "converted")
        )

    def test_set_to_quotation_hidden_on_converted_offer(self):
        arch = self.env["sale.order"].get_view(
            self.env.ref("sale.view_order_form").id, "form"
        )["arch"]
        [button] = etree.fromstring(arch).xpath("//button[@name='action_draft']")
        self.assertIn("offer_state == 'converted'", button.get("invisible"))

    def test_quotations_and_orders_actions_are_stock(self):
        """The add-on no longer writes its state into sale's actions."""
        self.assertEqual(
            safe_eval(self.env.ref("sale.action_orders").domain),
            [("state", "not in", ("draft", "sent", "cancel"))],
        )
        self.assertFalse(self.env.ref("sale.action_quotations").domain)


@tagged("post_install", "-at_install")
class TestConvertedOfferPortal(HttpCase):
    def test_portal_says_converted_not_cancelled(self):
        partner = self.env["res.partner"].create({"name": "Portal Customer"})
        product = self.env["product.product"].create({"name": "Portal product"})
        lead = self.env["crm.lead"].create(
            {"name": "Portal lead", "type": "opportunity", "partner_id": partner.id}
        )
        offer = self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "opportunity_id": lead.id,
                "order_line": [(0, 0, {"product_id": product.id})],
            }
        )
        order = offer._convert_to_orders()
        response = self.url_open(offer.get_portal_url())
        self.assertEqual(response.status_code, 200)
        self.assertIn(
            f"This offer was converted into order {order.name}",
            " ".join(response.text.split()),
        )
        self.assertNotIn("This quotation has been cancelled", response.text)
