# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Run on a database with lead_management alone (SPEC §0): nothing of the
campaigns and company profile add-on (lead_management_campaign) is there."""

from lxml import etree

from odoo.tests import TransactionCase, tagged

CAMPAIGN_FIELDS = [
    "date_start",
    "date_end",
    "objective",
    "target_segment",
    "can_edit_plan",
    "estimated_cost",
    "estimated_revenue",
    "actual_cost",
    "revenue_accepted",
    "revenue_invoiced",
    "lead_count",
    "opportunity_count",
    "won_count",
    "cost_per_lead",
    "roi",
]
PROFILE_FIELDS = ["competitor_ids", "turnover", "employee_count"]
# xml ids the add-on took from lead_management: none is left in core
MOVED_XMLIDS = [
    "utm_campaign_view_form",
    "utm_campaign_view_list",
    "utm_campaign_view_kanban",
    "account_move_view_form",
    "res_partner_view_search",
    "utm_campaign_menu",
    "utm_campaign_analysis_menu",
    "utm_campaign_analysis_action",
    "action_report_utm_campaign",
    "action_report_utm_campaign_html",
    "report_utm_campaign",
    "utm_campaign_analysis_rule_company",
    "access_utm_campaign_analysis_manager",
]


@tagged("post_install", "-at_install")
class TestWithoutLeadManagementCampaign(TransactionCase):
    def test_add_on_not_installed(self):
        """The database of this test has the core add-on, not this one."""
        modules = self.env["ir.module.module"].search(
            [("name", "in", ["lead_management", "lead_management_campaign"])]
        )
        states = dict(modules.mapped(lambda module: (module.name, module.state)))
        self.assertEqual(states.get("lead_management"), "installed")
        self.assertNotEqual(states.get("lead_management_campaign"), "installed")

    def test_no_models(self):
        """No campaign analysis, no campaign report."""
        for model in (
            "utm.campaign.analysis",
            "report.lead_management.report_utm_campaign",
            "report.lead_management_campaign.report_utm_campaign",
        ):
            self.assertNotIn(model, self.env)

    def test_no_fields(self):
        """Campaigns carry no plan nor figures, leads and partners no company
        profile (the partner's industry is base's own field)."""
        absent = {
            "utm.campaign": CAMPAIGN_FIELDS,
            "crm.lead": [*PROFILE_FIELDS, "industry_id"],
            "res.partner": PROFILE_FIELDS,
        }
        for model, names in absent.items():
            for name in names:
                with self.subTest(model=model, field=name):
                    self.assertNotIn(name, self.env[model]._fields)

    def test_no_records(self):
        """No view, menu, action, report, rule or access row of campaigns or
        of the company profile is left in the core add-on."""
        data = self.env["ir.model.data"].search(
            [
                ("module", "in", ["lead_management", "lead_management_campaign"]),
                ("name", "in", MOVED_XMLIDS),
            ]
        )
        self.assertFalse(data.mapped("complete_name"))
        self.assertFalse(
            self.env["ir.actions.report"].search(
                [("model", "=", "utm.campaign"), ("report_name", "like", "lead_%")]
            )
        )

    def test_stock_views(self):
        """The campaign form, the lead form and search and the partner form
        are stock as far as campaigns and the company profile go."""
        checks = [
            ("utm.campaign", "form", "//page[@name='marketing_figures']"),
            ("crm.lead", "form", "//page[@name='company_profile']"),
            ("crm.lead", "search", "//filter[@name='group_by_industry']"),
            ("res.partner", "form", "//group[@name='company_profile']"),
            ("res.partner", "search", "//field[@name='competitor_ids']"),
        ]
        for model, view_type, xpath in checks:
            with self.subTest(model=model, view_type=view_type):
                arch = self.env[model].get_view(view_type=view_type)["arch"]
                self.assertFalse(etree.fromstring(arch).xpath(xpath))
