# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.2.0.0: the single add-on becomes a family of add-ons (SPEC §0).

Up to 18.0.1.1.0 ``lead_management`` held every capability. Since 18.0.2.0.0
the lead process, the CRM activities, the campaigns and the deadline
reminders are add-ons of their own. A database that ran the single add-on
used all of them, so the rule is **install everything it had**: the upgrade
installs ``lead_management_process``, ``_activity``, ``_campaign`` and
``_reminder`` (an administrator who does not want one uninstalls it
afterwards, from *CRM > Configuration > Settings*).

Nothing is lost and nothing is created twice, because the records move
before anything loads:

- every xml id that now belongs to another add-on of the family (listed in
  ``moved_xmlids.csv``, made by ``tools/moved_xmlids.py`` from a database of
  the last single release and one of the family) is renamed to that add-on
  (openupgradelib's ``rename_xmlids``): its views, menus, access rights,
  rules, data, and the fields, models and selections Odoo reflects;
- the core's views that the family no longer has (their fields left with the
  add-ons) are deleted first: loaded until the end of the upgrade, they would
  make the views of the add-ons fail validation;
- the SQL constraints and many2many tables of the moved fields and models
  are given to their new add-on as well (so that uninstalling it removes
  them, and only it);
- the process, activity and campaign add-ons are marked *to upgrade*, not
  *to install*: loaded in update mode, they find their records under their
  own xml ids and keep what the company changed in ``noupdate`` data (an
  outcome renamed, a rule edited), where an installation would rewrite it.
  Their columns never leave the database, so their values stay;
- the reminder add-on is built on OCA's ``mail_activity_reminder``, whose
  data model differs: it is installed (with that module), and its
  ``post_init_hook`` converts the old reminder settings and sent marks while
  the old columns are still there (the upgrade drops them at its end).
"""

import csv
from pathlib import Path

from openupgradelib import openupgrade

MOVED_XMLIDS = Path(__file__).with_name("moved_xmlids.csv")
# loaded in update mode: their records exist already, under the moved xml ids
UPGRADED = (
    "lead_management_process",
    "lead_management_activity",
    "lead_management_campaign",
)
# installed: a new data model, converted by its post_init_hook
INSTALLED = ("lead_management_reminder",)
# the core's views of 18.0.1.1.0 that no add-on of the family defines
# (the outcomes and the reminder days of an activity type, one view)
OBSOLETE_VIEWS = ("lead_management.mail_activity_type_view_form",)


def _moved_xmlids():
    """[(add-on, xml id name)] of the records that left the core add-on."""
    with MOVED_XMLIDS.open(newline="") as moved:
        return [(module, name) for module, name in csv.reader(moved)]


def _move_constraints_and_relations(cr):
    """Give the SQL constraints and many2many tables of the moved fields and
    models to the add-on that now has their xml id."""
    cr.execute(
        """
        UPDATE ir_model_constraint constraint_
           SET module = module.id
          FROM ir_model_data imd
          JOIN ir_module_module module ON module.name = imd.module
         WHERE imd.model = 'ir.model.constraint'
           AND imd.res_id = constraint_.id
           AND imd.module IN %(family)s
        """,
        {"family": UPGRADED + INSTALLED},
    )
    cr.execute(
        """
        UPDATE ir_model_relation relation
           SET module = module.id
          FROM ir_model_fields field
          JOIN ir_model_data imd
            ON imd.model = 'ir.model.fields' AND imd.res_id = field.id
          JOIN ir_module_module module ON module.name = imd.module
         WHERE field.relation_table = relation.name
           AND imd.module IN %(family)s
        """,
        {"family": UPGRADED + INSTALLED},
    )


@openupgrade.migrate()
def migrate(env, version):
    openupgrade.delete_records_safely_by_xml_id(env, OBSOLETE_VIEWS)
    openupgrade.rename_xmlids(
        env.cr,
        [
            (f"lead_management.{name}", f"{module}.{name}")
            for module, name in _moved_xmlids()
        ],
    )
    _move_constraints_and_relations(env.cr)
    # the demo data of the add-ons follows the core's: a demo database gets
    # theirs, a production database none
    env.cr.execute(
        """
        UPDATE ir_module_module
           SET state = 'to upgrade',
               demo = (SELECT demo FROM ir_module_module
                        WHERE name = 'lead_management')
         WHERE name IN %(upgraded)s AND state = 'uninstalled'
        """,
        {"upgraded": UPGRADED},
    )
    env["ir.module.module"].search(
        [("name", "in", INSTALLED), ("state", "=", "uninstalled")]
    ).button_install()
