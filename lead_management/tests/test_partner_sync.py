# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged
from odoo.tools import SQL

from .common import LeadManagementCommon


@tagged("post_install", "-at_install")
class TestPartnerSync(LeadManagementCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.country_be = cls.env.ref("base.be")
        cls.state = cls.env["res.country.state"].create(
            {"name": "Test State", "code": "TST", "country_id": cls.country_be.id}
        )
        cls.company_partner = cls.env["res.partner"].create(
            {
                "name": "Sync Company",
                "is_company": True,
                "street": "Company street",
                "city": "Antwerp",
            }
        )
        cls.contact = cls.env["res.partner"].create(
            {
                "name": "Sync Contact",
                "parent_id": cls.company_partner.id,
                # an address of its own (a "contact" shares its company's)
                "type": "other",
                "email": "contact@example.com",
                "phone": "+32 2 111 11 11",
                "mobile": "+32 470 11 11 11",
                "website": "https://contact.example.com",
                "function": "Buyer",
                "street": "Rue 1",
                "street2": "Box 2",
                "city": "Brussels",
                "zip": "1000",
                "state_id": cls.state.id,
                "country_id": cls.country_be.id,
            }
        )

    def _create_stale_lead(self, partner, **values):
        """A lead of ``partner`` whose contact details are out of date.

        Written in SQL: through the ORM, crm would copy the lead's e-mail and
        phone back on the partner.
        """
        lead = self.env["crm.lead"].create(
            {"name": "Stale lead", "type": "opportunity", "partner_id": partner.id}
        )
        stale = {
            "contact_name": "Old name",
            "email_from": "old@example.com",
            "phone": "+32 2 999 99 99",
            "mobile": "+32 470 99 99 99",
            "website": "https://old.example.com",
            "function": "Old job",
            "street": "Old street",
            "street2": "Old box",
            "city": "Old city",
            "zip": "9999",
            "state_id": None,
            "country_id": None,
            **values,
        }
        lead.flush_recordset()
        self.env.cr.execute(
            SQL(
                "UPDATE crm_lead SET %s WHERE id = %s",
                SQL(", ").join(
                    SQL("%s = %s", SQL.identifier(name), value)
                    for name, value in stale.items()
                ),
                lead.id,
            )
        )
        lead.invalidate_recordset()
        return lead

    def test_sync_each_field(self):
        """Every contact detail of the lead is refreshed from its partner."""
        lead = self._create_stale_lead(self.contact)
        changed = lead._sync_from_partner()
        self.assertEqual(changed, lead)
        expected = {
            "contact_name": "Sync Contact",
            "email_from": "contact@example.com",
            "phone": "+32 2 111 11 11",
            "mobile": "+32 470 11 11 11",
            "website": "https://contact.example.com",
            "function": "Buyer",
            "street": "Rue 1",
            "street2": "Box 2",
            "city": "Brussels",
            "zip": "1000",
            "state_id": self.state,
            "country_id": self.country_be,
        }
        for name, value in expected.items():
            with self.subTest(field=name):
                self.assertEqual(lead[name], value)

    def test_sync_partial_partner_keeps_lead_values(self):
        """A partner with only some details set changes only those: the
        lead's other details are not erased."""
        partner = self.env["res.partner"].create(
            {"name": "Only Mail", "email": "only@example.com"}
        )
        lead = self._create_stale_lead(partner)
        lead._sync_from_partner()
        self.assertEqual(lead.email_from, "only@example.com")
        self.assertEqual(lead.contact_name, "Only Mail")
        self.assertEqual(lead.phone, "+32 2 999 99 99")
        self.assertEqual(lead.mobile, "+32 470 99 99 99")
        self.assertEqual(lead.website, "https://old.example.com")
        self.assertEqual(lead.function, "Old job")
        # no address on the partner: the lead keeps its whole address
        self.assertEqual(lead.street, "Old street")
        self.assertEqual(lead.city, "Old city")

    def test_sync_address_all_or_nothing(self):
        """An address on the partner replaces the lead's whole address, so
        that the lead never mixes two addresses."""
        partner = self.env["res.partner"].create({"name": "City Only", "city": "Ghent"})
        lead = self._create_stale_lead(partner)
        lead._sync_from_partner()
        self.assertEqual(lead.city, "Ghent")
        self.assertFalse(lead.street)
        self.assertFalse(lead.street2)
        self.assertFalse(lead.zip)

    def test_sync_company_partner_keeps_contact_name(self):
        """A company partner has no contact name to give: the lead keeps its
        own."""
        lead = self._create_stale_lead(self.company_partner)
        lead._sync_from_partner()
        self.assertEqual(lead.contact_name, "Old name")

    def test_sync_unchanged_and_without_partner(self):
        """Leads already up to date, and leads without partner, are not
        counted nor logged."""
        lead = self._create_stale_lead(self.contact)
        lead._sync_from_partner()
        no_partner = self.env["crm.lead"].create({"name": "No partner"})
        messages = len(lead.message_ids)
        self.assertFalse((lead | no_partner)._sync_from_partner())
        self.assertEqual(len(lead.message_ids), messages)

    def test_sync_logs_changed_fields(self):
        """Each changed lead gets a note naming the partner and the fields
        that changed."""
        partner = self.env["res.partner"].create(
            {"name": "Logger", "email": "log@example.com"}
        )
        lead = self._create_stale_lead(partner, contact_name="Logger")
        lead._sync_from_partner()
        note = lead.message_ids[0]
        self.assertIn("Logger", note.body)
        self.assertIn("Email", note.body)
        self.assertNotIn("Phone", note.body)

    def test_sync_log_escapes_names(self):
        """A partner name that looks like HTML is logged as text."""
        partner = self.env["res.partner"].create(
            {"name": "Tom <b>Bold</b>", "email": "tom@example.com"}
        )
        lead = self._create_stale_lead(partner)
        lead._sync_from_partner()
        self.assertIn("Tom &lt;b&gt;Bold&lt;/b&gt;", lead.message_ids[0].body)

    def test_action_reports_count(self):
        """The action tells how many of the selected leads changed."""
        changed = self._create_stale_lead(self.contact)
        unchanged = self.env["crm.lead"].create({"name": "No partner"})
        action = (changed | unchanged).action_sync_from_partner()
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn("1 of 2", action["params"]["message"])

    def test_partner_updates_linked_leads(self):
        """The partner's button refreshes the leads of the partner and of its
        contacts, each from its own partner, and not the others."""
        contact_lead = self._create_stale_lead(self.contact)
        company_lead = self._create_stale_lead(self.company_partner)
        other = self._create_stale_lead(self.partner)
        action = self.company_partner.action_update_linked_leads()
        self.assertIn("2 of 2", action["params"]["message"])
        self.assertEqual(contact_lead.email_from, "contact@example.com")
        self.assertEqual(contact_lead.street, "Rue 1")
        # the company has no e-mail: the lead keeps its own
        self.assertEqual(company_lead.email_from, "old@example.com")
        self.assertEqual(company_lead.street, "Company street")
        self.assertEqual(other.email_from, "old@example.com")

    def test_partner_without_leads(self):
        """A partner without leads gets a message saying so."""
        action = self.partner.action_update_linked_leads()
        self.assertIn("No lead", action["params"]["message"])

    def test_sync_as_salesman(self):
        """A salesman syncs the leads he may see, with his own rights."""
        lead = self._create_stale_lead(self.contact)
        lead.user_id = self.salesman
        lead.with_user(self.salesman).action_sync_from_partner()
        self.assertEqual(lead.email_from, "contact@example.com")

    def test_sync_many_leads_query_count(self):
        """Syncing the leads of one partner costs the same number of queries
        for 5 or 50 leads (as a salesman, so that record rules are included)."""

        def stale_leads(count):
            leads = self.env["crm.lead"]
            for _i in range(count):
                leads |= self._create_stale_lead(self.contact, user_id=self.salesman.id)
            self.env.invalidate_all()
            return leads.with_user(self.salesman)

        synced = []

        def prepare(count):
            leads = stale_leads(count)
            return lambda: synced.append((leads, leads._sync_from_partner()))

        self.assertFlatQueryCount(prepare)
        for leads, changed in synced:
            self.assertEqual(changed, leads)
            self.assertEqual(set(leads.mapped("city")), {"Brussels"})
