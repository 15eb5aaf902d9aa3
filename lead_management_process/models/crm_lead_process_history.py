# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .crm_lead import PROCESS_STAGES


class CrmLeadProcessHistory(models.Model):
    """One finished stay of a lead in a process stage.

    Written by ``crm.lead`` when its ``process_stage`` changes (the stay that
    ends); the stay in progress is the lead's own ``process_stage`` since
    ``process_stage_date``. The lead funnel adds both up per stage, so the
    time spent in each stage never depends on the chatter."""

    _name = "crm.lead.process.history"
    _description = "Lead Process Stage History"
    _order = "lead_id, date_start, id"

    lead_id = fields.Many2one(
        "crm.lead", required=True, index=True, ondelete="cascade", readonly=True
    )
    process_stage = fields.Selection(PROCESS_STAGES, required=True, readonly=True)
    date_start = fields.Datetime(required=True, readonly=True)
    date_end = fields.Datetime(required=True, readonly=True)
    duration_days = fields.Float(
        "Days", digits=(16, 2), readonly=True, aggregator="sum"
    )
    user_id = fields.Many2one("res.users", "Changed by", readonly=True)
