# Copyright 2026 Lead Management Developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    lead_helpdesk_team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Helpdesk Team of Opportunities",
        domain="[('company_id', 'in', [id, False])]",
        help="The team of the tickets made from an opportunity whose sales "
        "team names none.",
    )
