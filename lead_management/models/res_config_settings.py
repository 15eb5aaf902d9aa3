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
    # The optional add-ons of the family (SPEC section 0), one checkbox each,
    # as crm offers its own optional modules: ticking installs the add-on.
    module_lead_management_process = fields.Boolean(
        "Lead Qualification Process",
        help="Process stages on leads (qualification, distribution, contact), "
        "activity outcomes that move them, the transfer to an opportunity "
        "and the funnel report. It works on leads: turn on Leads above.",
    )
    module_lead_management_activity = fields.Boolean(
        "CRM Activities",
        help="Done contacts and meetings kept as the customer's history, with "
        "priority, category, contact persons, time spent and meeting costs, "
        "and the activity analysis.",
    )
    module_lead_management_campaign = fields.Boolean(
        "Marketing Campaigns",
        help="A campaign's plan, costs from vendor bills, revenue from orders "
        "and invoices, its analysis and report, and the company profile of "
        "leads.",
    )
    module_lead_management_reminder = fields.Boolean(
        "Deadline Reminders",
        help="Activity types that remind their owners of a coming deadline, "
        "by e-mail or in Odoo as each user chose.",
    )
    module_lead_management_project = fields.Boolean(
        "Projects of Opportunities",
        help="A Projects tab on the opportunity: the projects of its orders "
        "and those created from it, with their tasks' progress; offers of "
        "project type. Installs Project.",
    )
    module_lead_management_helpdesk = fields.Boolean(
        "Tickets of Opportunities",
        help="A Tickets tab on the opportunity: internal requests about it "
        "(legal review, pre-sales, pricing) as helpdesk tickets, their stage "
        "changes logged on it. Installs OCA's Helpdesk.",
    )
