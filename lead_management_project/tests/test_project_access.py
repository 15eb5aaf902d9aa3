# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.lead_management.tests.common import new_sales_user

from .common import ProjectCommon


@tagged("post_install", "-at_install")
class TestProjectAccess(ProjectCommon):
    """Project's and sales' groups as they are: a salesman without Project
    rights sees the count and no task; another company's opportunity is
    refused."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        offer = cls._create_project_offer()
        offer.action_confirm()
        cls.project = offer.order_line.project_id

    def test_salesman_without_project_rights(self):
        """The salesman (no Project group) reads the count and the tab's
        rows, gets no New Project button, a list of projects (no cards that
        open tasks) and may not create a project."""
        self.assertFalse(self.salesman.has_group("project.group_project_user"))
        lead = self.opportunity.with_user(self.salesman)
        self.assertEqual(lead.project_count, 1)
        [row] = lead.project_ids.read(["name", "task_open_count", "sale_order_id"])
        self.assertEqual(row["id"], self.project.id)
        arch = etree.fromstring(lead.get_view(view_type="form")["arch"])
        self.assertTrue(arch.xpath("//page[@name='projects']"))
        self.assertTrue(arch.xpath("//button[@name='action_view_projects']"))
        self.assertFalse(arch.xpath("//button[@name='action_new_project']"))
        action = lead.action_view_projects()
        self.assertEqual(action["views"], [(False, "form")])
        self.env["project.project"].create(
            {"name": "Second", "opportunity_id": self.opportunity.id}
        )
        self.opportunity.invalidate_recordset(["project_count"])
        action = lead.action_view_projects()
        self.assertNotIn("kanban", [view_type for _view, view_type in action["views"]])
        with self.assertRaises(AccessError):
            self.env["project.project"].with_user(self.salesman).create(
                {"name": "Mine", "opportunity_id": self.opportunity.id}
            )

    def test_project_manager(self):
        """A salesman who is a project manager gets New Project and
        Project's cards."""
        lead = self.opportunity.with_user(self.project_manager)
        arch = etree.fromstring(lead.get_view(view_type="form")["arch"])
        self.assertTrue(arch.xpath("//button[@name='action_new_project']"))
        self.env["project.project"].create(
            {"name": "Second", "opportunity_id": self.opportunity.id}
        )
        action = lead.action_view_projects()
        self.assertIn("kanban", [view_type for _view, view_type in action["views"]])

    def test_other_company_opportunity_refused(self):
        """A project manager of company B cannot make a project for company
        A's opportunity: a clear error naming it, not a silent link."""
        manager_b = new_sales_user(
            self.env,
            "lm_project_manager_b",
            "sales_team.group_sale_salesman,project.group_project_manager",
            companies=self.company_b,
        )
        with self.assertRaisesRegex(AccessError, "company you do not work in"):
            self.env["project.project"].with_user(manager_b).create(
                {"name": "Foreign", "opportunity_id": self.opportunity.id}
            )

    def test_project_manager_without_sales_rights(self):
        """A project manager without sales rights edits a project of an
        opportunity as in stock Project, and does not see the opportunity
        on its form."""
        user = new_test_user(
            self.env, "lm_project_only", groups="project.group_project_manager"
        )
        project = self.project.with_user(user)
        project.write({"name": "Renamed", "company_id": self.company.id})
        self.assertEqual(project.name, "Renamed")
        arch = etree.fromstring(project.get_view(view_type="form")["arch"])
        self.assertFalse(arch.xpath("//field[@name='opportunity_id']"))
