# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark of the reports at 100 000 leads (not a test).

Measures what users wait for, as the web client asks for it, each beside the
stock equivalent on ``sale.order`` (or ``crm.lead``) in the same run, with
record rules applied, as a sales manager and as a salesman limited to his own
documents:

- the first page of a list (``web_search_read``: 80 rows of the list view's
  fields, the many2one names, the count up to 10 001) — traceability list vs
  Sales > Orders;
- the exact count (``search_count``, the pager's "10000+" clicked);
- 80 rows read by id (``read``: what exports, forms and reports do);
- the default pivot (the ``read_group`` calls the pivot view makes for its
  rows × columns: totals, rows, columns, cells) — traceability pivot vs the
  sales order pivot (month × salesperson);
- the traceability print: the HTML of the largest selection the company lets
  users print, and the answer above it;
- the Leads Weekly / Monthly pivots and the opportunity analysis views
  (``read_group`` on ``crm.lead``), beside the stock Pipeline Analysis.

Data: --leads opportunities (default 100 000) of one company, spread over
--salespeople salespeople, each lead with three sales documents (an offer
converted into a separate order, the order, a draft offer): 300 000 documents
at 100 000 leads. They are bulk-inserted in SQL the first time and committed,
so later runs (after an upgrade of the add-on) reuse them::

    source scripts/setup.sh
    "$PYTHON" -m odoo -c "$ODOO_RC" -d lm_trace_bench -i lead_management \\
        --without-demo=all --stop-after-init
    "$PYTHON" benchmarks/bench_traceability.py -d lm_trace_bench

Each figure is the best of --repeat runs on cold ORM caches (warm database
caches, as for a user who opens the same menu twice); the measured calls run
in a transaction that is rolled back. Measure once autovacuum has passed over
freshly inserted data (within a minute or two), as it has on a live
database: the traceability's index-only scans need the visibility map.
"""

import argparse
import os
import time

from lxml import etree

import odoo
from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.tools import SQL, config
from odoo.tools.safe_eval import safe_eval

REPORT = "lead_management.action_report_crm_lead_traceability"
COMPANY = "Bench company"
CHUNK = 10000
STOCK_ORDERS_DOMAIN = [("state", "not in", ("draft", "sent", "cancel"))]


def insert_leads(env, company, partner, users, stages, sources, first, last):
    """Insert leads first..last and their three sales documents in SQL."""
    cr = env.cr
    cr.execute(
        SQL(
            """
            INSERT INTO crm_lead (name, type, active, company_id, partner_id,
                user_id, stage_id, source_id, lead_number, probability,
                expected_revenue, date_deadline, create_date, write_date,
                create_uid, write_uid)
            SELECT 'Bench lead ' || n, 'opportunity', true, %(company)s,
                %(partner)s, (%(users)s)[1 + mod(n, %(n_users)s)],
                (%(stages)s)[1 + mod(n, %(n_stages)s)],
                (%(sources)s)[1 + mod(n, %(n_sources)s)],
                'BENCH/' || lpad(n::text, 6, '0'), 10, 1000 + mod(n, 1000),
                (now() + mod(n, 365) * interval '1 day')::date,
                now() - n * interval '5 minutes', now(), 1, 1
            FROM generate_series(%(first)s, %(last)s) n
            RETURNING id
            """,
            company=company.id,
            partner=partner.id,
            users=users.ids,
            n_users=len(users),
            stages=stages.ids,
            n_stages=len(stages),
            sources=sources.ids,
            n_sources=len(sources),
            first=first,
            last=last,
        )
    )
    lead_ids = [row[0] for row in cr.fetchall()]
    values = {
        "leads": lead_ids,
        "company": company.id,
        "partner": partner.id,
        "currency": company.currency_id.id,
    }
    columns = SQL(
        """name, company_id, partner_id, partner_invoice_id,
        partner_shipping_id, user_id, currency_id, currency_rate, create_uid,
        write_uid, opportunity_id, is_offer, offer_number, state, date_order,
        create_date, write_date, amount_untaxed, amount_tax, amount_total"""
    )
    common = SQL(
        """%(company)s, %(partner)s, %(partner)s, %(partner)s, l.user_id,
        %(currency)s, 1.0, 1, 1, l.id""",
        **values,
    )
    leads = SQL("crm_lead l WHERE l.id = ANY(%s)", lead_ids)
    # orders, then the offers converted into them, then draft offers
    cr.execute(
        SQL(
            """
            WITH orders AS (
                INSERT INTO sale_order (%(columns)s)
                SELECT 'SB' || l.id, %(common)s, false, 'OFB-A' || l.id,
                    'sale', l.create_date + interval '3 days',
                    l.create_date + interval '3 days', now(),
                    1000 + mod(l.id, 100), 190, 1190 + mod(l.id, 100)
                FROM %(leads)s
                RETURNING id, opportunity_id
            ), offers AS (
                INSERT INTO sale_order (%(columns)s, converted_order_id)
                SELECT 'OFB-A' || l.id, %(common)s, true, 'OFB-A' || l.id,
                    'converted', l.create_date + interval '1 day',
                    l.create_date + interval '1 day', now(),
                    1000 + mod(l.id, 100), 190, 1190 + mod(l.id, 100), o.id
                FROM orders o JOIN crm_lead l ON l.id = o.opportunity_id
                RETURNING id, converted_order_id
            )
            UPDATE sale_order o SET offer_id = f.id
            FROM offers f WHERE f.converted_order_id = o.id
            """,
            columns=columns,
            common=common,
            leads=leads,
        )
    )
    cr.execute(
        SQL(
            """
            INSERT INTO sale_order (%(columns)s)
            SELECT 'OFB-B' || l.id, %(common)s, true, 'OFB-B' || l.id, 'draft',
                l.create_date + interval '2 days',
                l.create_date + interval '2 days', now(), 500, 95, 595
            FROM %(leads)s
            """,
            columns=columns,
            common=common,
            leads=leads,
        )
    )
    return lead_ids


def ensure_data(env, leads, salespeople):
    """The bench company, its manager and salespeople, and ``leads`` leads
    with their documents: created where missing, committed chunk by chunk."""
    company = env["res.company"].search([("name", "=", COMPANY)], limit=1)
    if not company:
        company = env["res.company"].create({"name": COMPANY})
    users = env["res.users"].with_context(no_reset_password=True)

    def user(login, group):
        found = users.search([("login", "=", login)])
        return found or users.create(
            {
                "name": login.replace("_", " ").title(),
                "login": login,
                "company_id": company.id,
                "company_ids": [(6, 0, company.ids)],
                "groups_id": [(6, 0, env.ref(group).ids)],
            }
        )

    manager = user("bench_manager", "sales_team.group_sale_manager")
    sellers = users.browse()
    for number in range(1, salespeople + 1):
        sellers |= user(f"bench_salesman_{number}", "sales_team.group_sale_salesman")
    partner = env["res.partner"].search([("name", "=", "Bench customer")], limit=1)
    partner = partner or env["res.partner"].create({"name": "Bench customer"})
    sources = env["utm.source"].search([("name", "like", "Bench source")])
    if not sources:
        sources = env["utm.source"].create(
            [{"name": f"Bench source {n}"} for n in range(1, 6)]
        )
    stages = env["crm.stage"].search([])
    env.cr.commit()
    env.cr.execute(
        SQL(
            "SELECT count(*) FROM crm_lead WHERE company_id = %s AND name LIKE %s",
            company.id,
            "Bench lead %",
        )
    )
    existing = env.cr.fetchone()[0]
    if existing < leads:
        start = time.perf_counter()
        for first in range(existing + 1, leads + 1, CHUNK):
            last = min(first + CHUNK - 1, leads)
            insert_leads(env, company, partner, sellers, stages, sources, first, last)
            env.cr.commit()
            print(f"  inserted leads {first}..{last}", flush=True)
        env.cr.execute("ANALYZE crm_lead; ANALYZE sale_order")
        env.cr.commit()
        print(f"  data inserted in {time.perf_counter() - start:.0f} s", flush=True)
    env.invalidate_all()
    return company, manager, sellers[0]


def measure(env, function, repeat):
    """(seconds, queries) of ``function()``: the best of ``repeat`` runs on
    cold ORM caches, after a first run that warms the caches of rules, views
    and compiled templates."""
    if not repeat:
        queries = env.cr.sql_log_count
        start = time.perf_counter()
        function()
        return time.perf_counter() - start, env.cr.sql_log_count - queries
    function()
    best = None
    for _run in range(repeat):
        env.invalidate_all()
        queries = env.cr.sql_log_count
        start = time.perf_counter()
        function()
        seconds = time.perf_counter() - start
        if best is None or seconds < best[0]:
            best = (seconds, env.cr.sql_log_count - queries)
    return best


def list_spec(model, view_xmlid):
    """The ``web_search_read`` specification of a list view, as the web
    client sends it: its visible fields, many2one with their names."""
    view = model.env.ref(view_xmlid)
    arch = etree.fromstring(model.get_view(view.id, "list")["arch"])
    spec = {}
    for node in arch.xpath("/list/field"):
        name = node.get("name")
        if node.get("column_invisible") in ("1", "True") and name != "currency_id":
            continue
        field = model._fields[name]
        spec[name] = (
            {"fields": {"display_name": {}}} if field.type == "many2one" else {}
        )
    return spec


def list_page(model, spec, domain):
    """The first page of a list view as the web client loads it."""
    return lambda: model.web_search_read(
        domain, spec, offset=0, limit=80, count_limit=10001
    )


def pivot(model, domain, rows, cols, measures):
    """The ``read_group`` calls of a pivot view's first load: one per pair
    of a prefix of its row groupbys and a prefix of its column groupbys."""

    def load():
        for r in range(len(rows) + 1):
            for c in range(len(cols) + 1):
                model.read_group(domain, measures, rows[:r] + cols[:c], lazy=False)

    return load


def graph(model, domain, groupby, measure):
    """The ``read_group`` of a graph view."""
    return lambda: model.read_group(domain, [measure], groupby, lazy=False)


def search_filter_domain(env, view_xmlid, names):
    """The domain of the named filters of a search view (ANDed)."""
    view = env.ref(view_xmlid)
    arch = etree.fromstring(view.get_combined_arch())
    domain = []
    for name in names:
        node = arch.xpath(f"//filter[@name='{name}']")[0]
        domain += safe_eval(node.get("domain"), {"uid": env.uid})
    return domain


class Table:
    """Prints measured operations, each with its ratio to its baseline."""

    def __init__(self, env, repeat):
        self.env, self.repeat = env, repeat
        if repeat:
            print(f"{'':58}{'wall time':>11}{'queries':>8}{'ratio':>8}")

    def row(self, label, function, baseline=None):
        seconds, queries = measure(self.env, function, self.repeat)
        ratio = f"{seconds / baseline:7.1f}x" if baseline else f"{'':8}"
        print(f"{label:58}{seconds * 1000:8.0f} ms{queries:8d}{ratio}", flush=True)
        return seconds


def run_role(env, title, user, company, repeat):
    as_user = env(user=user, context={"allowed_company_ids": company.ids})
    view = as_user["crm.lead.traceability.report"]
    orders = as_user["sale.order"]
    view_spec = list_spec(
        view, "lead_management.crm_lead_traceability_report_view_list"
    )
    order_spec = list_spec(orders, "sale.view_order_tree")
    rows = view.search_count([])
    documents = orders.search_count([])
    print(f"\n-- as {title}: {rows} traceability rows, {documents} sales documents")
    table = Table(env, repeat)
    base = table.row(
        "Sales > Orders list, first page (stock)",
        list_page(orders, order_spec, STOCK_ORDERS_DOMAIN),
    )
    table.row("traceability list, first page", list_page(view, view_spec, []), base)
    base = table.row(
        "Sales > Orders count (stock)", lambda: orders.search_count(STOCK_ORDERS_DOMAIN)
    )
    table.row("traceability count", lambda: view.search_count([]), base)
    order_ids = orders.search(STOCK_ORDERS_DOMAIN, limit=80).ids
    row_ids = view.search([], limit=80).ids
    base = table.row(
        "80 sales orders read by id (stock)",
        lambda: orders.browse(order_ids).read(list(order_spec)),
    )
    table.row(
        "80 traceability rows read by id",
        lambda: view.browse(row_ids).read(list(view_spec)),
        base,
    )
    base = table.row(
        "sales order pivot, month x salesperson (stock)",
        pivot(
            orders,
            STOCK_ORDERS_DOMAIN,
            ["date_order:month"],
            ["user_id"],
            ["amount_total:sum", "__count"],
        ),
    )
    table.row(
        "traceability pivot, salesperson x offer status",
        pivot(
            view,
            [],
            ["user_id"],
            ["offer_state"],
            ["offer_count:sum", "offer_amount_untaxed:sum", "__count"],
        ),
        base,
    )
    table.row(
        "traceability pivot, salesperson x offer month",
        pivot(
            view,
            [],
            ["user_id"],
            ["offer_date:month"],
            ["offer_amount_untaxed:sum", "__count"],
        ),
        base,
    )
    return as_user


def run_print(as_user, company, repeat):
    """The HTML preview of a selection at the print limit, and of one ten
    times larger (measured once: before the limit existed it rendered)."""
    env = as_user
    view = env["crm.lead.traceability.report"]
    limit = company._fields.get("traceability_print_limit") and (
        company.traceability_print_limit
    )
    limit = limit or 2000
    leads = view.search([]).lead_id
    wizards = env["crm.lead.traceability.wizard"].create(
        [
            {"lead_ids": [(6, 0, leads.ids[: limit // 2])]},
            {"lead_ids": [(6, 0, leads.ids[: 5 * limit])]},
        ]
    )
    reports = env["ir.actions.report"]
    print(f"\n-- print (as manager; print limit {limit} rows)")
    table = Table(env, repeat)
    rows = view.search_count(wizards[0]._get_report_domain())
    table.row(
        f"traceability HTML, {rows} rows",
        lambda: reports._render_qweb_html(REPORT, wizards[0].ids),
    )
    rows = view.search_count(wizards[1]._get_report_domain())
    answer = []

    def large():
        try:
            html = reports._render_qweb_html(REPORT, wizards[1].ids)[0]
            answer.append(f"rendered, {len(html) // 1024} KiB")
        except UserError as error:
            answer.append(str(error))

    Table(env, 0).row(f"traceability HTML, {rows} rows (once)", large)
    print(f"  answer: {answer[-1][:300]!r}")


def run_lead_reports(env, manager, company, repeat):
    as_user = env(
        user=manager,
        context={"allowed_company_ids": company.ids, "tz": "Europe/Bucharest"},
    )
    leads = as_user["crm.lead"]
    all_leads = leads.with_context(active_test=False)
    search = "crm.crm_opportunity_report_view_search"
    print(f"\n-- lead reports (as manager; {all_leads.search_count([])} leads)")
    table = Table(env, repeat)
    opportunities = search_filter_domain(env, search, ["filter_opportunity"])
    base = table.row(
        "CRM Pipeline Analysis pivot, stage x month (stock)",
        pivot(
            leads,
            opportunities,
            ["stage_id"],
            ["create_date:month"],
            ["prorated_revenue:sum", "__count"],
        ),
    )
    table.row(
        "Leads Weekly pivot, week x source",
        pivot(all_leads, [], ["create_date:week"], ["source_id"], ["__count"]),
        base,
    )
    table.row(
        "Leads Monthly pivot, month x stage x source",
        pivot(
            all_leads,
            [],
            ["create_date:month", "stage_id"],
            ["source_id"],
            ["__count"],
        ),
        base,
    )
    base = table.row(
        "CRM Pipeline Analysis graph, by stage (stock)",
        graph(leads, opportunities, ["stage_id"], "prorated_revenue:sum"),
    )
    for label, filters, groupby, measure in (
        ("by stage", ["filter_opportunity"], ["stage_id"], "expected_revenue:sum"),
        ("won, by salesperson", ["won"], ["user_id"], "expected_revenue:sum"),
        ("lost, by reason", ["lost"], ["lost_reason_id"], "__count"),
        ("by source", ["filter_opportunity"], ["source_id"], "expected_revenue:sum"),
        ("by type", ["filter_opportunity"], ["lead_type_id"], "expected_revenue:sum"),
        (
            "outlook, by expected closing",
            ["filter_opportunity", "filter_open"],
            ["date_deadline:month"],
            "expected_revenue:sum",
        ),
    ):
        domain = search_filter_domain(env, search, filters)
        model = all_leads if filters == ["lost"] else leads
        table.row(
            f"Opportunity analysis {label}",
            graph(model, domain, groupby, measure),
            base,
        )

    def stuck():
        # the Stuck analysis' window action: its domain is on is_stuck
        leads.read_group(
            [("is_stuck", "=", True)], ["__count"], ["stage_id"], lazy=False
        )

    table.row("Opportunity analysis stuck, by stage", stuck, base)


def run(env, args):
    company, manager, salesman = ensure_data(env, args.leads, args.salespeople)
    print(
        f"== {args.leads} leads, {3 * args.leads} sales documents, "
        f"{args.salespeople} salespeople; best of {args.repeat}"
    )
    parts = args.only or ["lists", "print", "leads"]
    if "lists" in parts:
        run_role(env, "sales manager", manager, company, args.repeat)
        run_role(env, "salesman (own documents)", salesman, company, args.repeat)
    if "print" in parts:
        as_manager = env(user=manager, context={"allowed_company_ids": company.ids})
        run_print(as_manager, company, args.repeat)
    if "leads" in parts:
        run_lead_reports(env, manager, company, args.repeat)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("-c", "--config", default=os.environ.get("ODOO_RC"))
    parser.add_argument("--leads", type=int, default=100000)
    parser.add_argument("--salespeople", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", action="append", choices=["lists", "print", "leads"])
    args = parser.parse_args()
    config.parse_config(["-c", args.config, "-d", args.database])
    odoo.service.server.load_server_wide_modules()
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        try:
            run(env, args)
        finally:
            cr.rollback()


if __name__ == "__main__":
    main()
