# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class LeadManagementCommon(BaseCommon):
    """Two companies, a salesman and a sales manager, and two lead types."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Company B"})
        cls.salesman = new_test_user(
            cls.env,
            login="lm_salesman",
            groups="sales_team.group_sale_salesman",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )
        cls.manager = new_test_user(
            cls.env,
            login="lm_manager",
            groups="sales_team.group_sale_manager",
            company_id=cls.company.id,
            company_ids=[(6, 0, (cls.company | cls.company_b).ids)],
        )
        cls.user_b = new_test_user(
            cls.env,
            login="lm_salesman_b",
            groups="sales_team.group_sale_salesman_all_leads",
            company_id=cls.company_b.id,
            company_ids=[(6, 0, cls.company_b.ids)],
        )
        cls.type_new = cls.env["crm.lead.type"].create(
            {"name": "Test new business", "color": 3, "sequence": 1}
        )
        cls.type_upsell = cls.env["crm.lead.type"].create(
            {"name": "Test upsell", "color": 7, "sequence": 2}
        )
        cls.partner = cls.env["res.partner"].create({"name": "Test Customer"})

    @classmethod
    def _create_leads(cls, count, **values):
        return cls.env["crm.lead"].create(
            [
                {"name": f"Test lead {index}", "type": "opportunity", **values}
                for index in range(count)
            ]
        )


class OfferCommon(LeadManagementCommon):
    """An opportunity with a customer, products with taxes and a pricelist."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tax = cls.env["account.tax"].create(
            {"name": "Test VAT 19%", "amount": 19, "type_tax_use": "sale"}
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "Office chair",
                "list_price": 200,
                "taxes_id": [(6, 0, cls.tax.ids)],
            }
        )
        cls.service = cls.env["product.product"].create(
            {"name": "Installation", "type": "service", "list_price": 80}
        )
        cls.pricelist = cls.env["product.pricelist"].create(
            {
                "name": "Test 10% off chairs",
                "item_ids": [
                    (
                        0,
                        0,
                        {
                            "applied_on": "0_product_variant",
                            "product_id": cls.product.id,
                            "compute_price": "percentage",
                            "percent_price": 10,
                        },
                    )
                ],
            }
        )
        cls.opportunity = cls.env["crm.lead"].create(
            {
                "name": "Chairs for the new office",
                "type": "opportunity",
                "partner_id": cls.partner.id,
                "user_id": cls.salesman.id,
                "lead_type_id": cls.type_new.id,
            }
        )

    @classmethod
    def _create_offer(cls, opportunity=None, **values):
        """An offer with a section, a note, a discounted taxed line, a service."""
        opportunity = opportunity or cls.opportunity
        return cls.env["sale.order"].create(
            {
                "partner_id": opportunity.partner_id.id or cls.partner.id,
                "opportunity_id": opportunity.id,
                "pricelist_id": cls.pricelist.id,
                "user_id": opportunity.user_id.id,
                "note": "Delivery within 3 weeks.",
                "order_line": [
                    (0, 0, {"display_type": "line_section", "name": "Furniture"}),
                    (0, 0, {"product_id": cls.product.id, "product_uom_qty": 10}),
                    (0, 0, {"display_type": "line_note", "name": "Assembled"}),
                    (
                        0,
                        0,
                        {
                            "product_id": cls.service.id,
                            "product_uom_qty": 2,
                            "discount": 25,
                        },
                    ),
                ],
                **values,
            }
        )

    @classmethod
    def _set_conversion_mode(cls, mode, company=None):
        (company or cls.env.company).offer_conversion_mode = mode
