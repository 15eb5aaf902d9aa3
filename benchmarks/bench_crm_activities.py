"""Benchmark of CRM activities (SPEC §9; not a test).

- *Activity analysis* (``crm.activity.analysis``) on --activities activities
  (a fifth planned, the rest done and kept, on --leads opportunities) and
  --meetings meetings with costs: the pivot's grouped reads per salesperson,
  category and month, against a naive per-activity loop over the ORM on
  --sample activities.
- *Activity lists*: a customer's Activity History and CRM > Sales >
  Activities, read as the web client does (``web_search_read`` with the
  list's fields) for 80 and 400 rows: the same number of queries for both.

Usage (from the repository, after ``source scripts/setup.sh``)::

    "$PYTHON" benchmarks/bench_crm_activities.py [--activities 100000]

It (re)creates the database ``lm_activities_bench`` (``--database``) with
lead_management_activity and leaves it for inspection; drop it with
``dropdb lm_activities_bench``.
"""

import argparse

from common import Meter, bench_environment, log

from odoo.tools import SQL

LIST_FIELDS = [
    "res_name",
    "activity_type_id",
    "summary",
    "user_id",
    "date_deadline",
    "date_done",
    "priority",
    "category_id",
    "contact_ids",
    "note",
    "time_spent",
    "timer_start",
    "active",
    "customer_id",
]


def report(label, meter, count, unit="activities"):
    per = meter.seconds / max(count, 1)
    log(
        f"  {label:<48} {count:>7} {unit} {meter.seconds:8.3f} s"
        f" {meter.queries:>6} queries"
    )
    return per


def insert_data(env, activities, meetings, leads):
    users = env["res.users"].search([("share", "=", False)], limit=5).ids
    customer = env["res.partner"].create({"name": "Bench Customer", "is_company": True})
    contacts = env["res.partner"].create(
        [{"name": f"Bench contact {i}", "parent_id": customer.id} for i in range(20)]
    )
    params = {
        "users": users,
        "categories": env["crm.activity.category"].search([]).ids,
        "types": [
            env.ref("mail.mail_activity_data_call").id,
            env.ref("mail.mail_activity_data_email").id,
            env.ref("mail.mail_activity_data_meeting").id,
        ],
        "company": env.company.id,
        "customer": customer.id,
        "contacts": contacts.ids,
        "leads": leads,
        "activities": activities,
        "meetings": meetings,
        "model": env["ir.model"]._get_id("crm.lead"),
        "partner_model": env["ir.model"]._get_id("res.partner"),
    }
    cr = env.cr
    cr.execute(
        SQL(
            """
            INSERT INTO crm_lead (name, type, active, company_id, user_id,
                   partner_id, probability, priority, color, create_uid,
                   write_uid, create_date, write_date)
            SELECT 'Bench opportunity ' || n, 'opportunity', TRUE, %(company)s,
                   (%(users)s::int[])[1 + mod(n, cardinality(%(users)s::int[]))],
                   (%(contacts)s::int[])[1 + mod(n, 20)],
                   CASE WHEN mod(n, 3) = 0 THEN 100 ELSE 30 END, '1', 0,
                   1, 1, NOW(), NOW()
              FROM generate_series(1, %(leads)s) n
            """,
            **params,
        )
    )
    cr.execute("SELECT id FROM crm_lead WHERE name LIKE 'Bench opportunity %%'")
    params["lead_ids"] = [row[0] for row in cr.fetchall()]
    cr.execute(
        SQL(
            """
            INSERT INTO mail_activity (res_model_id, res_model, res_id,
                   activity_type_id, user_id, summary, date_deadline, date_done,
                   active, automated, priority, category_id, time_spent,
                   create_uid, write_uid, create_date, write_date)
            SELECT CASE WHEN mod(n, 10) = 0 THEN %(partner_model)s ELSE %(model)s END,
                   CASE WHEN mod(n, 10) = 0 THEN 'res.partner' ELSE 'crm.lead' END,
                   CASE WHEN mod(n, 10) = 0
                        THEN (%(contacts)s::int[])[1 + mod(n, 20)]
                        ELSE l.id END,
                   (%(types)s::int[])[1 + mod(n, 3)],
                   (%(users)s::int[])[1 + mod(n, cardinality(%(users)s::int[]))],
                   'Bench activity', CURRENT_DATE - mod(n, 365),
                   CASE WHEN mod(n, 5) = 0 THEN NULL
                        ELSE CURRENT_DATE - mod(n, 365) END,
                   mod(n, 5) = 0, FALSE, (mod(n, 3))::varchar,
                   (%(categories)s::int[])[1 + mod(n, 4)], mod(n, 4) * 0.25,
                   1, 1, NOW(), NOW()
              FROM generate_series(1, %(activities)s) n,
                   LATERAL (SELECT (%(lead_ids)s::int[])[1 + mod(n, %(leads)s)]
                            AS id) l
            """,
            **params,
        )
    )
    cr.execute(
        SQL(
            """
            INSERT INTO calendar_event (name, start, stop, duration, user_id,
                   active, privacy, show_as, opportunity_id, res_model,
                   res_model_id, res_id, priority, category_id, expected_cost,
                   actual_cost, expected_cost_currency_id,
                   actual_cost_currency_id, cost_company_id,
                   expected_cost_company, actual_cost_company, create_uid,
                   write_uid, create_date, write_date)
            SELECT 'Bench meeting ' || n, s, s + interval '1 hour', 1,
                   (%(users)s::int[])[1 + mod(n, cardinality(%(users)s::int[]))],
                   TRUE, 'public', 'busy', l.id, 'crm.lead', %(model)s, l.id,
                   '1', (%(categories)s::int[])[1 + mod(n, 4)], 100, 90 + mod(n, 20),
                   c.currency_id, c.currency_id, c.id, 100, 90 + mod(n, 20),
                   1, 1, NOW(), NOW()
              FROM generate_series(1, %(meetings)s) n
              JOIN res_company c ON c.id = %(company)s
              JOIN LATERAL (SELECT NOW() - interval '1 day' * mod(n, 365) AS s) t
                   ON TRUE
              JOIN LATERAL (SELECT (%(lead_ids)s::int[])[1 + mod(n, %(leads)s)]
                            AS id) l ON TRUE
            """,
            **params,
        )
    )
    cr.execute("ANALYZE crm_lead, mail_activity, calendar_event")
    cr.commit()
    return customer


