# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.1.0: the Leads Weekly / Monthly wizard ``crm.lead.report.wizard``
is renamed ``crm.lead.period.report.wizard``.

Renamed in place, before the module's data loads, so that the upgrade finds
the model, its fields, access rule, view and actions under their new names
instead of dropping the old ones and creating new ones.
"""

import logging

from odoo.tools import SQL

_logger = logging.getLogger(__name__)

RENAMED_MODELS = {"crm.lead.report.wizard": "crm.lead.period.report.wizard"}
# xml ids of the add-on named after the model (besides model_ and field_)
RENAMED_XMLIDS = {
    "crm_lead_report_wizard_view_form": "crm_lead_period_report_wizard_view_form",
    "access_crm_lead_report_wizard_salesman": (
        "access_crm_lead_period_report_wizard_salesman"
    ),
}


def rename_model(cr, old, new):
    """Rename the model ``old`` to ``new``: its table, its registry entries
    (ir.model, fields, xml ids) and the records that name it."""
    old_table, new_table = old.replace(".", "_"), new.replace(".", "_")
    cr.execute(SQL("SELECT to_regclass(%s)", old_table))
    if cr.fetchone()[0]:
        cr.execute(
            SQL(
                "ALTER TABLE %s RENAME TO %s",
                SQL.identifier(old_table),
                SQL.identifier(new_table),
            )
        )
        cr.execute(
            SQL(
                "ALTER SEQUENCE IF EXISTS %s RENAME TO %s",
                SQL.identifier(f"{old_table}_id_seq"),
                SQL.identifier(f"{new_table}_id_seq"),
            )
        )
    for table, column in (
        ("ir_model", "model"),
        ("ir_model_fields", "model"),
        ("ir_model_fields", "relation"),
        ("ir_model_data", "model"),
        ("ir_ui_view", "model"),
        ("ir_act_window", "res_model"),
        ("ir_act_report_xml", "model"),
    ):
        cr.execute(
            SQL(
                "UPDATE %s SET %s = %s WHERE %s = %s",
                SQL.identifier(table),
                SQL.identifier(column),
                new,
                SQL.identifier(column),
                old,
            )
        )
    old_xml, new_xml = old.replace(".", "_"), new.replace(".", "_")
    cr.execute(
        SQL(
            """
            UPDATE ir_model_data
               SET name = %(new_model)s
             WHERE module = 'lead_management' AND name = %(old_model)s;
            UPDATE ir_model_data
               SET name = %(new_field)s || substr(name, length(%(old_field)s) + 1)
             WHERE module = 'lead_management'
               AND model = 'ir.model.fields'
               AND starts_with(name, %(old_field)s)
            """,
            old_model=f"model_{old_xml}",
            new_model=f"model_{new_xml}",
            old_field=f"field_{old_xml}__",
            new_field=f"field_{new_xml}__",
        )
    )


def migrate(cr, version):
    if not version:
        return
    for old, new in RENAMED_MODELS.items():
        rename_model(cr, old, new)
        _logger.info("lead_management: model %s renamed %s", old, new)
    for old, new in RENAMED_XMLIDS.items():
        cr.execute(
            SQL(
                "UPDATE ir_model_data SET name = %s"
                " WHERE module = 'lead_management' AND name = %s",
                new,
                old,
            )
        )
