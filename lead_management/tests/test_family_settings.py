# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestFamilySettings(TransactionCase):
    """CRM > Configuration > Settings offers every optional add-on of the
    family as one checkbox that shows whether it is installed (SPEC §0)."""

    def test_one_checkbox_per_optional_add_on(self):
        # the glue add-ons (auto_install, e.g. lead_management_activity_project)
        # come with the two they join: no checkbox of their own
        addons = self.env["ir.module.module"].search(
            [
                ("name", "=like", "lead\\_management\\_%"),
                ("auto_install", "=", False),
            ]
        )
        settings = self.env["res.config.settings"]
        arch = settings.get_view(self.env.ref("crm.res_config_settings_view_form").id)[
            "arch"
        ]
        values = settings.default_get(list(settings._fields))
        for addon in addons:
            field_name = f"module_{addon.name}"
            self.assertIn(field_name, settings._fields, addon.name)
            field = settings._fields[field_name]
            self.assertTrue(field.help, f"{field_name} says what it adds")
            self.assertIn(f'name="{field_name}"', arch)
            self.assertEqual(values[field_name], addon.state == "installed", addon.name)

    def test_every_checkbox_is_an_add_on_of_the_family(self):
        settings = self.env["res.config.settings"]
        names = [
            name[len("module_") :]
            for name in settings._fields
            if name.startswith("module_lead_management_")
        ]
        self.assertEqual(len(names), 6)
        found = self.env["ir.module.module"].search([("name", "in", names)])
        self.assertEqual(sorted(found.mapped("name")), sorted(names))
