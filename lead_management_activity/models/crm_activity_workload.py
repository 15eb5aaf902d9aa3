# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.osv import expression
from odoo.tools import SQL

# The row id of a source's record is ``record id * ID_STEP + the source's
# remainder``: unique across sources and stable (favourites, calendar).
ID_STEP = 10
WORKLOAD_STATES = [
    ("planned", "Planned"),
    ("overdue", "Overdue"),
    ("done_on_time", "Done on Time"),
    ("done_late", "Done Late"),
]


class CrmActivityWorkload(models.Model):
    """Workload (SPEC §13): per user and day, what is due, done on time,
    done late and still open.

    One row per activity, open or done and kept (archived with a done date,
    see :meth:`mail.activity._action_done`), of every document: the
    Activities list shows them all, and a user's workload is not only CRM.
    Done activities of other documents count when their type keeps them
    (*Keep Done*); the CRM's are always kept.

    A ``_table_query`` (not a view in the database): the UNION ALL of the
    SELECTs of :meth:`_workload_sources`, so that a source's tables may come
    and go with its add-on. **Extension point**: an add-on adds a kind with
    ``kind = fields.Selection(selection_add=...)``, overrides
    :meth:`_workload_sources` to append its SELECT (the columns of
    :meth:`_workload_columns`, in that order, its ids as ``record id * 10 +
    a remainder no other source takes``: activities 0, tasks 1, tickets 2)
    and :meth:`_workload_access_domains` to append the domain of the rows
    of its kind the user may read.

    State and measures are derived from the sources' raw columns in one
    place (:meth:`_table_query`); "today" is the reader's (their time
    zone), as it is what the manager compares with."""

    _name = "crm.activity.workload"
    _description = "Workload"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "name"
    _depends = {
        "mail.activity": [
            "res_model",
            "res_id",
            "res_name",
            "user_id",
            "create_uid",
            "activity_type_id",
            "summary",
            "active",
            "date_deadline",
            "date_done",
        ],
        "crm.lead": ["company_id"],
        "sale.order": ["company_id"],
        "res.partner": ["company_id"],
    }

    kind = fields.Selection([("activity", "Activity")], readonly=True)
    name = fields.Char("Title", readonly=True)
    user_id = fields.Many2one("res.users", "Assigned to", readonly=True)
    assigner_id = fields.Many2one(
        "res.users",
        "Assigned by",
        readonly=True,
        help="Who created the activity, task or ticket.",
    )
    activity_type_id = fields.Many2one("mail.activity.type", readonly=True)
    date = fields.Date("Due Date", readonly=True)
    date_done = fields.Date("Done Date", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    res_model = fields.Char("Document Model", readonly=True)
    res_id = fields.Many2oneReference(
        "Document", model_field="res_model", readonly=True
    )
    state = fields.Selection(WORKLOAD_STATES, readonly=True)
    due_count = fields.Integer("Due", readonly=True)
    done_on_time_count = fields.Integer("Done on Time", readonly=True)
    done_late_count = fields.Integer("Done Late", readonly=True)
    open_count = fields.Integer("Open", readonly=True)
    overdue_count = fields.Integer("Overdue", readonly=True)

    # ------------------------------------------------------------------
    # The query
    # ------------------------------------------------------------------

    @api.model
    def _workload_columns(self):
        """The columns every source selects, in this order."""
        return [
            "id",
            "kind",
            "name",
            "user_id",
            "assigner_id",
            "activity_type_id",
            "date",
            "date_done",
            "is_done",
            "company_id",
            "res_model",
            "res_id",
        ]

    @api.model
    def _workload_sources(self):
        """The SELECTs (``SQL``) of the union, one per kind. Extension point
        (see the class docstring)."""
        return [self._workload_activity_source()]

    @api.model
    def _workload_activity_source(self):
        """Open activities and the done ones kept. The company is the
        document's for the CRM documents (their rules, their reports); other
        documents' activities have none."""
        joins, companies = [], []
        for index, model in enumerate(self._workload_company_models()):
            alias = f"d{index}"
            table = self.env[model]._table
            joins.append(
                SQL(
                    "LEFT JOIN %s AS %s ON a.res_model = %s AND %s.id = a.res_id",
                    SQL.identifier(table),
                    SQL.identifier(alias),
                    model,
                    SQL.identifier(alias),
                )
            )
            companies.append(SQL.identifier(alias, "company_id"))
        return SQL(
            """SELECT a.id * %(step)s AS id, 'activity' AS kind,
                      COALESCE(NULLIF(a.summary, ''), a.res_name) AS name,
                      a.user_id, a.create_uid AS assigner_id,
                      a.activity_type_id, a.date_deadline AS date, a.date_done,
                      NOT a.active AS is_done,
                      %(company)s AS company_id, a.res_model, a.res_id
                 FROM mail_activity a %(joins)s
                WHERE a.active OR a.date_done IS NOT NULL""",
            step=ID_STEP,
            company=SQL("COALESCE(%s)", SQL(", ").join(companies))
            if companies
            else SQL("NULL::integer"),
            joins=SQL(" ").join(joins),
        )

    @api.model
    def _workload_company_models(self):
        """The documents whose company the activities take: the CRM history
        documents that have a stored company."""
        models_ = self.env["mail.activity"]._get_crm_history_models()
        return [
            model
            for model in models_
            if model in self.env
            and "company_id" in self.env[model]._fields
            and self.env[model]._fields["company_id"].store
        ]

    @property
    def _table_query(self):
        today = fields.Date.context_today(self)
        return SQL(
            """SELECT w.*, 1 AS due_count,
                      (w.state = 'done_on_time')::int AS done_on_time_count,
                      (w.state = 'done_late')::int AS done_late_count,
                      (NOT w.is_done)::int AS open_count,
                      (w.state = 'overdue')::int AS overdue_count
                 FROM (SELECT u.*,
                              CASE WHEN u.is_done AND u.date_done <= u.date
                                       THEN 'done_on_time'
                                   WHEN u.is_done THEN 'done_late'
                                   WHEN u.date < %(today)s THEN 'overdue'
                                   ELSE 'planned' END AS state
                         FROM (%(union)s) u) w""",
            today=today,
            union=SQL(" UNION ALL ").join(
                SQL("(%s)", source) for source in self._workload_sources()
            ),
        )

    # ------------------------------------------------------------------
    # Access: the rows of what the user may read
    # ------------------------------------------------------------------

    @api.model
    def _workload_access_domains(self):
        """Domains (OR-ed) of the rows the user may read, one per kind.
        Extension point (see the class docstring)."""
        return [self._workload_activity_access_domain()]

    @api.model
    def _workload_activity_access_domain(self):
        """Mail's rule for reading an activity (``mail.activity._search``):
        assigned to the user, or on a document the user has the right of
        ``_mail_post_access`` (write by default) on.

        Mail checks the documents one by one in Python; here each model of
        the activities becomes a subquery of its ``_search`` (record rules,
        companies, archived documents included), so the grouped read stays
        one query whatever the number of activities."""
        documents = []
        for model in self._workload_activity_models():
            if model not in self.env:
                continue  # its add-on is gone: only its assignee sees it
            Document = self.env[model].with_context(active_test=False)
            operation = getattr(Document, "_mail_post_access", "read")
            if not Document.has_access(operation):
                continue
            rules = (
                self.env["ir.rule"]._compute_domain(model, operation)
                if operation != "read"
                else []
            )
            documents.append(
                [("res_model", "=", model), ("res_id", "in", Document._search(rules))]
            )
        return expression.AND(
            [
                [("kind", "=", "activity")],
                expression.OR([[("user_id", "=", self.env.uid)], *documents]),
            ]
        )

    @api.model
    def _workload_activity_models(self):
        """The models that have activities in the workload (one query)."""
        self.env["mail.activity"].flush_model(["res_model", "active", "date_done"])
        self.env.cr.execute(
            "SELECT DISTINCT res_model FROM mail_activity"
            " WHERE active OR date_done IS NOT NULL"
        )
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        """Every read (lists, pivot and graph's read_group, calendar, RPC)
        searches here: the access domain is added for all but the
        superuser, as mail does for activities."""
        if not self.env.is_superuser():
            domain = expression.AND(
                [domain or [], expression.OR(self._workload_access_domains())]
            )
        return super()._search(domain, offset, limit, order)

    def _check_access(self, operation):
        """Reading given ids (a bookmarked calendar event, RPC ``read``) is
        allowed for the rows :meth:`_search` would find."""
        result = super()._check_access(operation)
        if not self or self.env.is_superuser() or result:
            return result
        allowed = self.browse(self._search([("id", "in", self.ids)]))
        forbidden = self - allowed
        if forbidden:
            return forbidden, lambda: forbidden._make_access_error(operation)
        return None

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    @api.model
    def action_open_workload(self):
        """The menu's action: a sales manager sees the team, grouped by
        salesperson; a salesperson opens what is assigned to them."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "lead_management_activity.crm_activity_workload_action"
        )
        if self.env.user.has_group("sales_team.group_sale_manager"):
            context = {"search_default_group_user": 1}
        else:
            context = {"search_default_assigned_to_me": 1}
        action["context"] = context
        return action

    def action_open_document(self):
        """Open the row's document (the activity's, or the task itself)."""
        self.ensure_one()
        if not self.res_model or self.res_model not in self.env:
            return False
        return {
            "type": "ir.actions.act_window",
            "name": _("Document"),
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
