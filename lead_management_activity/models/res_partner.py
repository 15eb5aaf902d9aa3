# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, fields, models


class ResPartner(models.Model):
    """A customer's activity history (SPEC §9): the activities, planned and
    done, on the partner and its contacts and on their leads and
    opportunities (contact persons are always of the document's customer,
    so their activities are among these)."""

    _inherit = "res.partner"

    crm_activity_count = fields.Integer(
        "Activity History", compute="_compute_crm_activity_count"
    )

    def _get_crm_activity_domain(self):
        partners = self.with_context(active_test=False).search(
            [("id", "child_of", self.ids)]
        )
        leads = (
            self.env["crm.lead"]
            .with_context(active_test=False)
            .search([("partner_id", "in", partners.ids)])
        )
        return [
            "|",
            "&",
            ("res_model", "=", "res.partner"),
            ("res_id", "in", partners.ids),
            "&",
            ("res_model", "=", "crm.lead"),
            ("res_id", "in", leads.ids),
        ]

    def _compute_crm_activity_count(self):
        # a smart button: computed for the partner open in the form
        Activity = self.env["mail.activity"].with_context(active_test=False)
        for partner in self:
            partner.crm_activity_count = (
                Activity.search_count(partner._origin._get_crm_activity_domain())
                if partner._origin
                else 0
            )

    def action_view_crm_activities(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "lead_management_activity.crm_activity_action"
        )
        action["domain"] = self._get_crm_activity_domain()
        action["context"] = {"active_test": False}
        action["display_name"] = _("Activities of %s", self.display_name)
        return action
