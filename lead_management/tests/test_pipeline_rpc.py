# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged
from odoo.tools import SQL

from .common import new_sales_user


@tagged("post_install", "-at_install")
class TestPipelineRpc(HttpCase):
    """Sync from partner and the mass update over XML-RPC, as an integrator
    calls them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_sales_user(
            cls.env, "lm_rpc_salesman", password="lm_rpc_salesman"
        )
        cls.lead_type = cls.env["crm.lead.type"].create({"name": "RPC type"})

    def _execute(self, model, method, *args):
        return self.xmlrpc_object.execute(
            self.env.cr.dbname,
            self.salesman.id,
            "lm_rpc_salesman",
            model,
            method,
            *args,
        )

    def test_sync_from_partner(self):
        """A salesman syncs his lead from its partner over RPC and reads the
        number of changed leads in the answer."""
        partner = self.env["res.partner"].create(
            {"name": "RPC Partner", "mobile": "+40 700 000 000"}
        )
        lead = self.env["crm.lead"].create(
            {"name": "RPC lead", "partner_id": partner.id, "user_id": self.salesman.id}
        )
        lead.flush_recordset()
        self.env.cr.execute(
            SQL("UPDATE crm_lead SET mobile = NULL WHERE id = %s", lead.id)
        )
        answer = self._execute("crm.lead", "action_sync_from_partner", [lead.id])
        self.assertIn("1 of 1", answer["params"]["message"])
        lead.invalidate_recordset()
        self.assertEqual(lead.mobile, "+40 700 000 000")

    def test_mass_update(self):
        """A salesman creates the wizard and applies it over RPC."""
        leads = self.env["crm.lead"].create(
            [
                {"name": f"RPC lead {index}", "user_id": self.salesman.id}
                for index in range(3)
            ]
        )
        wizard_id = self._execute(
            "crm.lead.mass.update.wizard",
            "create",
            {
                # the wire format: XML-RPC cannot marshal Command (an enum)
                "lead_ids": [(6, 0, leads.ids)],
                "lead_type_id": self.lead_type.id,
                "date_deadline": "2030-12-31",
            },
        )
        self._execute("crm.lead.mass.update.wizard", "action_apply", [wizard_id])
        leads.invalidate_recordset()
        self.assertEqual(leads.lead_type_id, self.lead_type)
        self.assertEqual(set(leads.mapped("date_deadline")), {leads[0].date_deadline})
        self.assertEqual(str(leads[0].date_deadline), "2030-12-31")
