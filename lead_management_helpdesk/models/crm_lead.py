# Copyright 2026 Lead Management Developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, fields, models


class CrmLead(models.Model):
    """The Tickets smart button and tab of the opportunity."""

    _inherit = "crm.lead"

    ticket_ids = fields.One2many("helpdesk.ticket", "opportunity_id", string="Tickets")
    ticket_count = fields.Integer(
        compute="_compute_ticket_count", string="Number of Tickets"
    )

    def _compute_ticket_count(self):
        # one grouped query; the tickets the user may read (helpdesk's rules)
        counts = dict(
            self.env["helpdesk.ticket"]._read_group(
                [("opportunity_id", "in", self._origin.ids)],
                groupby=["opportunity_id"],
                aggregates=["__count"],
            )
        )
        for lead in self:
            lead.ticket_count = counts.get(lead._origin, 0)

    def _get_helpdesk_team(self):
        """The helpdesk team of the opportunity's tickets: its sales team's,
        else the one of its company's settings (may be empty)."""
        self.ensure_one()
        company = self.company_id or self.env.company
        return self.team_id.helpdesk_team_id or company.lead_helpdesk_team_id

    def _prepare_ticket_values(self):
        """Values of a ticket about the opportunity: its customer, its
        company, the helpdesk team of its sales team (or company) and the
        opportunity itself."""
        self.ensure_one()
        return {
            "partner_id": self.partner_id.id,
            "team_id": self._get_helpdesk_team().id,
            "company_id": (self.company_id or self.env.company).id,
            "opportunity_id": self.id,
        }

    def _get_ticket_action_context(self):
        self.ensure_one()
        return {
            f"default_{name}": value
            for name, value in self._prepare_ticket_values().items()
            if value
        }

    def action_new_ticket(self):
        """A new ticket about the opportunity, in a dialog, pre-filled."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("New Ticket"),
            "res_model": "helpdesk.ticket",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": self._get_ticket_action_context(),
        }

    def action_view_tickets(self):
        """The opportunity's tickets, in helpdesk's own views."""
        self.ensure_one()
        action = {
            "type": "ir.actions.act_window",
            "name": _("Tickets"),
            "res_model": "helpdesk.ticket",
            "domain": [("opportunity_id", "=", self.id)],
            "views": [(False, "list"), (False, "kanban"), (False, "form")],
            "context": self._get_ticket_action_context(),
        }
        if self.ticket_count == 1:
            action.update(views=[(False, "form")], res_id=self.ticket_ids.id)
        return action
