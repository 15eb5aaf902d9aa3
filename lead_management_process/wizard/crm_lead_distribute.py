# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


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
    team_id = fields.Many2one(
        "crm.team",
        "Sales Team",
        compute="_compute_team_id",
        store=True,
        readonly=False,
        required=True,
    )
    remind = fields.Boolean(
        "Remind the Salesperson",
        default=True,
        help='Plan the activity "Contact the customer" for the salesperson.',
    )

    @api.depends("user_id")
    def _compute_team_id(self):
        """The chosen salesperson's team, as crm's lead form does
        (``crm.team._get_default_team_id``): kept when the salesperson is
        one of its members, else their team in the leads' company."""
        for wizard in self:
            user = wizard.user_id
            if not user or user in wizard.team_id.member_ids | wizard.team_id.user_id:
                continue
            companies = wizard.lead_ids.company_id
            domain = [
                ("use_leads", "=", True),
                ("company_id", "in", [False, *companies.ids]),
            ]
            wizard.team_id = self.env["crm.team"]._get_default_team_id(
                user_id=user.id, domain=domain
            )

    def action_distribute(self):
        self.ensure_one()
        self.lead_ids.action_distribute(self.user_id.id, self.team_id.id, self.remind)
        return {"type": "ir.actions.act_window_close"}
