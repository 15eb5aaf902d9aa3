# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class CrmLeadSelectionMixin(models.AbstractModel):
    """A wizard that acts on the leads selected in the list (or the lead
    open in the form) it was opened from."""

    _name = "crm.lead.selection.mixin"
    _description = "Wizard on Selected Leads"

    lead_ids = fields.Many2many(
        "crm.lead",
        string="Opportunities",
        required=True,
        default=lambda self: self._default_lead_ids(),
    )

    @api.model
    def _default_lead_ids(self):
        """The leads of the context's ``active_ids``; none when the wizard
        was not opened from leads."""
        if self.env.context.get("active_model") != "crm.lead":
            return self.env["crm.lead"]
        return self.env["crm.lead"].browse(self.env.context.get("active_ids", []))
