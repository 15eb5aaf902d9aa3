# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api

from odoo.addons.lead_management_activity.hooks import restore_stock_keep_done


def migrate(cr, version):
    """18.0.1.0.0 set Odoo's Email, Call and Meeting types to keep their done
    activities for every app; CRM activities are now kept by document."""
    if version:
        restore_stock_keep_done(api.Environment(cr, SUPERUSER_ID, {}))
