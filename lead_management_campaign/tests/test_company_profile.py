# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import Form, tagged

from odoo.addons.lead_management.tests.common import LeadManagementCommon


@tagged("post_install", "-at_install")
class TestCompanyProfile(LeadManagementCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.industry = cls.env["res.partner.industry"].create({"name": "Test Hotels"})
        cls.competitors = cls.env["res.partner"].create(
            [
                {"name": "Test Rival One", "is_company": True},
                {"name": "Test Rival Two", "is_company": True},
            ]
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Test Hotel Chain",
                "is_company": True,
                "industry_id": cls.industry.id,
                "turnover": 2_500_000,
                "employee_count": 120,
                "competitor_ids": [Command.set(cls.competitors.ids)],
            }
        )
        cls.contact = cls.env["res.partner"].create(
            {"name": "Test Hotel Buyer", "parent_id": cls.customer.id}
        )

    def _assert_profile(self, record, competitors=None):
        self.assertEqual(record.industry_id, self.industry)
        self.assertEqual(record.turnover, 2_500_000)
        self.assertEqual(record.employee_count, 120)
        self.assertEqual(record.competitor_ids, competitors or self.competitors)

    def test_sync_copies_profile_to_leads(self):
        """Sync leads from partner copies the company profile of the lead's
        partner, and of the company of a contact, to the leads."""
        leads = self._create_leads(1, partner_id=self.customer.id) | (
            self._create_leads(1, type="lead", partner_id=self.contact.id)
        )
        leads.write(
            {
                "industry_id": False,
                "turnover": 0,
                "employee_count": 0,
                "competitor_ids": [Command.clear()],
            }
        )
        self.customer.action_update_linked_leads()
        for lead in leads:
            self._assert_profile(lead)
        self.assertIn("Competitors", leads[0].message_ids[0].body)

    def test_sync_keeps_lead_profile_when_partner_has_none(self):
        """A partner without a profile leaves the lead's profile alone."""
        bare = self.env["res.partner"].create({"name": "Test Bare", "is_company": True})
        lead = self._create_leads(1, partner_id=bare.id)
        lead.write({"turnover": 10, "employee_count": 3})
        lead._sync_from_partner()
        self.assertEqual(lead.turnover, 10)
        self.assertEqual(lead.employee_count, 3)

    def test_partner_created_from_lead_gets_profile(self):
        """Creating the customer from a lead copies its profile to the new
        company; its contact person gets none (his company has it)."""
        lead = self._create_leads(
            1,
            type="lead",
            partner_name="Test New Hotel Group",
            contact_name="Test New Buyer",
            industry_id=self.industry.id,
            turnover=2_500_000,
            employee_count=120,
            competitor_ids=[Command.set(self.competitors.ids)],
        )
        lead._handle_partner_assignment(create_missing=True)
        contact = lead.partner_id
        self.assertEqual(contact.name, "Test New Buyer")
        self.assertFalse(contact.competitor_ids)
        self._assert_profile(contact.parent_id)

    def test_individual_created_from_lead_gets_profile(self):
        """A lead without a company name makes one partner, with the profile."""
        lead = self._create_leads(
            1,
            contact_name="Test Sole Trader",
            industry_id=self.industry.id,
            turnover=2_500_000,
            employee_count=120,
            competitor_ids=[Command.set(self.competitors[0].ids)],
        )
        lead._handle_partner_assignment(create_missing=True)
        self._assert_profile(lead.partner_id, self.competitors[0])

    def test_profile_on_forms(self):
        """The profile is editable on the lead and partner forms."""
        with Form(self.env["crm.lead"]) as lead_form:
            lead_form.name = "Test Form Lead"
            lead_form.industry_id = self.industry
            lead_form.turnover = 2_500_000
            lead_form.employee_count = 120
            lead_form.competitor_ids.add(self.competitors[0])
            lead_form.competitor_ids.add(self.competitors[1])
        self._assert_profile(lead_form.record)
        with Form(self.env["res.partner"]) as partner_form:
            partner_form.name = "Test Form Partner"
            partner_form.company_type = "company"
            partner_form.industry_id = self.industry
            partner_form.turnover = 2_500_000
            partner_form.employee_count = 120
            partner_form.competitor_ids.add(self.competitors[0])
            partner_form.competitor_ids.add(self.competitors[1])
        self._assert_profile(partner_form.record)

    def test_group_leads_by_industry(self):
        """Leads are searched and grouped by industry and competitor."""
        leads = self._create_leads(
            3,
            industry_id=self.industry.id,
            competitor_ids=[Command.set(self.competitors[0].ids)],
        )
        groups = self.env["crm.lead"]._read_group(
            [("id", "in", leads.ids)], ["industry_id"], ["__count"]
        )
        self.assertEqual(groups, [(self.industry, 3)])
        self.assertEqual(
            self.env["crm.lead"].search(
                [("competitor_ids", "=", self.competitors[0].id)]
            ),
            leads,
        )
