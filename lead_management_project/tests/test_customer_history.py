# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import tagged

from odoo.addons.lead_management.tests.common import (
    LeadManagementCommon,
    new_sales_user,
)


@tagged("post_install", "-at_install")
class TestCustomerHistoryProjects(LeadManagementCommon):
    """Projects and tasks, and the e-mails on them, in the customer's
    history (the core's ``_history_sources`` extended by this add-on)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project_user = new_sales_user(
            cls.env,
            "lm_history_project_user",
            "sales_team.group_sale_salesman,project.group_project_user",
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Project Customer", "is_company": True}
        )
        cls.contact = cls.env["res.partner"].create(
            {"name": "Project Contact", "parent_id": cls.customer.id}
        )
        Project = cls.env["project.project"]
        cls.project = Project.create(
            {
                "name": "Customer fit-out",
                "partner_id": cls.customer.id,
                "privacy_visibility": "employees",
            }
        )
        cls.private = Project.create(
            {
                "name": "Private project",
                "partner_id": cls.customer.id,
                "privacy_visibility": "followers",
            }
        )
        cls.task = cls.env["project.task"].create(
            {
                "name": "Measure the rooms",
                "project_id": cls.project.id,
                "partner_id": cls.contact.id,
                "user_ids": [Command.set(cls.project_user.ids)],
            }
        )
        cls.done_task = cls.env["project.task"].create(
            {
                "name": "Order the furniture",
                "project_id": cls.project.id,
                "partner_id": cls.customer.id,
                "state": "1_done",
            }
        )
        cls.task.message_post(
            body="When do you come?", subject="Customer asks", message_type="email"
        )

    def _rows(self, user=None):
        history = self.env["crm.customer.history"]
        return (history.with_user(user) if user else history).search(
            [
                ("partner_id", "child_of", self.customer.id),
                ("res_model", "in", ("project.project", "project.task")),
            ]
        )

    def test_projects_and_tasks(self):
        """The customer's projects and its contact's tasks, with their
        state, responsible and the e-mail on a task."""
        rows = self._rows()
        by_title = {(row.kind, row.title): row for row in rows}
        self.assertEqual(
            set(by_title),
            {
                ("project", "Customer fit-out"),
                ("project", "Private project"),
                ("task", "Measure the rooms"),
                ("task", "Order the furniture"),
                ("email", "Customer asks"),
            },
        )
        task = by_title["task", "Measure the rooms"]
        self.assertEqual(
            (task.state, task.user_id, task.partner_id, task.name),
            ("open", self.project_user, self.contact, "Customer fit-out"),
        )
        self.assertEqual(by_title["task", "Order the furniture"].state, "done")
        self.assertEqual(by_title["project", "Customer fit-out"].state, "open")
        email = by_title["email", "Customer asks"]
        self.assertEqual(
            (email.res_model, email.res_id), ("project.task", self.task.id)
        )

    def test_project_rules(self):
        """Project's rules: a project user or a salesman does not see the
        private project he does not follow, the employees' project he
        does."""
        titles = self._rows(self.project_user).mapped("title")
        self.assertIn("Customer fit-out", titles)
        self.assertIn("Measure the rooms", titles)
        self.assertNotIn("Private project", titles)
        titles = self._rows(self.salesman).mapped("title")
        self.assertIn("Customer fit-out", titles)
        self.assertNotIn("Private project", titles)

    def test_search_filters(self):
        """The history's search view has this add-on's kinds."""
        arch = self.env["crm.customer.history"].get_view(view_type="search")["arch"]
        self.assertIn('name="kind_project"', arch)
        self.assertIn('name="kind_task"', arch)
