# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from ..models.crm_lead_recurrence import RECURRENCE_UNITS, recurrence_dates
from ..utils import notification_action

RULE_FIELDS = (
    "recurrence_interval",
    "recurrence_unit",
    "recurrence_count",
    "recurrence_until",
)


class CrmLeadRecurrenceWizard(models.TransientModel):
    _name = "crm.lead.recurrence.wizard"
    _inherit = ["crm.lead.selection.mixin"]
    _description = "Generate Recurring Opportunities"

    lead_ids = fields.Many2many(domain=[("type", "=", "opportunity")])
    rule_mode = fields.Selection(
        [
            ("own", "Each opportunity's own rule"),
            ("common", "The rule below, for all"),
        ],
        string="Recurrence",
        required=True,
        compute="_compute_rule_mode",
        store=True,
        readonly=False,
        precompute=True,
        help="With the rule below, it is saved on every opportunity, so that "
        "the scheduled action follows it too.",
    )
    recurrence_interval = fields.Integer(string="Repeat Every", default=1)
    recurrence_unit = fields.Selection(
        RECURRENCE_UNITS, string="Repeat Unit", default="months"
    )
    recurrence_count = fields.Integer(string="Number of Occurrences")
    recurrence_until = fields.Date(string="Repeat Until")
    date_preview = fields.Text(
        string="Dates",
        compute="_compute_date_preview",
        help="The occurrence dates of each opportunity, before anything is "
        "created (dates that have an occurrence already are skipped).",
    )

    _preview_dates = 12

    @api.depends("lead_ids", "rule_mode", *RULE_FIELDS)
    def _compute_date_preview(self):
        for wizard in self:
            wizard.date_preview = "\n".join(
                wizard._get_date_preview_line(lead) for lead in wizard.lead_ids
            )

    def _get_date_preview_line(self, lead):
        """One line of the preview: the opportunity and its first dates."""
        rule = lead if self.rule_mode == "own" else self
        start = lead._get_recurrence_start()
        if not rule.recurrence_unit or rule.recurrence_interval < 1:
            dates = _("no recurrence rule")
        elif not start:
            dates = _("no Expected Closing date nor next activity")
        elif bool(rule.recurrence_count) == bool(rule.recurrence_until):
            dates = _("set the number of occurrences or an end date")
        else:
            days = recurrence_dates(
                start,
                rule.recurrence_interval,
                rule.recurrence_unit,
                count=min(rule.recurrence_count, self._preview_dates + 1)
                or self._preview_dates + 1,
                until=rule.recurrence_until,
            )
            dates = ", ".join(
                format_date(self.env, day) for day in days[: self._preview_dates]
            )
            if len(days) > self._preview_dates:
                dates += ", …"
        return f"{lead.display_name}: {dates}"

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        # prefilled with the rule of the first opportunity that has one
        leads = self._default_lead_ids()
        base = leads.filtered("recurrence_unit")[:1]
        if base:
            rule = {
                "recurrence_interval": base.recurrence_interval,
                "recurrence_unit": base.recurrence_unit,
                "recurrence_count": base.recurrence_count,
                "recurrence_until": fields.Date.to_string(base.recurrence_until),
            }
            values.update({name: rule[name] for name in rule if name in fields_list})
        return values

    @api.depends("lead_ids.recurrence_unit")
    def _compute_rule_mode(self):
        for wizard in self:
            wizard.rule_mode = (
                "own"
                if wizard.lead_ids and all(wizard.lead_ids.mapped("recurrence_unit"))
                else "common"
            )

    def action_generate(self):
        """Generate the occurrences of the opportunities (all of them, within
        the end of their rule), and show them."""
        self.ensure_one()
        leads = self.lead_ids
        if not_opportunities := leads.filtered(lambda lead: lead.type != "opportunity"):
            raise UserError(
                _(
                    "Only opportunities can recur, not these leads: %(leads)s",
                    leads=", ".join(not_opportunities.mapped("display_name")),
                )
            )
        if self.rule_mode == "own":
            if without_rule := leads.filtered(lambda lead: not lead.recurrence_unit):
                raise UserError(
                    _(
                        "These opportunities have no recurrence rule: "
                        "%(opportunities)s. Enter one rule for all in the wizard.",
                        opportunities=", ".join(without_rule.mapped("display_name")),
                    )
                )
        else:
            leads._check_recurrence_values(
                _("the selected opportunities"),
                self.recurrence_interval,
                self.recurrence_count,
                self.recurrence_until,
            )
        leads._check_recurrence_start()
        if self.rule_mode == "common":
            leads.write({name: self[name] for name in RULE_FIELDS})
        occurrences = leads._generate_recurrences()
        if not occurrences:
            return notification_action(
                _("Every occurrence exists already."),
                "info",
                next_action={"type": "ir.actions.act_window_close"},
            )
        return {
            "type": "ir.actions.act_window",
            "name": _("Generated Opportunities"),
            "res_model": "crm.lead",
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", occurrences.ids)],
            "context": {"default_type": "opportunity"},
        }
