# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import ProjectCommon


@tagged("post_install", "-at_install")
class TestProjectOpportunity(ProjectCommon):
    """The projects of an opportunity: from its orders (sale_project's own
    flow) and created from it; their task progress; offers of project type
    (SPEC §11)."""

    def test_order_project_gets_opportunity(self):
        """Confirming an offer of a service product that creates a project
        (confirmed in place, as online signing does) gives the project
        sale_project makes the opportunity; it shows on the tab and counts
        on the smart button."""
        offer = self._create_project_offer()
        offer.action_confirm()
        project = offer.order_line.project_id
        self.assertTrue(project)
        self.assertEqual(project.sale_order_id, offer)
        self.assertEqual(project.opportunity_id, self.opportunity)
        self.assertEqual(self.opportunity.project_ids, project)
        self.assertEqual(self.opportunity.project_count, 1)
        self.assertEqual(project.offer_number, offer.offer_number)

    def test_converted_offer_project(self):
        """Converting an offer into a separate order: the order's project
        gets the opportunity and reads the offer it came from."""
        offer = self._create_project_offer()
        offer.action_convert_to_order()
        order = offer.converted_order_id
        self.assertTrue(order)
        project = order.order_line.project_id
        self.assertEqual(project.opportunity_id, self.opportunity)
        self.assertEqual(project.sale_order_id, order)
        self.assertEqual(project.offer_number, offer.offer_number)
        # the offer made no project of its own
        self.assertEqual(self.opportunity.project_ids, project)

    def test_task_progress(self):
        """A line creating a task in a new project: the tab's row reads one
        open task, then one done when it is done; cancelled tasks count in
        neither."""
        offer = self._create_project_offer(product=self.service_task)
        offer.action_confirm()
        project = self.opportunity.project_ids
        task = offer.order_line.task_id
        self.assertEqual(task.project_id, project)
        self.assertEqual((project.task_open_count, project.task_done_count), (1, 0))
        task.state = "1_done"
        project.invalidate_recordset(["task_open_count", "task_done_count"])
        self.assertEqual((project.task_open_count, project.task_done_count), (0, 1))
        self.env["project.task"].create(
            {"name": "Dropped", "project_id": project.id, "state": "1_canceled"}
        )
        project.invalidate_recordset(["task_open_count", "task_done_count"])
        self.assertEqual((project.task_open_count, project.task_done_count), (0, 1))

    def test_task_progress_flat_queries(self):
        """The tab's rows cost the same queries for 5 projects as for 50: the
        task counts are one grouped query, not one per row."""

        def prepare(size):
            lead = self._create_leads(1, partner_id=self.partner.id)
            projects = self.env["project.project"].create(
                [{"name": f"P{i}", "opportunity_id": lead.id} for i in range(size)]
            )
            self.env["project.task"].create(
                [{"name": "T", "project_id": project.id} for project in projects]
            )
            self.env.invalidate_all()

            def read_rows():
                lead.project_ids.read(
                    ["name", "task_open_count", "task_done_count", "user_id"]
                )

            return read_rows

        self.assertFlatQueryCount(prepare)

    def test_new_project_before_any_offer(self):
        """New Project on an opportunity without offers: the project form
        comes pre-filled with the customer, the salesperson as manager, the
        company and the opportunity."""
        self.assertFalse(self.opportunity.order_ids)
        action = self.opportunity.action_new_project()
        self.assertEqual(action["res_model"], "project.project")
        self.assertEqual(action["target"], "new")
        project_form = Form(
            self.env["project.project"]
            .with_user(self.project_manager)
            .with_context(**action["context"])
        )
        project_form.name = "Survey"
        project = project_form.save()
        self.assertEqual(project.partner_id, self.partner)
        self.assertEqual(project.user_id, self.salesman)
        self.assertEqual(project.company_id, self.company)
        self.assertEqual(project.opportunity_id, self.opportunity)
        self.assertTrue(project.allow_billable)
        self.assertEqual(self.opportunity.project_ids, project)

    def test_create_fills_from_opportunity(self):
        """A project created with only a name and the opportunity (import,
        RPC) gets the opportunity's customer, manager and company; values
        given are kept."""
        project = self.env["project.project"].create(
            {"name": "Direct", "opportunity_id": self.opportunity.id}
        )
        self.assertEqual(project.partner_id, self.partner)
        self.assertEqual(project.user_id, self.salesman)
        other = self.env["res.partner"].create({"name": "Other customer"})
        project = self.env["project.project"].create(
            {
                "name": "Given",
                "opportunity_id": self.opportunity.id,
                "partner_id": other.id,
                "user_id": self.manager.id,
            }
        )
        self.assertEqual(project.partner_id, other)
        self.assertEqual(project.user_id, self.manager)

    def test_project_without_opportunity_is_stock(self):
        """A project of an order without opportunity, or created in Project,
        has none: stock behaviour."""
        order = self.env["sale.order"].create(
            {
                "partner_id": self.partner.id,
                "order_line": [Command.create({"product_id": self.service_project.id})],
            }
        )
        order.action_confirm()
        self.assertTrue(order.project_ids)
        self.assertFalse(order.project_ids.opportunity_id)
        project = self.env["project.project"].create({"name": "Internal"})
        self.assertFalse(project.opportunity_id)
        self.assertEqual(project.user_id, self.env.user)

    def test_company_mismatch_refused(self):
        """A project of one company cannot be made for another company's
        opportunity: a clear error."""
        with self.assertRaisesRegex(ValidationError, "same company"):
            self.env["project.project"].create(
                {
                    "name": "Wrong company",
                    "opportunity_id": self.opportunity.id,
                    "company_id": self.company_b.id,
                }
            )

    def test_offer_of_project_type(self):
        """An offer whose lines create a project or tasks is of project type;
        one of goods and plain services is not."""
        project_offer = self._create_project_offer()
        task_offer = self._create_project_offer(product=self.service_task)
        plain_offer = self._create_offer()
        self.assertTrue(project_offer.is_project_offer)
        self.assertTrue(task_offer.is_project_offer)
        self.assertFalse(plain_offer.is_project_offer)
        plain_offer.order_line = [Command.create({"product_id": self.service_task.id})]
        self.assertTrue(plain_offer.is_project_offer)

    def test_traceability_rows(self):
        """The traceability row of an offer of project type marks it and
        shows the project of its order; a plain offer's row shows none."""
        offer = self._create_project_offer()
        offer.action_convert_to_order()
        project = offer.converted_order_id.project_ids
        plain = self._create_offer()
        rows = self.env["crm.lead.traceability.report"].search(
            [("lead_id", "=", self.opportunity.id)]
        )
        by_offer = {row.offer_id: row for row in rows}
        self.assertTrue(by_offer[offer].is_project_offer)
        self.assertEqual(by_offer[offer].project_ids, project)
        self.assertFalse(by_offer[plain].is_project_offer)
        self.assertFalse(by_offer[plain].project_ids)
