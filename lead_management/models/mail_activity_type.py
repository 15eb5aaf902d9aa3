# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class MailActivityType(models.Model):
    _inherit = "mail.activity.type"

    outcome_ids = fields.One2many(
        "mail.activity.outcome",
        "activity_type_id",
        "Outcomes",
        help="What may come out of an activity of this type; marking one done "
        "then asks which, and the outcome plans what follows.",
    )
