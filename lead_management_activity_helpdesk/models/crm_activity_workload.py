# Copyright 2026 Lead Management Developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.lead_management_activity.models.crm_activity_workload import ID_STEP

# the remainder of the tickets' row ids (the base model's docstring)
TICKET_REMAINDER = 2


class CrmActivityWorkload(models.Model):
    """Tickets in the Workload: one row per ticket with a deadline."""

    _inherit = "crm.activity.workload"
    _depends = {
        "helpdesk.ticket": [
            "name",
            "user_id",
            "date_deadline",
            "closed_date",
            "last_stage_update",
            "stage_id",
            "active",
            "company_id",
            "create_uid",
        ],
        "helpdesk.ticket.stage": ["closed"],
    }

    kind = fields.Selection(selection_add=[("ticket", "Ticket")])

    @api.model
    def _workload_sources(self):
        return [*super()._workload_sources(), self._workload_ticket_source()]

    @api.model
    def _workload_ticket_source(self):
        """Active tickets with a deadline, for their assignee (none: one row
        without user). Done: a closing stage."""
        return SQL(
            """SELECT t.id * %(step)s + %(remainder)s AS id,
                      'ticket' AS kind, t.name, t.user_id,
                      t.create_uid AS assigner_id, NULL::integer AS activity_type_id,
                      t.date_deadline AS date,
                      CASE WHEN s.closed
                           THEN COALESCE(t.closed_date, t.last_stage_update)::date
                      END AS date_done,
                      COALESCE(s.closed, FALSE) AS is_done,
                      t.company_id, 'helpdesk.ticket' AS res_model, t.id AS res_id
                 FROM helpdesk_ticket t
                 LEFT JOIN helpdesk_ticket_stage s ON s.id = t.stage_id
                WHERE t.active AND t.date_deadline IS NOT NULL""",
            step=ID_STEP,
            remainder=TICKET_REMAINDER,
        )

    @api.model
    def _workload_access_domains(self):
        """The rows of the tickets the user may read (Helpdesk's rules)."""
        domains = super()._workload_access_domains()
        Ticket = self.env["helpdesk.ticket"]
        if Ticket.has_access("read"):
            domains.append(
                [("kind", "=", "ticket"), ("res_id", "in", Ticket._search([]))]
            )
        return domains
