# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tools import SQL

from .common import LeadProcessCommon


class TestLeadFunnel(LeadProcessCommon):
    """The lead funnel's figures on known leads: counts per stage, conversion
    rates, days per stage from the recorded history."""

    def setUp(self):
        super().setUp()
        self.source = self.env["utm.source"].create({"name": "Funnel fair"})
        self.leads = self.env["crm.lead"].create(
            [
                {"name": f"Funnel {index}", "type": "lead", "source_id": self.source.id}
                for index in range(4)
            ]
        )
        won, lost, waiting, fresh = self.leads
        (won | lost | waiting).write({"process_stage": "distribution"})
        (won | lost | waiting).write(
            {"process_stage": "waiting", "type": "opportunity"}
        )
        won.action_set_won()
        lost.action_set_lost()
        self.won, self.lost, self.waiting, self.fresh = won, lost, waiting, fresh
        # known durations: every finished stay of 2 days, the current stays
        # started 3 days ago
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE crm_lead_process_history SET duration_days = 2"
                " WHERE lead_id IN %s",
                tuple(self.leads.ids),
            )
        )
        self.env.cr.execute(
            SQL(
                "UPDATE crm_lead SET process_stage_date ="
                " (NOW() AT TIME ZONE 'UTC') - INTERVAL '3 days' WHERE id IN %s",
                tuple(self.leads.ids),
            )
        )
        self.env.invalidate_all()
        self.report = self.env["crm.lead.funnel.report"]

    def _group(self, groupby, aggregates):
        return {
            key: values
            for *key, values in [
                (*row[:-1], row[-1:])
                for row in self.report._read_group(
                    [("source_id", "=", self.source.id)], groupby, aggregates
                )
            ]
        }

    def test_leads_per_stage(self):
        rows = self.report._read_group(
            [("source_id", "=", self.source.id)], ["process_stage"], ["__count"]
        )
        self.assertEqual(
            dict(rows),
            {"satisfied": 1, "no_need": 1, "waiting": 1, "qualification": 1},
        )

    def test_stages_in_process_order(self):
        """The pivot and the graph (read_group, lazy=False, also with a
        second grouping) list process stages in the process's order, not by
        technical key; the pivot opens with a count (issue 24 point 4)."""
        domain = [("source_id", "=", self.source.id)]
        for groupby in (["process_stage"], ["process_stage", "need_maturity_id"]):
            rows = self.report.read_group(domain, ["__count"], groupby, lazy=False)
            self.assertEqual(
                [row["process_stage"] for row in rows],
                ["qualification", "waiting", "satisfied", "no_need"],
            )
        rows = self.report.read_group(
            domain, ["__count"], ["process_stage"], orderby="process_stage desc"
        )
        self.assertEqual(rows[0]["process_stage"], "no_need")
        arch = self.report.get_view(
            self.env.ref(
                "lead_management_process.crm_lead_funnel_report_view_pivot"
            ).id,
            "pivot",
        )["arch"]
        self.assertIn('display_quantity="1"', arch)

    def test_conversion_rates(self):
        [(opportunity, won, opportunity_won)] = self.report._read_group(
            [("source_id", "=", self.source.id)],
            [],
            ["opportunity_rate:avg", "won_rate:avg", "opportunity_won_rate:avg"],
        )
        self.assertAlmostEqual(opportunity, 75.0)  # 3 of 4 leads
        self.assertAlmostEqual(won, 25.0)  # 1 of 4 leads
        self.assertAlmostEqual(opportunity_won, 100 / 3)  # 1 of 3 opportunities

    def test_days_per_stage(self):
        rows = {
            row.lead_id: row
            for row in self.report.search([("source_id", "=", self.source.id)])
        }
        fresh = rows[self.fresh]
        self.assertAlmostEqual(fresh.days_qualification, 3, places=2)
        self.assertFalse(fresh.days_distribution)
        waiting = rows[self.waiting]
        self.assertAlmostEqual(waiting.days_qualification, 2, places=2)
        self.assertAlmostEqual(waiting.days_distribution, 2, places=2)
        self.assertAlmostEqual(waiting.days_waiting, 3, places=2)
        won = rows[self.won]
        # waiting finished when won: 2 days recorded, and now in satisfied
        self.assertAlmostEqual(won.days_waiting, 2, places=2)
        # averages skip leads never in the stage
        [(average,)] = self.report._read_group(
            [("source_id", "=", self.source.id)], [], ["days_distribution:avg"]
        )
        self.assertAlmostEqual(average, 2, places=2)

    def test_salesman_sees_his_leads_only(self):
        self.fresh.user_id = self.salesman
        (self.leads - self.fresh).write({"user_id": self.manager.id})
        rows = (
            self.report.with_user(self.salesman)
            .search([("source_id", "=", self.source.id)])
            .mapped("lead_id")
        )
        self.assertEqual(rows, self.fresh)
        self.assertEqual(
            len(
                self.report.with_user(self.manager).search(
                    [("source_id", "=", self.source.id)]
                )
            ),
            4,
        )

    def test_one_query_whatever_the_number_of_leads(self):
        def prepare(size):
            leads = self._create_leads(size, type="lead", source_id=self.source.id)
            leads.write({"process_stage": "distribution"})

            def run():
                self.report._read_group(
                    [("source_id", "=", self.source.id)],
                    ["process_stage", "need_maturity_id"],
                    ["__count", "days_qualification:avg", "won_rate:avg"],
                )

            return run

        self.assertFlatQueryCount(prepare, sizes=(5, 40), slack=1)
