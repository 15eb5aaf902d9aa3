# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.tests import Form, tagged

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

    def test_new_offer_form_reads_as_offer_before_saving(self):
        """New Quotation on an opportunity: the unsaved form already shows
        the offer's status bar and name, not Quotation / Confirm."""
        action = self.opportunity.action_sale_quotations_new()
        form = Form(self.env["sale.order"].with_context(**action["context"]))
        self.assertTrue(form.is_offer)
        self.assertEqual(form.offer_state, "draft")
        form.partner_id = self.partner
        offer = form.save()
        self.assertTrue(offer.is_offer)
        self.assertEqual(offer.name, offer.offer_number)
        # a quotation of Sales > Quotations stays one, before and after
        form = Form(self.env["sale.order"])
        self.assertFalse(form.is_offer)
        self.assertFalse(form.offer_state)

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

    def _opportunity_form(self):
        arch = self.env["crm.lead"].get_view(
            self.env.ref("crm.crm_lead_view_form").id, "form"
        )["arch"]
        return etree.fromstring(arch)

    def test_opportunity_form_says_offers(self):
        """On the opportunity, sale_crm's Quotations smart button says
        Offers (it still counts the open offers), and Cancel Open Offers
        asks with buttons that say what happens."""
        form = self._opportunity_form()
        (count,) = form.xpath(
            "//button[@name='action_view_sale_quotation']/field[@name='quotation_count']"
        )
        self.assertEqual(count.get("string"), "Offers")
        (cancel,) = form.xpath("//button[@name='action_cancel_open_offers']")
        self.assertEqual(cancel.get("confirm-label"), "Cancel the open offers")
        self.assertEqual(cancel.get("cancel-label"), "Keep them")

    def test_offers_tab_totals_open_offers_only(self):
        """The Offers tab sums no column (it would add cancelled and
        converted offers) and shows the open offers' total instead."""
        form = self._opportunity_form()
        (page,) = form.xpath("//page[@name='offers']")
        self.assertFalse(page.xpath(".//list/field[@sum]"))
        self.assertTrue(page.xpath(".//field[@name='open_offer_amount']"))
        draft = self._create_offer()
        cancelled = self._create_offer()
        cancelled._action_cancel()
        converted = self._create_offer()
        converted._convert_to_orders()
        self.assertEqual(self.opportunity.open_offer_amount, draft.amount_untaxed)
