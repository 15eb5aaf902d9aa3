# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.1.0: every company's lead and offer sequences are data of the
add-on, so that uninstalling it removes them.

Up to 18.0.1.0.0 the main company's sequences came from a data file
(``seq_crm_lead_number``, ``seq_sale_offer``) and the other companies' were
created by code without an xml id, so uninstalling left them behind. Each
gets the xml id ``res.company._create_lead_management_sequences`` gives the
sequences it creates now (``models/res_company.py: sequence_xmlid``).
"""

from odoo.tools import SQL

# res_company.LEAD_SEQUENCE_CODE, OFFER_SEQUENCE_CODE
CODES = ["crm.lead.number", "sale.offer"]
OLD_XMLIDS = ["seq_crm_lead_number", "seq_sale_offer"]


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        SQL(
            """
            DELETE FROM ir_model_data
             WHERE module = 'lead_management' AND name = ANY(%(old)s);
            INSERT INTO ir_model_data (module, name, model, res_id, noupdate)
            SELECT 'lead_management',
                   'ir_sequence_' || replace(code, '.', '_')
                       || '_company_' || company_id,
                   'ir.sequence', id, true
              FROM ir_sequence
             WHERE code = ANY(%(codes)s) AND company_id IS NOT NULL
                ON CONFLICT (module, name) DO NOTHING
            """,
            old=OLD_XMLIDS,
            codes=CODES,
        )
    )
