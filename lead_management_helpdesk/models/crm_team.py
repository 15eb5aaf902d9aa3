# Copyright 2026 Lead Management Developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CrmTeam(models.Model):
    _inherit = "crm.team"

    helpdesk_team_id = fields.Many2one(
        "helpdesk.ticket.team",
        domain="[('company_id', 'in', [company_id, False])]",
        help="The team of the tickets made from the opportunities of this "
        "sales team; when empty, the one of the company's CRM settings.",
    )
