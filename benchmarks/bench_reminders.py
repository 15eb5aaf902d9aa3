"""Benchmark of the deadline reminders of lead_management_reminder (not a test).

Measures the real scheduled action (``mail.activity._process_reminders``:
OCA's mail_activity_reminder, run in batches by lead_management_reminder) on
a large database, and compares it with a naive activity-by-activity loop
(OCA's ``action_remind`` on one activity at a time) run on a sample in the
same database:

- --activities activities (inserted with SQL, OCA's stored computes then
  recomputed by the ORM) on 1 000 partners, owned by 40 users in four time
  zones, reminded in their Inbox or by e-mail (Odoo's Notification
  preference), one in four opted out; half of them of a type that reminds 3
  days before the deadline, the deadlines spread from 20 days ago to 40 days
  ahead, so that a few thousand are due for a reminder.
- The naive loop runs first on --sample due activities; the scheduled action
  then reminds all the others, and a second run shows that nothing is sent
  twice.
- Two workers at once: a first cursor takes a batch and holds its locks
  while the scheduled action runs in a second one; the second skips the
  locked activities, and no activity is reminded twice.

"Per reminder" is per activity reminded: the module sends one message per
owner and run, listing all his activities due.

Usage (from the repository, after ``source scripts/setup.sh``)::

    "$PYTHON" benchmarks/bench_reminders.py [--activities 100000] [--sample 100]

It (re)creates the database ``lm_reminders_bench`` (``--database``) with
lead_management_reminder installed without demo data, and leaves it for
inspection; drop it with ``dropdb lm_reminders_bench``.
"""

import argparse
import time

from common import Meter, bench_environment, log

from odoo import SUPERUSER_ID, api, fields
from odoo.tools import SQL

REMINDER_DAYS = 3
NOTIFICATION_TYPES = ("inbox", "email")
TIME_ZONES = ("UTC", "Europe/Bucharest", "America/New_York", "Asia/Tokyo")
DOCUMENTS = 1000
OWNERS = 40
SUBJECT = "Some activities you are assigned to expire soon."


def count_reminders(env):
    """Reminder messages sent so far."""
    env.cr.execute(
        "SELECT count(*) FROM mail_message"
        " WHERE message_type = 'user_notification' AND subject = %s",
        [SUBJECT],
    )
    return env.cr.fetchone()[0]


def count_reminded(env):
    env.cr.execute(
        "SELECT count(*) FROM mail_activity WHERE last_reminder_local IS NOT NULL"
    )
    return env.cr.fetchone()[0]


def recompute_reminders(env, ids):
    """OCA's stored computes (deadline, next reminder) of activities written
    with SQL, by the ORM."""
    Activity = env["mail.activity"]
    activities = Activity.browse(ids)
    env.invalidate_all()
    for fname in ("deadline", "next_reminder"):
        env.add_to_compute(Activity._fields[fname], activities)
    env.flush_all()


def insert_data(env, count):
    """Owners, types and documents with the ORM; activities with SQL."""
    owners = (
        env["res.users"]
        .with_context(no_reset_password=True, mail_create_nolog=True)
        .create(
            [
                {
                    "name": f"Bench user {i}",
                    "login": f"bench_reminder_{i}",
                    "email": f"bench_reminder_{i}@example.com",
                    "tz": TIME_ZONES[i % len(TIME_ZONES)],
                    "notification_type": NOTIFICATION_TYPES[
                        i % len(NOTIFICATION_TYPES)
                    ],
                    # one in four, as lead_management's 'none' before
                    "activity_reminder_opt_out": i % 4 == 3,
                }
                for i in range(OWNERS)
            ]
        )
    )
    reminding, silent = env["mail.activity.type"].create(
        [
            {"name": "Bench reminded call", "reminders": str(REMINDER_DAYS)},
            {"name": "Bench call without reminder"},
        ]
    )
    documents = (
        env["res.partner"]
        .with_context(mail_create_nolog=True)
        .create([{"name": f"Bench customer {n}"} for n in range(DOCUMENTS)])
    )
    env.cr.commit()
    params = {
        "count": count,
        "owners": owners.ids,
        "tzs": [owner.tz for owner in owners],
        "owner_count": len(owners),
        "types": [reminding.id, silent.id],
        "documents": documents.ids,
        "document_count": len(documents),
        "model": env["ir.model"]._get_id("res.partner"),
        "today": fields.Date.today(),
        "now": fields.Datetime.now(),
    }
    # deadlines from 20 days ago to 39 days ahead; one type in two reminds;
    # the owners spread over every deadline (not one owner per deadline day)
    env.cr.execute(
        SQL(
            """
            INSERT INTO mail_activity (res_model_id, res_model, res_id, res_name,
                   activity_type_id, user_id, user_tz, summary, date_deadline,
                   active, automated, create_uid, write_uid, create_date,
                   write_date)
            SELECT %(model)s, 'res.partner',
                   (%(documents)s::int[])[1 + mod(n, %(document_count)s)],
                   'Bench customer ' || mod(n, %(document_count)s),
                   (%(types)s::int[])[1 + mod(n, 2)],
                   (%(owners)s::int[])[owner.index],
                   (%(tzs)s::varchar[])[owner.index],
                   'Follow up ' || n,
                   %(today)s::date + mod(n / 2, 60) - 20,
                   TRUE, FALSE, 1, 1, %(now)s, %(now)s
              FROM generate_series(1, %(count)s) n,
                   LATERAL (SELECT 1 + mod(17 * (n / 2) + n / 120, %(owner_count)s)
                            AS index) owner
         RETURNING id
            """,
            **params,
        )
    )
    recompute_reminders(env, [row[0] for row in env.cr.fetchall()])
    env.cr.execute("ANALYZE mail_activity")
    env.invalidate_all()
    env.cr.commit()


