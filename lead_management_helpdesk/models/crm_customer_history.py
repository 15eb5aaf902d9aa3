# Copyright 2026 Lead Management Developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL


class CrmCustomerHistory(models.Model):
    """The customer's tickets in its history (SPEC §13), with the e-mails on
    them, through the core's ``_history_sources``. Helpdesk's own rules
    decide which rows a user sees (the core filters each source by its
    model's ``_search``)."""

    _inherit = "crm.customer.history"
    _depends = {
        "helpdesk.ticket": [
            "number",
            "name",
            "create_date",
            "active",
            "stage_id",
            "partner_id",
            "user_id",
            "company_id",
        ],
        "helpdesk.ticket.stage": ["closed"],
    }

    kind = fields.Selection(
        selection_add=[("ticket", "Ticket")], ondelete={"ticket": "cascade"}
    )

    @api.model
    def _history_sources(self):
        return [
            *super()._history_sources(),
            {
                "model": "helpdesk.ticket",
                "query": self._ticket_query(),
                "messages": True,
            },
        ]

    @api.model
    def _ticket_query(self):
        # a ticket without a stage is open, as the stale rule counts it
        return SQL(
            """
            SELECT ticket.id AS row_id,
                   ticket.create_date AS date,
                   'ticket' AS kind,
                   ticket.number AS name,
                   ticket.name AS title,
                   NULL::numeric AS amount,
                   CASE WHEN NOT ticket.active THEN 'archived'
                        WHEN stage.closed THEN 'done'
                        ELSE 'open' END AS state,
                   ticket.partner_id,
                   partner.commercial_partner_id,
                   ticket.user_id,
                   ticket.company_id,
                   'helpdesk.ticket' AS res_model,
                   ticket.id AS res_id
              FROM %s ticket
              JOIN res_partner partner ON partner.id = ticket.partner_id
              LEFT JOIN helpdesk_ticket_stage stage ON stage.id = ticket.stage_id
            """,
            self._readable_table("helpdesk.ticket"),
        )
