# Copyright 2026 Lead Management Developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon

TODAY = date(2027, 5, 20)
NOW = datetime(2027, 5, 20, 12, 0, 0)
DAYS = 3
# the subject of mail_activity_reminder's reminders
SUBJECT = "Some activities you are assigned to expire soon."


class ReminderCommon(BaseCommon):
    """A type that reminds DAYS days before the deadline, one that does not,
    owners reminded in their Inbox and by e-mail, and a document (a partner:
    the add-on depends on mail only)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reminding_type = cls.env["mail.activity.type"].create(
            {"name": "Test reminded call", "reminders": str(DAYS)}
        )
        cls.silent_type = cls.env["mail.activity.type"].create(
            {"name": "Test call without reminder"}
        )
        cls.inbox_owner = cls._owner("lm_reminder_inbox", "inbox")
        cls.email_owner = cls._owner("lm_reminder_email", "email")
        cls.document = cls.env["res.partner"].create({"name": "Chairs Unlimited"})

    @classmethod
    def _owner(cls, login, notification_type="inbox", tz="UTC", **values):
        return new_test_user(
            cls.env,
            login,
            email=f"{login}@example.com",
            notification_type=notification_type,
            tz=tz,
            **values,
        )

    def _activity(self, owner=None, days=DAYS, activity_type=None, **values):
        """An activity of ``owner`` (the Inbox one) on the document, due
        ``days`` after TODAY, created at NOW. No assignment notification
        (which OCA's module counts as a reminder): only reminders count."""
        owner = owner or self.inbox_owner
        with freeze_time(NOW):
            return (
                self.env["mail.activity"]
                .with_context(mail_activity_quick_update=True)
                .create(
                    {
                        "res_model_id": self.env["ir.model"]._get_id(
                            self.document._name
                        ),
                        "res_id": self.document.id,
                        "activity_type_id": (activity_type or self.reminding_type).id,
                        "user_id": owner.id,
                        "summary": f"Call back {owner.login}",
                        "date_deadline": TODAY + timedelta(days=days),
                        **values,
                    }
                )
            )

    def _run_cron(self, when=NOW, **kwargs):
        with freeze_time(when):
            return self.env["mail.activity"]._process_reminders(**kwargs)

    def _reminders(self, owner=None):
        """The reminders received by ``owner`` (the Inbox one)."""
        owner = owner or self.inbox_owner
        return self.env["mail.message"].search(
            [
                ("message_type", "=", "user_notification"),
                ("partner_ids", "in", owner.partner_id.ids),
                ("subject", "=", SUBJECT),
            ]
        )

    def _count_queries(self, func):
        """Run ``func`` and return the number of SQL queries it made, its
        pending writes included."""
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before
