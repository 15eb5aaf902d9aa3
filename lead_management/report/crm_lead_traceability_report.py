# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL

# A converted offer reads as "converted" in both conversion modes: in place
# the document itself has the order's state, which the order side shows.
OFFER_STATE_SQL = """
    CASE WHEN so.converted_order_id IS NOT NULL THEN 'converted'
         ELSE so.state END"""

OFFER_INDEX = "sale_order_traceability_offer_index"
OFFER_INDEX_COLUMNS = (
    "id",
    "company_id",
    "user_id",
    "converted_order_id",
    "state",
    "create_date",
    "amount_untaxed",
    "amount_total",
    "currency_rate",
)


class CrmLeadTraceabilityReport(models.Model):
    """Lead – Offer – Order traceability: one row per lead × offer × order.

    - every lead (lost and archived ones included) has at least one row;
      a lead without offer has one row whose offer and order sides are
      empty;
    - offers are the quotations of the lead: ``is_offer`` documents, and the
      legacy quotations (made before installation, still draft or sent)
      that never came from an offer;
    - the order side of an offer is the order converted from it
      (``converted_order_id``): another document in *separate order* mode,
      the offer itself in *confirm in place* mode. No other order appears;
    - amounts are in the currency of the offer's (order's) company:
      the document's amount divided by its ``currency_rate``, as
      ``sale.report`` does;
    - the offer date is the offer's creation (in place, ``date_order``
      becomes the confirmation date), the order date its ``date_order``,
      and the days between them are whole elapsed days.

    Row ids: ``2 × offer id`` for offer rows, ``2 × lead id + 1`` for the
    row of a lead without offer: unique and stable across reads.

    Built for the scale of SPEC §7 (100 000 leads, 300 000 sales documents;
    ``benchmarks/bench_traceability.py``):

    - the view is one chain of left joins that PostgreSQL flattens into the
      caller's query, so a page (``ORDER BY ... LIMIT 80``) walks crm's own
      index on ``crm_lead (create_date, team_id)`` and stops after its rows;
    - the default order uses the view's own columns (``lead_id.id``, not the
      lead's ``_order``, which would join ``crm_lead`` again);
    - the record rules test plain columns of one table each
      (``lead_company_id``, ``offer_company_id``, ``user_id``...), never an
      expression over two tables, so the planner can estimate and push them;
    - ``id`` is an expression over two tables, which no index can serve:
      ``_condition_to_sql`` adds to ``id in (...)`` (every read by id: forms,
      exports, the ORM's re-read under record rules) the leads of those
      rows, which the primary keys find.
    """

    _name = "crm.lead.traceability.report"
    _description = "Lead – Offer – Order Traceability"
    _auto = False
    _rec_name = "lead_number"
    _order = "lead_create_date desc, lead_id.id desc, offer_date, offer_id.id"
    # what the view reads: flushed before any query on it
    _depends = {
        "crm.lead": [
            "lead_number",
            "name",
            "create_date",
            "type",
            "active",
            "partner_id",
            "user_id",
            "team_id",
            "lead_type_id",
            "stage_id",
            "source_id",
            "company_id",
        ],
        "sale.order": [
            "opportunity_id",
            "is_offer",
            "offer_id",
            "offer_number",
            "name",
            "state",
            "create_date",
            "date_order",
            "user_id",
            "company_id",
            "amount_untaxed",
            "amount_total",
            "currency_rate",
            "converted_order_id",
        ],
        "res.company": ["currency_id"],
    }

    # lead
    lead_id = fields.Many2one("crm.lead", readonly=True, aggregator="count_distinct")
    lead_number = fields.Char(string="Lead No.", readonly=True)
    lead_name = fields.Char(string="Title", readonly=True)
    lead_create_date = fields.Datetime(string="Lead Created on", readonly=True)
    lead_type = fields.Selection(
        [("lead", "Lead"), ("opportunity", "Opportunity")],
        string="Lead or Opportunity",
        readonly=True,
    )
    lead_active = fields.Boolean(readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    lead_type_id = fields.Many2one("crm.lead.type", readonly=True)
    stage_id = fields.Many2one("crm.stage", readonly=True)
    source_id = fields.Many2one("utm.source", readonly=True)
    lead_company_id = fields.Many2one("res.company", readonly=True)
    company_id = fields.Many2one(
        "res.company",
        readonly=True,
        help="The offer's company, or the lead's for a lead without offer.",
    )
    currency_id = fields.Many2one("res.currency", readonly=True)
    # offer
    offer_company_id = fields.Many2one("res.company", readonly=True)
    offer_id = fields.Many2one("sale.order", readonly=True)
    offer_number = fields.Char(string="Offer No.", readonly=True)
    offer_date = fields.Datetime(readonly=True)
    offer_user_id = fields.Many2one(
        "res.users", string="Offer Salesperson", readonly=True
    )
    offer_amount_untaxed = fields.Monetary(string="Offer Untaxed", readonly=True)
    offer_amount_total = fields.Monetary(string="Offer Total", readonly=True)
    offer_state = fields.Selection(
        selection="_selection_offer_state", string="Offer Status", readonly=True
    )
    is_converted = fields.Boolean(string="Converted", readonly=True)
    offer_count = fields.Integer(string="# Offers", readonly=True)
    # order
    order_id = fields.Many2one("sale.order", readonly=True)
    order_number = fields.Char(string="Order No.", readonly=True)
    order_date = fields.Datetime(readonly=True)
    order_user_id = fields.Many2one(
        "res.users", string="Order Salesperson", readonly=True
    )
    order_amount_untaxed = fields.Monetary(string="Order Untaxed", readonly=True)
    order_amount_total = fields.Monetary(string="Order Total", readonly=True)
    order_state = fields.Selection(
        selection="_selection_order_state", string="Order Status", readonly=True
    )
    order_count = fields.Integer(string="# Orders", readonly=True)
    days_to_order = fields.Integer(
        string="Days to Order",
        readonly=True,
        aggregator="avg",
        help="Whole days elapsed from the offer's creation to the order's date.",
    )

    @api.model
    def _selection_offer_state(self):
        # the offer's own status: Offer, Offer Sent, Converted, Cancelled
        return (
            self.env["sale.order"]
            ._fields["offer_state"]
            ._description_selection(self.env)
        )

    @api.model
    def _selection_order_state(self):
        return self.env["sale.order"]._fields["state"]._description_selection(self.env)

    @api.model
    def _offer_condition(self, alias="so"):
        """SQL condition on ``alias`` (none: the table) selecting the offers
        of a lead; the view and its index share it, as the planner uses the
        index only when the view's condition is the index's."""
        prefix = f"{alias}." if alias else ""
        return (
            f"{prefix}is_offer OR "
            f"({prefix}state IN ('draft', 'sent') AND {prefix}offer_id IS NULL)"
        )

    @api.model
    def _amount(self, alias, field):
        return (
            f"{alias}.{field} / CASE COALESCE({alias}.currency_rate, 0) "
            f"WHEN 0 THEN 1.0 ELSE {alias}.currency_rate END"
        )

    @api.model
    def _query(self):
        return f"""
            SELECT
                COALESCE(so.id * 2, l.id * 2 + 1) AS id,
                l.id AS lead_id,
                l.lead_number AS lead_number,
                l.name AS lead_name,
                l.create_date AS lead_create_date,
                l.type AS lead_type,
                l.active AS lead_active,
                l.partner_id AS partner_id,
                l.user_id AS user_id,
                l.team_id AS team_id,
                l.lead_type_id AS lead_type_id,
                l.stage_id AS stage_id,
                l.source_id AS source_id,
                l.company_id AS lead_company_id,
                COALESCE(so.company_id, l.company_id) AS company_id,
                so.company_id AS offer_company_id,
                company.currency_id AS currency_id,
                so.id AS offer_id,
                COALESCE(so.offer_number, so.name) AS offer_number,
                so.create_date AS offer_date,
                so.user_id AS offer_user_id,
                {self._amount("so", "amount_untaxed")} AS offer_amount_untaxed,
                {self._amount("so", "amount_total")} AS offer_amount_total,
                {OFFER_STATE_SQL} AS offer_state,
                so.converted_order_id IS NOT NULL AS is_converted,
                CASE WHEN so.id IS NULL THEN 0 ELSE 1 END AS offer_count,
                ord.id AS order_id,
                ord.name AS order_number,
                ord.date_order AS order_date,
                ord.user_id AS order_user_id,
                {self._amount("ord", "amount_untaxed")} AS order_amount_untaxed,
                {self._amount("ord", "amount_total")} AS order_amount_total,
                ord.state AS order_state,
                CASE WHEN ord.id IS NULL THEN 0 ELSE 1 END AS order_count,
                FLOOR(
                    EXTRACT(
                        EPOCH FROM ord.date_order - date_trunc('second', so.create_date)
                    ) / 86400
                )::integer AS days_to_order
            FROM crm_lead l
            LEFT JOIN sale_order so
                ON so.opportunity_id = l.id AND ({self._offer_condition()})
            LEFT JOIN sale_order ord ON ord.id = so.converted_order_id
            LEFT JOIN res_company company
                ON company.id = COALESCE(so.company_id, l.company_id)
        """

    def _condition_to_sql(self, alias, fname, operator, value, query):
        condition = super()._condition_to_sql(alias, fname, operator, value, query)
        if fname != "id" or operator not in ("=", "in"):
            return condition
        ids = [value] if operator == "=" else value
        if not isinstance(ids, list | tuple | set) or not all(
            isinstance(id_, int) for id_ in ids
        ):
            return condition
        # The same rows, looked up through their leads: offer rows (even ids)
        # by their offer's lead, lead rows (odd ids) by their lead.
        return SQL(
            """(%s AND %s IN (
                SELECT so.opportunity_id FROM sale_order so WHERE so.id = ANY(%s)
                UNION ALL SELECT unnest(%s::integer[])))""",
            condition,
            self._field_to_sql(alias, "lead_id", query),
            [id_ // 2 for id_ in ids if not id_ % 2],
            [id_ // 2 for id_ in ids if id_ % 2],
        )

    def init(self):
        # The offers of the leads with every column that counts, pivots and
        # the record rules read: they scan this index (index-only) instead of
        # the whole sale_order table, and a salesman's rows are found lead by
        # lead. Dropped with the add-on's columns (is_offer, offer_id...) on
        # uninstallation.
        self.env.cr.execute(
            SQL(
                "CREATE INDEX IF NOT EXISTS %s ON sale_order (opportunity_id) "
                "INCLUDE (%s) WHERE %s",
                SQL.identifier(OFFER_INDEX),
                SQL(", ").join(SQL.identifier(name) for name in OFFER_INDEX_COLUMNS),
                SQL(self._offer_condition(alias=None)),
            )
        )
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                SQL(self._query()),
            )
        )
