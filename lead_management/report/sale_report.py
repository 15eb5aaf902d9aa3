# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class SaleReport(models.Model):
    _inherit = "sale.report"

    def _where_sale(self):
        # A converted offer and the order generated from it are one sale:
        # only the order is analysed.
        # (cancelled for stock code, a converted offer is counted by the stock
        # report among cancelled quotations otherwise)
        return f"{super()._where_sale()} AND s.offer_state IS DISTINCT FROM 'converted'"
