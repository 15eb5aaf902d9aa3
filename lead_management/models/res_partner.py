# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    # the company profile (industry_id is base's); the leads take it from
    # their partner's commercial entity (crm_lead_company_profile.py)
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

    def action_update_linked_leads(self):
        """Refresh the leads of these partners, and of their contacts, from
        the partner or contact each lead is linked to."""
        leads = self.env["crm.lead"].search([("partner_id", "child_of", self.ids)])
        return leads.action_sync_from_partner()
