# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html2plaintext

from .common import LeadProcessCommon


class TestActivityOutcome(LeadProcessCommon):
    """Marking an activity done with an outcome: the next activity, the
    stage, the maturity, the transfer dialog; the Mark Done dialog."""

    def _in_transfer(self):
        lead = self._lead(user_id=self.salesman.id)
        lead.action_qualify()
        activity = self._contact_activities(lead)
        self.assertEqual(len(activity), 1)
        return lead, activity

    def _get_outcome(self, xmlid):
        return self.env.ref(f"lead_management_process.mail_activity_outcome_{xmlid}")

    def test_seeded_outcomes(self):
        self.assertEqual(
            self.contact_type.outcome_ids.mapped("name"),
            [
                "Ready to order",
                "Transfer to sale",
                "Return to distribution",
                "Postponed",
                "No interest",
            ],
        )

    def test_ready_to_order_opens_transfer(self):
        lead, activity = self._in_transfer()
        action = activity.with_user(self.salesman).action_done_with_outcome(
            self._get_outcome("ready_to_order").id, feedback="Budget is approved"
        )
        self.assertEqual(action["res_model"], "crm.lead.transfer")
        self.assertEqual(action["context"]["active_id"], lead.id)
        self.assertEqual(lead.need_maturity_id, self.maturity_ready)
        # kept as history (the type keeps done activities), with its outcome
        self.assertFalse(activity.active)
        message = lead.message_ids[0]
        self.assertIn("Ready to order", message.body)
        self.assertIn("Budget is approved", message.body)

    def test_done_message_reads_outcome_then_feedback(self):
        """The done message says "Outcome: …" on its own line and mail's
        "Feedback:" only over the user's own text (issue 24 point 15)."""
        lead, activity = self._in_transfer()
        activity.action_done_with_outcome(
            self._get_outcome("return").id, feedback="Call back in May"
        )
        text = html2plaintext(lead.message_ids[0].body)
        self.assertRegex(
            text, r"Outcome:\s*Return to distribution\s*\n\s*Feedback:\s*\n"
        )
        self.assertTrue(text.rstrip().endswith("Call back in May"))
        # the type's name once, then what the contact is about
        self.assertEqual(text.count("Contact the customer"), 1)
        self.assertIn("Contact the customer done", text)
        self.assertEqual(activity.outcome_id, self._get_outcome("return"))
        # no feedback: no empty "Feedback:" heading
        lead, activity = self._in_transfer()
        activity.action_done_with_outcome(self._get_outcome("no_interest").id)
        text = html2plaintext(lead.message_ids[0].body)
        self.assertIn("Outcome:", text)
        self.assertNotIn("Feedback", text)

    def test_return_to_distribution(self):
        lead, activity = self._in_transfer()
        self.assertTrue(
            activity.action_done_with_outcome(self._get_outcome("return").id)
        )
        self.assertEqual(lead.process_stage, "distribution")
        self.assertEqual(lead.need_maturity_id, self.maturity_interest)

    def test_postponed_plans_the_same_activity(self):
        lead, activity = self._in_transfer()
        activity.action_done_with_outcome(self._get_outcome("postponed").id)
        again = self._contact_activities(lead)
        self.assertEqual(len(again), 1)
        self.assertNotEqual(again, activity)
        self.assertEqual(again.user_id, self.salesman)
        self.assertEqual(
            again.date_deadline, fields.Date.context_today(again) + timedelta(weeks=1)
        )
        self.assertEqual(lead.process_stage, "transfer")

    def test_postponed_on_a_chosen_date_in_the_dialog(self):
        lead, activity = self._in_transfer()
        wizard = self.env["mail.activity.done.wizard"].create(
            {
                "activity_id": activity.id,
                "outcome_id": self._get_outcome("postponed").id,
            }
        )
        self.assertEqual(
            wizard.next_date_deadline,
            fields.Date.context_today(wizard) + timedelta(weeks=1),
        )
        chosen = fields.Date.today() + timedelta(days=40)
        wizard.next_date_deadline = chosen
        wizard.action_done()
        self.assertEqual(self._contact_activities(lead).date_deadline, chosen)

    def test_no_interest(self):
        lead, activity = self._in_transfer()
        activity.action_done_with_outcome(self._get_outcome("no_interest").id)
        self.assertEqual(lead.need_maturity_id, self.maturity_none)
        self.assertEqual(lead.process_stage, "transfer")
        self.assertTrue(lead.active)

    def test_distribution_outcomes(self):
        lead = self._lead(user_id=self.salesman.id)
        lead.process_stage = "distribution"
        distribute = self.env.ref(
            "lead_management_process.mail_activity_type_distribute"
        )
        activity = lead.activity_schedule(
            activity_type_id=distribute.id, user_id=self.salesman.id
        )
        activity.action_done_with_outcome(self._get_outcome("start_transfer").id)
        self.assertEqual(lead.process_stage, "transfer")
        self.assertEqual(len(self._contact_activities(lead)), 1)

    def test_outcome_of_another_type_refused(self):
        lead, activity = self._in_transfer()
        with self.assertRaisesRegex(ValidationError, "not one of"):
            activity.action_done_with_outcome(self._get_outcome("nurture").id)
        with self.assertRaisesRegex(ValidationError, "not one of"):
            activity.action_done_with_outcome(0)
        # nothing written: the activity is still open, the lead unchanged
        self.assertTrue(activity.active)
        self.assertFalse(lead.need_maturity_id)

    def test_transfer_outcome_on_converted_lead_refused(self):
        lead, activity = self._in_transfer()
        lead.convert_opportunity(lead.partner_id)
        with self.assertRaisesRegex(UserError, "not an open lead"):
            activity.action_done_with_outcome(self._get_outcome("transfer").id)
        self.assertTrue(activity.active)

    def test_done_dialog_asks_for_the_outcome(self):
        lead, activity = self._in_transfer()
        self.assertTrue(activity.has_outcomes)
        wizard = self.env["mail.activity.done.wizard"].create(
            {"activity_id": activity.id}
        )
        with self.assertRaisesRegex(UserError, "Choose the outcome"):
            wizard.action_done()
        wizard.outcome_id = self._get_outcome("transfer")
        action = wizard.action_done()
        self.assertEqual(action["res_model"], "crm.lead.transfer")

    def test_types_without_outcomes_unchanged(self):
        """Odoo's own Mark Done keeps working for a type without outcomes."""
        lead = self._lead()
        todo = lead.activity_schedule("mail.mail_activity_data_todo")
        self.assertFalse(todo.has_outcomes)
        todo.action_feedback(feedback="done")
        # done: deleted as stock, or kept archived as history where
        # lead_management_activity is installed; no longer open either way
        self.assertFalse(todo.exists().filtered("active"))
        self.assertNotIn(todo, lead.activity_ids)
        self.assertEqual(lead.process_stage, "qualification")

    def test_salesman_reads_outcomes_manager_configures(self):
        outcome = self.env["mail.activity.outcome"]
        self.assertTrue(outcome.with_user(self.salesman).search([]))
        created = outcome.with_user(self.manager).create(
            {"name": "Sent a brochure", "activity_type_id": self.contact_type.id}
        )
        self.assertIn(created, self.contact_type.outcome_ids)
