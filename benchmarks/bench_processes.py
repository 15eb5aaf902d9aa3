"""Benchmark of lead_management's scheduled processes (not a test).

Measures the real scheduled actions on a large database, and compares them
with a naive record-by-record loop run on a sample in the same database:

- *Close stale opportunities* (``crm.lead._cron_close_stale_opportunities``)
  on --leads opportunities, 20 % of them stale, each with two offers
  (stale ones: one sent, one draft; the others: one sent, one confirmed) and
  a chatter message, and an overdue activity on one stale opportunity in ten.
  The data is loaded in two rounds (a tenth, then the rest) and the scheduled
  action run after each, to show that queries per closed opportunity stay
  flat as the data grows.
- *Generate recurring opportunities* (``crm.lead._cron_generate_recurrences``):
  500 then 5 000 occurrences (bases with a monthly rule of 10 occurrences).

Usage (from the repository, after ``source scripts/setup.sh``)::

    "$PYTHON" benchmarks/bench_processes.py [--leads 100000] [--sample 100]

It (re)creates the database ``lm_processes_bench`` (``--database``) with
lead_management installed without demo data, and leaves it for inspection;
drop it with ``dropdb lm_processes_bench``.
"""

import argparse
import time
from datetime import timedelta

from common import Meter, bench_environment, log

from odoo import fields
from odoo.tools import SQL

STALE_DAYS = 60


def insert_opportunities(env, count, offset, partner_ids):
    """Insert ``count`` opportunities with their messages, offers and
    activities in a few SQL statements; every fifth one is stale."""
    company = env.company
    team = env["crm.team"].search([("company_id", "in", [company.id, False])], limit=1)
    stage = env["crm.lead"]._stage_find(team_id=team.id, domain=[("fold", "=", False)])
    params = {
        "count": count,
        "offset": offset,
        "company": company.id,
        "currency": company.currency_id.id,
        "user": env.ref("base.user_admin").id,
        "author": env.ref("base.partner_admin").id,
        "team": team.id,
        "stage": stage.id,
        "partners": partner_ids,
        "partner_count": len(partner_ids),
        "note": env.ref("mail.mt_note").id,
        "todo": env.ref("mail.mail_activity_data_todo").id,
        "model": env["ir.model"]._get_id("crm.lead"),
        "stale_days": STALE_DAYS + 40,
        "now": fields.Datetime.now(),
    }
    cr = env.cr
    cr.execute(
        SQL(
            """
            INSERT INTO crm_lead (name, type, active, company_id, user_id, team_id,
                   stage_id, partner_id, lead_number, probability, priority, color,
                   expected_revenue, create_uid, write_uid, create_date, write_date,
                   date_last_stage_update, date_open)
            SELECT 'Bench opportunity ' || n, 'opportunity', TRUE, %(company)s,
                   %(user)s, %(team)s, %(stage)s,
                   (%(partners)s::int[])[1 + mod(n, %(partner_count)s)],
                   'BENCH/' || n, 10, '1', 0, 1000, 1, 1, ts, ts, ts, ts
              FROM generate_series(%(offset)s + 1, %(offset)s + %(count)s) n,
                   LATERAL (SELECT CASE WHEN mod(n, 5) = 0
                            THEN %(now)s - interval '1 day' * %(stale_days)s
                            ELSE %(now)s - interval '5 days' END AS ts) t
            """,
            **params,
        )
    )
    new_leads = SQL(
        "SELECT id, create_date AS ts, partner_id,"
        " substring(lead_number from 7)::int AS n FROM crm_lead"
        " WHERE left(lead_number, 6) = 'BENCH/'"
        " AND substring(lead_number from 7)::int > %(offset)s",
        **params,
    )
    cr.execute(
        SQL(
            """
            INSERT INTO mail_message (model, res_id, message_type, subtype_id,
                   author_id, body, date, create_uid, write_uid, create_date,
                   write_date, is_internal)
            SELECT 'crm.lead', lead.id, 'comment', %(note)s, %(author)s,
                   '<p>Called the customer</p>', lead.ts, 1, 1, lead.ts, lead.ts, TRUE
              FROM (%(new_leads)s) lead
            """,
            new_leads=new_leads,
            **params,
        )
    )
    # two offers each: stale leads a sent and a draft one, the others a
    # sent one and a confirmed order
    cr.execute(
        SQL(
            """
            INSERT INTO sale_order (name, state, partner_id, partner_invoice_id,
                   partner_shipping_id, company_id, currency_id, user_id, team_id,
                   opportunity_id, date_order, create_uid, write_uid, create_date,
                   write_date)
            SELECT 'BENCH/SO/' || lead.n || '/' || k,
                   CASE WHEN k = 1 THEN 'sent'
                        WHEN mod(lead.n, 5) = 0 THEN 'draft' ELSE 'sale' END,
                   lead.partner_id, lead.partner_id, lead.partner_id, %(company)s,
                   %(currency)s, %(user)s, %(team)s, lead.id, lead.ts, 1, 1,
                   lead.ts, lead.ts
              FROM (%(new_leads)s) lead, generate_series(1, 2) k
            """,
            new_leads=new_leads,
            **params,
        )
    )
    cr.execute(
        SQL(
            """
            INSERT INTO mail_activity (res_model_id, res_model, res_id,
                   activity_type_id, user_id, summary, date_deadline, active,
                   automated, create_uid, write_uid, create_date, write_date)
            SELECT %(model)s, 'crm.lead', lead.id, %(todo)s, %(user)s,
                   'Follow up', (lead.ts + interval '10 days')::date, TRUE, FALSE,
                   1, 1, lead.ts, lead.ts
              FROM (%(new_leads)s) lead
             WHERE mod(lead.n, 50) = 0
            """,
            new_leads=new_leads,
            **params,
        )
    )
    cr.execute("ANALYZE crm_lead, mail_message, sale_order, mail_activity")
    env.invalidate_all()
    cr.commit()


