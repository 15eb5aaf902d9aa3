"""Benchmark of lead_management's deadline reminders (not a test).

Measures the real scheduled action
(``mail.activity._cron_send_deadline_reminders``) on a large database, and
compares it with a naive activity-by-activity loop run on a sample in the
same database:

- --activities activities (inserted with SQL) on 1 000 opportunities, owned
  by 40 salespeople in four time zones whose preferences cycle through
  Inbox, e-mail, both and none; half of them of a type that reminds 3 days
  before the deadline, the deadlines spread from 20 days ago to 40 days
  ahead, so that a few thousand are due for a reminder.
- The naive loop (each activity checked, rendered and sent alone: one
  ``message_notify`` and/or ``send_mail`` per activity) runs first on --sample
  due activities; the scheduled action then reminds all the others, and a
  second run shows that nothing is sent twice.
- Two workers at once: a first cursor takes a batch and holds its locks
  while the scheduled action runs in a second one; the second skips the
  locked activities, and no activity is reminded twice.

Usage (from the repository, after ``source scripts/setup.sh``)::

    "$PYTHON" benchmarks/bench_reminders.py [--activities 100000] [--sample 100]

It (re)creates the database ``lm_reminders_bench`` (``--database``) with
lead_management installed without demo data, and leaves it for inspection;
drop it with ``dropdb lm_reminders_bench``.
"""

import argparse
import time
from datetime import timedelta

from common import Meter, bench_environment, log

from odoo import SUPERUSER_ID, Command, api, fields
from odoo.tools import SQL

REMINDER_DAYS = 3
PREFERENCES = ("inbox", "email", "both", "none")
TIME_ZONES = ("UTC", "Europe/Bucharest", "America/New_York", "Asia/Tokyo")
LEADS = 1000
OWNERS = 40


def count_reminders(env):
    """Reminder messages sent so far (their message ids are tagged)."""
    env.cr.execute(
        "SELECT count(*) FROM mail_message WHERE message_id LIKE '%%-reminder@%%'"
    )
    return env.cr.fetchone()[0]


def count_reminded(env):
    env.cr.execute("SELECT count(*) FROM mail_activity WHERE reminder_sent IS NOT NULL")
    return env.cr.fetchone()[0]


def insert_data(env, count):
    """Owners and types with the ORM; opportunities and activities with SQL."""
    owners = (
        env["res.users"]
        .with_context(no_reset_password=True, mail_create_nolog=True)
        .create(
            [
                {
                    "name": f"Bench salesperson {i}",
                    "login": f"bench_reminder_{i}",
                    "email": f"bench_reminder_{i}@example.com",
                    "tz": TIME_ZONES[i % len(TIME_ZONES)],
                    "activity_reminder": PREFERENCES[i % len(PREFERENCES)],
                    "groups_id": [
                        Command.set(env.ref("sales_team.group_sale_salesman").ids)
                    ],
                }
                for i in range(OWNERS)
            ]
        )
    )
    reminding, silent = env["mail.activity.type"].create(
        [
            {"name": "Bench reminded call", "reminder_days": REMINDER_DAYS},
            {"name": "Bench call without reminder"},
        ]
    )
    env.cr.commit()
    params = {
        "company": env.company.id,
        "user": env.ref("base.user_admin").id,
        "leads": LEADS,
        "count": count,
        "owners": owners.ids,
        "tzs": [owner.tz for owner in owners],
        "owner_count": len(owners),
        "types": [reminding.id, silent.id],
        "model": env["ir.model"]._get_id("crm.lead"),
        "today": fields.Date.today(),
        "now": fields.Datetime.now(),
    }
    env.cr.execute(
        SQL(
            """
            INSERT INTO crm_lead (name, type, active, company_id, user_id,
                   lead_number, probability, priority, color, expected_revenue,
                   create_uid, write_uid, create_date, write_date)
            SELECT 'Bench opportunity ' || n, 'opportunity', TRUE, %(company)s,
                   %(user)s, 'BENCH/' || n, 10, '1', 0, 1000, 1, 1, %(now)s,
                   %(now)s
              FROM generate_series(1, %(leads)s) n
            """,
            **params,
        )
    )
    # deadlines from 20 days ago to 39 days ahead; one type in two reminds
    env.cr.execute(
        SQL(
            """
            INSERT INTO mail_activity (res_model_id, res_model, res_id, res_name,
                   activity_type_id, user_id, user_tz, summary, date_deadline,
                   active, automated, create_uid, write_uid, create_date,
                   write_date)
            SELECT %(model)s, 'crm.lead', lead.id, lead.name,
                   (%(types)s::int[])[1 + mod(n, 2)],
                   (%(owners)s::int[])[1 + mod(n / 2, %(owner_count)s)],
                   (%(tzs)s::varchar[])[1 + mod(n / 2, %(owner_count)s)],
                   'Follow up ' || n,
                   %(today)s::date + mod(n / 2, 60) - 20,
                   TRUE, FALSE, 1, 1, %(now)s, %(now)s
              FROM generate_series(1, %(count)s) n
              JOIN crm_lead lead
                ON lead.lead_number = 'BENCH/' || (1 + mod(n, %(leads)s))
            """,
            **params,
        )
    )
    env.cr.execute("ANALYZE crm_lead, mail_activity")
    env.invalidate_all()
    env.cr.commit()


