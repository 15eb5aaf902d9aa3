# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class CalendarEvent(models.Model):
    """Meetings with a customer (SPEC §9): priority, category, and the
    expected and actual costs, each in its own currency, with their value in
    the company currency at the meeting's date for the activity analysis.

    The company is the opportunity's, else the organizer's."""

    _inherit = "calendar.event"

    priority = fields.Selection(
        [("0", "Low"), ("1", "Normal"), ("2", "High")], default="1"
    )
    category_id = fields.Many2one("crm.activity.category")
    expected_cost = fields.Monetary(currency_field="expected_cost_currency_id")
    expected_cost_currency_id = fields.Many2one(
        "res.currency",
        default=lambda self: self.env.company.currency_id,
    )
    actual_cost = fields.Monetary(currency_field="actual_cost_currency_id")
    actual_cost_currency_id = fields.Many2one(
        "res.currency",
        default=lambda self: self.env.company.currency_id,
    )
    # the customer met: its contacts and the employees may attend
    meeting_customer_id = fields.Many2one(
        "res.partner", compute="_compute_meeting_customer_id", string="Customer"
    )
    cost_company_id = fields.Many2one(
        "res.company", compute="_compute_costs_company", store=True
    )
    company_currency_id = fields.Many2one(
        related="cost_company_id.currency_id", string="Company Currency"
    )
    expected_cost_company = fields.Monetary(
        "Expected Cost (Company Currency)",
        currency_field="company_currency_id",
        compute="_compute_costs_company",
        store=True,
    )
    actual_cost_company = fields.Monetary(
        "Actual Cost (Company Currency)",
        currency_field="company_currency_id",
        compute="_compute_costs_company",
        store=True,
    )

    @api.depends("opportunity_id.partner_id", "res_model", "res_id")
    def _compute_meeting_customer_id(self):
        for event in self:
            partner = event.opportunity_id.partner_id
            if not partner and event.res_model == "res.partner" and event.res_id:
                partner = self.env["res.partner"].browse(event.res_id).exists()
            event.meeting_customer_id = partner.commercial_partner_id

    @api.depends(
        "expected_cost",
        "expected_cost_currency_id",
        "actual_cost",
        "actual_cost_currency_id",
        "start",
        "opportunity_id.company_id",
        "user_id.company_id",
    )
    def _compute_costs_company(self):
        for event in self:
            company = (
                event.opportunity_id.company_id
                or event.user_id.company_id
                or self.env.company
            )
            event.cost_company_id = company
            day = (event.start or fields.Datetime.now()).date()
            event.expected_cost_company = self._cost_in_company_currency(
                event.expected_cost, event.expected_cost_currency_id, company, day
            )
            event.actual_cost_company = self._cost_in_company_currency(
                event.actual_cost, event.actual_cost_currency_id, company, day
            )

    @api.model
    def _cost_in_company_currency(self, amount, currency, company, day):
        if not amount or not currency or currency == company.currency_id:
            return amount
        return currency._convert(amount, company.currency_id, company, day)
