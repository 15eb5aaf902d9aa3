# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL

from ..models.crm_lead import PROCESS_STAGES

# Days per stage: the finished stays (history) plus the stay in progress;
# NULL for a lead that never was in the stage, so averages count only leads
# that were.
STAGE_DAYS_SQL = """
    CASE WHEN h.{stage} IS NULL AND l.process_stage IS DISTINCT FROM '{stage}'
         THEN NULL
         ELSE COALESCE(h.{stage}, 0) + CASE WHEN l.process_stage = '{stage}'
              THEN EXTRACT(EPOCH FROM (NOW() AT TIME ZONE 'UTC'
                   - COALESCE(l.process_stage_date, l.create_date))) / 86400.0
              ELSE 0 END
    END AS days_{stage}"""
TIMED_STAGES = ("qualification", "distribution", "transfer", "waiting")


class CrmLeadFunnelReport(models.Model):
    """Lead funnel (SPEC §8): one row per lead that went through the process
    (``process_stage`` set), archived and lost ones included.

    - counts per process stage and need maturity;
    - conversion rates as averages of 0/100 per lead: lead → opportunity
      over all leads, lead → won over all leads, opportunity → won over the
      opportunities only (NULL elsewhere, which an average skips);
    - days in each stage from ``crm.lead.process.history`` (finished stays)
      plus the current stay: averages over the leads that were in it.

    A plain view over ``crm_lead`` and one grouped read of the history: the
    pivot's read_group is one query whatever the number of leads."""

    _name = "crm.lead.funnel.report"
    _inherit = ["crm.process.stage.group.mixin"]
    _description = "Lead Funnel"
    _auto = False
    _rec_name = "lead_id"
    _order = "create_date desc, id desc"
    _depends = {
        "crm.lead": [
            "process_stage",
            "process_stage_date",
            "need_maturity_id",
            "source_id",
            "medium_id",
            "campaign_id",
            "team_id",
            "user_id",
            "lead_type_id",
            "company_id",
            "create_date",
            "type",
            "active",
            "probability",
        ],
        "crm.lead.process.history": ["lead_id", "process_stage", "duration_days"],
    }

    lead_id = fields.Many2one("crm.lead", readonly=True)
    process_stage = fields.Selection(PROCESS_STAGES, readonly=True)
    need_maturity_id = fields.Many2one("crm.lead.maturity", readonly=True)
    source_id = fields.Many2one("utm.source", readonly=True)
    medium_id = fields.Many2one("utm.medium", readonly=True)
    campaign_id = fields.Many2one("utm.campaign", readonly=True)
    team_id = fields.Many2one("crm.team", "Sales Team", readonly=True)
    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    lead_type_id = fields.Many2one("crm.lead.type", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    create_date = fields.Datetime("Created on", readonly=True)
    # not "active": the ORM would hide lost leads from the funnel
    lead_active = fields.Boolean("Active Lead", readonly=True)
    opportunity_rate = fields.Float(
        "Lead → Opportunity (%)", aggregator="avg", readonly=True
    )
    won_rate = fields.Float("Lead → Won (%)", aggregator="avg", readonly=True)
    opportunity_won_rate = fields.Float(
        "Opportunity → Won (%)", aggregator="avg", readonly=True
    )
    days_qualification = fields.Float(
        "Days in Qualification", aggregator="avg", readonly=True
    )
    days_distribution = fields.Float(
        "Days in Distribution", aggregator="avg", readonly=True
    )
    days_transfer = fields.Float(
        "Days in Transfer to sale", aggregator="avg", readonly=True
    )
    days_waiting = fields.Float(
        "Days Waiting for sale", aggregator="avg", readonly=True
    )

    @property
    def _table_query(self):
        history = ", ".join(
            f"SUM(duration_days) FILTER (WHERE process_stage = '{stage}') AS {stage}"
            for stage in TIMED_STAGES
        )
        days = ",".join(STAGE_DAYS_SQL.format(stage=stage) for stage in TIMED_STAGES)
        return SQL(
            f"""
            SELECT l.id, l.id AS lead_id, l.process_stage, l.need_maturity_id,
                   l.source_id, l.medium_id, l.campaign_id, l.team_id,
                   l.user_id, l.lead_type_id, l.company_id, l.create_date,
                   l.active AS lead_active,
                   CASE WHEN l.type = 'opportunity' THEN 100.0 ELSE 0 END
                       AS opportunity_rate,
                   CASE WHEN l.active AND l.probability = 100 THEN 100.0
                        ELSE 0 END AS won_rate,
                   CASE WHEN l.type <> 'opportunity' THEN NULL
                        WHEN l.active AND l.probability = 100 THEN 100.0
                        ELSE 0 END AS opportunity_won_rate,
                   {days}
              FROM crm_lead l
              LEFT JOIN (
                  SELECT lead_id, {history}
                    FROM crm_lead_process_history
                   GROUP BY lead_id
              ) h ON h.lead_id = l.id
             WHERE l.process_stage IS NOT NULL
            """  # noqa: S608 - constants only, no user input
        )
