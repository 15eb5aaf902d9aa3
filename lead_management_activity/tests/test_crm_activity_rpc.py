# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import xmlrpc.client

from odoo.tests import HttpCase, tagged

from odoo.addons.lead_management.tests.common import new_sales_user


@tagged("post_install", "-at_install")
class TestCrmActivityRpc(HttpCase):
    """CRM activities over XML-RPC: contact persons, the timer, done with a
    follow-up, and their errors."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_sales_user(
            cls.env, "lm_rpc_activity", password="lm_rpc_activity"
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "RPC History Ltd", "is_company": True}
        )
        cls.contact = cls.env["res.partner"].create(
            {"name": "Rob Rpc", "parent_id": cls.customer.id}
        )
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "RPC history",
                "partner_id": cls.customer.id,
                "user_id": cls.salesman.id,
            }
        )

    def _execute(self, model, method, *args, **kwargs):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname,
            self.salesman.id,
            "lm_rpc_activity",
            model,
            method,
            list(args),
            kwargs,
        )

    def test_activity_with_follow_up(self):
        call = self.env.ref("mail.mail_activity_data_call")
        activity_id = self._execute(
            "mail.activity",
            "create",
            {
                "res_model_id": self.env["ir.model"]._get_id("crm.lead"),
                "res_id": self.lead.id,
                "activity_type_id": call.id,
                "user_id": self.salesman.id,
                "priority": "2",
                "contact_ids": [(6, 0, self.contact.ids)],
            },
        )
        self._execute("mail.activity", "action_timer_start", [activity_id])
        self._execute("mail.activity", "action_timer_pause", [activity_id])
        next_id = self._execute(
            "mail.activity",
            "action_done_follow_up",
            [activity_id],
            2,
            "weeks",
            feedback="Sent the samples",
        )
        [done] = self._execute(
            "mail.activity",
            "read",
            [activity_id],
            ["active", "time_spent"],
            context={"active_test": False},
        )
        self.assertFalse(done["active"])
        self.assertGreater(done["time_spent"], 0)
        [follow_up] = self._execute(
            "mail.activity", "read", [next_id], ["contact_ids", "priority", "res_id"]
        )
        self.assertEqual(follow_up["contact_ids"], self.contact.ids)
        self.assertEqual(follow_up["priority"], "2")
        self.assertEqual(follow_up["res_id"], self.lead.id)

    def test_errors(self):
        stranger = self.env["res.partner"].create({"name": "RPC Stranger"})
        call = self.env.ref("mail.mail_activity_data_call")
        with self.assertRaisesRegex(xmlrpc.client.Fault, "RPC Stranger"):
            self._execute(
                "mail.activity",
                "create",
                {
                    "res_model_id": self.env["ir.model"]._get_id("crm.lead"),
                    "res_id": self.lead.id,
                    "activity_type_id": call.id,
                    "contact_ids": [(6, 0, stranger.ids)],
                },
            )
        activity = self.lead.activity_schedule(
            activity_type_id=call.id, user_id=self.salesman.id
        )
        with self.assertRaisesRegex(xmlrpc.client.Fault, "hours, days or weeks"):
            self._execute(
                "mail.activity", "action_done_follow_up", [activity.id], 1, "years"
            )

    def test_done_over_rpc_is_kept(self):
        """An integrator marks a lead's To-Do (a type that does not keep
        done activities) done with ``action_feedback``:
        it stays, archived, with its feedback (SPEC §9)."""
        activity_id = self._execute(
            "mail.activity",
            "create",
            {
                "res_model_id": self.env["ir.model"]._get_id("crm.lead"),
                "res_id": self.lead.id,
                "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
                "user_id": self.salesman.id,
                "summary": "Sent by the ERP",
            },
        )
        message_id = self._execute(
            "mail.activity", "action_feedback", [activity_id], feedback="Synced"
        )
        [done] = self._execute(
            "mail.activity",
            "read",
            [activity_id],
            ["active", "date_done"],
            context={"active_test": False},
        )
        self.assertFalse(done["active"])
        self.assertTrue(done["date_done"])
        self.assertIn("Synced", self.env["mail.message"].browse(message_id).body)
