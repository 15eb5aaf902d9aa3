"""Benchmark of the lead process (SPEC §8; not a test).

- *Qualify* (``crm.lead.action_qualify``) on --qualify leads in one call,
  half of them with a salesperson (they get the "Contact the customer"
  activity), every lead creating its company and contact person; then a
  naive loop qualifying --sample leads one by one, in the same database.
- *Lead funnel* (``crm.lead.funnel.report``) on --leads leads in every
  process stage with two finished stays each in the history: the pivot's
  grouped reads (stage × maturity with days per stage; rates per source),
  against a naive per-lead loop over the ORM on --sample leads.

Usage (from the repository, after ``source scripts/setup.sh``)::

    "$PYTHON" benchmarks/bench_lead_process.py [--leads 100000] [--qualify 1000]

It (re)creates the database ``lm_process_bench`` (``--database``) and leaves
it for inspection; drop it with ``dropdb lm_process_bench``.
"""

import argparse

from common import Meter, bench_environment, log

from odoo.tools import SQL

STAGES = ["qualification", "distribution", "transfer", "waiting", "satisfied"]


def report(label, meter, count):
    per = meter.seconds / max(count, 1)
    log(
        f"  {label:<46} {count:>7} leads {meter.seconds:8.2f} s"
        f" {meter.queries:>7} queries ({meter.queries / max(count, 1):.2f}/lead,"
        f" {per * 1000:.2f} ms/lead)"
    )
    return per


def make_leads(env, count, prefix):
    salesman = env.ref("base.user_admin")
    return env["crm.lead"].create(
        [
            {
                "name": f"{prefix} {index}",
                "type": "lead",
                "partner_name": f"{prefix} company {index % (count // 4 + 1)}",
                "contact_name": f"{prefix} contact {index}",
                "email_from": f"{prefix.lower()}.{index}@bench.example.com",
                "user_id": salesman.id if index % 2 else False,
            }
            for index in range(count)
        ]
    )


def bench_qualify(env, count, sample):
    log(f"Qualify: {count} leads in one call, then {sample} one by one")
    leads = make_leads(env, count, "Batch")
    env.cr.commit()
    with Meter(env.cr) as meter:
        leads.action_qualify()
        env.flush_all()
        env.cr.precommit.run()  # the tracking messages
    batch = report("action_qualify on all leads", meter, count)
    env.cr.commit()
    naive = make_leads(env, sample, "Naive")
    env.cr.commit()
    with Meter(env.cr) as meter:
        for lead in naive:
            env["crm.lead"].browse(lead.id).action_qualify()
            env.flush_all()
            env.cr.precommit.run()
    one = report("one call per lead (naive)", meter, sample)
    env.cr.commit()
    log(f"  one by one / batch, time per lead: {one / batch:.1f}x")


def insert_funnel_leads(env, count):
    """``count`` leads in every stage, with two finished stays each."""
    maturities = env["crm.lead.maturity"].search([]).ids
    sources = env["utm.source"].search([], limit=5).ids or [
        env["utm.source"].create({"name": "Bench"}).id
    ]
    params = {
        "count": count,
        "company": env.company.id,
        "stages": STAGES,
        "maturities": maturities,
        "sources": sources,
    }
    env.cr.execute(
        SQL(
            """
            INSERT INTO crm_lead (name, type, active, company_id, process_stage,
                   need_maturity_id, source_id, probability, priority, color,
                   create_uid, write_uid, create_date, write_date,
                   process_stage_date)
            SELECT 'Funnel lead ' || n,
                   CASE WHEN mod(n, 5) >= 3 THEN 'opportunity' ELSE 'lead' END,
                   TRUE, %(company)s, (%(stages)s::varchar[])[1 + mod(n, 5)],
                   (%(maturities)s::int[])[1 + mod(n, 3)],
                   (%(sources)s::int[])[1 + mod(n, cardinality(%(sources)s::int[]))],
                   CASE WHEN mod(n, 5) = 4 THEN 100 ELSE 10 END, '1', 0, 1, 1,
                   NOW() - interval '30 days', NOW(),
                   NOW() - interval '1 day' * mod(n, 9)
              FROM generate_series(1, %(count)s) n
            """,
            **params,
        )
    )
    env.cr.execute(
        """
        INSERT INTO crm_lead_process_history (lead_id, process_stage, date_start,
               date_end, duration_days, create_uid, write_uid, create_date,
               write_date)
        SELECT l.id, s.stage, l.create_date, l.create_date + interval '2 days',
               2 + mod(l.id, 7), 1, 1, NOW(), NOW()
          FROM crm_lead l, (VALUES ('qualification'), ('distribution')) s(stage)
         WHERE l.name LIKE 'Funnel lead %%'
        """
    )
    env.cr.execute("ANALYZE crm_lead, crm_lead_process_history")
    env.cr.commit()


def bench_funnel(env, count, sample):
    log(f"Lead funnel: {count} leads, {2 * count} finished stays")
    insert_funnel_leads(env, count)
    report_model = env["crm.lead.funnel.report"]
    env.invalidate_all()
    with Meter(env.cr) as meter:
        rows = report_model._read_group(
            [],
            ["process_stage", "need_maturity_id"],
            [
                "__count",
                "days_qualification:avg",
                "days_distribution:avg",
                "days_transfer:avg",
                "days_waiting:avg",
            ],
        )
        rates = report_model._read_group(
            [],
            ["source_id"],
            ["opportunity_rate:avg", "won_rate:avg", "opportunity_won_rate:avg"],
        )
    batch = report("pivot: stage x maturity, rates per source", meter, count)
    log(f"    {len(rows)} cells, {len(rates)} sources")
    leads = env["crm.lead"].search(
        [("name", "like", "Funnel lead %")], limit=sample, order="id"
    )
    env.invalidate_all()
    with Meter(env.cr) as meter:
        for lead in leads:
            lead = env["crm.lead"].browse(lead.id)  # no prefetch across leads
            days = {}
            for stay in lead.process_history_ids:
                days[stay.process_stage] = (
                    days.get(stay.process_stage, 0) + stay.duration_days
                )
            _converted = lead.type == "opportunity"
            _won = lead.probability == 100
    one = report("per-lead loop over the ORM (naive)", meter, sample)
    log(
        f"  naive / report time per lead: {one / batch:.0f}x"
        f" (naive for {count} leads: ~{one * count:.0f} s,"
        f" ~{meter.queries / sample * count:.0f} queries)"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--leads", type=int, default=100_000)
    parser.add_argument("--qualify", type=int, default=1000)
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--database", default="lm_process_bench")
    args = parser.parse_args()
    with bench_environment(args.database, ("lead_management_process",)) as (
        registry,
        env,
    ):
        bench_qualify(env, args.qualify, args.sample)
        bench_funnel(env, args.leads, args.sample)


if __name__ == "__main__":
    main()