def count_active(env):
    env.cr.execute("SELECT count(*) FROM crm_lead WHERE active")
    return env.cr.fetchone()[0]


def naive_close_stale(env, leads):
    """What a record-by-record loop does: compute each lead's last activity
    from its records, and close it alone."""
    today = fields.Date.context_today(env["crm.lead"])
    cutoff = fields.Datetime.now() - timedelta(days=STALE_DAYS)
    reason = env.company._get_lead_stale_lost_reason()
    closed = 0
    for lead in leads:
        lead = env["crm.lead"].browse(lead.id)  # no prefetching across leads
        last = max(
            [lead.create_date, lead.date_last_stage_update]
            + lead.message_ids.mapped("date")
            + lead.order_ids.mapped("write_date")
        )
        planned = lead.activity_ids.filtered(lambda a: a.date_deadline >= today)
        if last >= cutoff or planned:
            continue
        lead.activity_ids.action_feedback(feedback="Closed automatically")
        lead.order_ids.filtered(lambda o: o.state == "sent").with_context(
            disable_cancel_warning=True
        ).action_cancel()
        lead.action_set_lost(lost_reason_id=reason.id)
        lead.message_post(
            body="Marked as lost: no activity", subtype_xmlid="mail.mt_note"
        )
        closed += 1
    env.cr.commit()
    return closed


def naive_recurrences(env, bases):
    # importable once the configuration gives the addons path
    from odoo.addons.lead_management.models.crm_lead_recurrence import (  # noqa: PLC0415
        recurrence_dates,
    )

    count = 0
    for base in bases:
        for day in recurrence_dates(
            base.date_deadline, 1, "months", count=base.recurrence_count or 10
        ):
            occurrence = base.copy(
                {
                    "date_deadline": day,
                    "recurrence_origin_id": base.id,
                    "recurrence_date": day,
                    "recurrence_unit": False,
                    "recurrence_count": 0,
                }
            )
            occurrence.message_post(body="Occurrence", subtype_xmlid="mail.mt_note")
            base.message_post(body="Occurrence generated", subtype_xmlid="mail.mt_note")
            count += 1
    env.cr.commit()
    return count


def report(label, meter, records):
    log(
        f"  {label}: {records} records in {meter.seconds:.1f} s"
        f" = {1000 * meter.seconds / max(records, 1):.2f} ms/record,"
        f" {meter.queries} queries = {meter.queries / max(records, 1):.2f}"
        " queries/record"
    )
    return meter.seconds / max(records, 1)


