# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class MailActivityType(models.Model):
    _inherit = "mail.activity.type"

    reminder_days = fields.Integer(
        "Remind Days Before",
        default=0,
        help="Remind the owner of an activity of this type this many days "
        "before its deadline (by e-mail and/or in Odoo, as the owner chose in "
        "his preferences). 0: no reminder.",
    )

    _sql_constraints = [
        (
            "reminder_days_positive",
            "CHECK (reminder_days >= 0)",
            "The days of a deadline reminder cannot be negative.",
        ),
    ]

    @api.constrains("reminder_days")
    def _check_reminder_days(self):
        """A clear message before the database's (the SQL check stays for
        writes that bypass the ORM)."""
        if any(activity_type.reminder_days < 0 for activity_type in self):
            raise ValidationError(
                _("The days of a deadline reminder cannot be negative.")
            )
