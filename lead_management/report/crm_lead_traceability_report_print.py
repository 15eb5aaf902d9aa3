# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import ast
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import get_lang

from odoo.addons.base.models.res_lang import intersperse

AMOUNTS = (
    "offer_amount_untaxed",
    "offer_amount_total",
    "order_amount_untaxed",
    "order_amount_total",
)


class ReportCrmLeadTraceability(models.AbstractModel):
    """Traceability PDF/HTML printed from the wizard (docids: wizards).

    The rows are read once, under the user's record rules, with a constant
    number of queries, and every value is formatted here (amounts with the
    currency symbol, dates in the user's time zone and language): the
    template only prints strings. Formatting with QWeb's widgets, cell by
    cell, took three quarters of the rendering time of a large report, and
    ``odoo.tools.misc.formatLang`` costs about 60 µs a call here against 6 µs
    for ``_get_formatters``'s (measured on 20 000 amounts); a test checks
    that both give the same strings.

    A selection larger than the company's "max rows to print" is refused
    with a message naming its size (``_check_print_limit``): 20 000 rows
    made 45 MB of HTML that no browser or printer wants. The rows stay one
    click away in the list and pivot (Show), and export.
    """

    _name = "report.lead_management.report_crm_lead_traceability"
    _description = "Lead – Offer – Order Traceability Report"

    @api.model
    def _get_rows_domain(self, docids, data=None):
        wizard = self.env["crm.lead.traceability.wizard"].browse(docids)[:1]
        return wizard._get_report_domain() if wizard else [("id", "=", 0)]

    @api.model
    def _check_print_limit(self, domain):
        """Raise a UserError when the rows of ``domain`` are more than the
        current company's print limit."""
        rows = self.env["crm.lead.traceability.report"]
        limit = self.env.company.traceability_print_limit
        # counting stops past the limit: a huge selection costs no more
        if rows.search_count(domain, limit=limit + 1) <= limit:
            return
        raise UserError(
            _(
                "This selection has %(count)s rows, more than the %(limit)s "
                "rows the traceability report prints (Settings > CRM). Narrow "
                "the filters, or click Show to see these rows in a list or "
                "pivot, from where you can also export them.",
                count=rows.search_count(domain),
                limit=limit,
            )
        )

    @api.model
    def _get_report_values(self, docids, data=None):
        domain = self._get_rows_domain(docids, data)
        self._check_print_limit(domain)
        rows = self.env["crm.lead.traceability.report"].search_fetch(
            domain,
            [
                "lead_id",
                "lead_number",
                "lead_name",
                "partner_id",
                "user_id",
                "lead_type_id",
                "stage_id",
                "company_id",
                "currency_id",
                "offer_id",
                "offer_number",
                "offer_date",
                "offer_state",
                "order_number",
                "order_date",
                "order_state",
                "days_to_order",
                *AMOUNTS,
            ],
        )
        # the header is that of the rows' company when they have only one
        companies = rows.company_id
        return {
            "doc_ids": docids,
            "doc_model": "crm.lead.traceability.report",
            "docs": rows,
            "groups": self._group_rows(rows),
            "totals": self._totals(rows),
            "company": companies if len(companies) == 1 else self.env.company,
            "print_date": fields.Datetime.now(),
            "wizard": self._get_wizard(docids),
        }

    @api.model
    def _get_wizard(self, docids):
        """The wizard whose period and filters print under the title."""
        return self.env["crm.lead.traceability.wizard"].browse(docids)[:1]

    @api.model
    def _local_date(self, value):
        return value and fields.Datetime.context_timestamp(self, value).date()

    @api.model
    def _group_rows(self, rows):
        """The rows grouped by lead, in the report's order, with subtotals."""
        offer_states = dict(
            rows._fields["offer_state"]._description_selection(self.env)
        )
        order_states = dict(
            rows._fields["order_state"]._description_selection(self.env)
        )
        money, day = self._get_formatters()
        groups = {}
        for row in rows:
            group = groups.get(row.lead_id.id)
            if group is None:
                group = groups[row.lead_id.id] = {
                    "lead_number": row.lead_number,
                    "lead_name": row.lead_name,
                    "partner": row.partner_id.display_name or "",
                    "user": row.user_id.name or "",
                    "lead_type": row.lead_type_id.name or "",
                    "stage": row.stage_id.name or "",
                    # a lead (not yet an opportunity) cannot have offers
                    "is_lead": row.lead_type == "lead",
                    "company": row.company_id.name or "",
                    "currency": row.currency_id,
                    "lines": [],
                    "offer_count": 0,
                    "order_count": 0,
                    **dict.fromkeys(AMOUNTS, 0.0),
                }
            if not row.offer_id:
                continue
            group["lines"].append(
                {
                    "offer_number": row.offer_number,
                    "offer_date": day(row.offer_date),
                    "offer_state": offer_states.get(row.offer_state, ""),
                    "order_number": row.order_number or "",
                    "order_date": day(row.order_date),
                    "order_state": order_states.get(row.order_state, ""),
                    "days_to_order": row.days_to_order if row.order_number else "",
                    "offer_amount_untaxed": money(
                        row.offer_amount_untaxed, row.currency_id
                    ),
                    "offer_amount_total": money(
                        row.offer_amount_total, row.currency_id
                    ),
                    "order_amount_untaxed": row.order_number
                    and money(row.order_amount_untaxed, row.currency_id),
                    "order_amount_total": row.order_number
                    and money(row.order_amount_total, row.currency_id),
                }
            )
            group["offer_count"] += 1
            group["order_count"] += bool(row.order_number)
            for name in AMOUNTS:
                group[name] += row[name]
        for group in groups.values():
            for name in AMOUNTS:
                group[name] = money(group[name], group["currency"])
        return list(groups.values())

    @api.model
    def _get_formatters(self):
        """Fast formatters of amounts (with currency symbol) and of dates
        (in the user's time zone), in the user's language, as QWeb's
        monetary and date widgets format them."""
        lang = get_lang(self.env)
        grouping = ast.literal_eval(lang.grouping)
        thousands_sep, decimal_point = lang.thousands_sep or "", lang.decimal_point
        date_format = lang.date_format

        def money(value, currency):
            if not currency:
                return ""
            digits = currency.decimal_places
            integer, _point, decimals = f"{currency.round(value):.{digits}f}".partition(
                "."
            )
            integer = intersperse(integer, grouping, thousands_sep)[0]
            amount = f"{integer}{decimal_point}{decimals}" if decimals else integer
            if currency.position == "before":
                return f"{currency.symbol}\N{NO-BREAK SPACE}{amount}"
            return f"{amount}\N{NO-BREAK SPACE}{currency.symbol}"

        dates = {}

        def day(value):
            if not value:
                return ""
            local = self._local_date(value)
            if local not in dates:
                dates[local] = local.strftime(date_format)
            return dates[local]

        return money, day

    @api.model
    def _totals(self, rows):
        """Totals per currency (companies may keep their books in others)."""
        totals = defaultdict(
            lambda: {
                "lead_ids": set(),
                "offer_count": 0,
                "order_count": 0,
                **dict.fromkeys(AMOUNTS, 0.0),
            }
        )
        for row in rows:
            # a lead without a company has no currency, and no offer: it
            # counts with the current company's, not on a line of its own
            total = totals[row.currency_id or self.env.company.currency_id]
            total["lead_ids"].add(row.lead_id.id)
            total["offer_count"] += bool(row.offer_id)
            total["order_count"] += bool(row.order_number)
            for name in AMOUNTS:
                total[name] += row[name]
        money, _day = self._get_formatters()
        return [
            {
                "currency": currency,
                "lead_count": len(total.pop("lead_ids")),
                **total,
                **{name: money(total[name], currency) for name in AMOUNTS},
            }
            for currency, total in totals.items()
        ]


class ReportCrmLeadTraceabilityLead(models.AbstractModel):
    """The same report printed from leads (docids: leads)."""

    _name = "report.lead_management.report_crm_lead_traceability_lead"
    _inherit = "report.lead_management.report_crm_lead_traceability"
    _description = "Lead – Offer – Order Traceability Report (from leads)"

    @api.model
    def _get_rows_domain(self, docids, data=None):
        return [("lead_id", "in", list(docids or []))]

    @api.model
    def _get_wizard(self, docids):
        return self.env["crm.lead.traceability.wizard"]
