# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # The optional add-ons of the family (SPEC section 0): ticking one installs
    # it, unticking uninstalls it, as crm's own module_crm_iap_enrich does.
    module_lead_management_process = fields.Boolean(
        "Lead Qualification Process",
        help="A guided process from first contact to sale on leads: "
        "qualification, distribution, transfer to sale, outcomes of "
        "activities and a lead funnel.",
    )
    module_lead_management_activity = fields.Boolean(
        "CRM Activities as History",
        help="Priority, category, contact persons and time spent on the "
        "activities of leads and partners, done ones kept as history, "
        "meetings with costs and an activity analysis.",
    )
    module_lead_management_campaign = fields.Boolean(
        "Campaign Figures",
        help="Plan, costs and revenue of marketing campaigns, their analysis "
        "and printable report, and the company profile on leads.",
    )
    module_lead_management_reminder = fields.Boolean(
        "Deadline Reminders",
        help="Remind the owners of activities a number of days before the "
        "deadline, per activity type.",
    )
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
