# Copyright 2026 Lead Management Developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo.tests import tagged

from ..hooks import post_init_hook
from .common import DAYS, NOW, ReminderCommon


@tagged("post_install", "-at_install")
class TestPostInitHook(ReminderCommon):
    """The reminders that lead_management held before the family (its
    columns, still there when the upgrade installs this add-on) are carried
    over by the install hook."""

    def _add_legacy_columns(self):
        """lead_management's reminder columns, as before the move."""
        for table, column, definition in (
            ("res_users", "activity_reminder", "varchar"),
            ("mail_activity", "reminder_sent", "timestamp"),
            ("mail_activity_type", "reminder_days", "integer DEFAULT 0"),
        ):
            self.env.cr.execute(
                f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column} {definition}"
            )

    def test_legacy_reminders_converted(self):
        """A type's reminder days become its offset, an activity reminded
        is not reminded again (in its owner's time zone), one not reminded
        is, and a user who wanted no reminder opts out."""
        legacy_type = self.env["mail.activity.type"].create({"name": "Legacy call"})
        bucharest = self._owner("lm_reminder_bucharest", tz="Europe/Bucharest")
        silent = self._owner("lm_reminder_silent")
        reminded = self._activity(bucharest, activity_type=legacy_type)
        not_reminded = self._activity(activity_type=legacy_type)
        self._add_legacy_columns()
        self.env.flush_all()
        cr = self.env.cr
        cr.execute(
            "UPDATE mail_activity_type SET reminder_days = %s WHERE id = %s",
            [DAYS, legacy_type.id],
        )
        cr.execute(
            "UPDATE res_users SET activity_reminder = CASE id WHEN %s THEN 'none'"
            " ELSE 'both' END",
            [silent.id],
        )
        cr.execute(
            "UPDATE mail_activity SET reminder_sent = %s WHERE id = %s",
            [NOW - timedelta(hours=3), reminded.id],
        )
        post_init_hook(self.env)
        self.assertEqual(legacy_type.reminders, str(DAYS))
        self.assertEqual(self.reminding_type.reminders, str(DAYS), "kept")
        self.assertFalse(self.silent_type.reminders)
        self.assertEqual(
            reminded.last_reminder_local,
            datetime(2027, 5, 20, 12, 0),
            "09:00 UTC is noon in Bucharest (summer time)",
        )
        self.assertFalse(reminded.next_reminder)
        self.assertTrue(silent.activity_reminder_opt_out)
        self.assertFalse(bucharest.activity_reminder_opt_out)
        self.assertEqual(self._run_cron(), not_reminded)

    def test_nothing_to_convert(self):
        """On a database that never had lead_management's reminders, the
        hook changes nothing."""
        activity = self._activity()
        post_init_hook(self.env)
        self.assertEqual(self.reminding_type.reminders, str(DAYS))
        self.assertFalse(activity.last_reminder_local)
        self.assertFalse(self.inbox_owner.activity_reminder_opt_out)