def naive_reminders(env, activities):
    """What an activity-by-activity loop does: OCA's action_remind on each
    due activity alone (one message per activity)."""
    for activity_id in activities.ids:
        # no prefetching across activities
        env["mail.activity"].browse(activity_id).action_remind()
    env.cr.commit()
    return len(activities)


def report(label, meter, records):
    log(
        f"  {label}: {records} reminders in {meter.seconds:.2f} s"
        f" = {1000 * meter.seconds / max(records, 1):.2f} ms/reminder,"
        f" {meter.queries} queries = {meter.queries / max(records, 1):.2f}"
        " queries/reminder"
    )
    return meter.seconds / max(records, 1)


def bench_two_workers(registry, env, count):
    """Make ``count`` reminded activities due again; a first worker takes
    half of them and holds their locks while the scheduled action runs in a
    second one."""
    env.cr.execute(
        SQL(
            "UPDATE mail_activity SET last_reminder_local = NULL WHERE id IN"
            " (SELECT id FROM mail_activity WHERE last_reminder_local IS NOT NULL"
            " ORDER BY id LIMIT %s) RETURNING id",
            count,
        )
    )
    ids = sorted(row[0] for row in env.cr.fetchall())
    recompute_reminders(env, ids)
    env.cr.commit()
    with registry.cursor() as first_cr:
        first = api.Environment(first_cr, SUPERUSER_ID, {})["mail.activity"]
        taken = first.with_context(
            activity_reminder_batch_ids=ids[: len(ids) // 2],
            mail_notify_force_send=False,
        )._process_reminders()
        # the first worker holds its locks (not committed) while the
        # scheduled action runs in another transaction
        with registry.cursor() as second_cr:
            second = api.Environment(second_cr, SUPERUSER_ID, {})["mail.activity"]
            rest = second._process_reminders()
            second_cr.commit()
            rest_ids = set(rest.ids)
        first_cr.commit()
        taken_ids = set(taken.ids)
    env.cr.commit()  # a new snapshot, that sees the workers' commits
    env.invalidate_all()
    env.cr.execute(
        "SELECT count(*) FROM mail_activity"
        " WHERE id = ANY(%s) AND last_reminder_local IS NOT NULL",
        [ids],
    )
    reminded = env.cr.fetchone()[0]
    log(
        f"Two workers at once on {len(ids)} due activities: the first took"
        f" {len(taken_ids)}, the scheduled action {len(rest_ids)};"
        f" reminded: {reminded} (duplicates: {len(taken_ids & rest_ids)})"
    )


def bench(registry, env, total, sample):
    started = time.perf_counter()
    insert_data(env, total)
    Activity = env["mail.activity"]
    due = Activity._get_activities_to_remind().ids
    log(
        f"Inserted {total} activities on {DOCUMENTS} partners, {OWNERS} owners,"
        f" in {time.perf_counter() - started:.1f} s; due for a reminder:"
        f" {len(due)}"
    )
    naive = None
    if sample:
        with Meter(env.cr) as meter:
            sent = naive_reminders(
                env(context=dict(env.context, mail_notify_force_send=False)),
                Activity.browse(due[-sample:]),
            )
        naive = report("naive loop (one by one, on a sample)", meter, sent)
    before = count_reminded(env)
    messages_before = count_reminders(env)
    with Meter(env.cr) as meter:
        Activity._process_reminders()
        env.cr.commit()
    sent = count_reminded(env) - before
    batch = report("scheduled action", meter, sent)
    log(
        "  reminder messages sent by the scheduled action:"
        f" {count_reminders(env) - messages_before} (one per owner and batch)"
    )
    env.cr.execute(
        "SELECT notification.notification_type, count(*)"
        " FROM mail_notification notification"
        " JOIN mail_message message ON message.id = notification.mail_message_id"
        " WHERE message.subject = %s GROUP BY 1 ORDER BY 1",
        [SUBJECT],
    )
    log(f"  notifications by type: {dict(env.cr.fetchall())}")
    if naive:
        log(f"  naive / scheduled action, time per reminder: {naive / batch:.1f}x")
    with Meter(env.cr) as meter:
        Activity._process_reminders()
    log(
        f"  second run: {count_reminded(env) - before - sent} reminders,"
        f" {meter.queries} queries, {meter.seconds:.2f} s"
    )
    bench_two_workers(registry, env, 1000)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--database", default="lm_reminders_bench")
    args = parser.parse_args()
    with bench_environment(args.database, ("lead_management_reminder",)) as (
        registry,
        env,
    ):
        bench(registry, env, args.activities, args.sample)


if __name__ == "__main__":
    main()
