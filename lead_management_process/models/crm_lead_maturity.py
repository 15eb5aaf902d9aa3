# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CrmLeadMaturity(models.Model):
    """How ripe the customer's need is (SPEC §8): set by the lead process and
    by hand. The seeded values are referenced by xml id by the process."""

    _name = "crm.lead.maturity"
    _description = "Need Maturity"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
