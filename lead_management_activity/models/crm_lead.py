# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CrmLead(models.Model):
    """The opportunity's meeting costs (SPEC §9): the sums of its meetings'
    expected and actual costs in the company currency."""

    _inherit = "crm.lead"

    meeting_expected_cost = fields.Monetary(
        "Expected Meeting Costs",
        currency_field="company_currency",
        compute="_compute_meeting_costs",
    )
    meeting_actual_cost = fields.Monetary(
        "Actual Meeting Costs",
        currency_field="company_currency",
        compute="_compute_meeting_costs",
    )

    def _compute_meeting_costs(self):
        totals = {
            lead: (expected, actual)
            for lead, expected, actual in self.env["calendar.event"]._read_group(
                [("opportunity_id", "in", self._origin.ids)],
                ["opportunity_id"],
                ["expected_cost_company:sum", "actual_cost_company:sum"],
            )
        }
        for lead in self:
            lead.meeting_expected_cost, lead.meeting_actual_cost = totals.get(
                lead._origin, (0.0, 0.0)
            )
