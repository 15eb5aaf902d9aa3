# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import CampaignCommon


@tagged("post_install", "-at_install")
class TestCampaignReport(CampaignCommon):
    """The campaign analysis and the printable campaign report, on known
    documents: the same figures as the campaign, and the documents behind
    them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.source = cls.env["utm.source"].create({"name": "Report fair"})
        cls.bill = cls._create_move("in_invoice", 1000, source_id=cls.source.id)
        cls.refund = cls._create_move("in_refund", 200)
        cls.draft_bill = cls._create_move("in_invoice", 777, post=False)
        cls.invoice = cls._create_move("out_invoice", 3000)
        cls.order = cls._create_order(2500)
        cls.quotation = cls._create_order(999, confirm=False)
        cls.leads = cls._create_leads(3, type="lead", campaign_id=cls.campaign.id)

    def test_analysis_matches_the_campaign(self):
        [(cost, accepted, invoiced, leads)] = self.env[
            "utm.campaign.analysis"
        ]._read_group(
            [("campaign_id", "=", self.campaign.id)],
            [],
            [
                "actual_cost:sum",
                "revenue_accepted:sum",
                "revenue_invoiced:sum",
                "lead_count:sum",
            ],
        )
        self.assertEqual(cost, 800)  # 1000 - 200; the draft bill is out
        self.assertEqual(accepted, 2500)  # the quotation is out
        self.assertEqual(invoiced, 3000)
        self.assertEqual(leads, 3)
        figures = self._figures()
        self.assertEqual(
            (cost, accepted, invoiced, leads),
            (
                figures["actual_cost"],
                figures["revenue_accepted"],
                figures["revenue_invoiced"],
                figures["lead_count"],
            ),
        )
        per_source = dict(
            self.env["utm.campaign.analysis"]._read_group(
                [("campaign_id", "=", self.campaign.id), ("kind", "=", "cost")],
                ["source_id"],
                ["actual_cost:sum"],
            )
        )
        self.assertEqual(per_source[self.source], 1000)

    def test_report_lists_the_documents(self):
        self.campaign.write({"estimated_cost": 900, "estimated_revenue": 4000})
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "lead_management_campaign.action_report_utm_campaign", self.campaign.ids
            )[0]
            .decode()
        )
        self.assertIn("Test Trade Fair", html)
        for document in (self.bill, self.refund, self.invoice, self.order):
            self.assertIn(document.name, html)
        self.assertNotIn(self.quotation.name, html)
        self.assertIn("Report fair", html)
        self.assertIn("o_campaign_documents_cost", html)
        pdf, report_type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                "lead_management_campaign.action_report_utm_campaign", self.campaign.ids
            )
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_analysis_for_managers_only(self):
        analysis = self.env["utm.campaign.analysis"]
        self.assertTrue(analysis.with_user(self.manager).search([]))
        with self.assertRaises(Exception) as error:
            analysis.with_user(self.salesman).search([])
        self.assertEqual(type(error.exception).__name__, "AccessError")
