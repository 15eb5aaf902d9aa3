# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class MailActivityDoneWizard(models.TransientModel):
    """The lead process's part of the Mark Done dialog: the outcome, and the
    deadline of the activity it plans (e.g. *Postponed*: the same activity
    again, on the date the user picks)."""

    _inherit = "mail.activity.done.wizard"

    has_outcomes = fields.Boolean(related="activity_id.has_outcomes")
    outcome_id = fields.Many2one(
        "mail.activity.outcome",
        domain="[('activity_type_id', '=', activity_type_id)]",
    )
    next_activity_type_id = fields.Many2one(related="outcome_id.next_activity_type_id")
    next_date_deadline = fields.Date(
        "Next Activity On",
        compute="_compute_next_date_deadline",
        store=True,
        readonly=False,
    )

    @api.depends("activity_id.has_outcomes")
    # a compute method returns nothing: there is no result of super to pass
    def _compute_next_by_type(self):  # pylint: disable=missing-return
        super()._compute_next_by_type()
        for wizard in self.filtered("has_outcomes"):
            wizard.next_by_type = True

    @api.depends("outcome_id")
    def _compute_next_date_deadline(self):
        today = fields.Date.context_today(self)
        for wizard in self:
            outcome = wizard.outcome_id
            wizard.next_date_deadline = (
                outcome.next_activity_type_id and outcome._get_next_date_deadline(today)
            )

    def _action_done(self):
        if self.outcome_id:
            result = self.activity_id._action_done_with_outcome(
                self.outcome_id,
                feedback=self.feedback,
                next_deadline=self.next_date_deadline,
            )
            return result if isinstance(result, dict) else False
        if self.has_outcomes:
            raise UserError(_("Choose the outcome of this activity."))
        return super()._action_done()
