# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common import OfferCommon


@tagged("post_install", "-at_install")
class TestOfferNumbering(OfferCommon):
    def test_new_quotation_is_numbered_as_offer(self):
        """A new quotation is an offer numbered from the offer sequence."""
        sequence = self.company._get_offer_sequence()
        expected = sequence.get_next_char(sequence.number_next_actual)
        offer = self._create_offer()
        self.assertTrue(offer.is_offer)
        self.assertEqual(offer.name, expected)
        self.assertEqual(offer.offer_number, offer.name)
        self.assertFalse(offer.order_number)

    def test_quotation_from_the_sales_form_is_standard(self):
        """A quotation made in Sales > Quotations without a lead is a standard
        quotation: stock numbering, stock confirmation."""
        with Form(self.env["sale.order"]) as form:
            form.partner_id = self.partner
            with form.order_line.new() as line:
                line.product_id = self.product
        order = form.save()
        self.assertFalse(order.is_offer)
        self.assertFalse(order.offer_number)
        self.assertEqual(order.name[:1], "S")  # stock sale.order sequence
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertFalse(order.converted_order_id)

    def test_offer_from_the_offers_menu(self):
        """A quotation made from the Offers menu is an offer, lead or not."""
        action = self.env["ir.actions.actions"]._for_xml_id(
            "lead_management.sale_order_offer_action"
        )
        context = safe_eval(action["context"])
        with Form(self.env["sale.order"].with_context(**context)) as form:
            form.partner_id = self.partner
            with form.order_line.new() as line:
                line.product_id = self.product
        offer = form.save()
        self.assertTrue(offer.is_offer)
        self.assertEqual(offer.offer_number, offer.name)
        self.assertIn(offer, self.env["sale.order"].search(safe_eval(action["domain"])))

    def test_quotation_with_opportunity_is_offer(self):
        """A quotation created with an opportunity is an offer, whether the
        opportunity comes in the values or as the form's default."""
        offer = (
            self.env["sale.order"]
            .with_context(default_opportunity_id=self.opportunity.id)
            .create({"partner_id": self.partner.id})
        )
        self.assertTrue(offer.is_offer)
        self.assertEqual(offer.offer_number, offer.name)
        explicit = self.env["sale.order"].create(
            {"partner_id": self.partner.id, "is_offer": True}
        )
        self.assertTrue(explicit.is_offer)

    def test_other_quotations_are_standard(self):
        """Quotations another add-on or an import creates without a lead are
        standard quotations, numbered from the sales order sequence."""
        orders = self.env["sale.order"].create(
            [{"partner_id": self.partner.id}, {"partner_id": self.partner.id}]
        )
        self.assertEqual(orders.mapped("is_offer"), [False, False])
        self.assertFalse(any(orders.mapped("offer_number")))

    def test_offer_prefix_is_configuration(self):
        """No code depends on the offer prefix."""
        self.company._get_offer_sequence().prefix = "Q-%(y)s-"
        offer = self._create_offer()
        self.assertRegex(offer.name, r"^Q-\d\d-\d{5}$")
        order = offer._convert_to_orders()
        self.assertEqual(order.offer_number, offer.name)

    def test_offer_sequence_per_company(self):
        """Offers of another company are numbered from that company's sequence."""
        sequence_b = self.company_b._get_offer_sequence()
        self.assertEqual(sequence_b.company_id, self.company_b)
        offer_b = self.env["sale.order"].create(
            {
                "partner_id": self.partner.id,
                "company_id": self.company_b.id,
                "is_offer": True,
            }
        )
        self.assertEqual(
            offer_b.name, sequence_b.get_next_char(sequence_b.number_next_actual - 1)
        )

    def test_copy_of_offer_is_a_new_offer(self):
        """Duplicating an offer gives a new, unconverted offer."""
        offer = self._create_offer()
        offer._convert_to_orders()
        duplicate = offer.copy()
        self.assertTrue(duplicate.is_offer)
        self.assertEqual(duplicate.state, "draft")
        self.assertNotEqual(duplicate.offer_number, offer.offer_number)
        self.assertFalse(duplicate.converted_order_id)

    def test_search_by_numbers(self):
        """Offer No. and Order No. are searchable, also from the order."""
        offer = self._create_offer()
        order = offer._convert_to_orders()
        orders = self.env["sale.order"]
        self.assertEqual(orders.search([("order_number", "=", order.name)]), offer)
        self.assertEqual(
            orders.search([("offer_number", "=", offer.name)]), offer | order
        )
        found = [res[0] for res in orders.name_search(offer.name)]
        self.assertIn(order.id, found)