def naive_reminders(env, activities):
    """What an activity-by-activity loop does: check each activity, render
    its reminder alone, notify or e-mail its owner alone."""
    template = env.ref("lead_management.mail_template_activity_reminder")
    sent = 0
    for activity_id in activities.ids:
        # no prefetching across activities
        activity = env["mail.activity"].browse(activity_id)
        owner = activity.user_id
        today = fields.Date.context_today(activity.with_context(tz=owner.tz))
        days = activity.activity_type_id.reminder_days
        if (
            not activity.active
            or activity.reminder_sent
            or not days
            or not owner.active
            or owner.activity_reminder == "none"
            or not (today <= activity.date_deadline <= today + timedelta(days=days))
        ):
            continue
        if owner.activity_reminder in ("inbox", "both"):
            body = template._render_field("body_html", activity.ids, compute_lang=True)
            env[activity.res_model].browse(activity.res_id).message_notify(
                partner_ids=owner.partner_id.ids,
                body=body[activity.id],
                subject=f"Reminder: {activity.summary}",
            )
        if owner.activity_reminder in ("email", "both"):
            template.send_mail(
                activity.id,
                email_values={"recipient_ids": [Command.link(owner.partner_id.id)]},
            )
        activity.reminder_sent = fields.Datetime.now()
        sent += 1
    env.cr.commit()
    return sent


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
    Activity = env["mail.activity"]
    env.cr.execute(
        SQL(
            "UPDATE mail_activity SET reminder_sent = NULL WHERE id IN"
            " (SELECT id FROM mail_activity WHERE reminder_sent IS NOT NULL"
            " ORDER BY id LIMIT %s) RETURNING id",
            count,
        )
    )
    ids = sorted(row[0] for row in env.cr.fetchall())
    env.cr.commit()
    before = count_reminders(env)
    today_by_tz = Activity._get_reminder_today_by_tz()
    with registry.cursor() as first_cr:
        first = api.Environment(first_cr, SUPERUSER_ID, {})["mail.activity"]
        taken = first.browse(ids[: len(ids) // 2])._send_deadline_reminders(today_by_tz)
        # the first worker holds its locks (not committed) while the
        # scheduled action runs in another transaction
        with registry.cursor() as second_cr:
            second = api.Environment(second_cr, SUPERUSER_ID, {})["mail.activity"]
            second._cron_send_deadline_reminders()
            second_cr.commit()
        first_cr.commit()
    env.cr.commit()  # a new snapshot, that sees the workers' commits
    sent = count_reminders(env) - before
    log(
        f"Two workers at once on {len(ids)} due activities: the first took"
        f" {len(taken)}, the scheduled action the rest; reminders sent: {sent}"
        f" (duplicates: {sent - len(ids)})"
    )


def bench(registry, env, total, sample):
    started = time.perf_counter()
    insert_data(env, total)
    Activity = env["mail.activity"]
    due = Activity._select_reminders(Activity._get_reminder_today_by_tz())
    log(
        f"Inserted {total} activities on {LEADS} opportunities, {OWNERS} owners,"
        f" in {time.perf_counter() - started:.1f} s; due for a reminder:"
        f" {len(due)}"
    )
    naive = None
    if sample:
        with Meter(env.cr) as meter:
            sent = naive_reminders(env, Activity.browse(due[-sample:]))
        naive = report("naive loop (one by one, on a sample)", meter, sent)
    before = count_reminded(env)
    with Meter(env.cr) as meter:
        Activity._cron_send_deadline_reminders()
    sent = count_reminded(env) - before
    batch = report("scheduled action", meter, sent)
    log(f"  reminders sent by the scheduled action: {count_reminders(env)}")
    env.cr.execute(
        "SELECT count(*) FROM mail_notification notification"
        " JOIN mail_message message ON message.id = notification.mail_message_id"
        " WHERE notification.notification_type = 'inbox'"
        " AND message.message_id LIKE '%%-reminder@%%'"
    )
    inbox = env.cr.fetchone()[0]
    env.cr.execute(
        "SELECT count(*) FROM mail_mail mail"
        " JOIN mail_message message ON message.id = mail.mail_message_id"
        " WHERE message.message_id LIKE '%%-reminder@%%'"
    )
    log(f"  of which in the Inbox: {inbox}, by e-mail (queued): {env.cr.fetchone()[0]}")
    if naive:
        log(f"  naive / scheduled action, time per reminder: {naive / batch:.1f}x")
    with Meter(env.cr) as meter:
        Activity._cron_send_deadline_reminders()
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
    with bench_environment(args.database) as (registry, env):
        bench(registry, env, args.activities, args.sample)


if __name__ == "__main__":
    main()
