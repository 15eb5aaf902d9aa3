"""Benchmark of the marketing campaign figures (not a test).

Computes the figures of --campaigns campaigns (actual costs, revenue
accepted and invoiced, leads, opportunities, won, cost per lead, ROI) on
generated data: --orders confirmed sales orders, as many posted moves
(vendor bills, vendor refunds, customer invoices, credit notes) and twice as
many leads and opportunities, spread over the campaigns. It compares, in the
same run, the batched compute (``campaigns.read(figures)``: one grouped query
per kind of document for all the campaigns) with a naive loop computing the
campaigns one by one (``for campaign in campaigns:
campaign._compute_campaign_figures()``).

Usage (from the repository, after ``source scripts/setup.sh``)::

    "$PYTHON" benchmarks/bench_campaigns.py [--campaigns 80] [--orders 20000]

It (re)creates the database ``lm_campaigns_bench`` (``--database``) with
lead_management_campaign installed without demo data, and leaves it for
inspection; drop it with ``dropdb lm_campaigns_bench``.
"""

import argparse

from common import Meter, bench_environment, log

from odoo import fields
from odoo.tools import SQL

FIGURES = [
    "actual_cost",
    "revenue_accepted",
    "revenue_invoiced",
    "lead_count",
    "opportunity_count",
    "won_count",
    "cost_per_lead",
    "roi",
]
MOVE_TYPES = ["in_invoice", "in_refund", "out_invoice", "out_refund"]


def insert_documents(env, campaign_ids, orders):
    """Insert the orders, moves and leads of the campaigns in a few SQL
    statements: what the figures read, not complete documents. Documents go
    to the campaigns in runs of ten, so that each campaign gets documents of
    every state and type."""
    company = env.company
    partner = env["res.partner"].create({"name": "Bench customer"})
    won_stage = env["crm.stage"].search([("is_won", "=", True)], limit=1)
    other_stage = env["crm.stage"].search([("is_won", "=", False)], limit=1)
    journals = {
        kind: env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "=", kind)], limit=1
        )
        for kind in ("sale", "purchase")
    }
    params = {
        "orders": orders,
        "campaigns": campaign_ids,
        "campaign_count": len(campaign_ids),
        "company": company.id,
        "currency": company.currency_id.id,
        "partner": partner.id,
        "sale_journal": journals["sale"].id,
        "purchase_journal": journals["purchase"].id,
        "move_types": MOVE_TYPES,
        "won": won_stage.id,
        "stage": other_stage.id,
        "now": fields.Datetime.now(),
    }
    cr = env.cr
    # confirmed orders, a tenth quotations and a tenth converted offers
    cr.execute(
        SQL(
            """
            INSERT INTO sale_order (name, partner_id, partner_invoice_id,
                   partner_shipping_id, company_id, currency_id, currency_rate,
                   date_order, state, campaign_id, amount_untaxed, amount_tax,
                   amount_total, create_uid, write_uid, create_date, write_date)
            SELECT 'BENCH/' || n, %(partner)s, %(partner)s, %(partner)s,
                   %(company)s, %(currency)s, 1, %(now)s,
                   CASE mod(n, 10) WHEN 0 THEN 'draft' WHEN 1 THEN 'converted'
                        ELSE 'sale' END,
                   (%(campaigns)s::int[])[1 + mod(n / 10, %(campaign_count)s)],
                   100 + mod(n, 900), 0, 100 + mod(n, 900), 1, 1, %(now)s, %(now)s
              FROM generate_series(1, %(orders)s) n
            """,
            **params,
        )
    )
    # as many moves, of the four types in turn, a tenth of them drafts;
    # amount_untaxed_signed is negative for bills and credit notes
    cr.execute(
        SQL(
            """
            INSERT INTO account_move (name, move_type, state, auto_post, date,
                   invoice_date, journal_id, company_id, currency_id, partner_id,
                   campaign_id, amount_untaxed, amount_untaxed_signed,
                   amount_total, amount_total_signed, create_uid, write_uid,
                   create_date, write_date)
            SELECT 'BENCH/' || n, t.move_type,
                   CASE WHEN mod(n, 10) = 0 THEN 'draft' ELSE 'posted' END, 'no',
                   %(now)s::date, %(now)s::date,
                   CASE WHEN left(t.move_type, 3) = 'in_' THEN %(purchase_journal)s
                        ELSE %(sale_journal)s END,
                   %(company)s, %(currency)s, %(partner)s,
                   (%(campaigns)s::int[])[1 + mod(n / 10, %(campaign_count)s)],
                   t.amount, t.signed, t.amount, t.signed, 1, 1, %(now)s, %(now)s
              FROM generate_series(1, %(orders)s) n,
                   LATERAL (SELECT (%(move_types)s::varchar[])[1 + mod(n, 4)]
                                   AS move_type,
                                   -- refunds: a tenth of a bill or invoice
                                   (10 + mod(n, 90))::numeric
                                   * CASE WHEN mod(n, 4) IN (1, 3) THEN 0.1 ELSE 1 END
                                   AS amount) m,
                   LATERAL (SELECT m.move_type, m.amount,
                                   CASE WHEN m.move_type IN ('in_invoice', 'out_refund')
                                        THEN -m.amount ELSE m.amount END AS signed) t
            """,
            **params,
        )
    )
    # leads and opportunities: twice the orders, a fifth archived
    cr.execute(
        SQL(
            """
            INSERT INTO crm_lead (name, type, active, company_id, stage_id,
                   campaign_id, probability, create_uid, write_uid, create_date,
                   write_date)
            SELECT 'Bench lead ' || n,
                   CASE WHEN mod(n, 3) = 0 THEN 'lead' ELSE 'opportunity' END,
                   mod(n, 5) <> 0, %(company)s,
                   CASE WHEN mod(n, 7) = 0 THEN %(won)s ELSE %(stage)s END,
                   (%(campaigns)s::int[])[1 + mod(n / 10, %(campaign_count)s)],
                   10, 1, 1, %(now)s, %(now)s
              FROM generate_series(1, 2 * %(orders)s) n
            """,
            **params,
        )
    )
    cr.execute("ANALYZE sale_order, account_move, crm_lead")


