# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL


class CrmCustomerHistory(models.Model):
    """The customer's activities, planned and done, and meetings in its
    history (SPEC §13), through the core's ``_history_sources``."""

    _inherit = "crm.customer.history"
    _depends = {
        "mail.activity": [
            "res_model",
            "res_id",
            "res_name",
            "summary",
            "date_deadline",
            "date_done",
            "active",
            "user_id",
        ],
        "calendar.event": [
            "name",
            "start",
            "stop",
            "opportunity_id",
            "res_model",
            "res_id",
            "user_id",
            "expected_cost_company",
            "actual_cost_company",
            "cost_company_id",
        ],
    }

    kind = fields.Selection(
        selection_add=[("activity", "Activity"), ("meeting", "Meeting")],
        ondelete={"activity": "cascade", "meeting": "cascade"},
    )
    state = fields.Selection(
        selection_add=[("planned", "Planned")], ondelete={"planned": "cascade"}
    )

    @api.model
    def _history_sources(self):
        # one source per document model: a row is readable where its
        # document is (an activity's document decides who reads it)
        activity_documents = [
            ("crm.lead", "doc.lead_number", "doc.partner_id", "doc.company_id"),
            ("sale.order", "doc.name", "doc.partner_id", "doc.company_id"),
            ("res.partner", "NULL::varchar", "doc.id", "doc.company_id"),
        ]
        return [
            *super()._history_sources(),
            *(
                {
                    "model": model,
                    "query": self._activity_query(model, number, partner, company),
                }
                for model, number, partner, company in activity_documents
            ),
            {"model": "calendar.event", "query": self._meeting_query()},
        ]

    @api.model
    def _activity_query(self, model, number, partner, company):
        """Activities of the documents of ``model``: planned ones at their
        deadline, done ones (kept archived with their date, see
        ``mail.activity``) at the day they were done."""
        return SQL(
            """
            SELECT act.id AS row_id,
                   COALESCE(act.date_done, act.date_deadline)::timestamp AS date,
                   'activity' AS kind,
                   %(number)s AS name,
                   COALESCE(NULLIF(act.summary, ''), act.res_name) AS title,
                   NULL::numeric AS amount,
                   CASE WHEN act.active THEN 'planned' ELSE 'done' END AS state,
                   partner.id AS partner_id,
                   partner.commercial_partner_id,
                   act.user_id,
                   %(company)s AS company_id,
                   act.res_model,
                   act.res_id
              FROM mail_activity act
              JOIN %(table)s doc ON doc.id = act.res_id
              JOIN res_partner partner ON partner.id = %(partner)s
             WHERE act.res_model = %(model)s
            """,
            number=SQL(number),
            company=SQL(company),
            partner=SQL(partner),
            table=self._readable_table(model),
            model=model,
        )

    @api.model
    def _meeting_query(self):
        """Meetings of the customer: those of its opportunities, and those
        planned from the partner itself (the event's customer, as
        ``calendar.event.meeting_customer_id`` reads it). Done once over;
        the amount is the actual cost, or else the expected one."""
        return SQL(
            """
            SELECT ev.id AS row_id,
                   ev.start AS date,
                   'meeting' AS kind,
                   lead.lead_number AS name,
                   ev.name AS title,
                   COALESCE(NULLIF(ev.actual_cost_company, 0),
                            ev.expected_cost_company) AS amount,
                   CASE WHEN ev.stop < (now() AT TIME ZONE 'UTC') THEN 'done'
                        ELSE 'planned' END AS state,
                   partner.id AS partner_id,
                   partner.commercial_partner_id,
                   ev.user_id,
                   COALESCE(lead.company_id, ev.cost_company_id) AS company_id,
                   'calendar.event' AS res_model,
                   ev.id AS res_id
              FROM %s ev
              LEFT JOIN crm_lead lead ON lead.id = ev.opportunity_id
              JOIN res_partner partner ON partner.id = COALESCE(
                  lead.partner_id,
                  CASE WHEN ev.res_model = 'res.partner' THEN ev.res_id END)
            """,
            self._readable_table("calendar.event"),
        )
