# Copyright 2026 Lead Management Developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class CrmLead(models.Model):
    """An opportunity with open tickets is not stale (SPEC §12): someone is
    working on a request about it."""

    _inherit = "crm.lead"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _get_stale_last_activities(self, companies, domain=None):
        # sudo: an open ticket keeps its opportunity alive whoever runs the
        # closing (the cron, or a sales manager without helpdesk rights);
        # only the ids of the opportunities are read; archived tickets do not
        # count. A subquery, no fetch:
        # the condition stays inside the core's one query.
        open_tickets = (
            self.env["helpdesk.ticket"]
            .sudo()
            ._search(
                [
                    ("opportunity_id", "!=", False),
                    "|",
                    ("stage_id", "=", False),
                    ("stage_id.closed", "=", False),
                ]
            )
        )
        domain = [
            *(domain or []),
            ("id", "not in", open_tickets.subselect("opportunity_id")),
        ]
        return super()._get_stale_last_activities(companies, domain)
