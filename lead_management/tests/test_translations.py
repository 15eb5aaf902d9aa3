# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from pathlib import Path

import polib

from odoo.tests import TransactionCase, tagged

from .common import LANGUAGES, untranslated_messages

I18N = Path(__file__).resolve().parent.parent / "i18n"


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    """Each shipped language loads and translates the key terms users see."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.module = cls.env["ir.module.module"].search(
            [("name", "=", "lead_management")]
        )

    def _catalog(self, code):
        return {
            entry.msgid: entry.msgstr
            for entry in polib.pofile(str(I18N / f"{code}.po"))
            if entry.msgstr
        }

    def test_po_files_are_complete(self):
        """Every message of the template is translated in every language."""
        for code, missing in untranslated_messages(I18N.parent).items():
            with self.subTest(language=code):
                self.assertEqual(missing, set(), code)

    def test_key_terms_in_each_language(self):
        """Labels and buttons of leads, offers and the traceability report,
        and the printed traceability report, show translated."""
        for lang, code in LANGUAGES.items():
            with self.subTest(language=lang):
                self.env["res.lang"]._activate_lang(lang)
                self.module._update_translations(filter_lang=lang)
                catalog = self._catalog(code)
                env = self.env(context={"lang": lang})
                labels = {
                    ("crm.lead", "lead_number"): "Lead No.",
                    ("crm.lead", "lead_type_id"): "Lead Type",
                    ("sale.order", "offer_number"): "Offer No.",
                    ("sale.order", "order_number"): "Order No.",
                }
                for (model, fname), english in labels.items():
                    label = env[model].fields_get([fname])[fname]["string"]
                    self.assertEqual(label, catalog[english], (lang, fname))
                    self.assertNotEqual(label, english, (lang, fname))
                arch = env["sale.order"].get_view(
                    env.ref("sale.view_order_form").id, "form"
                )["arch"]
                self.assertIn(catalog["Convert to Order"], arch)
                # the traceability report: its rows' labels and its printout
                label = env["crm.lead.traceability.report"].fields_get(
                    ["offer_number"]
                )["offer_number"]["string"]
                self.assertEqual(label, catalog["Offer No."])
                wizard = env["crm.lead.traceability.wizard"].create({})
                html = (
                    env["ir.actions.report"]
                    ._render_qweb_html(
                        "lead_management.action_report_crm_lead_traceability",
                        wizard.ids,
                    )[0]
                    .decode()
                )
                title = catalog["Lead – Offer – Order Traceability"]
                self.assertIn(title, html, lang)
