# Copyright 2026 Lead Management Developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo.tools import SQL
from odoo.tools.sql import column_exists

_logger = logging.getLogger(__name__)


def post_init_hook(env):
    """Carry over the reminders that lead_management held before they moved
    here (its columns are still in the database when this add-on is
    installed by the upgrade to the family; elsewhere there is nothing to
    do):

    - a user who wanted no reminder (``res_users.activity_reminder`` =
      'none') opts out; the others are reminded as Odoo's own *Notification*
      preference says (e-mail or Inbox);
    - an activity already reminded (``mail_activity.reminder_sent``, UTC) is
      marked reminded in OCA's way: ``last_reminder_local``, in its owner's
      time zone;
    - an activity type that reminded N days before (``reminder_days`` > 0)
      reminds with the offset N (``reminders``), which recomputes when its
      activities remind next.
    """
    cr = env.cr
    if column_exists(cr, "res_users", "activity_reminder"):
        cr.execute(
            "UPDATE res_users SET activity_reminder_opt_out = TRUE"
            " WHERE activity_reminder = 'none'"
        )
        _logger.info("%s users opted out of deadline reminders", cr.rowcount)
        env["res.users"].invalidate_model(["activity_reminder_opt_out"])
    if column_exists(cr, "mail_activity", "reminder_sent"):
        cr.execute(
            SQL(
                """
                UPDATE mail_activity activity
                   SET last_reminder_local = activity.reminder_sent
                       AT TIME ZONE 'UTC' AT TIME ZONE COALESCE(zone.name, 'UTC')
                  FROM res_users owner
                  JOIN res_partner partner ON partner.id = owner.partner_id
             LEFT JOIN pg_timezone_names zone ON zone.name = partner.tz
                 WHERE owner.id = activity.user_id
                   AND activity.reminder_sent IS NOT NULL
                   AND activity.last_reminder_local IS NULL
                """
            )
        )
        _logger.info("%s activities already reminded", cr.rowcount)
        env["mail.activity"].invalidate_model(["last_reminder_local"])
    if column_exists(cr, "mail_activity_type", "reminder_days"):
        cr.execute(
            "SELECT reminder_days, array_agg(id) FROM mail_activity_type"
            " WHERE reminder_days > 0 AND COALESCE(reminders, '') = ''"
            " GROUP BY reminder_days"
        )
        for days, type_ids in cr.fetchall():
            # through the ORM: the next reminder of their activities depends
            # on it (and on last_reminder_local, set above)
            env["mail.activity.type"].browse(type_ids).with_context(
                active_test=False
            ).write({"reminders": str(days)})
        env.flush_all()
