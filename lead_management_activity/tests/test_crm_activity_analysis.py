# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from odoo import Command

from .common import CrmActivityCommon


class TestCrmActivityAnalysis(CrmActivityCommon):
    """The activity analysis on known activities and meetings: counts, time
    spent, costs, won rate per salesperson and category; who sees what."""

    def setUp(self):
        super().setUp()
        self.retention = self.env.ref(
            "lead_management_activity.crm_activity_category_retention"
        )
        self.won_lead = self.env["crm.lead"].create(
            {
                "name": "Won history",
                "type": "opportunity",
                "partner_id": self.customer.id,
                "user_id": self.manager.id,
            }
        )
        self.won_lead.action_set_won()
        # the salesman: two done calls (1.5 h, 0.5 h) on an open opportunity
        for hours in (1.5, 0.5):
            activity = self._plan(category_id=self.category.id)
            activity.time_spent = hours
            activity.action_feedback()
        self._plan(category_id=self.category.id)  # planned
        # the manager: one done call (2 h) on the won opportunity, a meeting
        activity = self._plan(
            self.won_lead, user_id=self.manager.id, category_id=self.retention.id
        )
        activity.time_spent = 2
        activity.action_feedback()
        self.env["calendar.event"].create(
            {
                "name": "Signing",
                "start": datetime(2020, 3, 4, 9),
                "stop": datetime(2020, 3, 4, 11),
                "opportunity_id": self.won_lead.id,
                "user_id": self.manager.id,
                "category_id": self.retention.id,
                "expected_cost": 120,
                "actual_cost": 150,
                "partner_ids": [Command.set(self.contact.ids)],
            }
        )
        self.analysis = self.env["crm.activity.analysis"]
        self.domain = [("partner_id", "=", self.customer.id)]

    def test_figures_per_salesperson(self):
        rows = {
            user: (count, time, expected, actual, won)
            for user, count, time, expected, actual, won in self.analysis._read_group(
                self.domain + [("state", "=", "done")],
                ["user_id"],
                [
                    "__count",
                    "time_spent:sum",
                    "expected_cost:sum",
                    "actual_cost:sum",
                    "won_rate:avg",
                ],
            )
        }
        self.assertEqual(rows[self.salesman][:2], (2, 2.0))
        self.assertEqual(rows[self.salesman][4], 0.0)
        count, time, expected, actual, won = rows[self.manager]
        self.assertEqual(count, 2)  # the call and the meeting
        self.assertAlmostEqual(time, 4.0)  # 2 h call + 2 h meeting
        self.assertAlmostEqual(expected, 120)
        self.assertAlmostEqual(actual, 150)
        self.assertEqual(won, 100.0)

    def test_per_category_and_state(self):
        rows = dict(
            self.analysis._read_group(self.domain, ["category_id"], ["__count"])
        )
        self.assertEqual(rows[self.category], 3)  # 2 done + 1 planned
        self.assertEqual(rows[self.retention], 2)
        planned = self.analysis.search(self.domain + [("state", "=", "planned")])
        self.assertEqual(len(planned), 1)
        self.assertEqual(planned.kind, "activity")

    def test_salesman_sees_his_and_readable(self):
        seen = self.analysis.with_user(self.salesman).search(self.domain)
        # his three activities; not the manager's on the manager's lead
        self.assertEqual(set(seen.mapped("user_id")), {self.salesman})
        self.assertEqual(len(seen), 3)
        self.assertEqual(
            len(self.analysis.with_user(self.manager).search(self.domain)), 5
        )

    def test_won_means_a_won_stage(self):
        """Won is what the family calls won everywhere: active, in a won
        stage; a probability of 100 in an open stage is not won."""
        sure_lead = self.env["crm.lead"].create(
            {
                "name": "Sure but not won",
                "type": "opportunity",
                "partner_id": self.customer.id,
                "user_id": self.salesman.id,
                "probability": 100,
            }
        )
        self.assertFalse(sure_lead.stage_id.is_won)
        self._plan(sure_lead, category_id=self.category.id).action_feedback()
        [[won_rate]] = self.analysis._read_group(
            self.domain + [("lead_id", "=", sure_lead.id)], [], ["won_rate:avg"]
        )
        self.assertEqual(won_rate, 0.0)

    def test_queries_flat(self):
        def prepare(size):
            for _index in range(size):
                self._plan(category_id=self.category.id).action_feedback()

            def run():
                self.analysis._read_group(
                    [],
                    ["user_id", "category_id"],
                    ["__count", "time_spent:sum", "won_rate:avg"],
                )

            return run

        self.assertFlatQueryCount(prepare, sizes=(3, 20), slack=1)
