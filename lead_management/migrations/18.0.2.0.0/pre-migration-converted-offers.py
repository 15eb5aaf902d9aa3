# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.2.0.0: a converted offer is cancelled for stock code.

Up to 18.0.1.1.0 an offer converted into a separate order had a state of
its own, ``converted``, that stock code does not know: the sales team's
counter and gamification's goals counted it next to its order. Since
18.0.2.0.0 it is ``cancel`` for every reader of ``state`` and ``converted``
in the add-on's own stored ``offer_state``. Before the module loads: the
column is created and filled for every offer, converted offers are
cancelled (and stay locked).

The add-on also set its state into the domains of five of sale's window
actions (Quotations, Orders); sale's own domains are put back.
"""

from odoo.tools.sql import column_exists, create_column

# sale's own domains of the actions the add-on changed up to 18.0.1.1.0
STOCK_DOMAINS = {
    "action_quotations_with_onboarding": False,
    "action_quotations": False,
    "action_quotations_salesteams": "[]",
    "action_orders": "[('state', 'not in', ('draft', 'sent', 'cancel'))]",
    "action_orders_salesteams": "[('state','not in',('draft','sent','cancel'))]",
}


def migrate(cr, version):
    if not version:
        return
    if not column_exists(cr, "sale_order", "offer_state"):
        create_column(cr, "sale_order", "offer_state", "varchar")
    cr.execute(
        """
        UPDATE sale_order
           SET offer_state = CASE
                   WHEN state = 'converted' THEN 'converted'
                   WHEN state IN ('draft', 'sent', 'cancel') THEN state
               END
         WHERE is_offer
        """
    )
    cr.execute(
        """
        UPDATE sale_order
           SET state = 'cancel'
         WHERE state = 'converted'
        """
    )
    for name, domain in STOCK_DOMAINS.items():
        cr.execute(
            """
            UPDATE ir_act_window
               SET domain = %s
             WHERE id = (SELECT res_id FROM ir_model_data
                          WHERE module = 'sale' AND name = %s)
            """,
            [domain, name],
        )
