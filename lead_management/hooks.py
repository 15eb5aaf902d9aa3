# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

_logger = logging.getLogger(__name__)


def post_init_hook(env):
    """Give every company its sequences and number the existing leads."""
    env["res.company"].search([])._create_lead_management_sequences()
    _number_existing_leads(env)


def _number_existing_leads(env):
    """Number the leads that have no number yet, in one pass per company.

    Archived and lost leads are numbered too: they are part of the history
    that reports trace. Numbers follow creation order; the prefix uses the
    date of installation (e.g. ``LD/2026/``), not the lead's creation date.
    The queries do not depend on the number of leads: one to list them, then
    per company one to draw all its numbers and one to write them.
    """
    cr = env.cr
    cr.execute(
        """
        SELECT company_id, array_agg(id ORDER BY create_date, id)
          FROM crm_lead
         WHERE lead_number IS NULL
      GROUP BY company_id
        """
    )
    total = 0
    for company_id, lead_ids in cr.fetchall():
        company = env["res.company"].browse(company_id) if company_id else env.company
        numbers = company._next_lead_numbers(len(lead_ids))
        cr.execute(
            """
            UPDATE crm_lead
               SET lead_number = new.number
              FROM unnest(%s::int[], %s::varchar[]) AS new(id, number)
             WHERE crm_lead.id = new.id
            """,
            [lead_ids, numbers],
        )
        total += len(lead_ids)
    env["crm.lead"].invalidate_model(["lead_number"])
    _logger.info("lead_management: numbered %s existing leads", total)
    return total
