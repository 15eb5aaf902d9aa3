# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import xmlrpc.client
from datetime import date, timedelta

from odoo.tests import HttpCase, tagged

from odoo.addons.lead_management.tests.common import new_sales_user


@tagged("post_install", "-at_install")
class TestLeadProcessRpc(HttpCase):
    """The lead process as an integrator runs it over XML-RPC: qualify, the
    outcome of the contact activity, the transfer; and its errors."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_sales_user(
            cls.env, "lm_rpc_process", password="lm_rpc_process"
        )
        cls.team = cls.env["crm.team"].create({"name": "RPC process team"})

    def _execute(self, model, method, *args, **kwargs):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname,
            self.salesman.id,
            "lm_rpc_process",
            model,
            method,
            list(args),
            kwargs,
        )

    def _create_lead(self, **values):
        return self._execute(
            "crm.lead",
            "create",
            {
                "name": "RPC process lead",
                "type": "lead",
                "partner_name": "RPC Company",
                "contact_name": "Rita Rpc",
                "email_from": "rita@rpc.example.com",
                "user_id": self.salesman.id,
                **values,
            },
        )

    def test_qualify_outcome_transfer(self):
        lead_id = self._create_lead()
        self._execute("crm.lead", "action_qualify", [lead_id])
        [lead] = self._execute(
            "crm.lead", "read", [lead_id], ["process_stage", "activity_ids"]
        )
        self.assertEqual(lead["process_stage"], "transfer")
        outcome = self.env.ref("lead_management_process.mail_activity_outcome_transfer")
        action = self._execute(
            "mail.activity",
            "action_done_with_outcome",
            lead["activity_ids"][:1],
            outcome.id,
            feedback="Agreed on a meeting",
        )
        self.assertEqual(action["res_model"], "crm.lead.transfer")
        decision = (date.today() + timedelta(days=20)).isoformat()
        wizard_id = self._execute(
            "crm.lead.transfer",
            "create",
            {
                "lead_id": lead_id,
                "budget": 8000,
                "team_id": self.team.id,
                "meeting_start": "2031-05-06 08:00:00",
                "decision_date": decision,
                "comment": "Budget confirmed by the CFO",
            },
        )
        self._execute("crm.lead.transfer", "action_transfer", [wizard_id])
        [lead] = self._execute(
            "crm.lead",
            "read",
            [lead_id],
            ["type", "process_stage", "expected_revenue", "date_deadline"],
        )
        self.assertEqual(lead["type"], "opportunity")
        self.assertEqual(lead["process_stage"], "waiting")
        self.assertEqual(lead["expected_revenue"], 8000)
        self.assertEqual(lead["date_deadline"], decision)
        meetings = self._execute(
            "calendar.event",
            "search_read",
            [("opportunity_id", "=", lead_id)],
            fields=["start", "partner_ids"],
        )
        self.assertEqual(len(meetings), 1)
        self.assertEqual(meetings[0]["start"], "2031-05-06 08:00:00")

    def test_errors(self):
        lead_id = self._create_lead(email_from=False, phone=False)
        with self.assertRaisesRegex(xmlrpc.client.Fault, "a phone number"):
            self._execute("crm.lead", "action_qualify", [lead_id])
        past = (date.today() - timedelta(days=1)).isoformat()
        wizard_id = self._execute(
            "crm.lead.transfer",
            "create",
            {"lead_id": lead_id, "team_id": self.team.id, "decision_date": past},
        )
        with self.assertRaisesRegex(xmlrpc.client.Fault, "in the past"):
            self._execute("crm.lead.transfer", "action_transfer", [wizard_id])
        reason = self.env["crm.lost.reason"].create(
            {"name": "RPC spam", "is_disqualification": True}
        )
        self._execute(
            "crm.lead", "action_disqualify", [lead_id], lost_reason_id=reason.id
        )
        [lead] = self._execute(
            "crm.lead",
            "read",
            [lead_id],
            ["process_stage", "lost_reason_id"],
            context={"active_test": False},
        )
        self.assertEqual(lead["process_stage"], "disqualified")
        self.assertEqual(lead["lost_reason_id"][0], reason.id)
