# Copyright 2026 Lead Management Developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from pathlib import Path

import polib

from odoo.tests import TransactionCase, tagged

I18N = Path(__file__).resolve().parent.parent / "i18n"
LANGUAGES = {"ro_RO": "ro", "ru_RU": "ru", "pl_PL": "pl", "hu_HU": "hu"}


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    """Each shipped language translates every message of the add-on."""

    def _catalog(self, code):
        return {
            entry.msgid: entry.msgstr
            for entry in polib.pofile(str(I18N / f"{code}.po"))
            if entry.msgstr
        }

    def test_po_files_are_complete(self):
        """Every message of the template is translated in every language."""
        template = {
            entry.msgid
            for entry in polib.pofile(str(I18N / "lead_management_reminder.pot"))
        }
        for code in LANGUAGES.values():
            with self.subTest(language=code):
                catalog = self._catalog(code)
                self.assertEqual(template - set(catalog), set(), code)
