# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command

from odoo.addons.lead_management.tests.common import OfferCommon, new_sales_user


class ProjectCommon(OfferCommon):
    """Service products that create a project, a project and its tasks; a
    salesman who is a project manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.project_manager = new_sales_user(
            cls.env,
            "lm_project_manager",
            "sales_team.group_sale_salesman_all_leads,project.group_project_manager",
        )
        hour = cls.env.ref("uom.product_uom_hour")
        cls.service_project = cls.env["product.product"].create(
            {
                "name": "Fit-out project",
                "type": "service",
                "service_tracking": "project_only",
                "list_price": 1000,
                "uom_id": hour.id,
                "uom_po_id": hour.id,
            }
        )
        cls.service_task = cls.env["product.product"].create(
            {
                "name": "Fit-out with a task",
                "type": "service",
                "service_tracking": "task_in_project",
                "list_price": 500,
                "uom_id": hour.id,
                "uom_po_id": hour.id,
            }
        )

    @classmethod
    def _create_project_offer(cls, opportunity=None, product=None, **values):
        """An offer of the opportunity with one line of a service product
        that creates a project."""
        opportunity = opportunity or cls.opportunity
        return cls.env["sale.order"].create(
            {
                "partner_id": opportunity.partner_id.id,
                "opportunity_id": opportunity.id,
                "user_id": opportunity.user_id.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": (product or cls.service_project).id,
                            "product_uom_qty": 3,
                        }
                    )
                ],
                **values,
            }
        )
