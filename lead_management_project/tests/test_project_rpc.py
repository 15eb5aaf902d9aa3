# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import xmlrpc.client

from odoo.tests import HttpCase, tagged

from odoo.addons.lead_management.tests.common import new_sales_user


@tagged("post_install", "-at_install")
class TestProjectRpc(HttpCase):
    """A project created for an opportunity and the Projects tab's rows
    read over XML-RPC, as an integrator meets them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project_manager = new_sales_user(
            cls.env,
            "lm_rpc_project_manager",
            "sales_team.group_sale_salesman_all_leads,project.group_project_manager",
            password="lm_rpc_project_manager",
        )
        cls.company_b = cls.env["res.company"].create({"name": "RPC Company B"})
        cls.manager_b = new_sales_user(
            cls.env,
            "lm_rpc_project_manager_b",
            "sales_team.group_sale_salesman_all_leads,project.group_project_manager",
            companies=cls.company_b,
            password="lm_rpc_project_manager_b",
        )
        cls.partner = cls.env["res.partner"].create({"name": "RPC Customer"})
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "RPC fit-out",
                "type": "opportunity",
                "partner_id": cls.partner.id,
                "user_id": cls.project_manager.id,
            }
        )

    def _execute(self, user, model, method, *args, **kwargs):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, user.id, user.login, model, method, list(args), kwargs
        )

    def test_create_project_and_read_rows(self):
        """Create a project with a name and the opportunity; read the tab's
        rows: the project, its task progress, its manager."""
        project_id = self._execute(
            self.project_manager,
            "project.project",
            "create",
            {"name": "RPC survey", "opportunity_id": self.lead.id},
        )
        self._execute(
            self.project_manager,
            "project.task",
            "create",
            [
                {"name": "Measure", "project_id": project_id, "state": "1_done"},
                {"name": "Plan", "project_id": project_id},
            ],
        )
        [lead] = self._execute(
            self.project_manager,
            "crm.lead",
            "read",
            [self.lead.id],
            ["project_ids", "project_count"],
        )
        self.assertEqual(lead["project_ids"], [project_id])
        self.assertEqual(lead["project_count"], 1)
        [row] = self._execute(
            self.project_manager,
            "project.project",
            "read",
            lead["project_ids"],
            ["name", "task_open_count", "task_done_count", "partner_id", "user_id"],
        )
        self.assertEqual(row["name"], "RPC survey")
        self.assertEqual((row["task_open_count"], row["task_done_count"]), (1, 1))
        self.assertEqual(row["partner_id"][0], self.partner.id)
        self.assertEqual(row["user_id"][0], self.project_manager.id)
        found = self._execute(
            self.project_manager,
            "project.project",
            "search",
            [("opportunity_id", "=", self.lead.id)],
        )
        self.assertEqual(found, [project_id])

    def test_other_company_opportunity_refused(self):
        """Company B's project manager gets a clear error, and no project, for
        company A's opportunity."""
        with self.assertRaisesRegex(xmlrpc.client.Fault, "company you do not work in"):
            self._execute(
                self.manager_b,
                "project.project",
                "create",
                {"name": "Foreign", "opportunity_id": self.lead.id},
            )
        self.assertFalse(self.lead.project_ids)
