# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    customer_history_count = fields.Integer(
        string="History",
        compute="_compute_customer_history_count",
        groups="sales_team.group_sale_salesman",
    )

    def _compute_customer_history_count(self):
        """Rows of the history of each partner and of its contacts: one
        grouped count for the whole batch, summed up the parents (as crm's
        opportunity count does)."""
        self.customer_history_count = 0
        partners = self.with_context(active_test=False).search_fetch(
            [("id", "child_of", self.ids)], ["parent_id"]
        )
        groups = self.env["crm.customer.history"]._read_group(
            [("partner_id", "in", partners.ids)], ["partner_id"], ["__count"]
        )
        self_ids = set(self._ids)
        for partner, count in groups:
            while partner:
                if partner.id in self_ids:
                    partner.customer_history_count += count
                partner = partner.parent_id

    def action_update_linked_leads(self):
        """Refresh the leads of these partners, and of their contacts, from
        the partner or contact each lead is linked to."""
        leads = self.env["crm.lead"].search([("partner_id", "child_of", self.ids)])
        return leads.action_sync_from_partner()

    def action_view_customer_history(self):
        """The history of this partner and of its contacts."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "lead_management.crm_customer_history_action"
        )
        action["domain"] = [("partner_id", "child_of", self.id)]
        action["display_name"] = self.env._(
            "History of %(partner)s", partner=self.display_name
        )
        return action