def bench_analysis(env, count, sample):
    analysis = env["crm.activity.analysis"]
    env.invalidate_all()
    with Meter(env.cr) as meter:
        per_user = analysis._read_group(
            [("state", "=", "done")],
            ["user_id", "category_id"],
            [
                "__count",
                "time_spent:sum",
                "expected_cost:sum",
                "actual_cost:sum",
                "won_rate:avg",
            ],
        )
        per_month = analysis._read_group(
            [], ["date:month", "kind"], ["__count", "time_spent:sum"]
        )
    batch = report("pivot: salesperson x category, month x kind", meter, count)
    log(f"    {len(per_user)} + {len(per_month)} cells")
    activities = (
        env["mail.activity"]
        .with_context(active_test=False)
        .search([("summary", "=", "Bench activity")], limit=sample, order="id")
    )
    env.invalidate_all()
    with Meter(env.cr) as meter:
        totals = {}
        for activity in activities:
            activity = env["mail.activity"].browse(activity.id)
            lead = env[activity.res_model].browse(activity.res_id)
            won = lead._name == "crm.lead" and lead.probability == 100
            key = (activity.user_id.id, activity.category_id.id)
            time_sum, won_count = totals.get(key, (0.0, 0))
            totals[key] = (time_sum + activity.time_spent, won_count + won)
    one = report("per-activity loop over the ORM (naive)", meter, sample)
    log(
        f"  naive / pivot time per activity: {one / batch:.0f}x"
        f" (naive for {count} rows: ~{one * count:.0f} s,"
        f" ~{meter.queries / sample * count:.0f} queries)"
    )


def bench_lists(env, customer):
    Activity = env["mail.activity"].with_context(active_test=False)
    specification = {name: {} for name in LIST_FIELDS}
    for name in ("activity_type_id", "user_id", "category_id"):
        specification[name] = {"fields": {"display_name": {}}}
    specification["contact_ids"] = {"fields": {"display_name": {}}}
    domains = {
        "customer's Activity History": customer.action_view_crm_activities()["domain"],
        "CRM > Sales > Activities (all)": [
            ("res_model", "in", ["crm.lead", "res.partner"])
        ],
    }
    for label, domain in domains.items():
        total = Activity.search_count(domain)
        for limit in (80, 400):
            env.invalidate_all()
            with Meter(env.cr) as meter:
                Activity.web_search_read(domain, specification, limit=limit)
            report(f"{label} of {total}, page of", meter, limit, "rows")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--meetings", type=int, default=20_000)
    parser.add_argument("--leads", type=int, default=10_000)
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--database", default="lm_activities_bench")
    args = parser.parse_args()
    addons = ("lead_management_activity",)
    with bench_environment(args.database, addons) as (registry, env):
        log(
            f"Inserting {args.activities} activities, {args.meetings} meetings"
            f" on {args.leads} opportunities..."
        )
        customer = insert_data(env, args.activities, args.meetings, args.leads)
        log("Activity analysis:")
        bench_analysis(env, args.activities + args.meetings, args.sample)
        log("Activity lists (web_search_read, the list's fields):")
        bench_lists(env, customer)


if __name__ == "__main__":
    main()
