# Copyright 2026 Lead Management Developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import xmlrpc.client

from odoo.tests import HttpCase, tagged

from odoo.addons.lead_management.tests.common import new_sales_user


@tagged("post_install", "-at_install")
class TestTicketRpc(HttpCase):
    """A ticket created for an opportunity and the Tickets tab's rows read
    over XML-RPC, as an integrator meets them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        groups = (
            "sales_team.group_sale_salesman_all_leads,helpdesk_mgmt.group_helpdesk_user"
        )
        cls.user = new_sales_user(
            cls.env, "lm_rpc_helpdesk", groups, password="lm_rpc_helpdesk"
        )
        cls.company_b = cls.env["res.company"].create({"name": "RPC Company B"})
        cls.user_b = new_sales_user(
            cls.env,
            "lm_rpc_helpdesk_b",
            groups,
            companies=cls.company_b,
            password="lm_rpc_helpdesk_b",
        )
        cls.helpdesk_only = new_sales_user(
            cls.env,
            "lm_rpc_helpdesk_only",
            "helpdesk_mgmt.group_helpdesk_user",
            password="lm_rpc_helpdesk_only",
        )
        cls.team = cls.env["helpdesk.ticket.team"].create({"name": "RPC pre-sales"})
        cls.env.company.lead_helpdesk_team_id = cls.team
        cls.partner = cls.env["res.partner"].create({"name": "RPC Customer"})
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "RPC server room",
                "type": "opportunity",
                "partner_id": cls.partner.id,
                "user_id": cls.user.id,
            }
        )

    def _execute(self, user, model, method, *args, **kwargs):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, user.id, user.login, model, method, list(args), kwargs
        )

    def test_create_ticket_and_read_rows(self):
        """Create a ticket with a title, a description and the opportunity;
        read the tab's rows: the ticket, its team (the company's default),
        its stage."""
        ticket_id = self._execute(
            self.user,
            "helpdesk.ticket",
            "create",
            {
                "name": "RPC legal review",
                "description": "<p>Penalties</p>",
                "opportunity_id": self.lead.id,
            },
        )
        [lead] = self._execute(
            self.user,
            "crm.lead",
            "read",
            [self.lead.id],
            ["ticket_ids", "ticket_count"],
        )
        self.assertEqual(lead["ticket_ids"], [ticket_id])
        self.assertEqual(lead["ticket_count"], 1)
        [row] = self._execute(
            self.user,
            "helpdesk.ticket",
            "read",
            lead["ticket_ids"],
            ["number", "name", "team_id", "stage_id", "closed", "partner_id"],
        )
        self.assertEqual(row["name"], "RPC legal review")
        self.assertEqual(row["team_id"][0], self.team.id)
        self.assertEqual(row["partner_id"][0], self.partner.id)
        self.assertTrue(row["stage_id"])
        self.assertFalse(row["closed"])
        found = self._execute(
            self.user,
            "helpdesk.ticket",
            "search",
            [("opportunity_id", "=", self.lead.id)],
        )
        self.assertEqual(found, [ticket_id])

    def test_other_company_opportunity_refused(self):
        """Company B's user gets a clear error, and no ticket, for company
        A's opportunity."""
        with self.assertRaisesRegex(xmlrpc.client.Fault, "company you do not work in"):
            self._execute(
                self.user_b,
                "helpdesk.ticket",
                "create",
                {
                    "name": "Foreign",
                    "description": "<p>x</p>",
                    "opportunity_id": self.lead.id,
                },
            )
        self.assertFalse(self.lead.ticket_ids)

    def test_missing_sales_right_refused(self):
        """A helpdesk user without sales rights gets a clear error, and no
        ticket, for an opportunity."""
        with self.assertRaisesRegex(xmlrpc.client.Fault, "no access to opportunities"):
            self._execute(
                self.helpdesk_only,
                "helpdesk.ticket",
                "create",
                {
                    "name": "Mine",
                    "description": "<p>x</p>",
                    "opportunity_id": self.lead.id,
                },
            )
        self.assertFalse(self.lead.ticket_ids)
