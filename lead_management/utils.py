# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tools import SQL

# the add-ons of the family (SPEC section 0) are named lead_management*
FAMILY_PREFIX = "lead_management"


def set_required_column_defaults(model, module):
    """Give the columns that ``module`` adds to ``model``'s table a database
    default: the field's own default, so it is defined once (a required one
    must have it; the others get what the ORM would have given them).

    Call it from the model's ``init()`` in every add-on of the family that
    adds a required field (one that no module outside the family defines)
    to a table of another module (res_company, res_users, crm_lead...).
    Why: rows of such a table are inserted while
    the registry does not know the add-on's fields: during an upgrade or an
    install, the modules loaded before the add-on, and their at_install tests
    (crm's create companies and users), run on a registry that stops at
    them, while the table already has the add-on's NOT NULL column. Without
    a database default such an insert fails; with it, the row gets what the
    ORM would have given it. Fields without a default are left alone (their
    add-on must not make them required on another module's table).
    """
    if model._original_module.startswith(FAMILY_PREFIX):
        return
    for fname, field in model._fields.items():
        # not only the required ones: a row inserted without the add-on
        # gets every value the ORM would have given it
        if not (
            field.store
            and field.column_type
            and not field.relational
            and field.default is not None
            and module in field._modules
            and all(name.startswith(FAMILY_PREFIX) for name in field._modules)
        ):
            continue
        value = field.convert_to_column(field.default(model), model)
        model.env.cr.execute(
            SQL(
                "ALTER TABLE %s ALTER COLUMN %s SET DEFAULT %s",
                SQL.identifier(model._table),
                SQL.identifier(fname),
                value,
            )
        )


def notification_action(message, notification_type="success", next_action=None):
    """The client action that shows ``message`` in a notification (web
    client's ``display_notification``: ``success``, ``info``, ``warning`` or
    ``danger``), then runs ``next_action`` (e.g. close the wizard, reload).
    Over RPC it is plain data: the message is in ``["params"]["message"]``.
    """
    params = {"type": notification_type, "message": message}
    if next_action:
        params["next"] = next_action
    return {
        "type": "ir.actions.client",
        "tag": "display_notification",
        "params": params,
    }
