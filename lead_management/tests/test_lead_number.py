# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import LeadManagementCommon


@tagged("post_install", "-at_install")
class TestLeadNumber(LeadManagementCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sequence = cls.company._get_lead_number_sequence()

    def _number_value(self, number):
        """The counter part of a number, whatever the prefix."""
        return int(re.search(r"(\d+)$", number).group(1))

    def test_number_at_create_single(self):
        """A lead and an opportunity get the company sequence's next number."""
        expected = self.sequence.get_next_char(self.sequence.number_next_actual)
        lead = self.env["crm.lead"].create({"name": "Single", "type": "lead"})
        self.assertEqual(lead.lead_number, expected)
        opportunity = self.env["crm.lead"].create(
            {"name": "Single opportunity", "type": "opportunity"}
        )
        self.assertTrue(opportunity.lead_number)
        self.assertEqual(
            self._number_value(opportunity.lead_number),
            self._number_value(lead.lead_number) + 1,
        )

    def test_number_at_create_batch(self):
        """A batch create numbers every lead, distinct and in creation order."""
        leads = self._create_leads(25)
        numbers = leads.mapped("lead_number")
        self.assertTrue(all(numbers))
        self.assertEqual(len(set(numbers)), 25)
        values = [self._number_value(n) for n in numbers]
        self.assertEqual(values, list(range(values[0], values[0] + 25)))

    def test_batch_numbering_query_count_is_flat(self):
        """Numbering 2 or 40 leads costs the same queries: one draw, one write."""
        numbered = []

        def prepare(count):
            leads = self._create_leads(count)
            self.env.flush_all()
            self.env.cr.execute(
                "UPDATE crm_lead SET lead_number = NULL WHERE id IN %s",
                [tuple(leads.ids)],
            )
            leads.invalidate_recordset(["lead_number"])
            numbered.append(leads)
            return leads._assign_lead_numbers

        # sequence search and read, nextval of all numbers, one UPDATE
        self.assertFlatQueryCount(prepare, sizes=(2, 40))
        for leads in numbered:
            self.assertTrue(all(leads.mapped("lead_number")))

    def test_number_prefix_follows_sequence(self):
        """No code depends on the prefix: changing it changes new numbers."""
        self.sequence.prefix = "LEAD-%(y)s-"
        lead = self._create_leads(1)
        self.assertRegex(lead.lead_number, r"^LEAD-\d\d-\d{5}$")

    def test_number_is_readonly_and_immutable(self):
        """The number cannot be changed once given, but rewriting it is a no-op."""
        lead = self._create_leads(1)
        number = lead.lead_number
        lead.write({"lead_number": number})
        with self.assertRaises(UserError):
            lead.write({"lead_number": "LD/1999/00001"})
        self.assertEqual(lead.lead_number, number)
        self.assertTrue(lead._fields["lead_number"].readonly)

    def test_lead_moving_company_keeps_its_number(self):
        """A lead that moves to another company keeps its number, even when
        that company issued the same number (Odoo's multi-company crm tests
        move leads so)."""
        lead_b = self._create_leads(1, company_id=self.company_b.id)
        lead_a = self._create_leads(1)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE crm_lead SET lead_number = %s WHERE id = %s",
            [lead_b.lead_number, lead_a.id],
        )
        lead_a.invalidate_recordset(["lead_number"])
        lead_b.write({"company_id": self.company.id})
        self.env.flush_all()
        self.assertEqual(lead_b.company_id, self.company)
        self.assertEqual(lead_b.lead_number, lead_a.lead_number)

    def test_companies_count_separately(self):
        """Each company has its own sequence; the same number may exist twice."""
        sequence_b = self.company_b._get_lead_number_sequence()
        self.assertNotEqual(sequence_b, self.sequence)
        self.assertEqual(sequence_b.company_id, self.company_b)
        lead_a = self._create_leads(1, company_id=self.company.id)
        lead_b = self.env["crm.lead"].create(
            {"name": "Lead of B", "company_id": self.company_b.id}
        )
        self.assertEqual(self._number_value(lead_b.lead_number), 1)
        self.assertGreater(self.sequence.number_next_actual, 1)
        # a same number in two companies is allowed
        self.env.cr.execute(
            "UPDATE crm_lead SET lead_number = %s WHERE id = %s",
            [lead_a.lead_number, lead_b.id],
        )

    def test_new_company_gets_its_sequence(self):
        """Creating a company creates its lead sequence."""
        company = self.env["res.company"].create({"name": "Company C"})
        sequence = self.env["ir.sequence"].search(
            [("code", "=", "crm.lead.number"), ("company_id", "=", company.id)]
        )
        self.assertEqual(len(sequence), 1)
        self.assertEqual(sequence.prefix, "LD/%(year)s/")
        self.assertEqual(sequence.padding, 5)

    def test_copy_resets_number(self):
        """A duplicated lead gets a new number, not its original's."""
        lead = self._create_leads(1)
        copy = lead.copy()
        self.assertTrue(copy.lead_number)
        self.assertNotEqual(copy.lead_number, lead.lead_number)

    def test_search_by_number(self):
        """The number finds the lead in name_search and in the search bar."""
        lead = self._create_leads(1)
        other = self._create_leads(1)
        found = self.env["crm.lead"].name_search(lead.lead_number)
        self.assertEqual([res_id for res_id, _name in found], [lead.id])
        self.assertEqual(
            self.env["crm.lead"].search([("display_name", "ilike", lead.lead_number)]),
            lead,
        )
        self.assertEqual(
            self.env["crm.lead"].search([("lead_number", "=", other.lead_number)]),
            other,
        )

    def test_search_view_finds_number(self):
        """Both lead search views offer a Lead No. search field that finds
        the lead, next to the stock default field whose filter domain is
        left as stock wrote it."""
        lead = self._create_leads(1)
        for xmlid in (
            "crm.view_crm_case_leads_filter",
            "crm.view_crm_case_opportunities_filter",
        ):
            with self.subTest(view=xmlid):
                view = self.env.ref(xmlid)
                arch = etree.fromstring(
                    self.env["crm.lead"].get_view(view.id, "search")["arch"]
                )
                stock = etree.fromstring(view.arch_db)
                self.assertEqual(
                    arch.xpath("//field[@name='name']")[0].get("filter_domain"),
                    stock.xpath("//field[@name='name']")[0].get("filter_domain"),
                )
                number_field = arch.xpath("//search/field[@name='lead_number']")
                self.assertTrue(number_field)
                self.assertFalse(number_field[0].get("filter_domain"))
        self.assertEqual(
            self.env["crm.lead"].search([("lead_number", "ilike", lead.lead_number)]),
            lead,
        )

    def test_display_name_shows_number(self):
        """The display name (many2one, breadcrumb) carries the number."""
        lead = self._create_leads(1)
        self.assertEqual(lead.display_name, f"[{lead.lead_number}] {lead.name}")

    def test_salesman_creates_numbered_lead(self):
        """A salesman without rights on sequences still gets numbered leads."""
        lead = (
            self.env["crm.lead"]
            .with_user(self.salesman)
            .create({"name": "By salesman", "type": "opportunity"})
        )
        self.assertTrue(lead.lead_number)
