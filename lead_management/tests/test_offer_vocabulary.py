# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import OfferCommon


@tagged("post_install", "-at_install")
class TestOfferVocabulary(OfferCommon):
    """An offer is called an offer wherever a user or a customer reads it;
    documents that are not offers keep Odoo's words."""

    def _render_title(self, order):
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "sale.action_report_saleorder", order.ids
        )
        return html.decode()

    def test_offer_names(self):
        """Portal/e-mail name, chatter, status bar and PDF title of an offer."""
        offer = self._create_offer()
        self.assertEqual(offer.type_name, "Offer")
        self.assertEqual(offer.offer_state, "draft")
        self.assertEqual(offer._creation_message(), "Offer created")
        self.assertIn("Offer #", self._render_title(offer))
        template = offer._find_mail_template()
        self.assertEqual(template, self.env.ref("lead_management.mail_template_offer"))
        self.assertIn(
            offer.offer_number, template._render_field("subject", offer.ids)[offer.id]
        )
        offer._convert_to_orders()
        self.assertEqual(offer.offer_state, "converted")
        self.assertEqual(offer.type_name, "Offer")

    def test_confirmed_offer_is_an_order(self):
        """Confirmed in place, the offer is an order and named as one."""
        offer = self._create_offer()
        offer.action_confirm()
        self.assertFalse(offer.offer_state)
        self.assertEqual(offer.type_name, "Sales Order")
        self.assertIn("Order #", self._render_title(offer))

    def test_standard_quotation_keeps_odoo_words(self):
        """A quotation that is not an offer reads as in stock Odoo."""
        quotation = self._create_offer(is_offer=False)
        self.assertEqual(quotation.type_name, "Quotation")
        self.assertFalse(quotation.offer_state)
        self.assertEqual(quotation._creation_message(), "Sales Order created")
        self.assertIn("Quotation #", self._render_title(quotation))
        self.assertEqual(
            quotation._find_mail_template(),
            self.env.ref("sale.email_template_edi_sale"),
        )
