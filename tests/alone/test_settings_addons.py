# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""With lead_management alone (SPEC section 0).

The files of this folder run on a database where only ``lead_management`` is
installed (``scripts/test.sh``): each proves that what an optional add-on of
the family adds is absent there. They are not a part of an add-on's tests,
which also run where the whole family is installed.
"""

from odoo.tests import TransactionCase, tagged

OPTIONAL_ADDONS = (
    "lead_management_process",
    "lead_management_activity",
    "lead_management_campaign",
    "lead_management_reminder",
)


@tagged("post_install", "-at_install")
class TestSettingsAddons(TransactionCase):
    def test_checkboxes_unticked_and_addons_not_installed(self):
        """Each optional add-on is a Settings checkbox, unticked while it is
        not installed, and nothing installed it behind the admin's back."""
        settings = self.env["res.config.settings"].create({})
        modules = self.env["ir.module.module"].search(
            [("name", "in", OPTIONAL_ADDONS)]
        )
        self.assertEqual(sorted(modules.mapped("name")), sorted(OPTIONAL_ADDONS))
        self.assertEqual(set(modules.mapped("state")), {"uninstalled"})
        for name in OPTIONAL_ADDONS:
            self.assertFalse(settings[f"module_{name}"], name)
