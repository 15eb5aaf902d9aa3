# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from ..hooks import post_init_hook
from .common import LeadManagementCommon


@tagged("post_install", "-at_install")
class TestInstallHook(LeadManagementCommon):
    def _forget_numbers(self, leads):
        """Make the leads look as if they were created without this module."""
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE crm_lead SET lead_number = NULL WHERE id IN %s", [tuple(leads.ids)]
        )
        leads.invalidate_recordset(["lead_number"])

    def _count_queries(self, func):
        before = self.env.cr.sql_log_count
        func()
        return self.env.cr.sql_log_count - before

    def test_hook_numbers_existing_leads(self):
        """Leads of every company and state get a number, in creation order."""
        leads_a = self._create_leads(5)
        lost = self._create_leads(1)
        lost.action_archive()
        lead_b = self.env["crm.lead"].create(
            {"name": "B", "company_id": self.company_b.id}
        )
        no_company = self.env["crm.lead"].create(
            {"name": "No company", "company_id": False}
        )
        untouched = self._create_leads(1)
        kept_number = untouched.lead_number
        old = leads_a | lost | lead_b | no_company
        self._forget_numbers(old)
        self.assertFalse(any(old.mapped("lead_number")))

        post_init_hook(self.env)

        self.assertTrue(all(old.with_context(active_test=False).mapped("lead_number")))
        self.assertEqual(untouched.lead_number, kept_number)
        numbers_a = (leads_a | lost).mapped("lead_number")
        self.assertEqual(numbers_a, sorted(numbers_a), "creation order")
        self.assertEqual(len(set(numbers_a)), 6)
        sequence_b = self.company_b._get_lead_number_sequence()
        # the last number drawn from company B's own sequence
        self.assertEqual(
            lead_b.lead_number,
            sequence_b.get_next_char(sequence_b.number_next_actual - 1),
        )
        # leads without a company are numbered from the current company
        self.assertNotIn(no_company.lead_number, numbers_a + [kept_number])

    def test_hook_query_count_does_not_grow(self):
        """Numbering 3 or 60 existing leads costs the same number of queries."""
        post_init_hook(self.env)  # warm the caches
        few = self._create_leads(3)
        self._forget_numbers(few)
        queries_few = self._count_queries(lambda: post_init_hook(self.env))
        many = self._create_leads(60)
        self._forget_numbers(many)
        queries_many = self._count_queries(lambda: post_init_hook(self.env))
        self.assertTrue(all(many.mapped("lead_number")))
        self.assertEqual(queries_few, queries_many)

    def test_hook_creates_missing_sequences(self):
        """Companies that existed before install get their lead sequence."""
        self.env["ir.sequence"].search(
            [("code", "=", "crm.lead.number"), ("company_id", "=", self.company_b.id)]
        ).unlink()
        post_init_hook(self.env)
        self.assertEqual(
            self.env["ir.sequence"].search_count(
                [
                    ("code", "=", "crm.lead.number"),
                    ("company_id", "=", self.company_b.id),
                ]
            ),
            1,
        )

    def test_hook_is_idempotent(self):
        """Running the hook again renumbers nothing."""
        leads = self._create_leads(3)
        numbers = leads.mapped("lead_number")
        post_init_hook(self.env)
        self.assertEqual(leads.mapped("lead_number"), numbers)

    def test_sequences_are_data_of_the_add_on(self):
        """Each company's sequences are records of the add-on (an xml id in
        lead_management), so that uninstalling it removes them: those the
        hook gives existing companies and those of a new company."""
        company_c = self.env["res.company"].create({"name": "Company C"})
        post_init_hook(self.env)
        for company in self.company | self.company_b | company_c:
            sequences = self.env["ir.sequence"].search(
                [
                    ("code", "in", ["crm.lead.number", "sale.offer"]),
                    ("company_id", "=", company.id),
                ]
            )
            self.assertEqual(len(sequences), 2, company.name)
            xmlids = self.env["ir.model.data"].search(
                [
                    ("module", "=", "lead_management"),
                    ("model", "=", "ir.sequence"),
                    ("res_id", "in", sequences.ids),
                ]
            )
            self.assertEqual(len(xmlids), 2, company.name)
