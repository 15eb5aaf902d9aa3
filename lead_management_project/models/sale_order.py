# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class SaleOrder(models.Model):
    """Offers of project type."""

    _inherit = "sale.order"

    is_project_offer = fields.Boolean(
        compute="_compute_is_project_offer",
        string="Project Type",
        help="Its lines create a project or tasks when it is confirmed: "
        "service products whose Create on Order is not Nothing.",
    )

    @api.depends("order_line.product_id.service_tracking", "order_line.is_service")
    def _compute_is_project_offer(self):
        # the lines sale_project makes projects or tasks from
        for order in self:
            order.is_project_offer = any(
                line.is_service and line.product_id.service_tracking != "no"
                for line in order.order_line
            )
