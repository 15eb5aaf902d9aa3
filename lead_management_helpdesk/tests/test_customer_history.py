# Copyright 2026 Lead Management Developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import HelpdeskCommon


@tagged("post_install", "-at_install")
class TestCustomerHistoryTickets(HelpdeskCommon):
    """Tickets, and the e-mails on them, in the customer's history (the
    core's ``_history_sources`` extended by this add-on), under Helpdesk's
    own rules."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket = cls._create_ticket(
            team_id=cls.team_presales.id, stage_id=cls.stage_new.id
        )
        cls.closed_ticket = cls._create_ticket(
            name="Pricing approval",
            team_id=cls.team_legal.id,
            stage_id=cls.stage_done.id,
        )
        cls.ticket.message_post(
            body="Clause 7 needs a look", subject="Legal asks", message_type="email"
        )

    def _rows(self, user=None):
        history = self.env["crm.customer.history"]
        return (history.with_user(user) if user else history).search(
            [
                ("partner_id", "child_of", self.partner.id),
                ("res_model", "=", "helpdesk.ticket"),
            ]
        )

    def test_tickets(self):
        """The customer's tickets with number, state and the e-mail on one."""
        by_title = {(row.kind, row.title): row for row in self._rows()}
        self.assertEqual(
            set(by_title),
            {
                ("ticket", "Legal review"),
                ("ticket", "Pricing approval"),
                ("email", "Legal asks"),
            },
        )
        ticket = by_title["ticket", "Legal review"]
        self.assertEqual(
            (ticket.state, ticket.name, ticket.res_id, ticket.company_id),
            ("open", self.ticket.number, self.ticket.id, self.company),
        )
        self.assertEqual(by_title["ticket", "Pricing approval"].state, "done")
        email = by_title["email", "Legal asks"]
        self.assertEqual(
            (email.res_model, email.res_id), ("helpdesk.ticket", self.ticket.id)
        )

    def test_helpdesk_rules(self):
        """A salesman without Helpdesk rights sees no ticket row; a helpdesk
        user sees the tickets Helpdesk lets him read, and no other."""
        self.assertFalse(self._rows(self.salesman))
        rows = self._rows(self.helpdesk_salesman).filtered(
            lambda row: row.kind == "ticket"
        )
        readable = (
            self.env["helpdesk.ticket"]
            .with_user(self.helpdesk_salesman)
            .search([("partner_id", "=", self.partner.id)])
        )
        self.assertTrue(readable)
        self.assertEqual(set(rows.mapped("res_id")), set(readable.ids))

    def test_search_filter(self):
        arch = self.env["crm.customer.history"].get_view(view_type="search")["arch"]
        self.assertIn('name="kind_ticket"', arch)
