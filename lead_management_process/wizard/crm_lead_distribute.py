# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CrmLeadDistribute(models.TransientModel):
    """The form's Distribute dialog: ``crm.lead.action_distribute`` on the
    selected leads."""

    _name = "crm.lead.distribute"
    _inherit = "crm.lead.selection.mixin"
    _description = "Distribute Leads"

    user_id = fields.Many2one(
        "res.users",
        "Salesperson",
        required=True,
        domain="[('share', '=', False)]",
    )
    team_id = fields.Many2one("crm.team", "Sales Team", required=True)
    remind = fields.Boolean(
        "Remind the Salesperson",
        default=True,
        help='Plan the activity "Contact the customer" for the salesperson.',
    )

    def action_distribute(self):
        self.ensure_one()
        self.lead_ids.action_distribute(self.user_id.id, self.team_id.id, self.remind)
        return {"type": "ir.actions.act_window_close"}
