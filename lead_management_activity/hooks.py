# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

_logger = logging.getLogger(__name__)

# Odoo's activity types that earlier versions set to keep their done
# activities for every app (SPEC §9 now keeps CRM ones by document instead).
STOCK_TYPES = (
    "mail.mail_activity_data_email",
    "mail.mail_activity_data_call",
    "mail.mail_activity_data_meeting",
)


def restore_stock_keep_done(env):
    """Give Odoo's Email, Call and Meeting types back their stock *Keep Done*
    (off), where an earlier version of the add-on had turned it on for all
    three; an administrator's choice on one or two of them is left alone."""
    types = env["mail.activity.type"].with_context(active_test=False).browse()
    for xmlid in STOCK_TYPES:
        types |= env.ref(xmlid, raise_if_not_found=False) or types.browse()
    if len(types) == len(STOCK_TYPES) and all(types.mapped("keep_done")):
        types.keep_done = False
        _logger.info("lead_management_activity: stock Keep Done restored on %s", types)


def post_init_hook(env):
    """A database upgraded from the single add-on has the three types set
    to keep done activities: they get their stock value back."""
    restore_stock_keep_done(env)
