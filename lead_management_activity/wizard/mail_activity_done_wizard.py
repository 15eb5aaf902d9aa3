# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from ..models.mail_activity import FOLLOW_UP_UNITS


class MailActivityDoneWizard(models.TransientModel):
    """CRM activities' part of the Mark Done dialog: the next contact in N
    hours / days / weeks, or on a date (``action_done_follow_up``). Types
    with outcomes let the outcome plan what follows instead."""

    _inherit = "mail.activity.done.wizard"

    follow_up = fields.Boolean("Plan the Next Contact")
    follow_up_count = fields.Integer("Next Contact In", default=1)
    follow_up_unit = fields.Selection(
        FOLLOW_UP_UNITS + [("date", "on a date")], default="days", required=True
    )
    follow_up_date = fields.Date("Next Contact On")

    def _action_done(self):
        if not self.follow_up or self.next_by_type:
            return super()._action_done()
        if self.follow_up_unit == "date":
            self.activity_id.action_done_follow_up(
                feedback=self.feedback, date_deadline=self.follow_up_date
            )
        else:
            self.activity_id.action_done_follow_up(
                self.follow_up_count, self.follow_up_unit, feedback=self.feedback
            )
        return False
