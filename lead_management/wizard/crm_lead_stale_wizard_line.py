# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CrmLeadStaleWizardLine(models.TransientModel):
    _name = "crm.lead.stale.wizard.line"
    _description = "Stale Opportunity (Preview)"
    _order = "id"

    wizard_id = fields.Many2one(
        "crm.lead.stale.wizard", required=True, ondelete="cascade"
    )
    lead_id = fields.Many2one("crm.lead", string="Opportunity", required=True)
    company_id = fields.Many2one(related="lead_id.company_id")
    user_id = fields.Many2one(related="lead_id.user_id")
    last_activity = fields.Datetime()
    activity_names = fields.Char(string="Activities to Close")
    cancel_order_ids = fields.Many2many(
        "sale.order",
        "crm_lead_stale_wizard_line_cancel_rel",
        string="Offers to Cancel",
    )
    draft_order_ids = fields.Many2many(
        "sale.order",
        "crm_lead_stale_wizard_line_draft_rel",
        string="Draft Offers Left Open",
    )