def bench_stale(env, total, sample):
    env.company.write({"lead_stale_enabled": True, "lead_stale_days": STALE_DAYS})
    partners = env["res.partner"].create(
        [{"name": f"Bench customer {i}"} for i in range(200)]
    )
    env.cr.commit()
    Lead = env["crm.lead"]
    log(f"Close stale opportunities ({STALE_DAYS} days without activity)")
    first = total // 10
    rounds = [(first, 0), (total - first, first)]
    for round_no, (count, offset) in enumerate(rounds, 1):
        started = time.perf_counter()
        insert_opportunities(env, count, offset, partners.ids)
        log(
            f" round {round_no}: inserted {count} opportunities ({count // 5} stale),"
            f" {2 * count} offers/orders, {count} messages, {count // 50} activities"
            f" in {time.perf_counter() - started:.1f} s; database now holds"
            f" {offset + count} opportunities"
        )
        if round_no == len(rounds) and sample:
            env.cr.execute(
                "SELECT id FROM crm_lead WHERE active AND lead_number LIKE 'BENCH/%%'"
                " ORDER BY id DESC LIMIT %s",
                [5 * sample],
            )
            checked = Lead.browse([r[0] for r in env.cr.fetchall()])
            with Meter(env.cr) as meter:
                closed = naive_close_stale(env, checked)
            naive = report(
                f"naive loop (checked {len(checked)}, closed)", meter, closed
            )
        active_before = count_active(env)
        with Meter(env.cr) as meter:
            Lead._cron_close_stale_opportunities()
        closed = active_before - count_active(env)
        batch = report("scheduled action, closed", meter, closed)
    if sample:
        ratio = naive / batch
        log(f"  naive / scheduled action, time per closed opportunity: {ratio:.1f}x")
    env.cr.execute(
        "SELECT state, count(*) FROM sale_order GROUP BY state ORDER BY state"
    )
    log("  offers/orders by state after the runs:", dict(env.cr.fetchall()))
    env.cr.execute(
        "SELECT active, count(*) FROM crm_lead GROUP BY active ORDER BY active"
    )
    log("  opportunities by active after the runs:", dict(env.cr.fetchall()))


def bench_recurrence(env, sample):
    log("Generate recurring opportunities (monthly, 10 occurrences per base)")
    env.company.lead_recurrence_horizon_days = 366
    today = fields.Date.context_today(env["crm.lead"])
    Lead = env["crm.lead"]
    partner = env["res.partner"].create({"name": "Recurring customer"})
    done = 0
    for bases in (50, 500):
        Lead.create(
            [
                {
                    "name": f"Maintenance {i}",
                    "type": "opportunity",
                    "partner_id": partner.id,
                    "date_deadline": today + timedelta(days=1),
                    "recurrence_unit": "months",
                    "recurrence_count": 10,
                }
                for i in range(bases)
            ]
        )
        env.cr.commit()
        with Meter(env.cr) as meter:
            Lead._cron_generate_recurrences()
        env.cr.execute(
            "SELECT count(*) FROM crm_lead WHERE recurrence_origin_id IS NOT NULL"
        )
        created = env.cr.fetchone()[0] - done
        done += created
        report(f"scheduled action, {bases} bases", meter, created)
    batch = meter.seconds / max(created, 1)
    if sample:
        naive_bases = Lead.create(
            [
                {
                    "name": f"Naive maintenance {i}",
                    "type": "opportunity",
                    "partner_id": partner.id,
                    "date_deadline": today + timedelta(days=1),
                }
                for i in range(max(sample // 10, 1))
            ]
        )
        env.cr.commit()
        with Meter(env.cr) as meter:
            count = naive_recurrences(env, naive_bases)
        naive = report("naive loop (copy one by one)", meter, count)
        log(f"  naive / scheduled action time per occurrence: {naive / batch:.1f}x")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--leads", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--database", default="lm_processes_bench")
    args = parser.parse_args()
    with bench_environment(args.database) as (registry, env):
        bench_stale(env, args.leads, args.sample)
        bench_recurrence(env, args.sample)


if __name__ == "__main__":
    main()
