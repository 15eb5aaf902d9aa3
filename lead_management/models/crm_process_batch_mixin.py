# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import threading

from odoo import api, models
from odoo.tools import split_every

# opportunities handled (and, by the scheduler, committed) at a time by the
# scheduled actions
PROCESS_BATCH_SIZE = 500


class CrmProcessBatchMixin(models.AbstractModel):
    """Run a scheduled process on many records, batch by batch.

    Shared by the scheduled processes (recurrence, stale closing) and meant
    for the next ones: a model inherits it next to its own ``_inherit``.
    """

    _name = "crm.process.batch.mixin"
    _description = "Scheduled Process in Batches"

    @api.model
    def _process_may_commit(self):
        """Whether a scheduled process may commit its batches.

        Only when run by the scheduler (or a script), never in tests: their
        transaction must stay whole to be rolled back. It is the guard of
        Odoo's own batched scheduled actions (e.g. website.visitor's).
        """
        return not getattr(threading.current_thread(), "testing", False)

    def _process_in_batches(self, process, batch_size=PROCESS_BATCH_SIZE, commit=False):
        """Call ``process(batch)`` on the records of ``self``, batch by batch.

        Progress is reported to the scheduler (``ir.cron._notify_progress``;
        a no-op outside of it). Each batch runs in a savepoint, so that a
        failing batch is undone alone before its error is raised; with
        ``commit`` each batch is committed once done: an interrupted run
        keeps the batches done before, and the scheduler runs the job again
        to finish the work.
        """
        cron = self.env["ir.cron"]
        done, total = 0, len(self)
        cron._notify_progress(done=done, remaining=total)
        for batch in split_every(batch_size, self.ids, self.browse):
            with self.env.cr.savepoint():
                process(batch)
                done += len(batch)
                cron._notify_progress(done=done, remaining=total - done)
            if commit:
                # the work of a batch is kept even if a later one fails
                self.env.cr.commit()  # pylint: disable=invalid-commit
