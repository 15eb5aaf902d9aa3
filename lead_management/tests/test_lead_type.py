# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import LeadManagementCommon


@tagged("post_install", "-at_install")
class TestLeadType(LeadManagementCommon):
    def test_seed_types_have_distinct_colours(self):
        """The shipped types exist, are shared and have distinct colours."""
        seeds = self.env["crm.lead.type"]
        for name in ("new_business", "upsell", "renewal", "partner_referral"):
            seeds |= self.env.ref(f"lead_management.crm_lead_type_{name}")
        self.assertEqual(len(set(seeds.mapped("color"))), 4)
        self.assertFalse(seeds.company_id)

    def test_lead_colour_follows_type_at_create(self):
        """A lead created with a type takes the type's colour."""
        lead = self._create_leads(1, lead_type_id=self.type_new.id)
        self.assertEqual(lead.color, 3)

    def test_default_type(self):
        """A lead created without a type gets the first type of its company."""
        first = self.env["crm.lead.type"].search([], limit=1)
        lead = self.env["crm.lead"].create({"name": "No type given"})
        self.assertEqual(lead.lead_type_id, first)
        self.assertEqual(lead.color, first.color)

    def test_changing_type_recolours_lead(self):
        """Changing the lead's type re-colours its card, also in the form."""
        lead = self._create_leads(1, lead_type_id=self.type_new.id)
        lead.lead_type_id = self.type_upsell
        self.assertEqual(lead.color, 7)
        with Form(lead) as form:
            form.lead_type_id = self.type_new
        self.assertEqual(lead.color, 3)

    def test_changing_type_colour_recolours_leads(self):
        """Changing a type's colour re-colours all its leads, archived too."""
        leads = self._create_leads(3, lead_type_id=self.type_new.id)
        leads[0].action_archive()
        other = self._create_leads(1, lead_type_id=self.type_upsell.id)
        self.type_new.color = 11
        self.assertEqual(leads.mapped("color"), [11, 11, 11])
        self.assertEqual(other.color, 7)

    def test_manual_colour_override(self):
        """A colour picked on the card stays until the type or its colour changes."""
        lead = self._create_leads(1, lead_type_id=self.type_new.id)
        lead.color = 5
        lead.write({"name": "Renamed", "expected_revenue": 100})
        self.assertEqual(lead.color, 5)
        self.type_upsell.color = 8  # another type: no effect
        self.assertEqual(lead.color, 5)
        self.type_new.color = 1
        self.assertEqual(lead.color, 1)

    def test_colour_range(self):
        """A type colour outside Odoo's 0-11 palette is refused."""
        with self.assertRaises(ValidationError):
            self.env["crm.lead.type"].create({"name": "Bad", "color": 12})
        with self.assertRaises(ValidationError):
            self.type_new.color = -1

    def test_salesman_reads_but_cannot_manage_types(self):
        """Salesmen read types; only sales managers create, edit and delete."""
        types = self.env["crm.lead.type"].with_user(self.salesman)
        self.assertIn(self.type_new, types.search([]))
        self.assertEqual(types.browse(self.type_new.id).name, "Test new business")
        with self.assertRaises(AccessError):
            types.create({"name": "By salesman"})
        with self.assertRaises(AccessError):
            types.browse(self.type_new.id).write({"color": 1})
        with self.assertRaises(AccessError):
            types.browse(self.type_new.id).unlink()
        lead = (
            self.env["crm.lead"]
            .with_user(self.salesman)
            .create({"name": "Typed", "lead_type_id": self.type_upsell.id})
        )
        self.assertEqual(lead.color, 7)

    def test_manager_manages_types(self):
        """Sales managers create, edit, archive and delete types."""
        types = self.env["crm.lead.type"].with_user(self.manager)
        lead_type = types.create({"name": "Tender", "color": 6})
        lead_type.write({"color": 2, "description": "Public tenders"})
        lead_type.action_archive()
        self.assertFalse(lead_type.active)
        lead_type.unlink()
        self.assertFalse(lead_type.exists())

    def test_type_in_use_cannot_be_deleted(self):
        """A type used by leads cannot be deleted (archive it instead)."""
        self._create_leads(1, lead_type_id=self.type_new.id)
        with self.assertRaises(UserError), self.cr.savepoint():
            self.type_new.with_user(self.manager).unlink()

    def test_multi_company_isolation(self):
        """A company's types are invisible and unusable in another company."""
        type_b = self.env["crm.lead.type"].create(
            {"name": "Only in B", "color": 4, "company_id": self.company_b.id}
        )
        salesman_types = self.env["crm.lead.type"].with_user(self.salesman).search([])
        self.assertNotIn(type_b, salesman_types)
        self.assertIn(self.type_new, salesman_types)  # shared type
        with self.assertRaises(AccessError):
            type_b.with_user(self.salesman).read(["name"])
        b_types = self.env["crm.lead.type"].with_user(self.user_b).search([])
        self.assertIn(type_b, b_types)
        with self.assertRaises(UserError):
            self.env["crm.lead"].create(
                {
                    "name": "Wrong company type",
                    "company_id": self.company.id,
                    "lead_type_id": type_b.id,
                }
            )

    def test_type_lead_count(self):
        """The type form counts its leads in one grouped query."""
        self._create_leads(2, lead_type_id=self.type_new.id)
        self._create_leads(1, lead_type_id=self.type_upsell.id)
        types = self.type_new | self.type_upsell
        types.invalidate_recordset()
        with self.assertQueryCount(1):
            self.assertEqual(types.mapped("lead_count"), [2, 1])
        action = self.type_new.action_view_leads()
        self.assertEqual(self.env["crm.lead"].search_count(action["domain"]), 2)
