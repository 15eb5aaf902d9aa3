# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def action_update_linked_leads(self):
        """Refresh the leads of these partners, and of their contacts, from
        the partner or contact each lead is linked to."""
        leads = self.env["crm.lead"].search([("partner_id", "child_of", self.ids)])
        return leads.action_sync_from_partner()
