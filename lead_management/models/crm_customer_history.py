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

    - ``model``: the model of the documents the source lists;
    - ``query``: an :class:`~odoo.tools.SQL` ``SELECT`` giving exactly these
      columns, named so: ``row_id`` (an integer unique within the source,
      usually the document's id), ``date`` (timestamp), ``kind`` (a key of
      ``kind``), ``name`` (the number), ``title``, ``amount`` (in the
      company's currency, credits negative, NULL when it has none),
      ``state`` (a key of ``state``), ``partner_id`` (the customer or
      contact of the document), ``commercial_partner_id`` (that partner's
      commercial entity), ``user_id`` (the responsible), ``company_id``,
      ``res_model`` and ``res_id`` (the document to open). It reads the
      documents of ``model`` from ``self._readable_table(model)``, not from
      their table: the documents the user may read (access rights and
      record rules, archived ones included), so a row shows only where its
      document may be read; a user without read access to the model sees
      none of its rows. A source that does not is refused (``ValueError``);
    - ``messages`` (optional, default False): the e-mails received and sent
      from the chatter of the source's documents (``res_model`` being
      ``model``) are rows too (kind ``email``), with the document's
      partner, company, number and responsible.

    Example (what ``lead_management_project`` does for tasks)::

        kind = fields.Selection(selection_add=[("task", "Task")],
                                ondelete={"task": "cascade"})

        def _history_sources(self):
            return [*super()._history_sources(), {
                "model": "project.task", "messages": True,
                "query": SQL("SELECT t.id AS row_id, ... FROM %s t"
                             " JOIN res_partner p ON p.id = t.partner_id",
                             self._readable_table("project.task")),
            }]

    Row ids are ``row_id * 100 + the source's position``: unique, and stable
    as long as the installed add-ons do not change.

    Flat in the number of documents (``benchmarks/bench_customer_history.py``):
    the partner filter (see :meth:`_pushable_domain`) and the access filter
    (see :meth:`_readable_table`) are pushed into every branch of
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

    # the id of the row in its source (see _pushable_domain)
    row_id = fields.Integer(string="Row in Source", readonly=True)
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

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        return super()._search(self._pushable_domain(domain), offset, limit, order)

    @api.model
    def _pushable_domain(self, domain):
        """``domain``, with the conditions that PostgreSQL cannot push into
        the branches of the ``UNION ALL`` rewritten into ones it can, so that
        every branch filters its documents on their own indexes instead of
        producing all of them for the union to filter (seconds at a million
        documents, ``benchmarks/bench_customer_history.py``):

        - ``child_of`` and ``parent_of`` on the partner fields (the smart
          button's, the search view's *Customer*), which Odoo turns into a
          semi-join ``partner_id IN (SELECT ...)``, become ``in`` the
          partners they designate, resolved as Odoo does (names by
          ``display_name``, the hierarchy in sudo, archived contacts too);
        - ``id`` ``=``/``in`` (every read by id: the form, a button, the
          web client's fetch of a page) also gets ``row_id in`` the ids of
          the source rows, which each branch finds by its primary key (the
          ``id`` itself is computed, no index can find it).
        """
        partners = self.env["res.partner"].with_context(active_test=False)
        result = []
        for leaf in domain:
            if not (isinstance(leaf, (list, tuple)) and len(leaf) == 3):
                result.append(leaf)
                continue
            field, operator, value = leaf
            if field in ("partner_id", "commercial_partner_id") and operator in (
                "child_of",
                "parent_of",
            ):
                names = [value] if isinstance(value, str) else value
                if (
                    isinstance(names, (list, tuple))
                    and names
                    and all(isinstance(name, str) for name in names)
                ):
                    value = list(
                        {
                            partner_id
                            for name in names
                            for partner_id in partners._search(
                                [("display_name", "ilike", name)]
                            )
                        }
                    )
                ids = partners.sudo().search([("id", operator, value)]).ids
                result.append((field, "in", ids))
            elif field == "id" and operator in ("=", "in"):
                ids = [value] if operator == "=" else value
                if isinstance(ids, (list, tuple)) and all(
                    isinstance(id_, int) and not isinstance(id_, bool) for id_ in ids
                ):
                    rows = sorted({id_ // ID_FACTOR for id_ in ids})
                    result.extend(["&", leaf, ("row_id", "in", rows)])
                else:
                    result.append(leaf)
            else:
                result.append(leaf)
        return result

    @property
    def _table_query(self):
        sources = self._history_sources()
        for source in sources:
            self._check_source_readable(source)
        # a message is on one document: one position for all e-mail branches
        branches = [
            (position, source["query"]) for position, source in enumerate(sources)
        ] + [
            (len(sources), self._email_query(source))
            for source in sources
            if source.get("messages")
        ]
        return SQL(" UNION ALL ").join(
            SQL(
                "SELECT src.row_id * %s + %s AS id, %s FROM (%s) src",
                ID_FACTOR,
                position,
                SQL(", ").join(
                    SQL.identifier("src", column) for column in SOURCE_COLUMNS
                ),
                query,
            )
            for position, query in branches
        )

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
    def _readable_table(self, model_name):
        """What a source's query reads its documents from instead of the
        model's table: the documents of ``model_name`` the user may read
        (its access rights and record rules, archived ones included), as a
        subquery that PostgreSQL merges into the source's query, so that the
        rules filter the very rows the source reads (a separate ``IN``
        semi-join would scan the whole table on every search)."""
        model = self.env[model_name]
        table = SQL.identifier(model._table)
        if self.env.su:
            return table
        if not model.has_access("read"):
            return SQL("(SELECT * FROM %s WHERE FALSE)", table)
        readable = model.with_context(active_test=False)._search([])
        return SQL("(%s)", readable.select(SQL("%s.*", SQL.identifier(readable.table))))

    @api.model
    def _check_source_readable(self, source):
        """A source that does not read its documents from
        :meth:`_readable_table` would show rows the user may not read: a
        programming error of the add-on that declares it."""
        if self._readable_table(source["model"]).code not in source["query"].code:
            raise ValueError(
                f"The customer history source of {source['model']} must read its "
                "documents from _readable_table()."
            )

    @api.model
    def _email_query(self, source):
        """The e-mails received (``email``) and sent from the chatter
        (``email_outgoing``, or a comment of subtype *Discussions*) on the
        documents of ``source``; internal notes and tracking are not. A row
        is readable where its document is (the source reads readable
        documents only)."""
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
                ON msg.model = %s AND msg.res_id = doc.res_id
             WHERE msg.message_type IN ('email', 'email_outgoing')
                OR (msg.message_type = 'comment' AND msg.subtype_id = %s)
            """,
            source["query"],
            source["model"],
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
              FROM %s lead
              JOIN res_partner partner ON partner.id = lead.partner_id
              LEFT JOIN crm_stage stage ON stage.id = lead.stage_id
            """,
            self._readable_table("crm.lead"),
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
              FROM %s so
              JOIN res_partner partner ON partner.id = so.partner_id
            """,
            self._readable_table("sale.order"),
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
              FROM %s move
             WHERE move.move_type IN ('out_invoice', 'out_refund')
            """,
            self._readable_table("account.move"),
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
