# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL

# The row of (task, assignee): ids below 2 ** 20 for users keep the pair
# unique in a bigint; the remainder 1 is the tasks' (see the base model).
USER_BITS = 20


class CrmActivityWorkload(models.Model):
    """Tasks in the Workload: one row per task and assignee."""

    _inherit = "crm.activity.workload"
    _depends = {
        "project.task": [
            "name",
            "user_ids",
            "date_deadline",
            "date_end",
            "date_last_stage_update",
            "state",
            "active",
            "company_id",
            "create_uid",
        ],
    }

    kind = fields.Selection(selection_add=[("task", "Task")])

    @api.model
    def _workload_sources(self):
        return [*super()._workload_sources(), self._workload_task_source()]

    @api.model
    def _workload_task_source(self):
        """Active tasks with a deadline, not cancelled, per assignee (none:
        one row without user). Done: the *Done* state."""
        return SQL(
            """SELECT ((t.id::bigint << %(bits)s) + COALESCE(r.user_id, 0)) * 10 + 1
                          AS id,
                      'task' AS kind, t.name, r.user_id,
                      t.create_uid AS assigner_id, NULL::integer AS activity_type_id,
                      t.date_deadline::date AS date,
                      CASE WHEN t.state = '1_done'
                           THEN COALESCE(t.date_end, t.date_last_stage_update)::date
                      END AS date_done,
                      t.state = '1_done' AS is_done,
                      t.company_id, 'project.task' AS res_model, t.id AS res_id
                 FROM project_task t
                 LEFT JOIN project_task_user_rel r ON r.task_id = t.id
                WHERE t.active AND t.date_deadline IS NOT NULL
                  AND t.state != '1_canceled'""",
            bits=USER_BITS,
        )

    @api.model
    def _workload_access_domains(self):
        """The rows of the tasks the user may read (Project's rules)."""
        domains = super()._workload_access_domains()
        Task = self.env["project.task"]
        if Task.has_access("read"):
            domains.append([("kind", "=", "task"), ("res_id", "in", Task._search([]))])
        return domains
