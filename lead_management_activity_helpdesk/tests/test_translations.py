# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from pathlib import Path

from odoo.tests import TransactionCase, tagged

from odoo.addons.lead_management.tests.common import untranslated_messages


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    """Each shipped language translates every message of the add-on."""

    def test_po_files_are_complete(self):
        addon_dir = Path(__file__).resolve().parent.parent
        for code, missing in untranslated_messages(addon_dir).items():
            with self.subTest(language=code):
                self.assertEqual(missing, set(), code)
