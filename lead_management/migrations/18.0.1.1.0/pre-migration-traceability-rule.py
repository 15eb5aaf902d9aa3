# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.1.0: reload the traceability report's multi-company rule.

Its domain now tests plain columns of the lead and of the offer instead of
the view's computed company (see security/lead_management_security.xml): the
same rows, read at the speed of a stock list. The rule is ``noupdate`` data,
which an upgrade never rewrites; removed here, it is created anew, with its
new domain, when the upgrade loads the security file.
"""

RULES = ("crm_lead_traceability_report_rule_company",)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        DELETE FROM ir_rule
         WHERE id IN (SELECT res_id FROM ir_model_data
                       WHERE module = 'lead_management'
                         AND model = 'ir.rule' AND name IN %(rules)s)
        """,
        {"rules": RULES},
    )
    cr.execute(
        """
        DELETE FROM ir_model_data
         WHERE module = 'lead_management' AND model = 'ir.rule'
           AND name IN %(rules)s
        """,
        {"rules": RULES},
    )