def report(label, meter, campaigns):
    log(
        f"  {label}: {campaigns} campaigns in {meter.seconds * 1000:.0f} ms,"
        f" {meter.queries} queries ({meter.queries / campaigns:.2f} per campaign)"
    )


def bench_figures(env, count, orders):
    log(
        f"Campaign figures: {count} campaigns, {orders} orders, {orders} moves,"
        f" {2 * orders} leads"
    )
    campaigns = env["utm.campaign"].create(
        [{"title": f"Bench campaign {i}"} for i in range(count)]
    )
    insert_documents(env, campaigns.ids, orders)
    env.cr.commit()
    results = {}
    for label, compute in (
        ("batched compute (read of the figures)", lambda: campaigns.read(FIGURES)),
        (
            "naive loop (one campaign at a time)",
            lambda: [c._compute_campaign_figures() for c in campaigns],
        ),
    ):
        # a warm-up run each, then the measured one
        for _run in range(2):
            env.invalidate_all()
            with Meter(env.cr) as meter:
                compute()
        report(label, meter, count)
        results[label] = (
            meter,
            {c.id: tuple(c[name] for name in FIGURES) for c in campaigns},
        )
    (batched, batched_values), (naive, naive_values) = results.values()
    assert batched_values == naive_values, "the two computes disagree"
    log(
        f"  naive / batched: {naive.seconds / batched.seconds:.1f}x the time,"
        f" {naive.queries / max(batched.queries, 1):.1f}x the queries"
    )
    sample = campaigns[0]
    log(
        "  first campaign:",
        ", ".join(f"{name}={sample[name]}" for name in FIGURES),
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--campaigns", type=int, default=80)
    parser.add_argument("--orders", type=int, default=20_000)
    parser.add_argument("--database", default="lm_campaigns_bench")
    args = parser.parse_args()
    addons = ("lead_management_campaign",)
    with bench_environment(args.database, addons) as (registry, env):
        bench_figures(env, args.campaigns, args.orders)


if __name__ == "__main__":
    main()
