"""Refresh each add-on's translation template and catalogs from a database.

    python tools/i18n_update.py ODOO_RC DATABASE [ADDON ...]

The database must have the add-ons installed (without demo data, as the
test command's). For each add-on (default: every add-on of the family, the
folders of the top level with a manifest), Odoo's own exporter writes
``<addon>/i18n/<addon>.pot``; then each language's ``<lang>.po`` is rebuilt
from the template, keeping every translation found for a message, first in
the add-on's own catalog, then in the catalogs of the other add-ons of the
family (a message that moved from one add-on to another keeps its
translation). Messages that nobody has translated yet are listed and stay
empty: ``test_translations`` of the add-on fails until they are filled.
"""

import io
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("ro", "ru", "pl", "hu")


def family():
    return sorted(path.parent.name for path in ROOT.glob("*/__manifest__.py"))


def export_templates(rc, database, addons):
    """{addon: the .pot text}, exported by Odoo from ``database``."""
    import odoo
    from odoo.tools.translate import trans_export

    odoo.tools.config.parse_config(["-c", rc, "-d", database])
    registry = odoo.modules.registry.Registry(database)
    templates = {}
    with registry.cursor() as cr:
        for addon in addons:
            buffer = io.BytesIO()
            trans_export(False, [addon], buffer, "po", cr)
            templates[addon] = buffer.getvalue().decode()
    return templates


def read_catalogs():
    """{lang: {addon: {msgid: msgstr}}} of every catalog of the family, read
    before any is rewritten."""
    catalogs = {lang: {} for lang in LANGUAGES}
    for lang in LANGUAGES:
        for path in sorted(ROOT.glob(f"*/i18n/{lang}.po")):
            catalogs[lang][path.parent.parent.name] = {
                entry.msgid: entry.msgstr
                for entry in polib.pofile(str(path))
                if entry.msgstr and not entry.obsolete
            }
    return catalogs


def write_catalogs(addon, template_text, catalogs):
    """Write the add-on's template and catalogs; return the number of
    messages and {msgid: [languages without a translation]}."""
    i18n = ROOT / addon / "i18n"
    i18n.mkdir(exist_ok=True)
    (i18n / f"{addon}.pot").write_text(template_text)
    missing = {}
    count = 0
    for lang in LANGUAGES:
        known = {}
        for other, translations in catalogs[lang].items():
            if other != addon:
                known.update(translations)
        known.update(catalogs[lang].get(addon, {}))
        catalog = polib.pofile(template_text)
        catalog.metadata["Language"] = lang
        count = len(catalog)
        for entry in catalog:
            entry.msgstr = known.get(entry.msgid, "")
            if not entry.msgstr:
                missing.setdefault(entry.msgid, []).append(lang)
        path = i18n / f"{lang}.po"
        if path.exists():
            header = polib.pofile(str(path)).metadata
            if "Plural-Forms" in header:
                catalog.metadata["Plural-Forms"] = header["Plural-Forms"]
        catalog.save(str(path))
    return count, missing


def main(argv):
    if len(argv) < 2:
        raise SystemExit(__doc__)
    rc, database, *addons = argv
    addons = addons or family()
    templates = export_templates(rc, database, addons)
    catalogs = read_catalogs()
    for addon in addons:
        count, missing = write_catalogs(addon, templates[addon], catalogs)
        print(f"{addon}: {count} messages, {len(missing)} untranslated")
        for msgid, langs in missing.items():
            print(f"    {','.join(langs)}: {msgid[:70]!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
