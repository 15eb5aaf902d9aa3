# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CrmLostReason(models.Model):
    """Disqualification reasons (SPEC §8) are Odoo's lost reasons with a
    flag: a lead is disqualified for reasons of its own (not interested,
    wrong contact, duplicate, spam…), which the Disqualify dialog offers,
    while Odoo's Lost dialog keeps the sales reasons (too expensive…). One
    model, so lost leads keep one reason field for crm's reports."""

    _inherit = "crm.lost.reason"

    is_disqualification = fields.Boolean(
        "Disqualification",
        help="Offered when a lead is disqualified, instead of when a lead or "
        "an opportunity is marked lost.",
    )
