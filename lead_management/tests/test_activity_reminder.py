# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta

import psycopg2
from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import LeadManagementCommon, new_sales_user

TODAY = date(2027, 5, 20)
NOW = datetime(2027, 5, 20, 12, 0, 0)
DAYS = 3


@tagged("post_install", "-at_install")
class TestActivityReminder(LeadManagementCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reminding_type = cls.env["mail.activity.type"].create(
            {"name": "Test reminded call", "reminder_days": DAYS}
        )
        cls.silent_type = cls.env["mail.activity.type"].create(
            {"name": "Test call without reminder"}
        )
        cls.owners = {
            preference: new_sales_user(
                cls.env,
                f"lm_reminder_{preference}",
                email=f"{preference}@example.com",
                tz="UTC",
                activity_reminder=preference,
            )
            for preference in ("inbox", "email", "both", "none")
        }
        cls.lead = cls.env["crm.lead"].create(
            {"name": "Chairs for the new office", "type": "opportunity"}
        )

    # helpers

    def _activity(self, owner=None, days=DAYS, activity_type=None, **values):
        """An activity of ``owner`` (the Inbox one) on the lead, due ``days``
        after TODAY. No assignment notification: only reminders are counted."""
        owner = owner or self.owners["inbox"]
        return (
            self.env["mail.activity"]
            .with_context(mail_activity_quick_update=True)
            .create(
                {
                    "res_model_id": self.env["ir.model"]._get_id("crm.lead"),
                    "res_id": self.lead.id,
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
            self.env["mail.activity"]._cron_send_deadline_reminders(**kwargs)

    def _reminders(self, owner=None):
        """The reminders received by ``owner`` (the Inbox one)."""
        owner = owner or self.owners["inbox"]
        return self.env["mail.message"].search(
            [
                ("message_type", "=", "user_notification"),
                ("partner_ids", "in", owner.partner_id.ids),
                ("subject", "=like", "Reminder:%"),
            ]
        )

    def _channels(self, owner):
        """(reminders, Inbox notifications, e-mails) of ``owner``."""
        reminders = self._reminders(owner)
        inbox = self.env["mail.notification"].search(
            [
                ("mail_message_id", "in", reminders.ids),
                ("res_partner_id", "=", owner.partner_id.id),
                ("notification_type", "=", "inbox"),
            ]
        )
        mails = self.env["mail.mail"].search([("mail_message_id", "in", reminders.ids)])
        return reminders, inbox, mails

    # tests

    def test_reminder_sent_once(self):
        """The reminder names the activity and its document, the activity is
        marked reminded, and a second run sends nothing more."""
        activity = self._activity()
        self._run_cron()
        reminder = self._reminders()
        self.assertEqual(len(reminder), 1)
        self.assertEqual((reminder.model, reminder.res_id), ("crm.lead", self.lead.id))
        self.assertIn("Call back lm_reminder_inbox", reminder.subject)
        self.assertIn(self.lead.name, reminder.body)
        self.assertEqual(activity.reminder_sent, NOW)
        self.assertNotIn(reminder, self.lead.message_ids, "not in the chatter")
        self._run_cron()
        self._run_cron(NOW + timedelta(days=1))
        self.assertEqual(self._reminders(), reminder)

    def test_window(self):
        """Reminded from ``reminder_days`` days before the deadline up to the
        deadline itself: not before, not once it is past."""
        early = self._activity(days=DAYS + 1, summary="Early")
        due_today = self._activity(days=0, summary="Due today")
        overdue = self._activity(days=-1, summary="Overdue")
        self._run_cron()
        self.assertEqual(
            self._reminders().mapped("subject"),
            [f"Reminder: Due today ({self.lead.display_name}) due on 05/20/2027"],
        )
        self.assertTrue(due_today.reminder_sent)
        self.assertFalse(early.reminder_sent)
        self.assertFalse(overdue.reminder_sent)
        self._run_cron(NOW + timedelta(days=1))
        self.assertTrue(early.reminder_sent)
        self.assertFalse(overdue.reminder_sent)

    def test_channels(self):
        """Each owner is reminded as he chose: in his Inbox, by an e-mail to
        his address, both, or not at all; one who wants e-mails but has no
        address is reminded in his Inbox."""
        for owner in self.owners.values():
            self._activity(owner)
        no_address = new_sales_user(
            self.env, "lm_reminder_no_address", activity_reminder="email", tz="UTC"
        )
        no_address.partner_id.email = False
        self._activity(no_address)
        self._run_cron()
        expected = {
            "inbox": (1, 1, 0),
            "email": (1, 0, 1),
            "both": (1, 1, 1),
            "none": (0, 0, 0),
        }
        for preference, counts in expected.items():
            owner = self.owners[preference]
            reminders, inbox, mails = self._channels(owner)
            self.assertEqual(
                (len(reminders), len(inbox), len(mails)), counts, preference
            )
            if mails:
                self.assertEqual(mails.recipient_ids, owner.partner_id)
                self.assertEqual(mails.state, "outgoing")
                self.assertIn(self.lead.name, mails.body_html)
        email_only = self._channels(self.owners["email"])[2]
        self.assertEqual(
            email_only.notification_ids.mapped("notification_type"),
            ["email"],
            "the e-mail's delivery is tracked on the message",
        )
        reminders, inbox, mails = self._channels(no_address)
        self.assertEqual((len(reminders), len(inbox), len(mails)), (1, 1, 0))

    def test_inbox_of_the_owner(self):
        """The Inbox reminder is unread in the owner's Inbox."""
        owner = self.owners["inbox"]
        self._activity(owner)
        self._run_cron()
        needaction = (
            self.env["mail.message"]
            .with_user(owner)
            .search([("needaction", "=", True)])
        )
        self.assertEqual(needaction, self._reminders(owner))

    def test_no_reminder_for_archived_owner(self):
        """An archived user is not reminded, nor one who wants no reminder."""
        archived = new_sales_user(
            self.env, "lm_reminder_archived", activity_reminder="both", tz="UTC"
        )
        activity = self._activity(archived)
        silent = self._activity(self.owners["none"])
        archived.active = False
        self._run_cron()
        self.assertFalse(self._reminders(archived))
        self.assertFalse(activity.reminder_sent)
        self.assertFalse(silent.reminder_sent)

    def test_no_reminder_for_type_without_days(self):
        """Types with 0 reminder days do not remind."""
        activity = self._activity(activity_type=self.silent_type, days=0)
        self._run_cron()
        self.assertFalse(self._reminders())
        self.assertFalse(activity.reminder_sent)

    def test_no_reminder_for_done_activity(self):
        """A done activity (kept as done by its type) is not reminded."""
        self.reminding_type.keep_done = True
        activity = self._activity()
        activity.action_done()
        self.assertFalse(activity.active)
        self._run_cron()
        self.assertFalse(self._reminders())

    def test_rescheduled_activity_reminded_again(self):
        """Moving the deadline of a reminded activity reminds it again for
        its new deadline; writing it unchanged does not."""
        activity = self._activity()
        self._run_cron()
        activity.date_deadline = activity.date_deadline
        self.assertEqual(activity.reminder_sent, NOW)
        activity.date_deadline = TODAY + timedelta(days=10)
        self.assertFalse(activity.reminder_sent)
        self._run_cron()
        self.assertEqual(len(self._reminders()), 1, "not yet for the new deadline")
        self._run_cron(NOW + timedelta(days=7))
        self.assertEqual(len(self._reminders()), 2)

    def test_owner_time_zone(self):
        """The day is the owner's: at noon UTC it is already tomorrow in
        Kiribati, whose owner is reminded a day earlier."""
        kiribati = new_sales_user(
            self.env,
            "lm_reminder_kiribati",
            activity_reminder="inbox",
            tz="Pacific/Kiritimati",
        )
        local = self._activity(kiribati, days=DAYS + 1)
        utc = self._activity(days=DAYS + 1)
        self._run_cron()
        self.assertTrue(local.reminder_sent)
        self.assertFalse(utc.reminder_sent)

    def test_preference_written_by_the_user(self):
        """A user reads and sets his own reminder preference (his
        preferences form), not another's."""
        user = self.owners["inbox"]
        self.assertEqual(
            self.env["res.users"]
            .create({"name": "New", "login": "lm_new"})
            .activity_reminder,
            "inbox",
            "the default",
        )
        user.with_user(user).write({"activity_reminder": "both"})
        self.assertEqual(user.activity_reminder, "both")
        with Form(user.with_user(user), "base.view_users_form_simple_modif") as form:
            form.activity_reminder = "email"
        self.assertEqual(user.activity_reminder, "email")
        self.assertEqual(
            user.with_user(user).read(["activity_reminder"])[0]["activity_reminder"],
            "email",
        )
        with self.assertRaises(AccessError):
            self.owners["email"].with_user(user).write({"activity_reminder": "none"})

    def test_preference_set_by_an_administrator(self):
        """An administrator sets a user's reminder preference on the user
        form."""
        user = self.owners["inbox"]
        with Form(user, "base.view_users_form") as form:
            form.activity_reminder = "none"
        self.assertEqual(user.activity_reminder, "none")

    def test_negative_reminder_days_refused(self):
        """Reminder days cannot be negative, through the ORM or in SQL."""
        with self.assertRaises(ValidationError):
            self.reminding_type.reminder_days = -1
        with (
            self.assertRaises(psycopg2.errors.CheckViolation),
            mute_logger("odoo.sql_db"),
        ):
            self.env.cr.execute(
                "UPDATE mail_activity_type SET reminder_days = -1 WHERE id = %s",
                [self.reminding_type.id],
            )

    def test_scheduled_action_in_batches(self):
        """The scheduled action reminds all, batch by batch, and reports its
        progress."""
        activities = self.env["mail.activity"]
        for _i in range(5):
            activities |= self._activity()
        cron = self.env.ref("lead_management.ir_cron_mail_activity_deadline_reminders")
        cron.code = "model._cron_send_deadline_reminders(batch_size=2)"
        with freeze_time(NOW):
            cron.method_direct_trigger()
        activities.invalidate_recordset()
        self.assertTrue(all(activities.mapped("reminder_sent")))
        self.assertEqual(len(self._reminders()), 5)
        progress = self.env["ir.cron.progress"].search(
            [("cron_id", "=", cron.id)], order="id desc", limit=1
        )
        self.assertEqual((progress.done, progress.remaining), (5, 0))

    def test_queries_flat(self):
        """The scheduled action costs the same number of queries for 5 or 50
        reminders, whatever the channels."""
        owners = [self.owners[p] for p in ("inbox", "email", "both")]

        def prepare(size):
            for index in range(size):
                self._activity(owners[index % len(owners)], days=index % (DAYS + 1))
            self.env.invalidate_all()
            return self._run_cron

        self.assertFlatQueryCount(prepare)
        self.assertEqual(
            sum(len(self._reminders(owner)) for owner in owners), 2 + 5 + 50
        )
