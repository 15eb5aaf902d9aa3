# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


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

    def test_lead_process_as_salesperson(self):
        """A salesperson who sees his own documents only walks a lead from
        Qualification to an opportunity: one primary button per stage, the
        header not cut, Distribute with his team, a titled outcome dialog,
        the transfer, one breadcrumb (issue 24 points 5, 6, 12-15)."""
        salesperson = new_test_user(
            self.env,
            "tour_salesperson",
            groups="sales_team.group_sale_salesman",
            name="Tour Salesperson",
        )
        self.assertFalse(
            salesperson.has_group("sales_team.group_sale_salesman_all_leads")
        )
        team = self.env["crm.team"].create(
            {
                "name": "Tour salesperson team",
                "member_ids": [Command.link(salesperson.id)],
            }
        )
        lead = self.env["crm.lead"].create(
            {
                "name": "Tour chairs",
                "type": "lead",
                "partner_name": "Tour Chairs SRL",
                "contact_name": "Carla Chair",
                "email_from": "carla@tour-chairs.example.com",
                "user_id": False,
                "team_id": False,
                "lead_type_id": self.env["crm.lead.type"]
                .create({"name": "New business development"})
                .id,
                "need_maturity_id": self.env.ref(
                    "lead_management_process.crm_lead_maturity_interest"
                ).id,
            }
        )
        self.start_tour(
            f"/odoo/action-crm.crm_lead_all_leads/{lead.id}",
            "lead_management_lead_process_salesperson",
            login="tour_salesperson",
        )
        self.assertEqual(lead.type, "opportunity")
        self.assertEqual(lead.process_stage, "waiting")
        self.assertEqual(lead.user_id, salesperson)
        self.assertEqual(lead.team_id, team)
        self.assertEqual(lead.expected_revenue, 4200)
        self.assertEqual(
            self.env["calendar.event"].search_count([("opportunity_id", "=", lead.id)]),
            1,
        )
