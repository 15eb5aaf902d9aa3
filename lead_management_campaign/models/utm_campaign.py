# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import SQL

# the campaign's plan: set by sales managers (utm lets every internal user
# write campaigns, which leads, mailings and links create on the fly)
PLANNING_FIELDS = {
    "date_start",
    "date_end",
    "objective",
    "target_segment",
    "estimated_cost",
    "estimated_revenue",
}
# account.move types: their untaxed amount signed in the company currency
# (amount_untaxed_signed) is negative for bills and credit notes
COST_MOVE_TYPES = ("in_invoice", "in_refund")
REVENUE_MOVE_TYPES = ("out_invoice", "out_refund")


class UtmCampaign(models.Model):
    """Marketing campaigns: their plan (dates, objective, target segment,
    estimates) and their figures (actual costs, revenue, leads, ROI).

    The figures are computed for the whole recordset in a constant number of
    queries (one per kind of document, grouped by campaign and company), in
    the current company's currency. They are campaign totals: the documents
    of the user's allowed companies, whoever owns them (as stock sale's
    ``invoiced_amount``, computed as superuser), but only of the documents
    the user may read at all: without read access to invoices (or orders, or
    leads) the matching figures are 0.
    """

    _inherit = "utm.campaign"

    date_start = fields.Date(string="Start Date")
    date_end = fields.Date(string="End Date")
    objective = fields.Text()
    target_segment = fields.Char(
        help="Whom the campaign addresses, e.g. hotels in the north-east."
    )
    # sale defines it as the campaign's company currency: the figures are
    # in the current company's currency, whichever company made the campaign
    currency_id = fields.Many2one(
        related=None,
        compute="_compute_currency_id",
        string="Currency",
    )
    # the plan is read-only on the form for those who may not change it
    can_edit_plan = fields.Boolean(compute="_compute_can_edit_plan")
    estimated_cost = fields.Monetary(string="Estimated Costs")
    estimated_revenue = fields.Monetary()
    actual_cost = fields.Monetary(
        string="Actual Costs",
        compute="_compute_campaign_figures",
        help="Untaxed amount of the posted vendor bills of the campaign, less "
        "its vendor refunds.",
    )
    revenue_accepted = fields.Monetary(
        compute="_compute_campaign_figures",
        help="Untaxed amount of the confirmed sales orders of the campaign (an "
        "offer converted into an order counts once, as the order).",
    )
    revenue_invoiced = fields.Monetary(
        compute="_compute_campaign_figures",
        help="Untaxed amount of the posted customer invoices of the campaign, "
        "less its credit notes.",
    )
    lead_count = fields.Integer(
        string="Leads",
        compute="_compute_campaign_figures",
        help="Everything the campaign brought into the CRM: its leads and "
        "opportunities, archived and lost ones included (a lead converted "
        "into an opportunity still counts).",
    )
    opportunity_count = fields.Integer(
        string="Opportunities",
        compute="_compute_campaign_figures",
        help="Opportunities of the campaign, lost ones included.",
    )
    won_count = fields.Integer(
        string="Won",
        compute="_compute_campaign_figures",
        help="Active opportunities of the campaign in a won stage.",
    )
    cost_per_lead = fields.Monetary(
        compute="_compute_campaign_figures",
        help="Actual costs divided by the number of leads.",
    )
    roi = fields.Float(
        string="ROI",
        compute="_compute_campaign_figures",
        digits=(16, 4),
        help="Return on investment: (revenue invoiced - actual costs) / actual "
        "costs; 0 without costs.",
    )

    @api.depends_context("company")
    def _compute_currency_id(self):
        self.currency_id = self.env.company.currency_id

    @api.depends_context("uid")
    def _compute_can_edit_plan(self):
        self.can_edit_plan = self._is_campaign_planner()

    @api.depends_context("company", "allowed_company_ids", "uid")
    def _compute_campaign_figures(self):
        moves = self._get_campaign_move_amounts()
        orders = self._get_campaign_order_amounts()
        leads = self._get_campaign_lead_counts()
        for campaign in self:
            # bills are negative in amount_untaxed_signed (0.0 - : no -0.0)
            cost = 0.0 - moves[campaign.id, COST_MOVE_TYPES]
            invoiced = moves[campaign.id, REVENUE_MOVE_TYPES]
            counts = leads[campaign.id]
            campaign.actual_cost = cost
            campaign.revenue_accepted = orders[campaign.id]
            campaign.revenue_invoiced = invoiced
            campaign.lead_count = counts["lead"]
            campaign.opportunity_count = counts["opportunity"]
            campaign.won_count = counts["won"]
            campaign.cost_per_lead = cost / counts["lead"] if counts["lead"] else 0.0
            campaign.roi = (invoiced - cost) / cost if cost else 0.0

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for campaign in self:
            if (
                campaign.date_start
                and campaign.date_end
                and campaign.date_end < campaign.date_start
            ):
                raise ValidationError(
                    _(
                        "The campaign %(campaign)s ends before it starts.",
                        campaign=campaign.title,
                    )
                )

    @api.constrains("estimated_cost", "estimated_revenue")
    def _check_estimates(self):
        for campaign in self:
            if campaign.estimated_cost < 0 or campaign.estimated_revenue < 0:
                raise ValidationError(
                    _(
                        "The estimated costs and revenue of the campaign "
                        "%(campaign)s cannot be negative.",
                        campaign=campaign.title,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_planning_access(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_planning_access(vals)
        return super().write(vals)

    def action_view_revenue_invoices(self):
        """The posted customer invoices and credit notes behind *Revenue
        Invoiced* (sale's *Revenues* button mixes in the vendor bills)."""
        return self._action_view_campaign_moves(
            "account.action_move_out_invoice_type", REVENUE_MOVE_TYPES
        )

    def action_view_cost_bills(self):
        """The posted vendor bills and refunds behind *Actual Costs*."""
        return self._action_view_campaign_moves(
            "account.action_move_in_invoice_type", COST_MOVE_TYPES
        )

    def _action_view_campaign_moves(self, xmlid, move_types):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [
            ("campaign_id", "=", self.id),
            ("state", "=", "posted"),
            ("move_type", "in", move_types),
        ]
        action["context"] = {"create": False, "default_campaign_id": self.id}
        return action

    @api.model
    def _check_planning_access(self, vals):
        """Only sales managers plan campaigns (dates, objective, segment,
        estimates); every user may still create and tag campaigns, as utm
        allows."""
        if PLANNING_FIELDS & set(vals) and not self._is_campaign_planner():
            raise AccessError(_("Only sales managers can plan marketing campaigns."))

    @api.model
    def _is_campaign_planner(self):
        return self.env.su or self.env.user.has_group("sales_team.group_sale_manager")

    # ------------------------------------------------------------------
    # Figures: one query per kind of document for all the campaigns
    # ------------------------------------------------------------------

    def _get_campaign_figure_model(self, model_name):
        """The model ``model_name`` as superuser if the user may read it,
        else ``None``: the figures are campaign totals (the documents of the
        allowed companies, whoever owns them) but never show what the user
        has no right to read at all."""
        model = self.env[model_name]
        if not model.has_access("read"):
            return None
        # campaign totals, not filtered by the personal record rules; the
        # company filter is explicit in every domain
        return model.sudo()

    def _convert_company_amounts(self, amounts_by_company):
        """Sum amounts given in their company's currency into the current
        company's currency (today's rate: each amount already is at its
        document's date in its company's currency)."""
        target = self.env.company.currency_id
        today = fields.Date.context_today(self)
        total = 0.0
        for company, amount in amounts_by_company.items():
            if company.currency_id != target:
                amount = company.currency_id._convert(
                    amount, target, self.env.company, today, round=False
                )
            total += amount
        return target.round(total)

    def _get_campaign_move_amounts(self):
        """{(campaign id, move types): untaxed amount in the company currency,
        signed (bills and credit notes negative)} of the posted moves."""
        result = defaultdict(float)
        Move = self._get_campaign_figure_model("account.move")
        if Move is None or not self.ids:
            return result
        groups = Move._read_group(
            [
                ("campaign_id", "in", self.ids),
                ("state", "=", "posted"),
                ("move_type", "in", COST_MOVE_TYPES + REVENUE_MOVE_TYPES),
                ("company_id", "in", self.env.companies.ids),
            ],
            ["campaign_id", "move_type", "company_id"],
            ["amount_untaxed_signed:sum"],
        )
        amounts = defaultdict(lambda: defaultdict(float))
        for campaign, move_type, company, amount in groups:
            kind = (
                COST_MOVE_TYPES if move_type in COST_MOVE_TYPES else REVENUE_MOVE_TYPES
            )
            amounts[campaign.id, kind][company] += amount
        for key, by_company in amounts.items():
            result[key] = self._convert_company_amounts(by_company)
        return result

    def _get_campaign_order_amounts(self):
        """{campaign id: untaxed amount of the confirmed orders in the company
        currency}.

        Confirmed orders are those in state *sale*: an offer converted into a
        separate order is cancelled (``offer_state`` *converted*) and only its
        order counts (the order carries the offer's campaign: it is copied from
        the offer); an
        offer confirmed in place is itself the order. ``amount_untaxed`` is in
        the order's currency; ``currency_rate`` is the rate at the order date
        from the company currency, so the division gives the company amount.
        """
        result = defaultdict(float)
        Order = self._get_campaign_figure_model("sale.order")
        if Order is None or not self.ids:
            return result
        Order.flush_model(
            ["campaign_id", "company_id", "state", "amount_untaxed", "currency_rate"]
        )
        query = Order._search(
            [
                ("campaign_id", "in", self.ids),
                ("state", "=", "sale"),
                ("company_id", "in", self.env.companies.ids),
            ]
        )
        campaign_sql = SQL.identifier(Order._table, "campaign_id")
        company_sql = SQL.identifier(Order._table, "company_id")
        query.groupby = SQL("%s, %s", campaign_sql, company_sql)
        self.env.cr.execute(
            query.select(
                campaign_sql,
                company_sql,
                SQL(
                    "SUM(%s / COALESCE(NULLIF(%s, 0), 1))",
                    SQL.identifier(Order._table, "amount_untaxed"),
                    SQL.identifier(Order._table, "currency_rate"),
                ),
            )
        )
        amounts = defaultdict(lambda: defaultdict(float))
        Company = self.env["res.company"]
        for campaign_id, company_id, amount in self.env.cr.fetchall():
            amounts[campaign_id][Company.browse(company_id)] += amount
        for campaign_id, by_company in amounts.items():
            result[campaign_id] = self._convert_company_amounts(by_company)
        return result

    def _get_campaign_lead_counts(self):
        """{campaign id: {"lead": n, "opportunity": n, "won": n}}, archived
        leads and opportunities included (lost ones were brought by the
        campaign too, and crm's own campaign counter counts them); won: the
        active opportunities in a won stage, as crm's Won filter."""
        result = defaultdict(lambda: defaultdict(int))
        Lead = self._get_campaign_figure_model("crm.lead")
        if Lead is None or not self.ids:
            return result
        groups = Lead.with_context(active_test=False)._read_group(
            [
                ("campaign_id", "in", self.ids),
                "|",
                ("company_id", "=", False),
                ("company_id", "in", self.env.companies.ids),
            ],
            ["campaign_id", "type", "stage_id", "active"],
            ["__count"],
        )
        for campaign, lead_type, stage, active, count in groups:
            # cost per lead divides by all of them: a lead converted into an
            # opportunity was still brought by the campaign
            result[campaign.id]["lead"] += count
            if lead_type == "opportunity":
                result[campaign.id]["opportunity"] += count
            if lead_type == "opportunity" and active and stage.is_won:
                result[campaign.id]["won"] += count
        return result
