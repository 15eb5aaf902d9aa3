# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL


class CrmActivityAnalysis(models.Model):
    """Activity analysis (SPEC §9): one row per activity (planned or done)
    on a lead or a partner, and one per meeting linked to an opportunity or
    a partner.

    A model of its own rather than an extension of ``crm.activity.report``:
    Odoo's analysis reads the messages that done activities leave, which
    carry no link back to their activity (so no time spent, category or
    contact persons) and exist neither for planned activities nor for
    meetings. Here the activities themselves are read: done ones are kept
    (archived) by the CRM activity types.

    - ``time_spent``: the activity's hours, a meeting's duration;
    - costs: meetings' expected and actual costs in the company currency at
      the meeting date (stored on the meeting);
    - ``won_rate``: 100 when the opportunity served is won (active, in a
      won stage), 0 when not, empty for activities without opportunity: its
      average is the won rate of the opportunities served, per salesperson,
      category or customer.

    A UNION ALL of two plain joins: the pivot's read_group is one query.
    Its parts (``_select_activities``, ``_from_activities``... and the
    meetings') are methods, as in ``crm.activity.report``, so that another
    add-on can add a column."""

    _name = "crm.activity.analysis"
    _description = "Activity Analysis"
    _auto = False
    _order = "date desc, id desc"
    _depends = {
        "mail.activity": [
            "res_model",
            "res_id",
            "user_id",
            "activity_type_id",
            "category_id",
            "priority",
            "active",
            "date_deadline",
            "date_done",
            "time_spent",
        ],
        "calendar.event": [
            "opportunity_id",
            "res_model",
            "res_id",
            "user_id",
            "category_id",
            "priority",
            "start",
            "stop",
            "duration",
            "expected_cost_company",
            "actual_cost_company",
            "cost_company_id",
        ],
        "crm.lead": [
            "partner_id",
            "user_id",
            "team_id",
            "company_id",
            "active",
            "stage_id",
        ],
        "crm.stage": ["is_won"],
        "res.partner": ["commercial_partner_id", "company_id"],
    }

    kind = fields.Selection(
        [("activity", "Activity"), ("meeting", "Meeting")], readonly=True
    )
    state = fields.Selection([("planned", "Planned"), ("done", "Done")], readonly=True)
    date = fields.Date(readonly=True)
    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    activity_type_id = fields.Many2one("mail.activity.type", readonly=True)
    category_id = fields.Many2one("crm.activity.category", readonly=True)
    priority = fields.Selection(
        [("0", "Low"), ("1", "Normal"), ("2", "High")], readonly=True
    )
    partner_id = fields.Many2one("res.partner", "Customer", readonly=True)
    lead_id = fields.Many2one("crm.lead", "Opportunity", readonly=True)
    lead_user_id = fields.Many2one(
        "res.users", "Salesperson of the Opportunity", readonly=True
    )
    team_id = fields.Many2one("crm.team", "Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    time_spent = fields.Float("Time Spent (Hours)", readonly=True)
    expected_cost = fields.Monetary(currency_field="currency_id", readonly=True)
    actual_cost = fields.Monetary(currency_field="currency_id", readonly=True)
    won_rate = fields.Float("Won Rate (%)", aggregator="avg", readonly=True)

    @property
    def _table_query(self):
        return SQL(
            "(SELECT %s FROM %s WHERE %s) UNION ALL (SELECT %s FROM %s WHERE %s)",
            self._select_activities(),
            self._from_activities(),
            self._where_activities(),
            self._select_meetings(),
            self._from_meetings(),
            self._where_meetings(),
        )

    def _won_rate(self):
        """100 when the opportunity ``l`` is won, 0 when not, NULL without
        opportunity. Won as everywhere in the family: active, in a won stage
        (``crm.stage.is_won``, joined as ``s``)."""
        return SQL(
            """CASE WHEN l.id IS NULL THEN NULL
                    WHEN l.active AND s.is_won THEN 100.0
                    ELSE 0 END"""
        )

    # Each part below is one branch of the UNION ALL; an add-on that adds a
    # column extends both selects (same position in each).

    def _select_activities(self):
        return SQL(
            """a.id * 2 AS id, 'activity' AS kind,
               CASE WHEN a.active THEN 'planned' ELSE 'done' END AS state,
               COALESCE(a.date_done, a.date_deadline) AS date,
               a.user_id, a.activity_type_id, a.category_id, a.priority,
               COALESCE(lp.commercial_partner_id, p.commercial_partner_id)
                   AS partner_id,
               l.id AS lead_id, l.user_id AS lead_user_id, l.team_id,
               COALESCE(l.company_id, p.company_id) AS company_id,
               c.currency_id,
               a.time_spent, 0.0 AS expected_cost, 0.0 AS actual_cost,
               %s AS won_rate""",
            self._won_rate(),
        )

    def _from_activities(self):
        return SQL(
            """mail_activity a
               LEFT JOIN crm_lead l
                      ON a.res_model = 'crm.lead' AND l.id = a.res_id
               LEFT JOIN crm_stage s ON s.id = l.stage_id
               LEFT JOIN res_partner lp ON lp.id = l.partner_id
               LEFT JOIN res_partner p
                      ON a.res_model = 'res.partner' AND p.id = a.res_id
               LEFT JOIN res_company c
                      ON c.id = COALESCE(l.company_id, p.company_id)"""
        )

    def _where_activities(self):
        return SQL("a.res_model IN ('crm.lead', 'res.partner')")

    def _select_meetings(self):
        return SQL(
            """e.id * 2 + 1, 'meeting',
               CASE WHEN e.stop < NOW() AT TIME ZONE 'UTC' THEN 'done'
                    ELSE 'planned' END,
               e.start::date, e.user_id, NULL, e.category_id, e.priority,
               COALESCE(lp.commercial_partner_id, p.commercial_partner_id),
               l.id, l.user_id, l.team_id, e.cost_company_id, c.currency_id,
               e.duration, e.expected_cost_company, e.actual_cost_company,
               %s""",
            self._won_rate(),
        )

    def _from_meetings(self):
        return SQL(
            """calendar_event e
               LEFT JOIN crm_lead l ON l.id = e.opportunity_id
               LEFT JOIN crm_stage s ON s.id = l.stage_id
               LEFT JOIN res_partner lp ON lp.id = l.partner_id
               LEFT JOIN res_partner p
                      ON e.res_model = 'res.partner' AND p.id = e.res_id
               LEFT JOIN res_company c ON c.id = e.cost_company_id"""
        )

    def _where_meetings(self):
        return SQL(
            "e.active AND (e.opportunity_id IS NOT NULL OR e.res_model = 'res.partner')"
        )
