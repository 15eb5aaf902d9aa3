# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..models.crm_lead import OPEN_STAGES

MATURITY_READY = "lead_management_process.crm_lead_maturity_ready"


class CrmLeadTransfer(models.TransientModel):
    """Transfer to sale (SPEC §8): the lead becomes an opportunity through
    Odoo's own conversion, in the chosen team, with the budget as Expected
    Revenue, the decision date as Expected Closing, a calendar meeting with
    the contact and the salesperson, the comment on the chatter and an
    optional first activity. Everything is checked first: an error leaves
    no partner, meeting, activity or conversion behind."""

    _name = "crm.lead.transfer"
    _description = "Transfer a Lead to Sale"

    lead_id = fields.Many2one(
        "crm.lead",
        required=True,
        ondelete="cascade",
        # the lead the dialog is opened from
        default=lambda self: (
            self.env.context.get("active_model") == "crm.lead"
            and self.env.context.get("active_id")
        ),
    )
    company_id = fields.Many2one(related="lead_id.company_id")
    currency_id = fields.Many2one("res.currency", compute="_compute_currency_id")
    budget = fields.Monetary(currency_field="currency_id")
    team_id = fields.Many2one(
        "crm.team",
        "Sales Team",
        compute="_compute_team_id",
        store=True,
        readonly=False,
        domain="['|', ('company_id', '=', False), ('company_id', '=', company_id)]",
    )
    user_id = fields.Many2one(
        "res.users",
        "Salesperson",
        compute="_compute_user_id",
        store=True,
        readonly=False,
        domain="[('share', '=', False)]",
    )
    meeting_start = fields.Datetime("Meeting")
    meeting_duration = fields.Float("Duration", default=1.0)
    decision_date = fields.Date()
    comment = fields.Text()
    activity_type_id = fields.Many2one("mail.activity.type", "First Activity")

    @api.depends("lead_id")
    def _compute_currency_id(self):
        for wizard in self:
            wizard.currency_id = (
                wizard.lead_id.company_id or self.env.company
            ).currency_id

    @api.depends("lead_id")
    def _compute_team_id(self):
        for wizard in self:
            wizard.team_id = wizard.lead_id.team_id

    @api.depends("lead_id")
    def _compute_user_id(self):
        for wizard in self:
            wizard.user_id = wizard.lead_id.user_id or self.env.user

    def _check_transfer(self):
        lead = self.lead_id
        lead._check_process_stage(OPEN_STAGES, _("Transfer to sale"))
        if self.budget < 0:
            raise ValidationError(_("The budget cannot be negative."))
        if self.decision_date and self.decision_date < fields.Date.context_today(self):
            raise ValidationError(_("The decision date cannot be in the past."))
        if self.meeting_start and self.meeting_duration <= 0:
            raise ValidationError(_("The meeting needs a positive duration."))
        if not self.team_id:
            raise UserError(_("Choose the sales team that takes the opportunity."))
        lead._check_team_company(self.team_id)
        lead._check_contact_data(transfer=True)

    def action_transfer(self):
        self.ensure_one()
        self._check_transfer()
        lead = self.lead_id
        lead._create_process_customers()
        lead.convert_opportunity(
            lead.partner_id, user_ids=self.user_id.ids, team_id=self.team_id.id
        )
        values = {
            "process_stage": "waiting",
            "expected_revenue": self.budget,
        }
        if self.decision_date:
            values["date_deadline"] = self.decision_date
        maturity = self.env.ref(MATURITY_READY, raise_if_not_found=False)
        if maturity:
            values["need_maturity_id"] = maturity.id
        lead.write(values)
        if self.meeting_start:
            self._create_meeting()
        if self.comment:
            lead.message_post(body=self.comment, subtype_xmlid="mail.mt_note")
        if self.activity_type_id:
            lead.activity_schedule(
                activity_type_id=self.activity_type_id.id,
                user_id=self.user_id.id,
                date_deadline=self.activity_type_id._get_date_deadline(),
            )
        # close: the form the dialog came from reloads and shows the
        # opportunity (opening it again would put it twice in the breadcrumb)
        return {"type": "ir.actions.act_window_close"}

    def _create_meeting(self):
        """The meeting with the customer's contact and the salesperson, in
        the lead's company, shown on the opportunity (``opportunity_id``)."""
        lead = self.lead_id
        attendees = lead.partner_id | self.user_id.partner_id
        return (
            self.env["calendar.event"]
            .with_context(
                default_res_model="crm.lead",
                default_res_id=lead.id,
            )
            .create(
                {
                    "name": _("Meeting: %s", lead.name),
                    "start": self.meeting_start,
                    "stop": self.meeting_start + timedelta(hours=self.meeting_duration),
                    "duration": self.meeting_duration,
                    "user_id": self.user_id.id,
                    "partner_ids": [Command.set(attendees.ids)],
                    "opportunity_id": lead.id,
                    "res_model_id": self.env["ir.model"]._get_id("crm.lead"),
                    "res_id": lead.id,
                }
            )
        )
