# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.lead_management.tests.common import LeadManagementCommon


class LeadProcessCommon(LeadManagementCommon):
    """Core's fixtures, two teams and the seeded process records."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team = cls.env["crm.team"].create(
            {"name": "Process team", "company_id": cls.company.id}
        )
        cls.team_b = cls.env["crm.team"].create(
            {"name": "Team of B", "company_id": cls.company_b.id}
        )
        cls.contact_type = cls.env.ref(
            "lead_management_process.mail_activity_type_contact_customer"
        )
        cls.maturity_ready = cls.env.ref(
            "lead_management_process.crm_lead_maturity_ready"
        )
        cls.maturity_interest = cls.env.ref(
            "lead_management_process.crm_lead_maturity_interest"
        )
        cls.maturity_none = cls.env.ref(
            "lead_management_process.crm_lead_maturity_no_interest"
        )

    def _lead(self, **values):
        values = {
            "name": "Office furniture",
            "type": "lead",
            "partner_name": "Fabrikam Process SRL",
            "contact_name": "Ana Pop",
            "email_from": "ana.pop@fabrikam-process.example.com",
            "user_id": False,
            "company_id": self.company.id,
            **values,
        }
        return self.env["crm.lead"].create(values)

    def _contact_activities(self, lead):
        return lead.activity_ids.filtered(
            lambda activity: activity.activity_type_id == self.contact_type
        )