@tagged("post_install", "-at_install")
class TestOfferConversion(OfferCommon):
    def _line_values(self, order):
        return [
            (
                line.display_type,
                line.name,
                line.product_id,
                line.product_uom_qty,
                line.price_unit,
                line.discount,
                line.tax_id,
                line.price_subtotal,
            )
            for line in order.order_line
        ]

    def test_convert_to_separate_order(self):
        """The order is a new document, copied from the offer and confirmed."""
        offer = self._create_offer(client_order_ref="PO-4711")
        offer.action_quotation_sent()
        sequence = self.env["ir.sequence"].search(
            [("code", "=", "sale.order")], order="company_id", limit=1
        )
        expected_name = sequence.get_next_char(sequence.number_next_actual)
        action = offer.action_convert_to_order()
        order = offer.converted_order_id
        self.assertEqual(action["res_id"], order.id)
        self.assertNotEqual(order, offer)
        self.assertEqual(order.name, expected_name)
        self.assertEqual(order.state, "sale")
        self.assertFalse(order.is_offer)
        # links and numbers both ways
        self.assertEqual(order.offer_id, offer)
        self.assertEqual(order.offer_number, offer.name)
        self.assertEqual(offer.order_number, order.name)
        self.assertEqual((offer.state, offer.offer_state), ("cancel", "converted"))
        self.assertTrue(offer.locked)
        # copied header
        for fname in (
            "partner_id",
            "partner_invoice_id",
            "partner_shipping_id",
            "pricelist_id",
            "payment_term_id",
            "fiscal_position_id",
            "user_id",
            "team_id",
            "opportunity_id",
            "note",
            "client_order_ref",
            "company_id",
            "currency_id",
        ):
            self.assertEqual(order[fname], offer[fname], fname)
        self.assertEqual(order.origin, offer.name)
        # lines: sections, notes, pricelist prices, discounts, taxes
        self.assertEqual(self._line_values(order), self._line_values(offer))
        self.assertEqual(len(order.order_line), 4)
        self.assertEqual(order.order_line[1].price_unit, 180)  # 10% pricelist
        self.assertEqual(order.order_line[1].tax_id, self.tax)
        self.assertEqual(order.order_line[3].discount, 25)
        self.assertEqual(order.amount_untaxed, offer.amount_untaxed)
        self.assertEqual(order.amount_tax, offer.amount_tax)
        self.assertEqual(order.amount_total, offer.amount_total)
        self.assertAlmostEqual(order.amount_untaxed, 10 * 180 + 2 * 80 * 0.75)

    def test_confirm_on_offer_confirms_that_offer(self):
        """Odoo's contract: action_confirm() on an offer confirms that very
        record, in place, whatever the company's conversion mode: numbered as
        an order, its offer number kept, linked to itself and logged."""
        self._set_conversion_mode("separate")
        offer = self._create_offer()
        offer_name = offer.name
        count = self.env["sale.order"].search_count([])
        self.assertIs(offer.action_confirm(), True)
        self.assertEqual(self.env["sale.order"].search_count([]), count)
        self.assertEqual(offer.state, "sale")
        self.assertNotEqual(offer.name, offer_name)
        self.assertEqual(offer.offer_number, offer_name)
        self.assertEqual(offer.converted_order_id, offer)
        self.assertEqual(offer.order_number, offer.name)
        self.assertIn(offer_name, offer.message_ids[0].body)
        self.assertIn(offer_name, self.opportunity.message_ids[0].body)
        self.assertIn(offer, self.opportunity.sale_order_ids)

    def test_plain_quotation_confirms_as_usual(self):
        """A quotation that is not an offer confirms in place, as in stock Odoo."""
        order = self._create_offer(is_offer=False)
        name = order.name
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.name, name)
        self.assertFalse(order.converted_order_id)

    def test_convert_in_place(self):
        """In place, the offer is confirmed and renumbered, keeping Offer No."""
        self._set_conversion_mode("in_place")
        offer = self._create_offer()
        offer_name = offer.name
        count = self.env["sale.order"].search_count([])
        result = offer._convert_to_orders()
        self.assertEqual(result, offer)
        self.assertEqual(self.env["sale.order"].search_count([]), count)
        self.assertEqual(offer.state, "sale")
        self.assertNotEqual(offer.name, offer_name)
        self.assertEqual(offer.offer_number, offer_name)
        self.assertEqual(offer.order_number, offer.name)
        self.assertEqual(offer.converted_order_id, offer)
        self.assertTrue(offer.is_offer)
        # cancelled and set back to quotation: converts again, no renumbering
        name = offer.name
        offer._action_cancel()
        offer.action_draft()
        offer.action_confirm()
        self.assertEqual((offer.state, offer.name), ("sale", name))

    def test_convert_many_offers(self):
        """One call converts many offers, each into its own order."""
        offers = self._create_offer() | self._create_offer() | self._create_offer()
        action = offers.action_convert_to_order()
        orders = offers.converted_order_id
        self.assertEqual(len(orders), 3)
        self.assertEqual(set(orders.mapped("state")), {"sale"})
        self.assertEqual(orders.offer_id, offers)
        self.assertEqual(action["domain"], [("id", "in", orders.ids)])

    def test_convert_twice_refused(self):
        """An offer converts at most once."""
        offer = self._create_offer()
        offer._convert_to_orders()
        count = self.env["sale.order"].search_count([])
        with self.assertRaisesRegex(UserError, "already converted"):
            offer.action_convert_to_order()
        self.assertEqual(self.env["sale.order"].search_count([]), count)

    def test_refused_conversions_write_nothing(self):
        """Cancelled, expired, not-an-offer, incomplete: refused, nothing written."""
        cancelled = self._create_offer()
        cancelled._action_cancel()
        expired = self._create_offer(
            validity_date=fields.Date.today() - timedelta(days=1)
        )
        plain = self._create_offer(is_offer=False)
        incomplete = self._create_offer()
        incomplete.order_line = [
            Command.create({"name": "No product", "product_uom_qty": 1})
        ]
        good = self._create_offer()
        sequence = self.env["ir.sequence"].search(
            [("code", "=", "sale.order")], order="company_id", limit=1
        )
        next_number = sequence.number_next_actual
        count = self.env["sale.order"].search_count([])
        for offer, message in (
            (cancelled, "cancelled"),
            (expired, "expired"),
            (plain, "not an offer"),
            (incomplete, "missing a product"),
        ):
            with self.assertRaisesRegex(UserError, message):
                (good | offer).action_convert_to_order()
        self.assertEqual(self.env["sale.order"].search_count([]), count)
        self.assertEqual(good.state, "draft")
        self.assertFalse(good.converted_order_id)
        self.assertEqual(sequence.number_next_actual, next_number)

    def test_converted_offer_is_read_only(self):
        """A converted offer cannot be changed, unlocked, cancelled or deleted."""
        offer = self._create_offer()
        order = offer._convert_to_orders()
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            offer.partner_id = self.env["res.partner"].create({"name": "Other"})
        with self.assertRaises(UserError):
            offer.order_line[1].product_uom_qty = 99
        with self.assertRaisesRegex(UserError, "stays locked"):
            offer.action_unlock()
        with self.assertRaisesRegex(UserError, "cannot be cancelled"):
            offer.action_cancel()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            offer.unlink()
        order._action_cancel()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            order.unlink()
        # the chatter still works on a converted offer
        offer.message_post(body="Customer called back")

    def test_conversion_logged_everywhere(self):
        """The lead, the offer and the order each log both numbers."""
        offer = self._create_offer()
        order = offer._convert_to_orders()
        for record in (offer, order, self.opportunity):
            bodies = " ".join(record.message_ids.mapped("body"))
            self.assertIn(offer.name, bodies, record)
            self.assertIn(order.name, bodies, record)

    def test_cancelling_order_is_logged_and_reopens_nothing(self):
        """Cancelling the order logs on order, offer and lead; offer stays converted."""
        offer = self._create_offer()
        order = offer._convert_to_orders()
        order._action_cancel()
        self.assertEqual(order.state, "cancel")
        self.assertEqual((offer.state, offer.offer_state), ("cancel", "converted"))
        for record in (offer, order, self.opportunity):
            self.assertIn("was cancelled", record.message_ids[0].body, record._name)

    def test_multi_company_conversion(self):
        """An offer converts inside its own company."""
        self.partner.company_id = False
        offer_b = self.env["sale.order"].create(
            {
                "partner_id": self.partner.id,
                "company_id": self.company_b.id,
                "is_offer": True,
                "order_line": [Command.create({"product_id": self.service.id})],
            }
        )
        self._set_conversion_mode("in_place")  # company A's mode only
        order_b = offer_b._convert_to_orders()
        self.assertNotEqual(order_b, offer_b)
        self.assertEqual(order_b.company_id, self.company_b)

    def test_query_count_of_a_conversion(self):
        """One conversion costs the same number of queries whatever the
        number of lines of the offer (the order and its lines are created
        in one go)."""
        self.assertFlatQueryCount(
            lambda lines: self._sent_quotation(lines).action_convert_to_order,
            sizes=(2, 20),
        )


