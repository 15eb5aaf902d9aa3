# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, fields, models
from odoo.exceptions import UserError


class CrmLead(models.Model):
    """Opportunity analysis: the stuck opportunities, which are exactly
    what the stale process would close (crm_lead_stale.py)."""

    # one file per capability of crm.lead (see CONTRIBUTING.md)
    _inherit = "crm.lead"  # pylint: disable=consider-merging-classes-inherited

    # searchable, so that the Stuck analysis is a window action whose domain
    # (and URL) reloads to the same opportunities; not stored: it moves with
    # the clock and with every activity
    is_stuck = fields.Boolean(
        string="Stuck",
        compute="_compute_is_stuck",
        search="_search_is_stuck",
        help="Open, without activity for the company's days without activity "
        "(Settings > CRM) and nothing planned: what the stale-closing process "
        "would close.",
    )

    def _compute_is_stuck(self):
        # stuck is exactly what the stale process would close, for the
        # companies the user works in (their own thresholds), within his rights
        stuck = self._get_stale_opportunities(
            self.env.companies, [("id", "in", self._origin.ids)]
        )
        for lead in self:
            lead.is_stuck = lead._origin in stuck

    def _search_is_stuck(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Operation not supported"))
        stuck = self._get_stale_opportunities(self.env.companies)
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", stuck.ids)]
