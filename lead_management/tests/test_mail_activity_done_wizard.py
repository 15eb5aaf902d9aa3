# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError

from .common import LeadManagementCommon


class TestMailActivityDoneWizard(LeadManagementCommon):
    """The shared Mark Done dialog, without any extension filled in, does what
    Odoo's Done button does."""

    def _plan(self, lead, user):
        return lead.activity_schedule(
            "mail.mail_activity_data_todo", summary="Call back", user_id=user.id
        )

    def test_done_with_feedback(self):
        lead = self.env["crm.lead"].create({"name": "Wizard lead"})
        activity = self._plan(lead, self.salesman)
        wizard = (
            self.env["mail.activity.done.wizard"]
            .with_user(self.salesman)
            .with_context(active_model="mail.activity", active_id=activity.id)
            .create({"feedback": "Customer called back"})
        )
        self.assertEqual(wizard.activity_id, activity)
        action = wizard.action_done()
        self.assertEqual(action["type"], "ir.actions.act_window_close")
        self.assertFalse(activity.exists().filtered("active"))
        self.assertIn("Customer called back", lead.message_ids[0].body)

    def test_done_twice_refused(self):
        lead = self.env["crm.lead"].create({"name": "Wizard lead"})
        activity = self._plan(lead, self.salesman)
        activity_type = activity.activity_type_id
        activity_type.keep_done = True
        wizard = self.env["mail.activity.done.wizard"].create(
            {"activity_id": activity.id}
        )
        wizard.action_done()
        self.assertFalse(activity.active)
        with self.assertRaisesRegex(UserError, "already done"):
            wizard.action_done()