@tagged("post_install", "-at_install")
class TestOfferConfirmQueries(OfferCommon):
    def test_query_count_of_stock_confirm(self):
        """Reference: the stock confirmation of a (non-offer) quotation costs
        the same number of queries whatever its number of lines too."""
        self.assertFlatQueryCount(
            lambda lines: self._sent_quotation(lines, is_offer=False).action_confirm,
            sizes=(2, 20),
        )

    def test_confirm_in_place_costs_at_most_twice_stock(self):
        """Confirming a 4-line offer in place (the portal's signature and
        payment path: renumbered, linked, logged) costs at most twice the
        queries of the stock confirmation of the same quotation that is no
        offer, both measured in this run with the caches emptied."""
        self._count_queries(self._sent_quotation(4, is_offer=False).action_confirm)
        stock = self._count_queries(
            self._sent_quotation(4, is_offer=False).action_confirm
        )
        offer = self._count_queries(self._sent_quotation(4).action_confirm)
        self.assertLessEqual(offer, 2 * stock, f"offer {offer}, stock {stock}")


@tagged("post_install", "-at_install")
class TestOfferLeadIntegration(OfferCommon):
    def test_lead_counters_count_once(self):
        """The lead counts a converted offer and its order once, as an order."""
        offer = self._create_offer()
        other = self._create_offer()
        order = offer._convert_to_orders()
        lead = self.opportunity
        lead.invalidate_recordset()
        self.assertEqual(lead.quotation_count, 1)
        self.assertEqual(lead.sale_order_count, 1)
        self.assertEqual(lead.sale_amount_total, order.amount_untaxed)
        self.assertEqual(lead.offer_ids, offer | other)
        self.assertEqual(lead.sale_order_ids, order)
        action = lead.action_view_sale_quotation()
        self.assertIn(
            offer, self.env["sale.order"].search(action["domain"]), "still reachable"
        )

    def test_sale_report_counts_once(self):
        """Sales analysis shows the order, not the converted offer."""
        offer = self._create_offer()
        order = offer._convert_to_orders()
        self.env.flush_all()
        report = self.env["sale.report"].search(
            [("name", "in", [offer.name, order.name])]
        )
        self.assertEqual(set(report.mapped("name")), {order.name})
        self.assertAlmostEqual(
            sum(report.mapped("price_subtotal")), order.amount_untaxed
        )

    def test_in_place_counts_once(self):
        """In place, the one document counts once, as an order."""
        self._set_conversion_mode("in_place")
        offer = self._create_offer()
        offer._convert_to_orders()
        self.opportunity.invalidate_recordset()
        self.assertEqual(self.opportunity.sale_order_count, 1)
        self.assertEqual(self.opportunity.quotation_count, 0)
        self.assertEqual(self.opportunity.sale_order_ids, offer)
        self.assertEqual(self.opportunity.offer_ids, offer)

    def test_new_offer_prefilled_from_lead(self):
        """New Offer opens a quotation form pre-filled from the opportunity."""
        action = self.opportunity.action_sale_quotations_new()
        context = action["context"]
        self.assertEqual(context["default_opportunity_id"], self.opportunity.id)
        self.assertEqual(context["default_partner_id"], self.partner.id)
        offer = (
            self.env["sale.order"]
            .with_context(**context)
            .create({"order_line": [Command.create({"product_id": self.service.id})]})
        )
        self.assertTrue(offer.is_offer)
        self.assertEqual(offer.opportunity_id, self.opportunity)
        self.assertEqual(offer.user_id, self.salesman)
        # without a customer, Odoo asks for one first (stock behaviour)
        lead = self._create_leads(1)
        action = lead.action_sale_quotations_new()
        self.assertEqual(action["res_model"], "crm.quotation.partner")

    def test_cancel_open_offers(self):
        """Cancel Open Offers cancels draft and sent offers, not orders, and
        says how many it cancelled."""
        draft = self._create_offer()
        sent = self._create_offer()
        sent.action_quotation_sent()
        converted = self._create_offer()
        order = converted._convert_to_orders()
        action = self.opportunity.action_cancel_open_offers()
        self.assertEqual(action["params"]["message"], "Offers cancelled: 2.")
        self.assertEqual((draft.state, sent.state), ("cancel", "cancel"))
        self.assertEqual(
            (converted.state, converted.offer_state, order.state),
            ("cancel", "converted", "sale"),
        )
        self.assertIn(draft.name, self.opportunity.message_ids[0].body)
        with self.assertRaisesRegex(UserError, "no open offer"):
            self.opportunity.action_cancel_open_offers()


@tagged("post_install", "-at_install")
class TestOfferAccess(OfferCommon):
    def test_salesman_converts_own_offer(self):
        """A salesman (own documents) converts his offer into an order."""
        offer = self._create_offer().with_user(self.salesman)
        offer.action_convert_to_order()
        self.assertEqual((offer.state, offer.offer_state), ("cancel", "converted"))
        self.assertEqual(offer.converted_order_id.user_id, self.salesman)

    def test_salesman_cannot_convert_others_offer(self):
        """A salesman cannot read nor convert another salesman's offer."""
        offer = self._create_offer(user_id=self.manager.id)
        with self.assertRaises(AccessError):
            offer.with_user(self.salesman).action_convert_to_order()
        self.assertEqual(offer.state, "draft")

    def test_manager_converts_any_offer(self):
        """A sales manager converts the offers of his team."""
        offer = self._create_offer()
        offer.with_user(self.manager).action_convert_to_order()
        self.assertEqual((offer.state, offer.offer_state), ("cancel", "converted"))
