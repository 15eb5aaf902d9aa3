# Copyright 2026 Lead Management Developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    lead_helpdesk_team_id = fields.Many2one(
        related="company_id.lead_helpdesk_team_id", readonly=False
    )
