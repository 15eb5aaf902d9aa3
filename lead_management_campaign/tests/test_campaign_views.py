# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from lxml import etree

from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import CampaignCommon


@tagged("post_install", "-at_install")
class TestCampaignViews(CampaignCommon):
    """The campaign's form and card show the figures of SPEC §10 and none of
    sale's that contradict them (issue 24 point 17)."""

    def _arch(self, xmlid, view_type):
        return etree.fromstring(
            self.env["utm.campaign"].get_view(self.env.ref(xmlid).id, view_type)["arch"]
        )

    def test_form_revenue_and_costs(self):
        """sale's *Revenues* (vendor bills counted as negative revenue) gives
        its place to *Revenue Invoiced* and *Actual Costs*, each opening its
        documents."""
        form = self._arch("utm.utm_campaign_view_form", "form")
        (box,) = form.xpath("//div[@name='button_box']")
        self.assertFalse(box.xpath(".//field[@name='invoiced_amount']"))
        self.assertFalse(box.xpath(".//button[@name='action_redirect_to_invoiced']"))
        for action, field in (
            ("action_view_revenue_invoices", "revenue_invoiced"),
            ("action_view_cost_bills", "actual_cost"),
        ):
            with self.subTest(button=action):
                (button,) = box.xpath(f".//button[@name='{action}']")
                (node,) = button.xpath(f".//field[@name='{field}']")
                self.assertEqual(node.get("widget"), "monetary")
        # sale's quotations button stays
        self.assertTrue(box.xpath(".//button[@name='action_redirect_to_quotations']"))

    def test_card_budget_in_full(self):
        """The card's budget shows the actual and estimated costs as amounts
        over a bar of their ratio, not the progressbar widget's rounded "7k /
        15k"; sale's *Revenues* badge is the revenue invoiced."""
        kanban = self._arch("utm.utm_campaign_view_kanban", "kanban")
        self.assertFalse(kanban.xpath("//field[@name='invoiced_amount']"))
        self.assertFalse(kanban.xpath("//field[@widget='progressbar']"))
        (budget,) = kanban.xpath(
            "//div[contains(@class, 'o_lead_management_campaign_cost')]"
        )
        for name in ("actual_cost", "estimated_cost"):
            with self.subTest(field=name):
                (node,) = budget.xpath(f".//field[@name='{name}'][@widget]")
                self.assertEqual(node.get("widget"), "monetary")
        (bar,) = budget.xpath(".//div[contains(@t-attf-class, 'progress-bar')]")
        self.assertIn("record.actual_cost.raw_value", bar.get("t-attf-style"))
        (badge,) = kanban.xpath("//a[@name='action_view_revenue_invoices']")
        self.assertTrue(badge.xpath(".//field[@name='revenue_invoiced']"))

    def test_actions_open_the_figures_documents(self):
        """*Revenue Invoiced* opens the posted customer invoices and credit
        notes of the campaign, *Actual Costs* its posted bills and refunds:
        the documents each figure adds up."""
        if not self.company.chart_template:
            self.env["account.chart.template"].try_loading(
                "generic_coa", company=self.company, install_demo=False
            )
        invoice = self._create_move("out_invoice", 1000)
        refund = self._create_move("out_refund", 100)
        bill = self._create_move("in_invoice", 6500)
        self._create_move("in_invoice", 50, post=False)
        self._create_move(
            "out_invoice",
            70,
            campaign=self.env["utm.campaign"].create({"title": "Test Other"}),
        )
        Move = self.env["account.move"]
        action = self.campaign.action_view_revenue_invoices()
        self.assertEqual(Move.search(action["domain"]), invoice | refund)
        action = self.campaign.action_view_cost_bills()
        self.assertEqual(Move.search(action["domain"]), bill)
        self.assertEqual(self.campaign.actual_cost, 6500)
        self.assertEqual(self.campaign.revenue_invoiced, 900)


@tagged("post_install", "-at_install")
class TestCampaignTour(HttpCase):
    """The campaign's card and form in Chromium, with 6 500 of bills against
    15 000 of estimated costs and no invoice yet."""

    def test_campaign_figures_read_right(self):
        """The card reads 6 500 / 15 000 under a bar at 43 %, no "-6 500"
        of revenue; the form shows the revenue invoiced and the actual costs,
        which open the campaign's bills."""
        company = self.env.company
        if not company.chart_template:
            self.env["account.chart.template"].try_loading(
                "generic_coa", company=company, install_demo=False
            )
        campaign = self.env["utm.campaign"].create(
            {"title": "Tour Fair", "estimated_cost": 15000}
        )
        vendor = self.env["res.partner"].create({"name": "Tour Fair Organiser"})
        bill = self.env["account.move"].create(
            {
                "move_type": "in_invoice",
                "partner_id": vendor.id,
                "invoice_date": date(2026, 3, 1),
                "campaign_id": campaign.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Stand",
                            "quantity": 1,
                            "price_unit": 6500,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        bill.action_post()
        # what the card showed before: sale's figure is net of the bills
        self.assertEqual(campaign.invoiced_amount, -6500)
        self.start_tour(
            "/odoo/action-utm.utm_campaign_action?view_type=kanban",
            "lead_management_campaign_figures",
            login="admin",
        )
