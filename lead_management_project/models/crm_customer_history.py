# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL


class CrmCustomerHistory(models.Model):
    """The customer's projects and tasks in its history (SPEC §13), with
    the e-mails on them, through the core's ``_history_sources``."""

    _inherit = "crm.customer.history"
    _depends = {
        "project.project": [
            "name",
            "create_date",
            "active",
            "last_update_status",
            "partner_id",
            "user_id",
            "company_id",
            "sale_line_id",
        ],
        "sale.order.line": ["order_id"],
        "project.task": [
            "name",
            "create_date",
            "active",
            "state",
            "partner_id",
            "user_ids",
            "project_id",
            "company_id",
        ],
    }

    kind = fields.Selection(
        selection_add=[("project", "Project"), ("task", "Task")],
        ondelete={"project": "cascade", "task": "cascade"},
    )

    @api.model
    def _history_sources(self):
        return [
            *super()._history_sources(),
            {
                "model": "project.project",
                "query": self._project_query(),
                "messages": True,
            },
            {"model": "project.task", "query": self._task_query(), "messages": True},
        ]

    @api.model
    def _project_name(self, alias):
        """A project's name (translatable, JSON) in the user's language."""
        return SQL(
            "COALESCE(%s->>%s, %s->>'en_US')",
            SQL.identifier(alias, "name"),
            self.env.lang or "en_US",
            SQL.identifier(alias, "name"),
        )

    @api.model
    def _project_query(self):
        # number: the offer the project was sold by, when it was
        return SQL(
            """
            SELECT pr.id AS row_id,
                   pr.create_date AS date,
                   'project' AS kind,
                   COALESCE(so.offer_number, so.name) AS name,
                   %(name)s AS title,
                   NULL::numeric AS amount,
                   CASE WHEN NOT pr.active THEN 'archived'
                        WHEN pr.last_update_status = 'done' THEN 'done'
                        ELSE 'open' END AS state,
                   pr.partner_id,
                   partner.commercial_partner_id,
                   pr.user_id,
                   pr.company_id,
                   'project.project' AS res_model,
                   pr.id AS res_id
              FROM %(projects)s pr
              JOIN res_partner partner ON partner.id = pr.partner_id
              LEFT JOIN sale_order_line sol ON sol.id = pr.sale_line_id
              LEFT JOIN sale_order so ON so.id = sol.order_id
            """,
            name=self._project_name("pr"),
            projects=self._readable_table("project.project"),
        )

    @api.model
    def _task_query(self):
        # responsible: the first assignee (a task may have several)
        return SQL(
            """
            SELECT task.id AS row_id,
                   task.create_date AS date,
                   'task' AS kind,
                   %(project)s AS name,
                   task.name AS title,
                   NULL::numeric AS amount,
                   CASE WHEN NOT task.active THEN 'archived'
                        WHEN task.state = '1_done' THEN 'done'
                        WHEN task.state = '1_canceled' THEN 'cancel'
                        ELSE 'open' END AS state,
                   task.partner_id,
                   partner.commercial_partner_id,
                   (SELECT MIN(rel.user_id) FROM project_task_user_rel rel
                     WHERE rel.task_id = task.id) AS user_id,
                   task.company_id,
                   'project.task' AS res_model,
                   task.id AS res_id
              FROM %(tasks)s task
              JOIN res_partner partner ON partner.id = task.partner_id
              LEFT JOIN project_project pr ON pr.id = task.project_id
            """,
            project=self._project_name("pr"),
            tasks=self._readable_table("project.task"),
        )
