# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    # the company profile (industry_id is base's); the leads take it from
    # their partner's commercial entity (crm_lead.py)
    competitor_ids = fields.Many2many(
        "res.partner",
        "res_partner_competitor_rel",
        "partner_id",
        "competitor_id",
        string="Competitors",
        help="The companies competing for this customer's business.",
    )
    turnover = fields.Monetary(
        help="Yearly turnover of the company, in the company currency."
    )
    employee_count = fields.Integer(
        string="Employees", help="Number of employees of the company."
    )
