# Copyright 2026 Lead Management Developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import threading

from odoo import api, models
from odoo.tools import SQL, split_every

# activities reminded (and, by the scheduler, committed) at a time
REMINDER_BATCH_SIZE = 500


class MailActivity(models.Model):
    """Deadline reminders (SPEC §10) on OCA's ``mail_activity_reminder``.

    The module decides when an activity reminds (its type's ``reminders``
    offsets, the owner's day, ``last_reminder_local`` so that each offset
    reminds once) and sends the reminders through mail's ``message_notify``,
    one per owner, honouring his *Notification* preference. This add-on runs
    them in batches, so that two workers never remind the same activity and
    an interrupted run keeps what it sent, and leaves out archived owners and
    the owners who opted out.
    """

    _inherit = "mail.activity"

    @api.model
    def _get_activities_to_remind_domain(self):
        """Neither archived users nor the users who opted out are reminded."""
        return super()._get_activities_to_remind_domain() + [
            ("user_id.active", "=", True),
            ("user_id.activity_reminder_opt_out", "=", False),
        ]

    @api.model
    def _get_activities_to_remind(self):
        """In a batch of ``_process_reminders``: the activities of the batch
        still to remind, locked for the rest of the transaction; those that
        another worker holds are skipped, those that it reminded and
        committed no longer match the domain."""
        batch_ids = self.env.context.get("activity_reminder_batch_ids")
        if batch_ids is None:
            return super()._get_activities_to_remind()
        query = self._search(
            self._get_activities_to_remind_domain() + [("id", "in", batch_ids)],
            order="id",
        )
        rows = self.env.execute_query(
            SQL(
                "%s FOR NO KEY UPDATE OF %s SKIP LOCKED",
                query.select(),
                SQL.identifier(query.table),
            )
        )
        return self.browse(row[0] for row in rows)

    @api.model
    def _reminder_may_commit(self):
        """Whether the scheduled action may commit its batches: only when
        run by the scheduler (or a script), never in tests, whose transaction
        must stay whole to be rolled back (the guard of Odoo's own batched
        scheduled actions, e.g. website.visitor's)."""
        return not getattr(threading.current_thread(), "testing", False)

    @api.model
    def _process_reminders(self, batch_size=REMINDER_BATCH_SIZE):
        """Scheduled action: remind the activities due, batch by batch.

        Each batch runs the module's own ``_process_reminders`` (so every
        override of it and of ``action_remind`` runs) on the batch's locked
        activities (``_get_activities_to_remind``), in a savepoint, and is
        committed with its reminders when run by the scheduler; progress goes
        to ``ir.cron._notify_progress``. The e-mails are queued for the mail
        queue instead of being sent in the batch's transaction.
        """
        if "activity_reminder_batch_ids" in self.env.context:
            return super()._process_reminders()
        to_remind = self._get_activities_to_remind().ids
        cron = self.env["ir.cron"]
        commit = self._reminder_may_commit()
        reminded = self.browse()
        done, total = 0, len(to_remind)
        cron._notify_progress(done=done, remaining=total)
        for batch_ids in split_every(batch_size, to_remind, list):
            batch_self = self.with_context(
                activity_reminder_batch_ids=batch_ids,
                mail_notify_force_send=False,
            )
            with self.env.cr.savepoint():
                reminded |= batch_self._process_reminders()
                done += len(batch_ids)
                cron._notify_progress(done=done, remaining=total - done)
            if commit:
                # the reminders of a batch are kept even if a later one fails
                self.env.cr.commit()  # pylint: disable=invalid-commit
        return reminded
