# Copyright 2026 Lead Management Developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    activity_reminder_opt_out = fields.Boolean(
        "No Deadline Reminders",
        help="Do not remind me of the deadlines of my activities. The "
        "reminders come the way my other notifications do (Notification: "
        "Handle by Emails or Handle in Odoo).",
    )

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["activity_reminder_opt_out"]

    @property
    def SELF_WRITEABLE_FIELDS(self):
        return super().SELF_WRITEABLE_FIELDS + ["activity_reminder_opt_out"]
