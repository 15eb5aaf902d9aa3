# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CrmActivityCategory(models.Model):
    """What an activity or a meeting served (SPEC §9): commercial
    negotiations, customer acquisition, order fulfilment, retention..."""

    _name = "crm.activity.category"
    _description = "CRM Activity Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
