"""Benchmark of the Workload report (SPEC §13; not a test).

--activities activities (a fifth open, the rest done and kept; done late
when done after their due date) of five salesmen on --leads opportunities,
over a year. Timed: the Workload pivot's grouped read per user and day
(``crm.activity.workload`` read_group, its five measures), as the
superuser and as a salesman (the access subqueries), against a naive
baseline in the same run: ``search_read`` of the activities and counting
per user and day in Python (mail's own access check for the salesman).
Both give the same figures (checked).

Usage (from the repository, after ``source scripts/setup.sh``)::

    "$PYTHON" benchmarks/bench_workload.py [--activities 100000] [--small]

It (re)creates the database ``lm_workload_bench`` (``--database``) with
lead_management_activity and leaves it for inspection; drop it with
``dropdb lm_workload_bench``.
"""

import argparse
from collections import Counter

from common import Meter, bench_environment, log

from odoo import fields
from odoo.tools import SQL

MEASURES = [
    "due_count:sum",
    "done_on_time_count:sum",
    "done_late_count:sum",
    "open_count:sum",
    "overdue_count:sum",
]


def insert_data(env, activities, leads):
    group = env.ref("sales_team.group_sale_salesman")
    users = env["res.users"].create(
        [
            {
                "name": f"Bench salesman {index}",
                "login": f"bench_workload_{index}",
                "groups_id": [(6, 0, group.ids)],
            }
            for index in range(5)
        ]
    )
    params = {
        "users": users.ids,
        "company": env.company.id,
        "leads": leads,
        "activities": activities,
        "model": env["ir.model"]._get_id("crm.lead"),
        "call": env.ref("mail.mail_activity_data_call").id,
    }
    cr = env.cr
    cr.execute(
        SQL(
            """
            INSERT INTO crm_lead (name, type, active, company_id, user_id,
                   probability, priority, color, create_uid, write_uid,
                   create_date, write_date)
            SELECT 'Bench opportunity ' || n, 'opportunity', TRUE, %(company)s,
                   (%(users)s::int[])[1 + mod(n, 5)], 30, '1', 0,
                   1, 1, NOW(), NOW()
              FROM generate_series(1, %(leads)s) n
            """,
            **params,
        )
    )
    cr.execute(
        "SELECT id, user_id FROM crm_lead WHERE name LIKE 'Bench opportunity %%'"
    )
    rows = cr.fetchall()
    params["lead_ids"] = [row[0] for row in rows]
    params["lead_users"] = [row[1] for row in rows]
    # a tenth of the activities go to another salesman than the lead's
    cr.execute(
        SQL(
            """
            INSERT INTO mail_activity (res_model_id, res_model, res_id, res_name,
                   activity_type_id, user_id, summary, date_deadline, date_done,
                   active, automated, priority, create_uid, write_uid,
                   create_date, write_date)
            SELECT %(model)s, 'crm.lead', l.id, 'Bench opportunity', %(call)s,
                   CASE WHEN mod(n, 10) = 0
                        THEN (%(users)s::int[])[1 + mod(n / 10, 5)]
                        ELSE l.user_id END,
                   'Bench activity', CURRENT_DATE + 30 - mod(n, 365),
                   CASE WHEN mod(n, 5) = 0 THEN NULL
                        ELSE CURRENT_DATE + 30 - mod(n, 365) + mod(n, 3) - 1
                   END,
                   mod(n, 5) = 0, FALSE, '1', 1, 1, NOW(), NOW()
              FROM generate_series(1, %(activities)s) n,
                   LATERAL (SELECT (%(lead_ids)s::int[])[1 + mod(n, %(leads)s)]
                                   AS id,
                                   (%(lead_users)s::int[])[1 + mod(n, %(leads)s)]
                                   AS user_id) l
            """,
            **params,
        )
    )
    cr.execute("ANALYZE crm_lead, mail_activity")
    cr.commit()
    return users


def pivot(env):
    """The pivot's read: per user and day, the five measures."""
    groups = env["crm.activity.workload"]._read_group(
        [], ["user_id", "date:day"], MEASURES
    )
    return {(user.id, day): tuple(values) for user, day, *values in groups}


def naive(env):
    """The baseline: read the activities, count in Python."""
    today = fields.Date.context_today(env.user)
    Activity = env["mail.activity"].with_context(active_test=False)
    rows = Activity.search_read(
        ["|", ("active", "=", True), ("date_done", "!=", False)],
        ["user_id", "date_deadline", "date_done", "active"],
    )
    counts = {}
    for row in rows:
        key = (row["user_id"] and row["user_id"][0], row["date_deadline"])
        done = not row["active"]
        on_time = done and row["date_done"] <= row["date_deadline"]
        figures = Counter(counts.get(key, {}))
        figures.update(
            {
                "due": 1,
                "on_time": int(on_time),
                "late": int(done and not on_time),
                "open": int(not done),
                "overdue": int(not done and row["date_deadline"] < today),
            }
        )
        counts[key] = figures
    return {
        key: tuple(c[k] for k in ("due", "on_time", "late", "open", "overdue"))
        for key, c in counts.items()
    }


def run(label, env, count):
    env.invalidate_all()
    with Meter(env.cr) as fast:
        cells = pivot(env)
    env.invalidate_all()
    with Meter(env.cr) as slow:
        expected = naive(env)
    same = cells == expected
    log(f"  {label}: {len(cells)} cells (user x day), figures equal: {same}")
    log(
        f"    Workload pivot read_group     {fast.seconds:8.3f} s"
        f" {fast.queries:>6} queries"
    )
    log(
        f"    naive search_read + Python    {slow.seconds:8.3f} s"
        f" {slow.queries:>6} queries"
    )
    log(f"    naive / pivot: {slow.seconds / fast.seconds:.1f}x ({count} activities)")
    return same


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--leads", type=int, default=10_000)
    parser.add_argument("--database", default="lm_workload_bench")
    parser.add_argument(
        "--small", action="store_true", help="5 000 activities on 500 leads"
    )
    args = parser.parse_args()
    if args.small:
        args.activities, args.leads = 5_000, 500
    addons = ("lead_management_activity",)
    with bench_environment(args.database, addons) as (registry, env):
        log(f"Inserting {args.activities} activities on {args.leads} opportunities...")
        users = insert_data(env, args.activities, args.leads)
        log("Workload per user and day:")
        ok = run("as superuser", env, args.activities)
        salesman = env(user=users[0].id, su=False)
        ok &= run(f"as salesman {users[0].name} (own)", salesman, args.activities)
        if not ok:
            raise SystemExit("the pivot and the baseline disagree")


if __name__ == "__main__":
    main()
