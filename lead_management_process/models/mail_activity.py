# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .crm_lead import OPEN_STAGES


class MailActivity(models.Model):
    _inherit = "mail.activity"

    # read by the web client (the activity's data is its read()): an activity
    # with outcomes opens the Mark Done dialog instead of the stock popover
    has_outcomes = fields.Boolean(compute="_compute_has_outcomes")
    # set when the activity is marked done with an outcome: the done message
    # shows it on a line of its own (mail.message_activity_done), and a done
    # activity kept as history keeps it
    outcome_id = fields.Many2one(
        "mail.activity.outcome", readonly=True, ondelete="set null"
    )

    @api.depends("activity_type_id.outcome_ids")
    def _compute_has_outcomes(self):
        for activity in self:
            activity.has_outcomes = bool(activity.activity_type_id.outcome_ids)

    def action_done_with_outcome(self, outcome_id, feedback=None):
        """Mark the activity done with one of its type's outcomes (RPC and the
        Mark Done dialog). Returns the transfer dialog's action when the
        outcome opens it, else True."""
        self.ensure_one()
        outcome = self.env["mail.activity.outcome"].browse(outcome_id).exists()
        return self._action_done_with_outcome(outcome, feedback=feedback)

    def _action_done_with_outcome(self, outcome, feedback=None, next_deadline=None):
        """Everything is checked before anything is written: the activity is
        open, the outcome belongs to its type, the lead may take the stage."""
        self.ensure_one()
        if not self.active:
            raise UserError(_("This activity is already done."))
        if not outcome or outcome.activity_type_id != self.activity_type_id:
            raise ValidationError(
                _(
                    "The outcome %(outcome)s is not one of the activity type %(type)s.",
                    outcome=outcome.name or "?",
                    type=self.activity_type_id.name,
                )
            )
        record = self.env[self.res_model].browse(self.res_id)
        lead = record if self.res_model == "crm.lead" else self.env["crm.lead"]
        if outcome.open_transfer and lead:
            lead._check_process_stage(OPEN_STAGES, _("Transfer to sale"))
        next_values = None
        if outcome.next_activity_type_id:
            next_values = {
                "activity_type_id": outcome.next_activity_type_id.id,
                "date_deadline": next_deadline
                or outcome._get_next_date_deadline(fields.Date.context_today(self)),
                "user_id": self.user_id.id,
            }
        # read by the done message's template, before mail unlinks or
        # archives the activity
        self.outcome_id = outcome
        self.action_feedback(feedback=feedback or False)
        if next_values:
            record.activity_schedule(**next_values)
        lead_values = {}
        if outcome.process_stage and lead.process_stage != outcome.process_stage:
            lead_values["process_stage"] = outcome.process_stage
        if outcome.need_maturity_id:
            lead_values["need_maturity_id"] = outcome.need_maturity_id.id
        if lead and lead_values:
            lead.write(lead_values)
        if outcome.open_transfer and lead:
            return lead.action_open_transfer()
        return True
