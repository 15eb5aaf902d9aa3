# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark of the Lead – Offer – Order traceability (not a test).

Bulk-inserts leads (and per lead: an offer converted into a separate order,
the order, and a draft offer: 3 sales documents per lead) into a new
company, then measures, as a sales manager of that company (record rules
applied):

- the SQL view read: ``search_read`` on ``crm.lead.traceability.report``
  of the company's rows, with the fields of its list view;
- the HTML report render of the same rows (``_render_qweb_html`` of the
  wizard's report);
- a plain ``search_read`` of the same rows on ``sale.order`` (the offers,
  one per row, with their own fields) as the baseline;

at 1 000 leads and again at 10 000 leads, printing wall time, number of SQL
queries and the ratio to the baseline. Everything runs in one transaction
that is rolled back: the database is left as it was.

    source scripts/setup.sh
    "$PYTHON" -m odoo -c "$ODOO_RC" -d lm_reports_bench -i lead_management \\
        --without-demo=all --stop-after-init
    "$PYTHON" benchmarks/bench_traceability.py -d lm_reports_bench
"""

import argparse
import os
import time

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tools import config

REPORT = "lead_management.action_report_crm_lead_traceability"
VIEW_FIELDS = [
    "lead_number",
    "lead_name",
    "partner_id",
    "user_id",
    "team_id",
    "lead_type_id",
    "stage_id",
    "company_id",
    "currency_id",
    "offer_number",
    "offer_date",
    "offer_amount_untaxed",
    "offer_amount_total",
    "offer_state",
    "order_number",
    "order_date",
    "order_amount_untaxed",
    "order_amount_total",
    "order_state",
    "days_to_order",
]
ORDER_FIELDS = [
    "name",
    "partner_id",
    "user_id",
    "team_id",
    "company_id",
    "currency_id",
    "create_date",
    "date_order",
    "amount_untaxed",
    "amount_total",
    "state",
    "opportunity_id",
    "converted_order_id",
]


def insert_leads(env, company, partner, user, stage, first, last):
    """Insert leads first..last and their three sales documents in SQL."""
    cr = env.cr
    cr.execute(
        """
        INSERT INTO crm_lead (name, type, active, company_id, partner_id,
            user_id, stage_id, lead_number, probability, create_date,
            write_date, create_uid, write_uid)
        SELECT 'Bench lead ' || n, 'opportunity', true, %(company)s,
            %(partner)s, %(user)s, %(stage)s, 'BENCH/' || lpad(n::text, 6, '0'),
            10, now() - n * interval '1 minute', now(), 1, 1
        FROM generate_series(%(first)s, %(last)s) n
        RETURNING id
        """,
        dict(
            company=company.id,
            partner=partner.id,
            user=user.id,
            stage=stage.id,
            first=first,
            last=last,
        ),
    )
    lead_ids = [row[0] for row in cr.fetchall()]
    values = dict(
        leads=lead_ids,
        company=company.id,
        partner=partner.id,
        user=user.id,
        currency=company.currency_id.id,
    )
    common = """%(company)s, %(partner)s, %(partner)s, %(partner)s,
        %(user)s, %(currency)s, 1.0, 1, 1"""
    columns = """name, company_id, partner_id, partner_invoice_id,
        partner_shipping_id, user_id, currency_id, currency_rate, create_uid,
        write_uid, opportunity_id, is_offer, offer_number, state, date_order,
        create_date, write_date, amount_untaxed, amount_tax, amount_total"""
    # orders, then the offers converted into them, then draft offers
    cr.execute(
        f"""
        INSERT INTO sale_order ({columns})
        SELECT 'SB' || l, {common}, l, false, 'OFB-A' || l, 'sale',
            now() - interval '1 day', now() - interval '1 day', now(),
            1000 + mod(l, 100), 190, 1190 + mod(l, 100)
        FROM unnest(%(leads)s) l;
        INSERT INTO sale_order ({columns}, converted_order_id)
        SELECT 'OFB-A' || l, {common}, l, true, 'OFB-A' || l, 'converted',
            now() - interval '4 days', now() - interval '4 days', now(),
            1000 + mod(l, 100), 190, 1190 + mod(l, 100), o.id
        FROM unnest(%(leads)s) l
        JOIN sale_order o ON o.name = 'SB' || l;
        UPDATE sale_order o SET offer_id = f.id
        FROM sale_order f
        WHERE f.converted_order_id = o.id AND o.opportunity_id = ANY(%(leads)s);
        INSERT INTO sale_order ({columns})
        SELECT 'OFB-B' || l, {common}, l, true, 'OFB-B' || l, 'draft',
            now() - interval '2 days', now() - interval '2 days', now(),
            500, 95, 595
        FROM unnest(%(leads)s) l;
        """,
        values,
    )
    env.invalidate_all()
    return lead_ids


def measure(env, function):
    """(seconds, queries, result) of ``function()`` on cold caches."""
    env.invalidate_all()
    start_queries = env.cr.sql_log_count
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, env.cr.sql_log_count - start_queries, result


def run(env):
    company = env["res.company"].create({"name": "Bench company"})
    partner = env["res.partner"].create({"name": "Bench customer"})
    manager = (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            {
                "name": "Bench manager",
                "login": "bench_manager",
                "company_id": company.id,
                "company_ids": [(6, 0, company.ids)],
                "groups_id": [(6, 0, env.ref("sales_team.group_sale_manager").ids)],
            }
        )
    )
    stage = env["crm.stage"].search([], limit=1)
    env.flush_all()
    as_manager = env(user=manager, context={"allowed_company_ids": company.ids})
    domain = [("company_id", "=", company.id)]
    wizard = as_manager["crm.lead.traceability.wizard"].create(
        {"company_id": company.id}
    )
    reports = as_manager["ir.actions.report"]
    view = as_manager["crm.lead.traceability.report"]
    orders = as_manager["sale.order"]
    offer_domain = [*domain, ("is_offer", "=", True)]

    inserted = 0
    for leads in (1000, 10000):
        start = time.perf_counter()
        insert_leads(env, company, partner, manager, stage, inserted + 1, leads)
        env.flush_all()
        env.cr.execute("ANALYZE crm_lead; ANALYZE sale_order")
        inserted = leads
        print(
            f"\n== {leads} leads, {3 * leads} offers/orders "
            f"(inserted in {time.perf_counter() - start:.1f} s)"
        )
        # warm-up: compiled templates, ir.rule and access caches
        view.search_read(domain, VIEW_FIELDS, limit=1)
        orders.search_read(offer_domain, ORDER_FIELDS, limit=1)
        if leads == 1000:
            reports._render_qweb_html(REPORT, wizard.ids)
        base_time, base_queries, base_rows = measure(
            env, lambda: orders.search_read(offer_domain, ORDER_FIELDS)
        )
        view_time, view_queries, view_rows = measure(
            env, lambda: view.search_read(domain, VIEW_FIELDS)
        )
        html_time, html_queries, html = measure(
            env, lambda: reports._render_qweb_html(REPORT, wizard.ids)[0]
        )
        assert len(view_rows) == len(base_rows) == 2 * leads, len(view_rows)
        print(f"{'':34}{'wall time':>12}{'queries':>9}{'ratio':>8}")
        for label, seconds, queries in (
            (
                f"sale.order search_read ({len(base_rows)} rows)",
                base_time,
                base_queries,
            ),
            (f"traceability search_read ({len(view_rows)})", view_time, view_queries),
            (f"traceability HTML ({len(html) // 1024} KiB)", html_time, html_queries),
        ):
            print(f"{label:34}{seconds:10.3f} s{queries:9d}{seconds / base_time:7.1f}x")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("-c", "--config", default=os.environ.get("ODOO_RC"))
    args = parser.parse_args()
    config.parse_config(["-c", args.config, "-d", args.database])
    odoo.service.server.load_server_wide_modules()
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        try:
            run(api.Environment(cr, SUPERUSER_ID, {}))
        finally:
            cr.rollback()


if __name__ == "__main__":
    main()
