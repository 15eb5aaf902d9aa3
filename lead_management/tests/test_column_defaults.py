# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestColumnDefaults(TransactionCase):
    """Required columns that the family adds to other modules' tables have a
    database default (``utils.set_required_column_defaults``).

    Runs where lead_management is alone and where the whole family is
    installed (scripts/test.sh), so every installed add-on's fields count.
    """

    def _family_required_columns(self):
        """{(table, column)} of the required stored fields that an add-on of
        the family defines on a model that another module defines."""
        family = set(
            self.env["ir.module.module"]
            .search(
                [("name", "=like", "lead\\_management%"), ("state", "=", "installed")]
            )
            .mapped("name")
        )
        columns = set()
        for model in self.env.values():
            if model._abstract or not model._auto or model._original_module in family:
                continue
            for name, field in model._fields.items():
                if (
                    field.required
                    and field.store
                    and field.column_type
                    and set(field._modules) & family
                    and all(module in family for module in field._modules)
                ):
                    columns.add((model._table, name))
        return columns

    def test_required_columns_on_other_tables_have_defaults(self):
        """A row inserted by a registry that does not know the family (the
        modules loaded before it and their at_install tests, e.g. crm's set-ups
        creating users and companies) violates no NOT NULL: each such column
        has a database default. Found by Odoo's own runner of crm's suite on
        ``res_users.activity_reminder`` once."""
        columns = self._family_required_columns()
        self.assertIn(("res_company", "offer_conversion_mode"), columns)
        self.env.cr.execute(
            "SELECT table_name, column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND column_default IS NULL"
            " AND (table_name, column_name) IN %s",
            [tuple(columns)],
        )
        self.assertEqual(self.env.cr.fetchall(), [])
