# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestLeadProcessTour(HttpCase):
    """Qualify → outcome → transfer dialog → opportunity with its meeting,
    in Chromium (static/tests/tours/lead_process_tour.js)."""

    def test_lead_to_opportunity(self):
        admin = self.env.ref("base.user_admin")
        team = self.env["crm.team"].create({"name": "Tour process team"})
        lead = self.env["crm.lead"].create(
            {
                "name": "Tour process lead",
                "type": "lead",
                "partner_name": "Tour Desks SRL",
                "contact_name": "Tina Tour",
                "email_from": "tina@tour-desks.example.com",
                "user_id": admin.id,
                "team_id": team.id,
            }
        )
        self.start_tour(
            f"/odoo/action-crm.crm_lead_all_leads/{lead.id}",
            "lead_management_lead_process",
            login="admin",
        )
        self.assertEqual(lead.type, "opportunity")
        self.assertEqual(lead.process_stage, "waiting")
        self.assertEqual(lead.expected_revenue, 9500)
        self.assertEqual(lead.partner_id.parent_id.name, "Tour Desks SRL")
        meeting = self.env["calendar.event"].search([("opportunity_id", "=", lead.id)])
        self.assertEqual(len(meeting), 1)
        self.assertEqual(meeting.partner_ids, lead.partner_id | admin.partner_id)
        # 10:00 in the admin's time zone: the same day in UTC
        self.assertEqual(meeting.start.date(), date(2031, 5, 6))
        self.assertIn("Wants 40 desks", "".join(lead.message_ids.mapped("body")))
