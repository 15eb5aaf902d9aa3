# Copyright 2026 Lead Management Developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class MailActivityType(models.Model):
    _inherit = "mail.activity.type"

    def _get_reminder_offsets(self):
        """No reminder for an activity without a type (mail allows them):
        OCA's next reminder asks the activity's empty type, whose
        ``ensure_one()`` would fail the activity's creation (test_mail's
        activity tests show it)."""
        if not self:
            return []
        return super()._get_reminder_offsets()
