# Copyright 2026 Lead Management Developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import DAYS, NOW, SUBJECT, TODAY, ReminderCommon


@tagged("post_install", "-at_install")
class TestActivityReminder(ReminderCommon):
    def test_reminder_sent_once(self):
        """The reminder names the activity and its document, the activity is
        marked reminded, and later runs send nothing more."""
        activity = self._activity()
        self.assertEqual(self._run_cron(), activity)
        reminder = self._reminders()
        self.assertEqual(len(reminder), 1)
        self.assertEqual(reminder.subject, SUBJECT)
        self.assertIn("Call back lm_reminder_inbox", reminder.body)
        self.assertIn(self.document.name, reminder.body)
        self.assertEqual(activity.last_reminder_local, NOW, "the owner's time (UTC)")
        self.assertNotIn(reminder, self.document.message_ids, "not in the chatter")
        self.assertFalse(self._run_cron())
        self.assertFalse(self._run_cron(NOW + timedelta(days=1)))
        self.assertEqual(self._reminders(), reminder)

    def test_window(self):
        """Reminded from the type's days before the deadline up to the
        deadline itself: not before, not once it is past."""
        early = self._activity(days=DAYS + 1, summary="Early")
        due_today = self._activity(days=0, summary="Due today")
        overdue = self._activity(days=-1, summary="Overdue")
        self.assertEqual(self._run_cron(), due_today)
        self.assertIn("Due today", self._reminders().body)
        self.assertEqual(self._run_cron(NOW + timedelta(days=1)), early)
        self.assertFalse(overdue.last_reminder_local)

    def test_channels(self):
        """Each owner is reminded as his Notification preference says: in
        his Inbox (live, over the bus) or by an e-mail queued to his address;
        one who opted out is not reminded."""
        opted_out = self._owner(
            "lm_reminder_opt_out", "email", activity_reminder_opt_out=True
        )
        for owner in self.inbox_owner | self.email_owner | opted_out:
            self._activity(owner)
        self._run_cron()
        Notification = self.env["mail.notification"]
        inbox = self._reminders(self.inbox_owner)
        self.assertEqual(len(inbox), 1)
        self.assertEqual(
            Notification.search([("mail_message_id", "=", inbox.id)]).mapped(
                "notification_type"
            ),
            ["inbox"],
        )
        self.assertFalse(
            self.env["mail.mail"].search([("mail_message_id", "=", inbox.id)])
        )
        email = self._reminders(self.email_owner)
        self.assertEqual(len(email), 1)
        mail = self.env["mail.mail"].search([("mail_message_id", "=", email.id)])
        self.assertEqual(mail.recipient_ids, self.email_owner.partner_id)
        self.assertEqual(mail.state, "outgoing", "queued for the mail queue")
        self.assertIn("Call back lm_reminder_email", mail.body_html)
        self.assertFalse(self._reminders(opted_out))
        # the Inbox counter moves live: mail's bus notification to the owner
        self.env.cr.precommit.run()
        inbox_pushes = [
            json.loads(bus.channel)
            for bus in self.env["bus.bus"].search([])
            if json.loads(bus.message)["type"] == "mail.message/inbox"
        ]
        self.assertIn(
            [self.env.cr.dbname, "res.partner", self.inbox_owner.partner_id.id],
            inbox_pushes,
        )

    def test_inbox_of_the_owner(self):
        """The Inbox reminder is unread in the owner's Inbox."""
        self._activity()
        self._run_cron()
        needaction = (
            self.env["mail.message"]
            .with_user(self.inbox_owner)
            .search([("needaction", "=", True)])
        )
        self.assertEqual(needaction, self._reminders())

    def test_one_reminder_per_owner(self):
        """An owner with several activities due gets one reminder that lists
        them all."""
        self._activity(summary="First call")
        self._activity(days=1, summary="Second call")
        self._run_cron()
        reminder = self._reminders()
        self.assertEqual(len(reminder), 1)
        self.assertIn("First call", reminder.body)
        self.assertIn("Second call", reminder.body)

    def test_no_reminder_for_archived_or_opted_out_owner(self):
        """An archived user is not reminded, nor one who opted out."""
        archived = self._owner("lm_reminder_archived")
        opted_out = self._owner("lm_reminder_no", activity_reminder_opt_out=True)
        activity = self._activity(archived)
        silent = self._activity(opted_out)
        archived.active = False
        self.assertFalse(self._run_cron())
        self.assertFalse(self._reminders(archived) | self._reminders(opted_out))
        self.assertFalse(activity.last_reminder_local)
        self.assertFalse(silent.last_reminder_local)

    def test_no_reminder_for_type_without_reminders(self):
        """Types without reminders do not remind."""
        activity = self._activity(activity_type=self.silent_type, days=0)
        self.assertFalse(self._run_cron())
        self.assertFalse(activity.last_reminder_local)

    def test_activity_without_type(self):
        """An activity without a type (mail allows it) is created as in stock
        Odoo, and never reminded."""
        activity = self._activity(activity_type_id=False)
        self.assertFalse(activity.activity_type_id)
        self.assertFalse(activity.next_reminder)
        self.assertFalse(self._run_cron())

    def test_no_reminder_for_done_activity(self):
        """A done activity (kept as done by its type) is not reminded."""
        self.reminding_type.keep_done = True
        activity = self._activity()
        activity.action_done()
        self.assertFalse(activity.active)
        self.assertFalse(self._run_cron())
        self.assertFalse(self._reminders())

    def test_rescheduled_activity_reminded_again(self):
        """Moving the deadline of a reminded activity later reminds it again
        for its new deadline; writing it unchanged does not."""
        activity = self._activity()
        self._run_cron()
        activity.date_deadline = activity.date_deadline
        self.assertFalse(self._run_cron(NOW + timedelta(hours=1)))
        activity.date_deadline = TODAY + timedelta(days=10)
        self.assertFalse(self._run_cron(), "not yet for the new deadline")
        self.assertEqual(self._run_cron(NOW + timedelta(days=7)), activity)
        self.assertEqual(len(self._reminders()), 2)

    def test_owner_time_zone(self):
        """The day is the owner's: at noon UTC it is already tomorrow in
        Kiribati, whose owner is reminded a day earlier."""
        kiribati = self._owner("lm_reminder_kiribati", tz="Pacific/Kiritimati")
        local = self._activity(kiribati, days=DAYS + 1)
        self._activity(days=DAYS + 1)
        self.assertEqual(self._run_cron(), local)

    def test_preference_written_by_the_user(self):
        """A user reads and sets his own opt-out (his preferences form), not
        another's."""
        user = self.inbox_owner
        self.assertFalse(
            self.env["res.users"]
            .create({"name": "New", "login": "lm_new"})
            .activity_reminder_opt_out,
            "reminded by default",
        )
        user.with_user(user).write({"activity_reminder_opt_out": True})
        self.assertTrue(user.activity_reminder_opt_out)
        with Form(user.with_user(user), "base.view_users_form_simple_modif") as form:
            form.activity_reminder_opt_out = False
        self.assertFalse(user.activity_reminder_opt_out)
        self.assertFalse(
            user.with_user(user).read(["activity_reminder_opt_out"])[0][
                "activity_reminder_opt_out"
            ]
        )
        with self.assertRaises(AccessError):
            self.email_owner.with_user(user).write({"activity_reminder_opt_out": True})

    def test_preference_set_by_an_administrator(self):
        """An administrator opts a user out on the user form."""
        with Form(self.inbox_owner, "base.view_users_form") as form:
            form.activity_reminder_opt_out = True
        self.assertTrue(self.inbox_owner.activity_reminder_opt_out)

    def test_scheduled_action_in_batches(self):
        """OCA's scheduled action reminds all, batch by batch, and reports
        its progress."""
        activities = self.env["mail.activity"]
        for _i in range(5):
            activities |= self._activity()
        cron = self.env.ref("mail_activity_reminder.mail_activity_reminder")
        cron.code = "model._process_reminders(batch_size=2)"
        with freeze_time(NOW):
            cron.method_direct_trigger()
        activities.invalidate_recordset()
        self.assertTrue(all(activities.mapped("last_reminder_local")))
        self.assertEqual(len(self._reminders()), 3, "one per batch of the owner")
        progress = self.env["ir.cron.progress"].search(
            [("cron_id", "=", cron.id)], order="id desc", limit=1
        )
        self.assertEqual((progress.done, progress.remaining), (5, 0))

    def test_batch_locks_its_activities(self):
        """A batch takes only its activities still due, and locks them (FOR
        NO KEY UPDATE SKIP LOCKED: another worker skips them, a worker that
        reminded and committed them has taken them out of the domain)."""
        reminded = self._activity() | self._activity()
        self._run_cron()
        fresh = self._activity()
        other = self._activity()
        batch = reminded | fresh
        self.env.flush_all()

        def locked_rows():
            # a row locked by a transaction carries its id in xmax
            self.env.cr.execute(
                "SELECT id FROM mail_activity WHERE id IN %s AND xmax::text != '0'",
                [tuple((batch | other).ids)],
            )
            return {row[0] for row in self.env.cr.fetchall()}

        before = locked_rows()
        self.assertNotIn(fresh.id, before)
        with freeze_time(NOW):
            taken = (
                self.env["mail.activity"]
                .with_context(activity_reminder_batch_ids=batch.ids)
                ._get_activities_to_remind()
            )
        self.assertEqual(taken, fresh)
        self.assertEqual(locked_rows() - before, set(fresh.ids))

    def test_queries_flat(self):
        """The scheduled action costs the same number of queries for 5 or 50
        activities of the same owners, whatever their channel."""
        owners = self.inbox_owner | self.email_owner

        def prepare(size):
            for index in range(size):
                self._activity(owners[index % 2], days=index % (DAYS + 1))
            self.env.invalidate_all()
            return self._run_cron

        self._count_queries(prepare(2))
        counts = {size: self._count_queries(prepare(size)) for size in (5, 50)}
        self.assertLessEqual(abs(counts[5] - counts[50]), 2, counts)
