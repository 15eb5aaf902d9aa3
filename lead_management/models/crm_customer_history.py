# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.tools import SQL

# Row ids are ``source row id * ID_FACTOR + source position``: room for 100
# sources, far more than the family has.
ID_FACTOR = 100

# The columns every source selects, in this order (see the model's docstring).
SOURCE_COLUMNS = (
    "row_id",
    "date",
    "kind",
    "name",
    "title",
    "amount",
    "state",
    "partner_id",
    "commercial_partner_id",
    "user_id",
    "company_id",
    "res_model",
    "res_id",
)


class CrmCustomerHistory(models.Model):
    """Customer history (SPEC §13): one row per document of a customer and
    its contacts, newest first.

    **Extension point.** The rows are the ``UNION ALL`` of the sources that
    :meth:`_history_sources` returns. An add-on adds its documents by
    overriding it (``super()`` then its own sources appended) and adding
    its kinds (and, if needed, states) with ``selection_add`` on ``kind``
    and ``state``, with ``ondelete={...: "cascade"}``. It lists the fields
    its query reads in ``_depends`` (flushed before every query). No other
    code of the core or of a sibling changes; the rows disappear with the
    add-on, as the query is built from the registry on every search (a
    ``_table_query``, no SQL view to drop or rebuild).

    A source is a dict:

    - ``model``: the model of the document a row opens (``res_model``); the
      rows of a source are those whose ``res_id`` the user may read in that
      model (its access rights and record rules, archived documents
      included): the source's query is filtered by
      ``env[model]._search([])``. A user without read access to the model
      sees none of its rows;
    - ``query``: an :class:`~odoo.tools.SQL` ``SELECT`` giving exactly these
      columns, named so: ``row_id`` (an integer unique within the source,
      usually the document's id), ``date`` (timestamp), ``kind`` (a key of
      ``kind``), ``name`` (the number), ``title``, ``amount`` (in the
      company's currency, credits negative, NULL when it has none),
      ``state`` (a key of ``state``), ``partner_id`` (the customer or
      contact of the document), ``commercial_partner_id`` (that partner's
      commercial entity), ``user_id`` (the responsible), ``company_id``,
      ``res_model`` and ``res_id`` (the document to open);
    - ``messages`` (optional, default False): the e-mails received and sent
      from the chatter of the source's documents are rows too (kind
      ``email``), with the document's partner, company, number and
      responsible.

    Example (what ``lead_management_project`` does for tasks)::

        kind = fields.Selection(selection_add=[("task", "Task")],
                                ondelete={"task": "cascade"})

        def _history_sources(self):
            return [*super()._history_sources(), {
                "model": "project.task", "messages": True,
                "query": SQL("SELECT t.id AS row_id, ... FROM project_task t"
                             " JOIN res_partner p ON p.id = t.partner_id"),
            }]

    Row ids are ``row_id * 100 + the source's position``: unique, and stable
    as long as the installed add-ons do not change.

    Flat in the number of documents (``benchmarks/bench_customer_history.py``):
    the partner filter and the access filter are pushed into every branch of
    the union, where the documents' partner indexes find them.
    """

    _name = "crm.customer.history"
    _description = "Customer History"
    _auto = False
    _rec_name = "name"
    _order = "date desc, id desc"
    _depends = {
        "crm.lead": [
            "lead_number",
            "name",
            "create_date",
            "type",
            "active",
            "probability",
            "stage_id",
            "expected_revenue",
            "partner_id",
            "user_id",
            "company_id",
        ],
        "crm.stage": ["is_won"],
        "sale.order": [
            "name",
            "client_order_ref",
            "date_order",
            "state",
            "converted_order_id",
            "amount_total",
            "currency_rate",
            "partner_id",
            "user_id",
            "company_id",
        ],
        "account.move": [
            "name",
            "ref",
            "invoice_date",
            "date",
            "move_type",
            "state",
            "payment_state",
            "amount_total_signed",
            "partner_id",
            "commercial_partner_id",
            "invoice_user_id",
            "company_id",
        ],
        "mail.message": ["model", "res_id", "message_type", "subtype_id", "date"],
        "res.partner": ["commercial_partner_id"],
    }

    date = fields.Datetime(readonly=True)
    kind = fields.Selection(
        [
            ("lead", "Lead"),
            ("opportunity", "Opportunity"),
            ("offer", "Offer"),
            ("order", "Order"),
            ("invoice", "Invoice"),
            ("refund", "Credit Note"),
            ("email", "E-mail"),
        ],
        readonly=True,
    )
    name = fields.Char(string="Number", readonly=True)
    title = fields.Char(readonly=True)
    amount = fields.Monetary(readonly=True, currency_field="currency_id")
    currency_id = fields.Many2one(related="company_id.currency_id", readonly=True)
    state = fields.Selection(
        [
            ("open", "Open"),
            ("won", "Won"),
            ("lost", "Lost"),
            ("archived", "Archived"),
            ("draft", "Draft"),
            ("sent", "Sent"),
            ("sale", "Confirmed"),
            ("converted", "Converted"),
            ("posted", "Posted"),
            ("paid", "Paid"),
            ("cancel", "Cancelled"),
            ("received", "Received"),
            ("done", "Done"),
        ],
        string="Status",
        readonly=True,
    )
    partner_id = fields.Many2one("res.partner", string="Contact", readonly=True)
    commercial_partner_id = fields.Many2one(
        "res.partner", string="Customer", readonly=True
    )
    user_id = fields.Many2one("res.users", string="Responsible", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    res_model = fields.Char(string="Document Model", readonly=True)
    res_id = fields.Many2oneReference(
        string="Document", model_field="res_model", readonly=True
    )

    @property
    def _table_query(self):
        sources = self._history_sources()
        branches = [
            SQL(
                "SELECT src.row_id * %s + %s AS id, %s FROM (%s) src",
                ID_FACTOR,
                position,
                SQL(", ").join(
                    SQL.identifier("src", column) for column in SOURCE_COLUMNS[1:]
                ),
                self._source_readable_query(source),
            )
            for position, source in enumerate(sources)
        ]
        messages = [source for source in sources if source.get("messages")]
        if messages:
            branches.append(
                SQL(
                    "SELECT src.row_id * %s + %s AS id, %s FROM (%s) src",
                    ID_FACTOR,
                    len(sources),
                    SQL(", ").join(
                        SQL.identifier("src", column) for column in SOURCE_COLUMNS[1:]
                    ),
                    self._email_query(messages),
                )
            )
        return SQL(" UNION ALL ").join(branches)

    @api.model
    def _history_sources(self):
        """The sources of the history's rows, the extension point described
        in the model's docstring: leads and opportunities, offers and
        orders, customer invoices and credit notes, and their e-mails."""
        return [
            {"model": "crm.lead", "query": self._lead_query(), "messages": True},
            {"model": "sale.order", "query": self._sale_query(), "messages": True},
            {"model": "account.move", "query": self._invoice_query(), "messages": True},
        ]

    @api.model
    def _source_readable_query(self, source):
        """The source's query restricted to the documents the user may read
        (the model's access rights and record rules). Inside the branch, so
        the planner joins it with the branch's partner filter."""
        model = self.env[source["model"]]
        if self.env.su:
            return source["query"]
        if not model.has_access("read"):
            return SQL("SELECT * FROM (%s) readable WHERE FALSE", source["query"])
        readable = model.with_context(active_test=False)._search([])
        return SQL(
            "SELECT * FROM (%s) readable WHERE readable.res_id IN (%s)",
            source["query"],
            readable.subselect(),
        )

    @api.model
    def _email_query(self, sources):
        """The e-mails received (``email``) and sent from the chatter
        (``email_outgoing``, or a comment of subtype *Discussions*) on the
        documents of ``sources``; internal notes and tracking are not. A row
        is readable where its document is."""
        documents = SQL(" UNION ALL ").join(
            SQL(
                "SELECT doc.res_model, doc.res_id, doc.name, doc.partner_id, "
                "doc.commercial_partner_id, doc.user_id, doc.company_id FROM (%s) doc",
                self._source_readable_query(source),
            )
            for source in sources
        )
        comment = self.env.ref("mail.mt_comment", raise_if_not_found=False)
        return SQL(
            """
            SELECT msg.id AS row_id,
                   msg.date AS date,
                   'email' AS kind,
                   doc.name AS name,
                   COALESCE(msg.subject, msg.record_name) AS title,
                   NULL::numeric AS amount,
                   CASE WHEN msg.message_type = 'email' THEN 'received'
                        ELSE 'sent' END AS state,
                   doc.partner_id,
                   doc.commercial_partner_id,
                   doc.user_id,
                   doc.company_id,
                   doc.res_model,
                   doc.res_id
              FROM (%s) doc
              JOIN mail_message msg
                ON msg.model = doc.res_model AND msg.res_id = doc.res_id
             WHERE msg.message_type IN ('email', 'email_outgoing')
                OR (msg.message_type = 'comment' AND msg.subtype_id = %s)
            """,
            documents,
            comment.id if comment else None,
        )

    @api.model
    def _lead_query(self):
        # lost: archived at probability 0, as crm's action_set_lost leaves it
        return SQL(
            """
            SELECT lead.id AS row_id,
                   lead.create_date AS date,
                   CASE WHEN lead.type = 'lead' THEN 'lead'
                        ELSE 'opportunity' END AS kind,
                   lead.lead_number AS name,
                   lead.name AS title,
                   lead.expected_revenue AS amount,
                   CASE WHEN stage.is_won THEN 'won'
                        WHEN NOT lead.active AND lead.probability = 0 THEN 'lost'
                        WHEN NOT lead.active THEN 'archived'
                        ELSE 'open' END AS state,
                   lead.partner_id,
                   partner.commercial_partner_id,
                   lead.user_id,
                   lead.company_id,
                   'crm.lead' AS res_model,
                   lead.id AS res_id
              FROM crm_lead lead
              JOIN res_partner partner ON partner.id = lead.partner_id
              LEFT JOIN crm_stage stage ON stage.id = lead.stage_id
            """
        )

    @api.model
    def _sale_query(self):
        # an offer converted into a separate order reads as converted; in
        # place it is the order itself; amounts as sale.report converts them
        return SQL(
            """
            SELECT so.id AS row_id,
                   so.date_order AS date,
                   CASE WHEN so.state = 'sale' THEN 'order' ELSE 'offer' END AS kind,
                   so.name AS name,
                   so.client_order_ref AS title,
                   so.amount_total / CASE COALESCE(so.currency_rate, 0)
                       WHEN 0 THEN 1.0 ELSE so.currency_rate END AS amount,
                   CASE WHEN so.converted_order_id IS NOT NULL THEN 'converted'
                        ELSE so.state END AS state,
                   so.partner_id,
                   partner.commercial_partner_id,
                   so.user_id,
                   so.company_id,
                   'sale.order' AS res_model,
                   so.id AS res_id
              FROM sale_order so
              JOIN res_partner partner ON partner.id = so.partner_id
            """
        )

    @api.model
    def _invoice_query(self):
        return SQL(
            """
            SELECT move.id AS row_id,
                   COALESCE(move.invoice_date, move.date)::timestamp AS date,
                   CASE WHEN move.move_type = 'out_refund' THEN 'refund'
                        ELSE 'invoice' END AS kind,
                   move.name AS name,
                   move.ref AS title,
                   move.amount_total_signed AS amount,
                   CASE WHEN move.state = 'posted'
                             AND move.payment_state IN ('paid', 'in_payment')
                        THEN 'paid' ELSE move.state END AS state,
                   move.partner_id,
                   move.commercial_partner_id,
                   move.invoice_user_id AS user_id,
                   move.company_id,
                   'account.move' AS res_model,
                   move.id AS res_id
              FROM account_move move
             WHERE move.move_type IN ('out_invoice', 'out_refund')
            """
        )

    def action_open_document(self):
        """Open the row's document (for an e-mail, the one it was posted
        on), checked by the document's own access rules."""
        self.ensure_one()
        document = self.env[self.res_model].browse(self.res_id)
        document.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "name": _("Document"),
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
