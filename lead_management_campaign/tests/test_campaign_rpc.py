# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import xmlrpc.client
from datetime import date

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.lead_management.tests.common import new_sales_user


@tagged("post_install", "-at_install")
class TestCampaignRpc(HttpCase):
    """Campaign figures read over XML-RPC, and the plan refused to a
    salesman, as an integrator meets them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_sales_user(
            cls.env,
            "lm_rpc_campaign_manager",
            "sales_team.group_sale_manager,account.group_account_invoice",
            password="lm_rpc_campaign_manager",
        )
        cls.salesman = new_sales_user(
            cls.env, "lm_rpc_campaign_salesman", password="lm_rpc_campaign_salesman"
        )
        cls.campaign = cls.env["utm.campaign"].create({"title": "RPC Fair"})
        vendor = cls.env["res.partner"].create({"name": "RPC Fair Organiser"})
        bill = cls.env["account.move"].create(
            {
                "move_type": "in_invoice",
                "partner_id": vendor.id,
                "invoice_date": date(2026, 3, 1),
                "campaign_id": cls.campaign.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Stand",
                            "quantity": 1,
                            "price_unit": 1200,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        bill.action_post()
        cls.env["crm.lead"].create(
            [
                {"name": f"RPC fair lead {i}", "campaign_id": cls.campaign.id}
                for i in range(3)
            ]
        )

    def _execute(self, user, model, method, *args, **kwargs):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, user.id, user.login, model, method, list(args), kwargs
        )

    def test_read_figures_and_plan(self):
        self._execute(
            self.manager,
            "utm.campaign",
            "write",
            [self.campaign.id],
            {"estimated_cost": 1500, "date_start": "2026-03-01"},
        )
        [figures] = self._execute(
            self.manager,
            "utm.campaign",
            "read",
            [self.campaign.id],
            ["estimated_cost", "actual_cost", "lead_count", "cost_per_lead", "roi"],
        )
        self.assertEqual(figures["estimated_cost"], 1500)
        self.assertEqual(figures["actual_cost"], 1200)
        self.assertEqual(figures["lead_count"], 3)
        self.assertEqual(figures["cost_per_lead"], 400)
        self.assertEqual(figures["roi"], -1)
        with self.assertRaisesRegex(xmlrpc.client.Fault, "AccessError|sales manager"):
            self._execute(
                self.salesman,
                "utm.campaign",
                "write",
                [self.campaign.id],
                {"estimated_cost": 1},
            )
