# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .crm_lead import PROCESS_STAGES


class MailActivityOutcome(models.Model):
    """What came out of an activity, and what it sets off (SPEC §8).

    Odoo chains activities by type only; an outcome chains by result: it may
    plan the next activity (same document, same salesperson), move the lead's
    process stage, set its need maturity, or open the transfer dialog. Users
    pick one when marking an activity of ``activity_type_id`` done."""

    _name = "mail.activity.outcome"
    _description = "Activity Outcome"
    _order = "activity_type_id, sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    activity_type_id = fields.Many2one(
        "mail.activity.type", required=True, index=True, ondelete="cascade"
    )
    next_activity_type_id = fields.Many2one(
        "mail.activity.type",
        "Next Activity",
        ondelete="set null",
        help="Planned when this outcome is chosen.",
    )
    next_delay_count = fields.Integer("Next Activity In", default=0)
    next_delay_unit = fields.Selection(
        [("days", "days"), ("weeks", "weeks"), ("months", "months")],
        "Delay Unit",
        default="days",
        required=True,
    )
    process_stage = fields.Selection(
        PROCESS_STAGES, "Moves the Lead To", help="Left empty: the stage stays."
    )
    need_maturity_id = fields.Many2one(
        "crm.lead.maturity", "Sets Need Maturity", ondelete="restrict"
    )
    open_transfer = fields.Boolean(
        "Opens the Transfer Dialog",
        help="Marking the activity done with this outcome opens Transfer to "
        "sale for the lead.",
    )

    _sql_constraints = [
        (
            "next_delay_count_positive",
            "CHECK(next_delay_count >= 0)",
            "The delay of the next activity cannot be negative.",
        )
    ]

    def _get_next_date_deadline(self, from_date):
        """The deadline of the next activity: the delay after ``from_date``."""
        self.ensure_one()
        return fields.Date.add(
            from_date, **{self.next_delay_unit: self.next_delay_count}
        )
