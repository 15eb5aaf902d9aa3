# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.lead_management.tests.common import new_sales_user


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


@tagged("post_install", "-at_install")
class TestCrmActivitySalesmanTour(HttpCase):
    """The Activities list and the chatter as a salesperson (own documents),
    at 1440 px (static/tests/tours/crm_activity_salesman_tour.js)."""

    browser_size = "1440x900"

    def test_salesman_activities(self):
        salesman = new_sales_user(self.env, "lm_tour_seller", password="lm_tour_seller")
        other = new_sales_user(self.env, "lm_tour_other_seller")
        customer = self.env["res.partner"].create(
            {"name": "Tour Seller Ltd", "is_company": True}
        )
        contact = self.env["res.partner"].create(
            {"name": "Tina Tour", "parent_id": customer.id}
        )
        call = self.env.ref("mail.mail_activity_data_call")
        own, foreign = self.env["crm.lead"].create(
            [
                {
                    "name": "Own tour lead",
                    "type": "opportunity",
                    "partner_id": customer.id,
                    "user_id": salesman.id,
                },
                {
                    "name": "Foreign tour lead",
                    "type": "opportunity",
                    "partner_id": customer.id,
                    "user_id": other.id,
                },
            ]
        )
        for lead in own | foreign:
            lead.activity_schedule(
                activity_type_id=call.id,
                summary=f"Call on {lead.name}",
                user_id=salesman.id,
                contact_ids=[Command.set(contact.ids)],
            )
        self.start_tour(
            "/odoo/action-lead_management_activity.crm_activity_action",
            "lead_management_crm_activity_salesman",
            login="lm_tour_seller",
        )
        done = (
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search([("summary", "=", "Tour planned call")])
        )
        self.assertEqual((done.res_model, done.res_id), ("crm.lead", own.id))
        self.assertFalse(done.active)
        self.assertEqual(done.priority, "2")
        self.assertEqual(done.contact_ids, contact)
