# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from ..utils import set_required_column_defaults


class ResUsers(models.Model):
    _inherit = "res.users"

    activity_reminder = fields.Selection(
        [
            ("inbox", "In Odoo"),
            ("email", "By E-mail"),
            ("both", "In Odoo and by E-mail"),
            ("none", "No Reminder"),
        ],
        "Activity Deadline Reminders",
        required=True,
        default="inbox",
        help="How you are reminded of the deadlines of your activities, for "
        "the activity types that remind (Remind Days Before): a notification "
        "in your Odoo Inbox, an e-mail, both, or none.",
    )

    def init(self):
        res = super().init()
        # rows inserted by modules loaded before this one (crm's at_install
        # tests create users): utils.set_required_column_defaults
        set_required_column_defaults(self, "lead_management")
        return res

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["activity_reminder"]

    @property
    def SELF_WRITEABLE_FIELDS(self):
        return super().SELF_WRITEABLE_FIELDS + ["activity_reminder"]
