# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestSettingsAddons(TransactionCase):
    """CRM > Configuration > Settings: one checkbox per optional add-on."""

    def test_one_checkbox_per_optional_addon(self):
        """Every optional add-on of the family has a ``module_*`` checkbox,
        whose value is the add-on's installed state, on the CRM settings page
        with a line saying what it adds."""
        settings = self.env["res.config.settings"].create({})
        modules = self.env["ir.module.module"].search(
            [("name", "=like", "lead\\_management\\_%")]
        )
        self.assertTrue(modules)
        arch = settings.get_views([(False, "form")])["views"]["form"]["arch"]
        for module in modules:
            field = f"module_{module.name}"
            self.assertIn(field, settings._fields, module.name)
            self.assertEqual(settings[field], module.state == "installed", module.name)
            self.assertIn(f'name="{field}"', arch)
            self.assertTrue(settings._fields[field].help, module.name)
