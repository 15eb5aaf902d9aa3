# Copyright 2026 Lead Management Developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from markupsafe import escape

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError


class HelpdeskTicket(models.Model):
    """The opportunity a ticket is about; its stage changes logged there."""

    _inherit = "helpdesk.ticket"

    opportunity_id = fields.Many2one(
        "crm.lead",
        index="btree_not_null",
        ondelete="set null",
        tracking=True,
        domain="[('type', '=', 'opportunity'), "
        "'|', ('company_id', '=', False), ('company_id', '=', company_id)]",
        help="The opportunity this request is about: its stage changes and "
        "closing are logged there, and while it is open the opportunity is "
        "not closed as stale.",
    )
    # helpdesk_mgmt has no due date of a request (helpdesk_mgmt_sla computes
    # one per team, not per request): the date the requester needs an answer
    # by, which the Workload counts tickets on (lead_management_activity)
    date_deadline = fields.Date(
        "Deadline",
        tracking=True,
        help="The day the requester needs the ticket closed by.",
    )

    @api.constrains("opportunity_id", "company_id")
    def _check_opportunity_company(self):
        # sudo: a helpdesk user without sales rights may edit a ticket of an
        # opportunity; the opportunity's company is all that is read
        for ticket in self.sudo():
            company = ticket.opportunity_id.company_id
            if company and ticket.company_id and company != ticket.company_id:
                raise ValidationError(
                    _(
                        "The ticket %(ticket)s belongs to %(company)s but its "
                        "opportunity %(opportunity)s to %(opportunity_company)s: "
                        "a ticket and its opportunity belong to the same company.",
                        ticket=ticket.display_name,
                        company=ticket.company_id.display_name,
                        opportunity=ticket.opportunity_id.display_name,
                        opportunity_company=company.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        # a ticket created for an opportunity (over RPC, an import) with a
        # title, a description and the opportunity gets the opportunity's
        # customer, team and company unless given
        leads = self._check_opportunity_access(vals_list)
        for vals in vals_list:
            if vals.get("opportunity_id"):
                lead = leads.browse(vals["opportunity_id"]).sudo()
                for name, value in lead._prepare_ticket_values().items():
                    if value:
                        vals.setdefault(name, value)
        return super().create(vals_list)

    def write(self, vals):
        self._check_opportunity_access([vals])
        if "stage_id" not in vals:
            return super().write(vals)
        old_stages = {ticket: ticket.stage_id for ticket in self}
        result = super().write(vals)
        self._log_stage_changes(old_stages)
        return result

    def _check_opportunity_access(self, vals_list):
        """Refuse to link a ticket to an opportunity the user may not read
        (another company's, or without sales rights), with a clear error;
        return the opportunities of ``vals_list``."""
        leads = self.env["crm.lead"].browse(
            {vals["opportunity_id"] for vals in vals_list if vals.get("opportunity_id")}
        )
        if leads and not self.env.su:
            try:
                leads.check_access("read")
            except AccessError as error:
                raise AccessError(
                    _(
                        "You cannot make a ticket for the opportunity "
                        "(id %(ids)s): it belongs to a company you do not work "
                        "in, or you have no access to opportunities.",
                        ids=", ".join(str(lead_id) for lead_id in leads.ids),
                    )
                ) from error
        return leads

    def _get_opportunity_stage_note(self, old_stage):
        """The note logged on the opportunity when the ticket left
        ``old_stage`` for its current stage (closing it or not)."""
        self.ensure_one()
        values = {
            "ticket": self._get_html_link(title=self.display_name),
            "old": old_stage.name or _("no stage"),
            "new": self.stage_id.name or _("no stage"),
        }
        if self.stage_id.closed:
            template = _("Ticket %(ticket)s closed (%(old)s → %(new)s).")
        else:
            template = _("Ticket %(ticket)s moved from %(old)s to %(new)s.")
        return escape(template) % values

    def _log_stage_changes(self, old_stages):
        """One note on the opportunity per ticket whose stage changed.

        ``_message_log_batch`` logs one message per record of a batch: the
        changes are put in rounds holding at most one change per
        opportunity, so a write on many tickets costs one batch per round
        (as many as the most tickets one opportunity has in the write), not
        one per ticket. sudo: a helpdesk user without sales rights moves the
        tickets of opportunities; only the note is written, as mail writes
        tracking."""
        notes = defaultdict(list)
        for ticket in self:
            lead = ticket.opportunity_id
            if lead and ticket.stage_id != old_stages[ticket]:
                notes[lead.id].append(
                    ticket._get_opportunity_stage_note(old_stages[ticket])
                )
        Lead = self.env["crm.lead"].sudo()
        while notes:
            bodies = {lead_id: bodies.pop(0) for lead_id, bodies in notes.items()}
            Lead.browse(bodies)._message_log_batch(
                bodies, author_id=self.env.user.partner_id.id
            )
            notes = {lead_id: rest for lead_id, rest in notes.items() if rest}
