# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestCrmActivityTour(HttpCase):
    """Plan → start the timer → pause → mark done with a follow-up, in
    Chromium (static/tests/tours/crm_activity_tour.js)."""

    def test_plan_time_done_follow_up(self):
        admin = self.env.ref("base.user_admin")
        customer = self.env["res.partner"].create(
            {"name": "Tour History Ltd", "is_company": True}
        )
        lead = self.env["crm.lead"].create(
            {
                "name": "Tour history opportunity",
                "type": "opportunity",
                "partner_id": customer.id,
                "user_id": admin.id,
            }
        )
        call = self.env.ref("mail.mail_activity_data_call")
        activity = lead.activity_schedule(
            activity_type_id=call.id, summary="Tour call", user_id=admin.id
        )
        self.start_tour(
            f"/odoo/action-crm.crm_lead_all_leads/{lead.id}",
            "lead_management_crm_activity",
            login="admin",
        )
        self.assertFalse(activity.active)
        self.assertGreater(activity.time_spent, 0)
        [follow_up] = lead.activity_ids
        self.assertEqual(follow_up.activity_type_id, call)
        self.assertEqual(follow_up.summary, "Tour call")
        self.assertIn("Left a voicemail", "".join(lead.message_ids.mapped("body")))
