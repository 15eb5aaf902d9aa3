# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

from odoo import Command, fields

from odoo.addons.lead_management.tests.common import (
    LeadManagementCommon,
    new_sales_user,
)
from odoo.addons.lead_management_activity.tests.common import MEASURES

GROUPS = "sales_team.group_sale_salesman,project.group_project_user"


class TestWorkloadTasks(LeadManagementCommon):
    """Tasks in the Workload: one row per assignee, states from the task's
    state and deadline, Project's access rules."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.ann = new_sales_user(cls.env, "lm_task_ann", GROUPS)
        cls.bob = new_sales_user(cls.env, "lm_task_bob", GROUPS)
        cls.today = fields.Date.context_today(cls.env["crm.activity.workload"])
        cls.project = cls.env["project.project"].create(
            {"name": "Workload project", "privacy_visibility": "employees"}
        )
        cls.private = cls.env["project.project"].create(
            {"name": "Ann's project", "privacy_visibility": "followers"}
        )
        cls.private.message_subscribe(partner_ids=cls.ann.partner_id.ids)
        cls.both = cls._task("Both, late", cls.ann | cls.bob, -3, done=True)
        cls.on_time = cls._task("Ann, on time", cls.ann, 3, done=True)
        cls.overdue = cls._task("Bob, overdue", cls.bob, -3)
        cls.secret = cls._task("Ann, private", cls.ann, 3, project=cls.private)
        cls._task("No deadline", cls.ann, None)
        cls._task("Cancelled", cls.ann, -3).state = "1_canceled"

    @classmethod
    def _task(cls, name, users, days, done=False, project=None):
        deadline = (
            datetime.combine(cls.today + timedelta(days=days), time(12))
            if days is not None
            else False
        )
        task = cls.env["project.task"].create(
            {
                "name": name,
                "project_id": (project or cls.project).id,
                "user_ids": [Command.set(users.ids)],
                "date_deadline": deadline,
            }
        )
        if done:
            task.state = "1_done"
        return task

    def _per_user(self, user):
        groups = (
            self.env["crm.activity.workload"]
            .with_user(user)
            .read_group([("kind", "=", "task")], MEASURES, ["user_id"], lazy=False)
        )
        return {
            group["user_id"][0]: tuple(group[m.split(":")[0]] for m in MEASURES)
            for group in groups
        }

    def test_rows_per_assignee(self):
        rows = self.env["crm.activity.workload"].search(
            [("res_model", "=", "project.task"), ("res_id", "=", self.both.id)]
        )
        self.assertEqual(rows.user_id, self.ann | self.bob)
        self.assertEqual(len(set(rows.ids)), 2)
        self.assertEqual(set(rows.mapped("state")), {"done_late"})
        self.assertEqual(rows[0].date, self.today - timedelta(days=3))
        self.assertEqual(rows[0].date_done, self.today)
        self.assertEqual(rows[0].kind, "task")
        self.assertEqual(rows[0].company_id, self.both.company_id)

    def test_figures_and_access(self):
        """Ann sees her private project's task, Bob does not."""
        self.assertEqual(
            self._per_user(self.ann),
            {self.ann.id: (3, 1, 1, 1, 0), self.bob.id: (2, 0, 1, 1, 1)},
        )
        self.assertEqual(
            self._per_user(self.bob),
            {self.ann.id: (2, 1, 1, 0, 0), self.bob.id: (2, 0, 1, 1, 1)},
        )
        # Project's rule: every employee reads the tasks of a project
        # visible to employees, not those of a private one
        self.assertEqual(self._per_user(self.salesman), self._per_user(self.bob))
        self.assertFalse(
            self.env["crm.activity.workload"]
            .with_user(self.salesman)
            .search(
                [("res_model", "=", "project.task"), ("res_id", "=", self.secret.id)]
            )
        )

    def test_activities_still_counted(self):
        lead = self.env["crm.lead"].create(
            {"name": "Lead", "type": "opportunity", "user_id": self.ann.id}
        )
        lead.activity_schedule(
            "mail.mail_activity_data_call",
            user_id=self.ann.id,
            date_deadline=self.today - timedelta(days=3),
        )
        groups = (
            self.env["crm.activity.workload"]
            .with_user(self.ann)
            .read_group([("user_id", "=", self.ann.id)], MEASURES, ["kind"], lazy=False)
        )
        self.assertEqual(
            {g["kind"]: (g["due_count"], g["overdue_count"]) for g in groups},
            {"activity": (1, 1), "task": (3, 0)},
        )
