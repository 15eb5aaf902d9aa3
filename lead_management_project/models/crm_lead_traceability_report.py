# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CrmLeadTraceabilityReport(models.Model):
    """The traceability rows mark offers of project type and show the
    projects of their order (computed beside the core's SQL view: they are
    read for the rows on screen, not grouped)."""

    _inherit = "crm.lead.traceability.report"

    is_project_offer = fields.Boolean(
        related="offer_id.is_project_offer", string="Project Type"
    )
    project_ids = fields.Many2many(
        "project.project", compute="_compute_project_ids", string="Projects"
    )

    def _compute_project_ids(self):
        # one search for the rows on screen: the projects sale_project made
        # from their orders (or their offers confirmed in place)
        orders = self.order_id | self.offer_id
        projects = self.env["project.project"].search(
            [("sale_line_id.order_id", "in", orders.ids)]
        )
        by_order = projects.grouped("sale_order_id")
        empty = self.env["project.project"]
        for row in self:
            row.project_ids = by_order.get(row.order_id, empty) | by_order.get(
                row.offer_id, empty
            )
