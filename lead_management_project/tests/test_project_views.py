# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.tests import HttpCase, tagged

from odoo.addons.lead_management.tests.common import new_sales_user

from .common import ProjectCommon


@tagged("post_install", "-at_install")
class TestProjectViews(ProjectCommon):
    """The opportunity's Projects tab, button and smart button, the offers
    of project type, and the opportunity on Project's views."""

    def _arch(self, model, view_type, user=None):
        records = self.env[model].with_user(user or self.project_manager)
        return etree.fromstring(records.get_view(view_type=view_type)["arch"])

    def test_opportunity_form(self):
        """The form has the Projects tab (project, open and done tasks,
        order, offer number, manager), New Project in the header and the
        smart button; the Offers tab marks offers of project type."""
        arch = self._arch("crm.lead", "form")
        (page,) = arch.xpath("//page[@name='projects']")
        self.assertEqual(page.get("invisible"), "type == 'lead'")
        columns = page.xpath(".//field[@name='project_ids']/list/field/@name")
        for name in (
            "name",
            "task_open_count",
            "task_done_count",
            "sale_order_id",
            "offer_number",
            "user_id",
        ):
            with self.subTest(column=name):
                self.assertIn(name, columns)
        self.assertTrue(arch.xpath("//header//button[@name='action_new_project']"))
        self.assertTrue(
            arch.xpath(
                "//div[@name='button_box']/button[@name='action_view_projects']"
                "/field[@name='project_count']"
            )
        )
        self.assertTrue(
            arch.xpath(
                "//field[@name='offer_ids']/list/field[@name='is_project_offer']"
            )
        )

    def test_project_views(self):
        """The opportunity is on the project's form, list, cards and search
        (with a group by), for users with sales rights."""
        checks = {
            "form": "//field[@name='opportunity_id']",
            "list": "//field[@name='opportunity_id']",
            "kanban": "//span[@name='opportunity_name']/field[@name='opportunity_id']",
            "search": "//field[@name='opportunity_id']",
        }
        for view_type, xpath in checks.items():
            with self.subTest(view_type=view_type):
                self.assertTrue(self._arch("project.project", view_type).xpath(xpath))
        search = self._arch("project.project", "search")
        self.assertTrue(search.xpath("//filter[@name='group_by_opportunity']"))

    def test_traceability_list(self):
        """The traceability list shows the project type and the projects."""
        arch = self._arch("crm.lead.traceability.report", "list")
        for name in ("is_project_offer", "project_ids"):
            with self.subTest(field=name):
                self.assertTrue(arch.xpath(f"//field[@name='{name}']"))

    def test_search_projects_by_opportunity(self):
        """Projects are found by their opportunity's name."""
        project = self.env["project.project"].create(
            {"name": "Found", "opportunity_id": self.opportunity.id}
        )
        found = self.env["project.project"].search(
            [("opportunity_id", "ilike", "Chairs for the new")]
        )
        self.assertEqual(found, project)


@tagged("post_install", "-at_install")
class TestProjectTour(HttpCase):
    """A project manager creates a project from an opportunity in Chromium."""

    def test_new_project_from_opportunity(self):
        """New Project opens a pre-filled dialog; once saved the project is
        on the Projects tab and counts on the smart button."""
        user = new_sales_user(
            self.env,
            "lm_tour_project",
            "sales_team.group_sale_salesman_all_leads,project.group_project_manager",
            password="lm_tour_project",
        )
        partner = self.env["res.partner"].create({"name": "Tour Customer"})
        lead = self.env["crm.lead"].create(
            {
                "name": "Tour fit-out",
                "type": "opportunity",
                "partner_id": partner.id,
                "user_id": user.id,
            }
        )
        self.start_tour(
            f"/odoo/crm/{lead.id}",
            "lead_management_project_new_project",
            login="lm_tour_project",
        )
        project = lead.project_ids
        self.assertEqual(project.name, "Tour survey")
        self.assertEqual(project.partner_id, partner)
        self.assertEqual(project.user_id, user)
