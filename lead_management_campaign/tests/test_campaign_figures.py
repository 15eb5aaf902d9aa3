# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.lead_management.tests.common import new_sales_user

from .common import FIGURES, CampaignCommon


@tagged("post_install", "-at_install")
class TestCampaignFigures(CampaignCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # invoices and bills in both companies
        for company in cls.company | cls.company_b:
            if not company.chart_template:
                cls.env["account.chart.template"].try_loading(
                    "generic_coa", company=company, install_demo=False
                )

    def test_actual_cost_bills_less_refunds(self):
        """Actual costs: the untaxed amounts of posted vendor bills less the
        vendor refunds of the campaign; drafts, cancelled bills, customer
        documents and bills of another campaign do not count."""
        other = self.env["utm.campaign"].create({"title": "Test Other"})
        self._create_move("in_invoice", 1000)
        self._create_move("in_invoice", 500)
        self._create_move("in_refund", 200)
        self._create_move("in_invoice", 700, post=False)
        self._create_move("in_invoice", 900).button_cancel()
        self._create_move("in_invoice", 300, campaign=other)
        self.assertEqual(self.campaign.actual_cost, 1300)
        self.assertEqual(other.actual_cost, 300)

    def test_campaign_on_vendor_bill(self):
        """The campaign is set on a vendor bill in its form ("add to campaign
        costs"); reversing the bill keeps the campaign, and the refund takes
        the cost back."""
        with Form(
            self.env["account.move"].with_context(default_move_type="in_invoice")
        ) as bill_form:
            bill_form.partner_id = self.vendor
            bill_form.invoice_date = date(2026, 3, 1)
            bill_form.campaign_id = self.campaign
            with bill_form.invoice_line_ids.new() as line:
                line.name = "Stand"
                line.price_unit = 800
                line.tax_ids.clear()
        bill = bill_form.record
        bill.action_post()
        self.assertEqual(self._figures()["actual_cost"], 800)
        refund = bill._reverse_moves(
            [{"invoice_date": date(2026, 3, 2), "date": date(2026, 3, 2)}],
            cancel=True,
        )
        self.assertEqual(refund.campaign_id, self.campaign)
        self.assertEqual(self._figures()["actual_cost"], 0)

    def test_revenue_invoiced_invoices_less_credit_notes(self):
        """Revenue invoiced: untaxed posted customer invoices less credit
        notes; drafts and cancelled invoices do not count."""
        self._create_move("out_invoice", 2000)
        self._create_move("out_refund", 500)
        self._create_move("out_invoice", 800, post=False)
        self._create_move("out_invoice", 600).button_cancel()
        self.assertEqual(self.campaign.revenue_invoiced, 1500)

    def test_other_currencies_at_document_date(self):
        """Bills and invoices in another currency count in the company
        currency at the rate of their date (2 in March, 4 in July)."""
        self._create_move("in_invoice", 1000, currency_id=self.foreign.id)
        self._create_move(
            "out_invoice",
            4000,
            currency_id=self.foreign.id,
            invoice_date=date(2026, 7, 1),
        )
        figures = self._figures()
        self.assertAlmostEqual(figures["actual_cost"], 500, places=2)
        self.assertAlmostEqual(figures["revenue_invoiced"], 1000, places=2)

    def test_revenue_accepted_confirmed_orders(self):
        """Revenue accepted: untaxed confirmed orders of the campaign, in the
        company currency at the order date; quotations and cancelled orders
        do not count."""
        self._create_order(1000)
        self._create_order(300, confirm=False)
        cancelled = self._create_order(400)
        cancelled._action_cancel()
        foreign_pricelist = self.env["product.pricelist"].create(
            {"name": "Test foreign", "currency_id": self.foreign.id}
        )
        foreign_order = self._create_order(
            800, pricelist_id=foreign_pricelist.id, confirm=False
        )
        foreign_order.action_confirm()
        # confirmed today: the rate of June (4) applies
        self.assertEqual(foreign_order.currency_rate, 4)
        self.assertAlmostEqual(self.campaign.revenue_accepted, 1200, places=2)

    def test_converted_offer_counted_once(self):
        """An offer converted into a separate order counts once, as its
        order; an offer confirmed in place counts as the order it became."""
        self._set_conversion_mode("separate")
        offer = self._create_offer(campaign_id=self.campaign.id)
        offer.action_convert_to_order()
        order = offer.converted_order_id
        self.assertEqual((offer.state, offer.offer_state), ("cancel", "converted"))
        self.assertEqual(order.campaign_id, self.campaign)
        self.assertEqual(self.campaign.revenue_accepted, order.amount_untaxed)
        in_place = self._create_offer(campaign_id=self.campaign.id)
        in_place.action_confirm()
        self.assertAlmostEqual(
            self._figures()["revenue_accepted"],
            order.amount_untaxed + in_place.amount_untaxed,
            places=2,
        )

    def test_lead_counts_and_ratios(self):
        """Leads and opportunities (archived and lost included),
        opportunities, won opportunities; cost per lead and ROI from the
        actual costs."""
        won_stage = self.env["crm.stage"].create({"name": "Test Won", "is_won": True})
        leads = self._create_leads(4, type="lead", campaign_id=self.campaign.id)
        leads[0].action_archive()
        opportunities = self._create_leads(3, campaign_id=self.campaign.id)
        opportunities[0].stage_id = won_stage
        opportunities[1].action_set_lost()
        self._create_move("in_invoice", 1000)
        self._create_move("out_invoice", 2500)
        figures = self._figures()
        self.assertEqual(figures["lead_count"], 7)  # 4 leads + 3 opportunities
        self.assertEqual(figures["opportunity_count"], 3)
        self.assertEqual(figures["won_count"], 1)
        self.assertAlmostEqual(figures["cost_per_lead"], 1000 / 7, places=2)
        self.assertAlmostEqual(figures["roi"], 1.5)

    def test_no_cost_no_roi(self):
        """Without costs the ROI and the cost per lead are 0 (no division by
        zero), whatever the revenue."""
        self._create_move("out_invoice", 2500)
        figures = self._figures()
        self.assertEqual(figures["roi"], 0)
        self.assertEqual(figures["cost_per_lead"], 0)
        self.assertEqual(figures["revenue_invoiced"], 2500)

    def test_only_allowed_companies(self):
        """Documents of companies the user has not selected do not count;
        selected, they count in the current company's currency."""
        self._create_order(1000)
        self._create_order(500, company_id=self.company_b.id)
        self._create_move("in_invoice", 100)
        self._create_move(
            "in_invoice",
            40,
            company_id=self.company_b.id,
            journal_id=self.env["account.journal"]
            .search(
                [("company_id", "=", self.company_b.id), ("type", "=", "purchase")],
                limit=1,
            )
            .id,
        )
        self._create_leads(2, type="lead", campaign_id=self.campaign.id)
        self._create_leads(
            1, type="lead", campaign_id=self.campaign.id, company_id=self.company_b.id
        )
        only_a = self._figures(allowed_company_ids=self.company.ids)
        self.assertEqual(only_a["revenue_accepted"], 1000)
        self.assertEqual(only_a["actual_cost"], 100)
        self.assertEqual(only_a["lead_count"], 2)
        both = self._figures(allowed_company_ids=(self.company | self.company_b).ids)
        self.assertEqual(both["lead_count"], 3)
        if self.company_b.currency_id == self.company.currency_id:
            self.assertEqual(both["revenue_accepted"], 1500)
            self.assertEqual(both["actual_cost"], 140)

    def test_figures_are_campaign_totals_for_salesmen(self):
        """A salesman sees the campaign's totals, documents of other
        salespeople included; a user who may not read invoices, orders or
        leads sees 0, no error."""
        self._create_order(1000, user_id=self.manager.id)
        self._create_move("in_invoice", 100)
        self._create_leads(2, type="lead", campaign_id=self.campaign.id)
        figures = self._figures(campaign=self.campaign.with_user(self.salesman))
        self.assertEqual(figures["revenue_accepted"], 1000)
        self.assertEqual(figures["actual_cost"], 100)
        self.assertEqual(figures["lead_count"], 2)
        employee = new_sales_user(self.env, "lm_campaign_employee", "base.group_user")
        figures = self._figures(campaign=self.campaign.with_user(employee))
        self.assertEqual(figures, dict.fromkeys(FIGURES, 0))

    def test_currency_is_current_company(self):
        """The figures' currency is the current company's."""
        self.assertEqual(self.campaign.currency_id, self.company.currency_id)
        self.assertEqual(
            self.campaign.with_company(self.company_b).currency_id,
            self.company_b.currency_id,
        )

    def test_figures_queries_flat(self):
        """Computing the figures of 8 campaigns costs the same queries as for
        2: one grouped query per kind of document, not one per campaign."""

        def prepare(size):
            campaigns = self.env["utm.campaign"].create(
                [{"title": f"Test Flat {size} {i}"} for i in range(size)]
            )
            for campaign in campaigns:
                self._create_order(100, campaign=campaign)
                self._create_move("in_invoice", 10, campaign=campaign)
                self._create_move("out_invoice", 50, campaign=campaign)
                self._create_leads(1, type="lead", campaign_id=campaign.id)
            self.env.invalidate_all()
            return lambda: campaigns.read(FIGURES)

        self.assertFlatQueryCount(prepare, sizes=(2, 8))


@tagged("post_install", "-at_install")
class TestCampaignPlan(CampaignCommon):
    def test_end_before_start(self):
        """A campaign cannot end before it starts."""
        with self.assertRaises(ValidationError):
            self.campaign.write(
                {"date_start": date(2026, 5, 1), "date_end": date(2026, 4, 30)}
            )
        self.campaign.write(
            {"date_start": date(2026, 5, 1), "date_end": date(2026, 5, 1)}
        )

    def test_negative_estimates(self):
        """Estimated costs and revenue cannot be negative."""
        with self.assertRaises(ValidationError):
            self.campaign.estimated_cost = -1
        with self.assertRaises(ValidationError):
            self.campaign.estimated_revenue = -1
        self.campaign.write({"estimated_cost": 0, "estimated_revenue": 10})

    def test_plan_by_sales_managers(self):
        """Sales managers plan campaigns; salesmen read them, and still
        create and rename campaigns as utm lets every user."""
        self.campaign.with_user(self.manager).write(
            {"estimated_cost": 5000, "target_segment": "Hotels"}
        )
        as_salesman = self.campaign.with_user(self.salesman)
        self.assertEqual(as_salesman.estimated_cost, 5000)
        with self.assertRaises(AccessError):
            as_salesman.estimated_cost = 1
        with self.assertRaises(AccessError):
            as_salesman.create({"title": "Test Planned", "date_start": date.today()})
        as_salesman.title = "Test Renamed"
        as_salesman.create({"title": "Test Quick"})
        with Form(as_salesman) as campaign_form:
            with self.assertRaises(AssertionError):
                campaign_form.estimated_cost = 1
        with Form(self.campaign.with_user(self.manager)) as campaign_form:
            campaign_form.estimated_cost = 6000
        self.assertEqual(self.campaign.estimated_cost, 6000)
