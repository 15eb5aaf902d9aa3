# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tools import SQL


@tagged("post_install", "-at_install")
class TestTours(HttpCase):
    """The pipeline, the mass update, the partner sync and the conversion of
    an offer into an order, in Chromium.

    The tours are in static/tests/tours/lead_management_tours.js.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = cls.env.ref("base.user_admin")
        cls.type_upsell = cls.env["crm.lead.type"].create(
            {"name": "Tour upsell", "color": 7, "sequence": 1}
        )
        cls.type_renewal = cls.env["crm.lead.type"].create(
            {"name": "Tour renewal", "color": 2, "sequence": 2}
        )
        cls.customer = cls.env["res.partner"].create({"name": "Tour Customer"})

    def test_pipeline(self):
        """Cards in their type's colour, the lead number in place of a
        missing customer, stock's tags and properties on the compact card,
        the side panel, and the switch from compact to detailed cards in the
        CRM settings."""
        self.env.company.pipeline_detailed_cards = False
        # stock's tags and properties, on the compact card as on stock's
        team = self.env["crm.team"].create(
            {
                "name": "Tour team",
                "lead_properties_definition": [
                    {
                        "name": "tour_size",
                        "string": "Tour size",
                        "type": "char",
                        "view_in_cards": True,
                    }
                ],
            }
        )
        lead = self.env["crm.lead"].create(
            {
                "name": "Tour opportunity title",
                "type": "opportunity",
                "team_id": team.id,
                "tag_ids": [Command.create({"name": "Tour stock tag"})],
                "lead_properties": {"tour_size": "Forty seats"},
                "partner_id": self.customer.id,
                "user_id": self.admin.id,
                "lead_type_id": self.type_upsell.id,
                "expected_revenue": 1000,
                "date_deadline": "2030-01-31",
            }
        )
        self.env["crm.lead"].create(
            {
                "name": "Tour lead without customer",
                "type": "opportunity",
                "lead_number": "LD/TOUR/00001",
                "user_id": self.admin.id,
                "lead_type_id": self.type_renewal.id,
            }
        )
        product = self.env["product.product"].create(
            {"name": "Tour product", "list_price": 100}
        )
        self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "opportunity_id": lead.id,
                "order_line": [Command.create({"product_id": product.id})],
            }
        )
        self.start_tour("/odoo", "lead_management_pipeline", login="admin")
        self.assertTrue(self.env.company.pipeline_detailed_cards)

    def test_mass_update(self):
        """Update opportunities from the list's Action menu."""
        tag = self.env["crm.tag"].create({"name": "Tour tag"})
        leads = self.env["crm.lead"].create(
            [
                {
                    "name": f"MU tour lead {index}",
                    "type": "opportunity",
                    "user_id": self.admin.id,
                    "lead_type_id": self.type_renewal.id,
                }
                for index in (1, 2, 3)
            ]
        )
        self.start_tour(
            "/odoo/action-crm.crm_lead_action_pipeline?view_type=list",
            "lead_management_mass_update",
            login="admin",
        )
        self.assertEqual(leads[:2].lead_type_id, self.type_upsell)
        self.assertEqual(leads[:2].tag_ids, tag)
        self.assertEqual(leads[2].lead_type_id, self.type_renewal)
        self.assertFalse(leads[2].tag_ids)

    def test_partner_sync(self):
        """'Update linked leads' on a contact refreshes its leads."""
        partner = self.env["res.partner"].create(
            {"name": "Tour Sync Partner", "email": "new@example.com", "city": "Cluj"}
        )
        lead = self.env["crm.lead"].create(
            {"name": "Tour sync lead", "partner_id": partner.id}
        )
        # out of date, in SQL: through the ORM crm would update the partner
        lead.flush_recordset()
        self.env.cr.execute(
            SQL(
                "UPDATE crm_lead SET email_from = %s, city = %s WHERE id = %s",
                "old@example.com",
                "Old city",
                lead.id,
            )
        )
        lead.invalidate_recordset()
        self.start_tour(
            f"/odoo/action-base.action_partner_form/{partner.id}",
            "lead_management_partner_sync",
            login="admin",
        )
        self.assertEqual(lead.email_from, "new@example.com")
        self.assertEqual(lead.city, "Cluj")

    def test_offer_conversion(self):
        """New Offer on an opportunity, a product line, Convert to Order: the
        order opens with its offer in Offer No., and the opportunity's Offers
        and Orders tabs show the converted offer and its order."""
        # distinctive prefixes for the tour to look for (no code depends on them)
        self.env.company._get_offer_sequence().prefix = "TOUROF/"
        self.env["ir.sequence"].search([("code", "=", "sale.order")]).prefix = "TOURSO/"
        self.env.company.offer_conversion_mode = "separate"
        customer = self.env["res.partner"].create({"name": "Tour Offer Customer"})
        self.env["product.product"].create(
            {"name": "Tour Offer Product", "list_price": 250, "taxes_id": False}
        )
        lead = self.env["crm.lead"].create(
            {
                "name": "Tour offer opportunity",
                "type": "opportunity",
                "partner_id": customer.id,
                "user_id": self.admin.id,
            }
        )
        self.start_tour(
            f"/odoo/action-crm.crm_lead_action_pipeline/{lead.id}",
            "lead_management_offer_conversion",
            login="admin",
        )
        self.env.invalidate_all()  # written by the browser's requests
        offer = lead.offer_ids
        self.assertEqual(len(offer), 1)
        self.assertEqual((offer.state, offer.offer_state), ("cancel", "converted"))
        self.assertTrue(offer.name.startswith("TOUROF/"))
        order = lead.sale_order_ids
        self.assertEqual(len(order), 1)
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.offer_id, offer)
        self.assertEqual(offer.converted_order_id, order)
        self.assertTrue(order.name.startswith("TOURSO/"))
        self.assertEqual(
            self.env["sale.order"].search([("opportunity_id", "=", lead.id)]),
            offer | order,
        )

    def test_customer_history(self):
        """The History button of a customer lists its contact's documents,
        newest first; a row opens its document."""
        contact = self.env["res.partner"].create(
            {"name": "Tour history contact", "parent_id": self.customer.id}
        )
        lead = self.env["crm.lead"].create(
            {
                "name": "Tour history opportunity",
                "type": "opportunity",
                "partner_id": contact.id,
                "user_id": self.admin.id,
            }
        )
        self.env["sale.order"].create(
            {
                "partner_id": contact.id,
                "client_order_ref": "Tour history offer ref",
                "date_order": "2099-01-01 10:00:00",
            }
        )
        self.start_tour(
            f"/odoo/action-base.action_partner_form/{self.customer.id}",
            "lead_management_customer_history",
            login="admin",
        )
        self.assertTrue(lead.exists())
