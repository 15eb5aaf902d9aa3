# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    offer_conversion_mode = fields.Selection(
        related="company_id.offer_conversion_mode", readonly=False
    )
    pipeline_detailed_cards = fields.Boolean(
        related="company_id.pipeline_detailed_cards", readonly=False
    )
    lead_stale_enabled = fields.Boolean(
        related="company_id.lead_stale_enabled", readonly=False
    )
    lead_stale_days = fields.Integer(
        related="company_id.lead_stale_days", readonly=False
    )
    lead_stale_lost_reason_id = fields.Many2one(
        related="company_id.lead_stale_lost_reason_id", readonly=False
    )
    lead_recurrence_horizon_days = fields.Integer(
        related="company_id.lead_recurrence_horizon_days", readonly=False
    )
    traceability_print_limit = fields.Integer(
        related="company_id.traceability_print_limit", readonly=False
    )
