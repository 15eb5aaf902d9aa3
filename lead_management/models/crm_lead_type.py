# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from random import randint

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

# Odoo's colour picker (``kanban_color_picker`` / ``color_picker`` widgets)
# offers the indexes 0 (no colour) to 11.
MAX_COLOR = 11


class CrmLeadType(models.Model):
    """Kind of lead (new business, upsell, renewal...).

    A lead carries one type; its Kanban colour follows the type's colour.
    """

    _name = "crm.lead.type"
    _description = "Lead Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    color = fields.Integer(
        string="Kanban Colour",
        default=lambda self: randint(1, MAX_COLOR),
        help="Colour of the cards of the leads of this type in the pipeline "
        "(0 means no colour).",
    )
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Leave empty to share the type between all companies.",
    )
    lead_count = fields.Integer(compute="_compute_lead_count", string="Leads")

    def _compute_lead_count(self):
        # one grouped query for all the types on screen
        counts = dict(
            self.env["crm.lead"]._read_group(
                [("lead_type_id", "in", self.ids)],
                groupby=["lead_type_id"],
                aggregates=["__count"],
            )
        )
        for lead_type in self:
            lead_type.lead_count = counts.get(lead_type, 0)

    @api.constrains("color")
    def _check_color(self):
        for lead_type in self:
            if not 0 <= lead_type.color <= MAX_COLOR:
                raise ValidationError(
                    _(
                        "The colour of the lead type %(type)s must be between "
                        "0 and %(max)s.",
                        type=lead_type.name,
                        max=MAX_COLOR,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        used = (
            self.env["crm.lead"]
            .with_context(active_test=False)
            ._read_group([("lead_type_id", "in", self.ids)], groupby=["lead_type_id"])
        )
        if used:
            raise UserError(
                _(
                    "The lead types %(types)s are used by leads and cannot be "
                    "deleted; archive them instead.",
                    types=", ".join(lead_type.name for (lead_type,) in used),
                )
            )

    def action_view_leads(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id("crm.crm_lead_all_leads")
        action["domain"] = [("lead_type_id", "=", self.id)]
        action["context"] = {"default_lead_type_id": self.id}
        return action
