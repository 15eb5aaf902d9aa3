# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.1.0: reload the traceability report's multi-company rule.

Its domain now tests plain columns of the lead and of the offer instead of
the view's computed company (see security/lead_management_security.xml): the
same rows, read at the speed of a stock list. The rule is ``noupdate`` data;
this lets the upgrade load the new domain, and post-migration.py makes it
``noupdate`` again.
"""

RULES = ("crm_lead_traceability_report_rule_company",)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE ir_model_data SET noupdate = FALSE
         WHERE module = 'lead_management' AND name IN %s
        """,
        [RULES],
    )
