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
