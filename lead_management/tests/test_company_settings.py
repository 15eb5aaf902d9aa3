# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL


@tagged("post_install", "-at_install")
class TestCompanySettings(TransactionCase):
    """Every company, however it is created, has valid lead management settings."""

    def _assert_default_settings(self, company):
        self.assertEqual(company.offer_conversion_mode, "separate")
        self.assertEqual(company.lead_stale_days, 60)
        self.assertEqual(company.lead_recurrence_horizon_days, 90)

    def test_company_created_as_crm_tests_do(self):
        """A company created through the ORM, as crm's multi-company test
        set-ups do, gets the default settings and its own sequences."""
        company = self.env["res.company"].create(
            {
                "country_id": self.env.ref("base.au").id,
                "currency_id": self.env.ref("base.AUD").id,
                "email": "company.2@test.example.com",
                "name": "New Test Company",
            }
        )
        self._assert_default_settings(company)
        self.assertEqual(company._get_offer_sequence().company_id, company)

    def test_company_inserted_without_the_add_on_fields(self):
        """A company inserted by a registry that does not know this add-on
        (modules loaded before it during an upgrade, and their at_install
        tests) is valid and reads the default settings: the database gives
        the columns their defaults. This insert violated NOT NULL before."""
        company_model = self.env["res.company"]
        ours = {
            name
            for name, field in company_model._fields.items()
            if field._module == "lead_management" and field.store
        }
        self.assertIn("offer_conversion_mode", ours)
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_name = 'res_company' AND column_name NOT IN %s",
            [tuple(ours | {"id", "name"})],
        )
        columns = [SQL.identifier(row[0]) for row in self.env.cr.fetchall()]
        self.env.cr.execute(
            SQL(
                "INSERT INTO res_company (name, %(columns)s) "
                "SELECT 'Inserted Company', %(columns)s FROM res_company "
                "WHERE id = %(id)s RETURNING id",
                columns=SQL(", ").join(columns),
                id=self.env.company.id,
            )
        )
        company = company_model.browse(self.env.cr.fetchone()[0])
        self._assert_default_settings(company)
