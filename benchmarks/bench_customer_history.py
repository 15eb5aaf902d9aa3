# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark of the customer history at 100 000 partners and 1 000 000
documents (not a test).

Measures the first page of a customer's history as the web client asks for
it (``web_search_read``: 80 rows of the list view's fields, the many2one
names, the count up to 10 001), beside the stock *Sales > Orders* list page
of the same customer (``sale.order`` with ``sale.action_orders``' domain),
in the same run, as an administrator (multi-company rules) and as a salesman
who sees only his own documents (salesman rules), and the reading of one
row by id (``web_read``, as opening a row does). The customer is a company
with two contacts holding --big documents (opportunities, orders, invoices
and e-mails); the others are spread over --partners partners.

Data are bulk-inserted in SQL (minimal valid columns) on a fresh database::

    source scripts/setup.sh
    "$PYTHON" benchmarks/bench_customer_history.py            # full size
    "$PYTHON" benchmarks/bench_customer_history.py --small    # a quick run

Each figure is the best of --repeat runs on cold ORM caches; the measured
calls run in a transaction that is rolled back.
"""

import argparse

from common import Meter, bench_environment, log
from lxml import etree

from odoo import api
from odoo.tools import SQL
from odoo.tools.safe_eval import safe_eval


def insert_partners(env, number):
    cr = env.cr
    cr.execute(
        SQL(
            """
            INSERT INTO res_partner (name, complete_name, active, is_company,
                type, autopost_bills, create_date, write_date)
            SELECT 'Bench partner ' || n, 'Bench partner ' || n, true, true,
                   'contact', 'ask', now(), now()
              FROM generate_series(1, %s) n
            RETURNING id
            """,
            number,
        )
    )
    ids = [row[0] for row in cr.fetchall()]
    cr.execute(
        SQL(
            "UPDATE res_partner SET commercial_partner_id = id WHERE id = ANY(%s)",
            ids,
        )
    )
    return ids


def insert_documents(env, partner_ids, users, number, stage_id, journal_id):
    """``number`` documents for the partners (cycled): 40 % opportunities,
    40 % orders, 20 % customer invoices; one e-mail per ten opportunities.
    Salespeople alternate among ``users``."""
    cr = env.cr
    company = env.company
    leads, orders = number * 2 // 5, number * 2 // 5
    invoices = number - leads - orders
    params = {
        "partners": partner_ids,
        "users": users.ids,
        "company": company.id,
        "currency": company.currency_id.id,
        "stage": stage_id,
        "journal": journal_id,
    }
    cr.execute(
        SQL(
            """
            INSERT INTO crm_lead (name, type, active, partner_id, user_id,
                company_id, stage_id, lead_number, expected_revenue, probability,
                create_date, write_date, create_uid, write_uid)
            SELECT 'Bench opportunity ' || n, 'opportunity', true,
                   (%(partners)s::int[])[1 + mod(n, cardinality(%(partners)s::int[]))],
                   (%(users)s::int[])[1 + mod(n, cardinality(%(users)s::int[]))],
                   %(company)s, %(stage)s, 'BL/' || n, mod(n, 1000), 10,
                   now() - n * interval '1 minute', now(), 1, 1
              FROM generate_series(1, %(number)s) n
            RETURNING id
            """,
            number=leads,
            **params,
        )
    )
    lead_ids = [row[0] for row in cr.fetchall()]
    cr.execute(
        SQL(
            """
            INSERT INTO sale_order (name, state, company_id, partner_id,
                partner_invoice_id, partner_shipping_id, user_id, date_order,
                currency_id, currency_rate, amount_untaxed, amount_tax,
                amount_total, is_offer, create_date, write_date, create_uid,
                write_uid)
            SELECT 'BSO/' || n, 'sale', %(company)s, p, p, p,
                   (%(users)s::int[])[1 + mod(n, cardinality(%(users)s::int[]))],
                   now() - n * interval '1 minute', %(currency)s, 1,
                   mod(n, 500), 0, mod(n, 500), false, now(), now(), 1, 1
              FROM (SELECT n, (%(partners)s::int[])[
                           1 + mod(n, cardinality(%(partners)s::int[]))] AS p
                      FROM generate_series(1, %(number)s) n) g
            """,
            number=orders,
            **params,
        )
    )
    cr.execute(
        SQL(
            """
            INSERT INTO account_move (name, journal_id, currency_id, state,
                move_type, auto_post, date, invoice_date, partner_id,
                commercial_partner_id, invoice_user_id, company_id,
                amount_total_signed, amount_total, payment_state, create_date,
                write_date, create_uid, write_uid)
            SELECT 'BINV/' || p || '/' || n, %(journal)s, %(currency)s, 'posted',
                   'out_invoice', 'no', (now() - n * interval '1 minute')::date,
                   (now() - n * interval '1 minute')::date, p, p,
                   (%(users)s::int[])[1 + mod(n, cardinality(%(users)s::int[]))],
                   %(company)s, mod(n, 700), mod(n, 700), 'not_paid', now(), now(), 1, 1
              FROM (SELECT n, (%(partners)s::int[])[
                           1 + mod(n, cardinality(%(partners)s::int[]))] AS p
                      FROM generate_series(1, %(number)s) n) g
            """,
            number=invoices,
            **params,
        )
    )
    cr.execute(
        SQL(
            """
            INSERT INTO mail_message (model, res_id, message_type, subject, date,
                create_date, write_date, create_uid, write_uid)
            SELECT 'crm.lead', lead_id, 'email', 'Bench e-mail',
                   now() - n * interval '1 minute', now(), now(), 1, 1
              FROM unnest(%s::int[]) WITH ORDINALITY AS t(lead_id, n)
             WHERE mod(n, 10) = 0
            """,
            lead_ids,
        )
    )


def list_spec(env, model, action_xmlid):
    """The specification the list view of ``action_xmlid`` asks for: its
    fields, many2one names (the web client's ``web_search_read``)."""
    action = env.ref(action_xmlid)
    view = (
        action.view_id
        or action.view_ids.filtered(lambda v: v.view_mode == "list").view_id
    )
    arch = env[model].get_view(view.id if view else None, "list")["arch"]
    spec = {}
    for node in etree.fromstring(arch).xpath("/list/field"):
        name = node.get("name")
        field = env[model]._fields[name]
        spec[name] = (
            {"fields": {"display_name": {}}} if field.type == "many2one" else {}
        )
    domain = safe_eval(action.domain or "[]", {"uid": env.uid})
    return spec, domain


def measure(env, model, spec, domain, order, repeat):
    best = None
    for _run in range(repeat):
        env.invalidate_all()
        with Meter(env.cr) as meter:
            result = env[model].web_search_read(
                domain, spec, limit=80, order=order, count_limit=10001
            )
        if best is None or meter.seconds < best.seconds:
            best = meter
    return best, result["length"]


def measure_read(env, model, spec, repeat):
    """Reading one row by id, as opening it or clicking its button does
    (``web_read``), best of ``repeat`` on cold caches."""
    record = env[model].search([], limit=1)
    best = None
    for _run in range(repeat):
        env.invalidate_all()
        with Meter(env.cr) as meter:
            result = record.web_read(spec)
        if best is None or meter.seconds < best.seconds:
            best = meter
    return best, len(result)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--partners", type=int, default=100_000)
    parser.add_argument("--documents", type=int, default=1_000_000)
    parser.add_argument("--big", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--small",
        action="store_true",
        help="10 000 partners, 100 000 documents, 2 000 for the customer",
    )
    parser.add_argument("--database", default="lm_history_bench")
    args = parser.parse_args()
    if args.small:
        args.partners, args.documents, args.big = 10_000, 100_000, 2_000
    with bench_environment(args.database) as (registry, env):
        admin = env.ref("base.user_admin")
        salesman = env["res.users"].create(
            {
                "name": "Bench salesman",
                "login": "bench_history_salesman",
                "groups_id": [(6, 0, [env.ref("sales_team.group_sale_salesman").id])],
            }
        )
        users = admin | salesman
        stage_id = env["crm.stage"].search([], limit=1).id
        journal_id = (
            env["account.journal"]
            .search(
                [("type", "=", "sale"), ("company_id", "=", env.company.id)], limit=1
            )
            .id
        )
        log(f"Inserting {args.partners} partners, {args.documents} documents...")
        with Meter(env.cr) as meter:
            partner_ids = insert_partners(env, args.partners)
            insert_documents(
                env,
                partner_ids,
                users,
                args.documents - args.big,
                stage_id,
                journal_id,
            )
            customer = env["res.partner"].create(
                {"name": "Big customer", "is_company": True}
            )
            contacts = env["res.partner"].create(
                [{"name": f"Big contact {i}", "parent_id": customer.id} for i in (1, 2)]
            )
            env.flush_all()
            insert_documents(
                env, (customer | contacts).ids, users, args.big, stage_id, journal_id
            )
            env.cr.execute("ANALYZE")
        env.cr.commit()
        log(f"  inserted in {meter.seconds:.0f} s")
        history_spec, __ = list_spec(
            env, "crm.customer.history", "lead_management.crm_customer_history_action"
        )
        order_spec, order_domain = list_spec(env, "sale.order", "sale.action_orders")
        partner_domain = [("partner_id", "child_of", customer.id)]
        log(
            f"{'user':<10} {'view':<26} {'rows':>6} {'ms':>8}"
            f" {'queries':>8} {'ratio':>6}"
        )
        for user in (admin, salesman):
            user_env = api.Environment(env.cr, user.id, {})
            stock, stock_length = measure(
                user_env,
                "sale.order",
                order_spec,
                order_domain + partner_domain,
                None,
                args.repeat,
            )
            history, history_length = measure(
                user_env,
                "crm.customer.history",
                history_spec,
                partner_domain,
                None,
                args.repeat,
            )
            row, row_length = measure_read(
                user_env, "crm.customer.history", history_spec, args.repeat
            )
            for label, meter, length in (
                ("Sales > Orders", stock, stock_length),
                ("Customer History", history, history_length),
                ("History row by id", row, row_length),
            ):
                log(
                    f"{user.login:<10.10} {label:<26} {length:>6} "
                    f"{meter.seconds * 1000:>8.1f} {meter.queries:>8} "
                    f"{meter.seconds / stock.seconds:>6.2f}"
                )
        env.cr.rollback()


if __name__ == "__main__":
    main()
