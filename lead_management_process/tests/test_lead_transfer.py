# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form

from .common import LeadProcessCommon


class TestLeadTransfer(LeadProcessCommon):
    """Transfer to sale: Odoo's conversion, the meeting, the budget and the
    decision date, and nothing written when anything is wrong."""

    def _transfer(self, lead, **values):
        values = {
            "lead_id": lead.id,
            "budget": 12000,
            "team_id": self.team.id,
            "user_id": self.salesman.id,
            "meeting_start": datetime(2031, 3, 4, 9, 0),
            "decision_date": fields.Date.today() + timedelta(days=30),
            "comment": "Needs 40 desks before the move",
            **values,
        }
        return self.env["crm.lead.transfer"].create(values)

    def test_transfer(self):
        lead = self._lead()
        lead.action_qualify()
        lead.action_distribute(self.salesman.id, self.team.id)
        call = self.env.ref("mail.mail_activity_data_call")
        wizard = self._transfer(lead, activity_type_id=call.id)
        wizard.action_transfer()
        self.assertEqual(lead.type, "opportunity")
        self.assertEqual(lead.process_stage, "waiting")
        self.assertEqual(lead.need_maturity_id, self.maturity_ready)
        self.assertEqual(lead.expected_revenue, 12000)
        self.assertEqual(lead.date_deadline, wizard.decision_date)
        self.assertEqual(lead.team_id, self.team)
        self.assertEqual(lead.user_id, self.salesman)
        self.assertTrue(lead.stage_id)
        meeting = self.env["calendar.event"].search([("opportunity_id", "=", lead.id)])
        self.assertEqual(len(meeting), 1)
        self.assertEqual(meeting.start, datetime(2031, 3, 4, 9, 0))
        self.assertEqual(meeting.stop, datetime(2031, 3, 4, 10, 0))
        self.assertEqual(
            meeting.partner_ids, lead.partner_id | self.salesman.partner_id
        )
        self.assertEqual(meeting.user_id, self.salesman)
        self.assertIn("Needs 40 desks", lead.message_ids.mapped("body")[0])
        # the first activity, beside the meeting's own (Odoo's calendar)
        self.assertIn(call, lead.activity_ids.activity_type_id)
        # the funnel's history: qualification → distribution → transfer
        self.assertEqual(
            lead.process_history_ids.mapped("process_stage"),
            ["qualification", "distribution", "transfer"],
        )
        # the opportunity won: need satisfied
        lead.action_set_won()
        self.assertEqual(lead.process_stage, "satisfied")

    def test_transfer_from_the_form(self):
        lead = self._lead(user_id=self.salesman.id)
        lead.action_qualify()
        action = lead.action_open_transfer()
        form = Form(self.env["crm.lead.transfer"].with_context(**action["context"]))
        self.assertEqual(form.user_id, self.salesman)
        form.team_id = self.team
        form.budget = 500
        # the dialog closes and its form reloads: no second breadcrumb of the
        # same record (issue 24 point 14)
        self.assertEqual(
            form.save().action_transfer(), {"type": "ir.actions.act_window_close"}
        )
        self.assertEqual(lead.process_stage, "waiting")
        self.assertEqual(lead.expected_revenue, 500)
        # no meeting asked, none created
        self.assertFalse(
            self.env["calendar.event"].search([("opportunity_id", "=", lead.id)])
        )

    def _assert_nothing_written(self, lead, partners_before):
        self.assertEqual(lead.type, "lead")
        self.assertNotEqual(lead.process_stage, "waiting")
        self.assertEqual(self.env["res.partner"].search_count([]), partners_before)
        self.assertFalse(
            self.env["calendar.event"].search([("opportunity_id", "=", lead.id)])
        )

    def test_bad_input_writes_nothing(self):
        lead = self._lead()
        partners_before = self.env["res.partner"].search_count([])
        cases = [
            ({"decision_date": fields.Date.today() - timedelta(days=1)}, "past"),
            ({"budget": -1}, "negative"),
            ({"team_id": self.team_b.id}, "Company B"),
            ({"meeting_duration": 0}, "duration"),
        ]
        for values, message in cases:
            with self.subTest(message=message):
                with self.assertRaisesRegex((UserError, ValidationError), message):
                    self._transfer(lead, **values).action_transfer()
                self._assert_nothing_written(lead, partners_before)
        nameless = self._lead(partner_name=False, contact_name=False)
        with self.assertRaisesRegex(
            UserError, r"^To transfer .* to sale, add a contact or company name\.$"
        ):
            self._transfer(nameless).action_transfer()
        self._assert_nothing_written(nameless, partners_before)

    def test_transfer_lost_or_converted_refused(self):
        lost = self._lead()
        lost.action_set_lost()
        with self.assertRaisesRegex(UserError, "not an open lead"):
            self._transfer(lost).action_transfer()
        done = self._lead(name="Done")
        self._transfer(done).action_transfer()
        with self.assertRaisesRegex(UserError, "not an open lead"):
            self._transfer(done).action_transfer()
        self.assertEqual(
            self.env["calendar.event"].search_count([("opportunity_id", "=", done.id)]),
            1,
        )

    def test_multi_company(self):
        """A lead of company B: its partners and its meeting stay in B."""
        lead = self._lead(company_id=self.company_b.id, email_from="b@b.example")
        self._transfer(lead, team_id=self.team_b.id, user_id=self.user_b.id).with_user(
            self.user_b
        ).with_company(self.company_b).action_transfer()
        self.assertEqual(lead.partner_id.company_id, self.company_b)
        self.assertEqual(lead.partner_id.parent_id.company_id, self.company_b)
        self.assertEqual(lead.team_id, self.team_b)
