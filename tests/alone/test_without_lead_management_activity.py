# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Run on a database with lead_management alone (SPEC §0): nothing of the
CRM activities add-on (lead_management_activity) is there."""

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestWithoutLeadManagementActivity(TransactionCase):
    def test_add_on_not_installed(self):
        """The database of this test has the core add-on, not this one."""
        modules = self.env["ir.module.module"].search(
            [("name", "in", ["lead_management", "lead_management_activity"])]
        )
        states = dict(modules.mapped(lambda module: (module.name, module.state)))
        self.assertEqual(states.get("lead_management"), "installed")
        self.assertNotEqual(states.get("lead_management_activity"), "installed")

    def test_no_models(self):
        """No activity category, no activity analysis."""
        for model in ("crm.activity.category", "crm.activity.analysis"):
            self.assertNotIn(model, self.env)

    def test_no_fields(self):
        """Activities, meetings, leads, partners and the Mark Done dialog
        are stock (as far as this add-on goes)."""
        absent = {
            "mail.activity": [
                "priority",
                "category_id",
                "customer_id",
                "contact_ids",
                "time_spent",
                "timer_start",
            ],
            "calendar.event": [
                "category_id",
                "expected_cost",
                "expected_cost_currency_id",
                "actual_cost",
                "actual_cost_currency_id",
                "meeting_customer_id",
                "cost_company_id",
                "expected_cost_company",
                "actual_cost_company",
            ],
            "crm.lead": ["meeting_expected_cost", "meeting_actual_cost"],
            "res.partner": ["crm_activity_count"],
            "mail.activity.done.wizard": [
                "follow_up",
                "follow_up_count",
                "follow_up_unit",
                "follow_up_date",
            ],
        }
        for model, names in absent.items():
            if model not in self.env:
                continue
            for name in names:
                self.assertNotIn(name, self.env[model]._fields, f"{model}.{name}")
        for method in ("action_timer_start", "action_done_follow_up"):
            self.assertFalse(hasattr(self.env["mail.activity"], method), method)

    def test_no_records(self):
        """No menu, action, view, access row, rule or data of this add-on,
        under its name or under the core's."""
        names = [
            "crm_activity_menu",
            "crm_activity_category_menu",
            "crm_activity_analysis_menu",
            "crm_activity_action",
            "crm_activity_category_action",
            "crm_activity_analysis_action",
            "crm_activity_view_list",
            "crm_activity_view_search",
            "crm_activity_category_view_list",
            "crm_activity_analysis_view_pivot",
            "mail_activity_view_form_popup",
            "calendar_event_view_form",
            "crm_lead_view_form_meeting_costs",
            "res_partner_view_form_activity",
            "mail_activity_done_wizard_view_form_follow_up",
            "crm_activity_category_negotiation",
            "access_crm_activity_category_user",
            "crm_activity_analysis_rule_personal",
        ]
        found = self.env["ir.model.data"].search(
            [
                ("module", "in", ["lead_management", "lead_management_activity"]),
                ("name", "in", names),
            ]
        )
        self.assertFalse(found.mapped("complete_name"))

    def test_views_do_not_show_activity_fields(self):
        """The core's views of leads and partners name no field of this
        add-on."""
        lead_arch = self.env["crm.lead"].get_view(
            self.env.ref("crm.crm_lead_view_form").id, "form"
        )["arch"]
        partner_arch = self.env["res.partner"].get_view(
            self.env.ref("base.view_partner_form").id, "form"
        )["arch"]
        for name in ("meeting_expected_cost", "meeting_actual_cost"):
            self.assertNotIn(name, lead_arch)
        self.assertNotIn("crm_activity_count", partner_arch)
