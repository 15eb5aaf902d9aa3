# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models


class CrmLead(models.Model):
    """Opportunity analysis: the stuck opportunities, which are exactly
    what the stale process would close (crm_lead_stale.py)."""

    # one file per capability of crm.lead (see CONTRIBUTING.md)
    _inherit = "crm.lead"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _action_open_stuck_analysis(self):
        action = self.env["ir.actions.actions"]._for_xml_id(
            "lead_management.crm_lead_analysis_stage_action"
        )
        # stuck is exactly what the stale process would close, for the
        # companies the user works in (their own thresholds), within his rights
        stuck = self._get_stale_opportunities(self.env.companies)
        action.update(
            name=_("Stuck Opportunities"),
            domain=[("id", "in", stuck.ids)],
            context={"search_default_stage": 1, "search_default_salesperson": 1},
        )
        return action
