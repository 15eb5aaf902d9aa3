# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Run on a database with lead_management alone (SPEC §0): nothing of the
lead qualification process (lead_management_process) is there."""

from odoo.tests import TransactionCase, tagged

PROCESS_MODELS = (
    "crm.lead.maturity",
    "crm.lead.process.history",
    "mail.activity.outcome",
    "crm.lead.distribute",
    "crm.lead.transfer",
    "crm.lead.funnel.report",
)

# records of the process, by the name they had in the core add-on
PROCESS_XMLIDS = [
    "crm_lead_maturity_menu",
    "crm_lead_funnel_report_menu",
    "crm_lead_conversion_report_menu",
    "crm_lead_funnel_report_action",
    "crm_lead_conversion_report_action",
    "crm_lead_maturity_action",
    "crm_lead_distribute_action",
    "crm_lead_transfer_action",
    "crm_lead_action_qualify",
    "mail_activity_type_distribute",
    "mail_activity_type_contact_customer",
    "mail_activity_done_wizard_view_form_outcome",
    "crm_lead_view_form_process",
]


@tagged("post_install", "-at_install")
class TestWithoutLeadManagementProcess(TransactionCase):
    def test_add_on_not_installed(self):
        """The database of this test has the core add-on, not this one."""
        modules = self.env["ir.module.module"].search(
            [("name", "in", ["lead_management", "lead_management_process"])]
        )
        states = dict(modules.mapped(lambda module: (module.name, module.state)))
        self.assertEqual(states.get("lead_management"), "installed")
        self.assertNotEqual(states.get("lead_management_process"), "installed")

    def test_no_models(self):
        """No maturity, stage history, outcome, process wizards or funnel."""
        for model in PROCESS_MODELS:
            self.assertNotIn(model, self.env)

    def test_no_fields(self):
        """Leads, activities, activity types and the Mark Done dialog are
        stock (as far as this add-on goes)."""
        absent = {
            "crm.lead": [
                "process_stage",
                "process_stage_date",
                "need_maturity_id",
                "process_history_ids",
            ],
            "mail.activity": ["has_outcomes"],
            "mail.activity.type": ["outcome_ids"],
            "mail.activity.done.wizard": [
                "has_outcomes",
                "outcome_id",
                "next_activity_type_id",
                "next_date_deadline",
            ],
        }
        for model, fields in absent.items():
            for field in fields:
                self.assertNotIn(field, self.env[model]._fields, f"{model}.{field}")
        # the shared dialog's extension point stays, unset
        self.assertIn("next_by_type", self.env["mail.activity.done.wizard"]._fields)

    def test_no_methods(self):
        """No process actions on leads, no outcome on activities."""
        for method in (
            "action_qualify",
            "action_disqualify",
            "action_distribute",
            "action_open_distribute",
            "action_open_transfer",
        ):
            self.assertFalse(hasattr(self.env["crm.lead"], method), method)
        self.assertFalse(hasattr(self.env["mail.activity"], "action_done_with_outcome"))

    def test_no_records(self):
        """No process record of any kind keeps an xml id, in either module."""
        data = self.env["ir.model.data"].search(
            [
                ("module", "in", ["lead_management", "lead_management_process"]),
                "|",
                "|",
                "|",
                ("model", "in", list(PROCESS_MODELS)),
                ("name", "in", ["crm_lead_action_qualify"]),
                ("name", "=like", "crm_lead_funnel_report%"),
                ("name", "in", PROCESS_XMLIDS),
            ]
        )
        self.assertFalse(data, data.mapped("complete_name"))

    def test_no_views_menus_or_activity_types(self):
        """No view shows a process field; the menus and the process's
        activity types are not there."""
        views = self.env["ir.ui.view"].search(
            [("model", "in", ["crm.lead", "mail.activity.type"])]
        )
        for view in views:
            for field in ("process_stage", "need_maturity_id", "outcome_ids"):
                self.assertNotIn(field, view.arch_db or "", view.xml_id)
        for name in PROCESS_XMLIDS:
            self.assertFalse(
                self.env.ref(f"lead_management.{name}", raise_if_not_found=False),
                name,
            )
        types = self.env["mail.activity.type"].search(
            [("name", "=like", "Contact the customer%")]
        )
        self.assertFalse(types)
