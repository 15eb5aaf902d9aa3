# Copyright 2026 Lead Management Developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import HelpdeskCommon


@tagged("post_install", "-at_install")
class TestTicketOpportunity(HelpdeskCommon):
    """Tickets about an opportunity: created from it, many per opportunity,
    their stage changes logged on it (SPEC §12)."""

    def test_new_ticket_prefilled(self):
        """New Ticket opens a ticket form pre-filled with the opportunity, its
        customer, its company and its sales team's helpdesk team."""
        self.sales_team.helpdesk_team_id = self.team_presales
        self.company.lead_helpdesk_team_id = self.team_legal
        self.opportunity.team_id = self.sales_team
        action = self.opportunity.action_new_ticket()
        self.assertEqual(action["res_model"], "helpdesk.ticket")
        self.assertEqual(action["target"], "new")
        ticket_form = Form(
            self.env["helpdesk.ticket"]
            .with_user(self.helpdesk_salesman)
            .with_context(**action["context"])
        )
        ticket_form.name = "Technical pre-sales"
        ticket_form.description = "<p>Check the wiring</p>"
        ticket = ticket_form.save()
        self.assertEqual(ticket.opportunity_id, self.opportunity)
        self.assertEqual(ticket.partner_id, self.partner)
        self.assertEqual(ticket.company_id, self.company)
        self.assertEqual(ticket.team_id, self.team_presales)
        self.assertEqual(self.opportunity.ticket_ids, ticket)
        self.assertEqual(self.opportunity.ticket_count, 1)

    def test_team_from_company_setting(self):
        """Without a helpdesk team on the sales team, the company's default
        team; without either, no team (helpdesk's own defaults apply)."""
        self.opportunity.team_id = self.sales_team
        self.assertFalse(self.opportunity._prepare_ticket_values()["team_id"])
        self.env["res.config.settings"].create(
            {"lead_helpdesk_team_id": self.team_legal.id}
        ).execute()
        self.assertEqual(self.company.lead_helpdesk_team_id, self.team_legal)
        ticket = self._create_ticket()
        self.assertEqual(ticket.team_id, self.team_legal)

    def test_create_fills_from_opportunity(self):
        """A ticket created with a title, a description and the opportunity
        (RPC, import) gets its customer and team; values given are kept."""
        self.sales_team.helpdesk_team_id = self.team_presales
        self.opportunity.team_id = self.sales_team
        ticket = self._create_ticket()
        self.assertEqual(ticket.partner_id, self.partner)
        self.assertEqual(ticket.team_id, self.team_presales)
        other = self.env["res.partner"].create({"name": "Other contact"})
        ticket = self._create_ticket(partner_id=other.id, team_id=self.team_legal.id)
        self.assertEqual(ticket.partner_id, other)
        self.assertEqual(ticket.team_id, self.team_legal)

    def test_many_tickets_per_opportunity(self):
        """An opportunity has many tickets; the smart button opens the list
        of them (the form when there is one)."""
        first = self._create_ticket()
        action = self.opportunity.action_view_tickets()
        self.assertEqual(action["views"], [(False, "form")])
        self.assertEqual(action["res_id"], first.id)
        second = self._create_ticket(name="Pricing approval")
        self.opportunity.invalidate_recordset(["ticket_count"])
        self.assertEqual(self.opportunity.ticket_ids, first | second)
        self.assertEqual(self.opportunity.ticket_count, 2)
        action = self.opportunity.action_view_tickets()
        self.assertEqual(
            action["domain"], [("opportunity_id", "=", self.opportunity.id)]
        )
        self.assertEqual(
            self.env["helpdesk.ticket"].search(action["domain"]), first | second
        )
        self.assertEqual(
            action["context"]["default_opportunity_id"], self.opportunity.id
        )

    def test_ticket_without_opportunity_is_stock(self):
        """A ticket created in Helpdesk has no opportunity, and moving it logs
        nothing on any opportunity."""
        ticket = self.env["helpdesk.ticket"].create(
            {"name": "Printer", "description": "<p>Out of toner</p>"}
        )
        self.assertFalse(ticket.opportunity_id)
        ticket.stage_id = self.stage_done
        self.assertFalse(self._stage_notes(self.opportunity))

    def test_company_mismatch_refused(self):
        """A ticket of one company cannot be about another company's
        opportunity: a clear error, nothing created."""
        # assertRaises (not ...Regex): Odoo's rolls back to a savepoint
        for values in ({"company_id": self.company_b.id}, {"team_id": self.team_b.id}):
            with (
                self.subTest(values=values),
                self.assertRaises(ValidationError) as error,
            ):
                self._create_ticket(**values)
            self.assertIn("same company", str(error.exception))
        self.assertFalse(
            self.env["helpdesk.ticket"].search(
                [("opportunity_id", "=", self.opportunity.id)]
            )
        )

    def test_stage_changes_logged(self):
        """Each stage change of a ticket is one note on the opportunity; its
        closing says so."""
        ticket = self._create_ticket(stage_id=self.stage_new.id)
        ticket.stage_id = self.stage_progress
        ticket.write({"name": "Legal review (urgent)"})
        ticket.stage_id = self.stage_progress
        ticket.stage_id = self.stage_done
        notes = self._stage_notes(self.opportunity)
        self.assertEqual(len(notes), 2, notes)
        self.assertIn("moved from New to In Progress", notes[0])
        self.assertIn(ticket.number, notes[0])
        self.assertIn("closed (In Progress → Done)", notes[1])

    def test_batch_stage_change(self):
        """A write on many tickets of several opportunities logs one note per
        ticket, on its own opportunity."""
        other = self._create_leads(1, partner_id=self.partner.id)
        tickets = (
            self._create_ticket(name="A")
            | self._create_ticket(name="B")
            | self._create_ticket(other, name="C")
        )
        tickets.write({"stage_id": self.stage_done.id})
        self.assertEqual(len(self._stage_notes(self.opportunity)), 2)
        [note] = self._stage_notes(other)
        self.assertIn("closed", note)

    def test_batch_stage_change_flat_queries(self):
        """Moving tickets of opportunities costs, beyond the same write on
        tickets without opportunity, the same queries for 5 tickets as for
        50: the notes are logged in batch, not one by one."""

        def extra_queries(size):
            leads = self._create_leads(size, partner_id=self.partner.id)
            linked = self.env["helpdesk.ticket"].create(
                [
                    {"name": "T", "description": "<p>x</p>", "opportunity_id": lead.id}
                    for lead in leads
                ]
            )
            alone = self.env["helpdesk.ticket"].create(
                [{"name": "T", "description": "<p>x</p>"} for _lead in leads]
            )
            self.env.invalidate_all()
            stage = self.stage_progress.id
            with_leads = self._count_queries(lambda: linked.write({"stage_id": stage}))
            self.env.invalidate_all()
            without = self._count_queries(lambda: alone.write({"stage_id": stage}))
            return with_leads - without

        extra_queries(2)
        counts = {size: extra_queries(size) for size in (5, 50)}
        self.assertLessEqual(abs(counts[50] - counts[5]), 2, counts)
        self.assertEqual(len(self._stage_notes(self.opportunity)), 0)

    def test_ticket_count_flat_queries(self):
        """The smart button's count costs the same queries for 5 opportunities
        as for 50 (one grouped query)."""

        def prepare(size):
            leads = self._create_leads(size, partner_id=self.partner.id)
            for lead in leads:
                self._create_ticket(lead)
            self.env.invalidate_all()
            return lambda: leads.mapped("ticket_count")

        self.assertFlatQueryCount(prepare)
