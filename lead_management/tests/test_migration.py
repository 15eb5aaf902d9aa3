# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import importlib.util
from pathlib import Path

from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def load(version, name):
    path = MIGRATIONS / version / name
    spec = importlib.util.spec_from_file_location(path.stem.replace("-", "_"), path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestMigration(TransactionCase):
    """The 18.0.1.1.0 migration scripts, run on a database put back in the
    shape of 18.0.1.0.0 (within the test's transaction)."""

    def _model_names(self):
        self.env.cr.execute(
            "SELECT model FROM ir_model WHERE model IN %s ORDER BY model",
            [("crm.lead.report.wizard", "crm.lead.period.report.wizard")],
        )
        return [model for (model,) in self.env.cr.fetchall()]

    def _xmlid(self, name):
        return self.env["ir.model.data"].search(
            [("module", "=", "lead_management"), ("name", "=", name)]
        )

    def test_rename_period_report_wizard(self):
        """crm.lead.report.wizard becomes crm.lead.period.report.wizard: its
        table, ir.model, fields, xml ids, view and report actions."""
        script = load("18.0.1.1.0", "pre-migrate-rename-models.py")
        cr = self.env.cr
        self.env.flush_all()
        # back to 18.0.1.0.0
        script.rename_model(
            cr, "crm.lead.period.report.wizard", "crm.lead.report.wizard"
        )
        cr.execute(
            "UPDATE ir_model_data SET name = 'crm_lead_report_wizard_view_form'"
            " WHERE module = 'lead_management'"
            " AND name = 'crm_lead_period_report_wizard_view_form'"
        )
        self.assertEqual(self._model_names(), ["crm.lead.report.wizard"])
        self.assertTrue(self._xmlid("field_crm_lead_report_wizard__report_kind"))

        script.migrate(cr, "18.0.1.0.0")

        self.assertEqual(self._model_names(), ["crm.lead.period.report.wizard"])
        cr.execute(SQL("SELECT to_regclass('crm_lead_period_report_wizard')"))
        self.assertTrue(cr.fetchone()[0])
        self.assertEqual(
            self._xmlid("model_crm_lead_period_report_wizard").res_id,
            self.env["ir.model"]._get_id("crm.lead.period.report.wizard"),
        )
        self.assertTrue(self._xmlid("field_crm_lead_period_report_wizard__report_kind"))
        self.assertTrue(self._xmlid("crm_lead_period_report_wizard_view_form"))
        self.assertFalse(self._xmlid("field_crm_lead_report_wizard__report_kind"))
        cr.execute(
            "SELECT DISTINCT model FROM ir_act_report_xml"
            " WHERE report_name LIKE 'lead_management.report_crm_lead_%%ly'"
        )
        self.assertEqual(cr.fetchall(), [("crm.lead.period.report.wizard",)])
        self.env.invalidate_all()
        self.env.registry.clear_cache()

    def test_sequences_become_data_of_the_add_on(self):
        """Sequences created before 18.0.1.1.0 (the main company's from a
        data file, the others' without xml id) get the xml id of a sequence
        created by the add-on, so that uninstalling removes them."""
        script = load("18.0.1.1.0", "pre-migrate-sequence-xmlids.py")
        company = self.env["res.company"].create({"name": "Old company"})
        sequences = self.env["ir.sequence"].search(
            [("code", "in", script.CODES), ("company_id", "=", company.id)]
        )
        self.assertEqual(len(sequences), 2)
        data = self.env["ir.model.data"].search(
            [("model", "=", "ir.sequence"), ("res_id", "in", sequences.ids)]
        )
        # as in 18.0.1.0.0: no xml id
        data.unlink()

        script.migrate(self.env.cr, "18.0.1.0.0")

        data = self.env["ir.model.data"].search(
            [("model", "=", "ir.sequence"), ("res_id", "in", sequences.ids)]
        )
        self.assertEqual(
            sorted(data.mapped("complete_name")),
            sorted(
                f"lead_management.ir_sequence_{code.replace('.', '_')}"
                f"_company_{company.id}"
                for code in script.CODES
            ),
        )
