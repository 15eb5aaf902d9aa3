# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import pytz

from odoo import Command, api, fields, models
from odoo.tools import SQL
from odoo.tools.mail import generate_tracking_message_id

from .crm_process_batch_mixin import PROCESS_BATCH_SIZE


class MailActivity(models.Model):
    """Deadline reminders (SPEC §10): an activity whose type reminds
    (``reminder_days``) reminds its owner of its deadline once, by e-mail
    and/or in his Odoo Inbox as he chose (``res.users.activity_reminder``),
    sent by a daily scheduled action in batches."""

    _name = "mail.activity"
    _inherit = ["mail.activity", "crm.process.batch.mixin"]

    reminder_sent = fields.Datetime(
        copy=False,
        readonly=True,
        help="When the owner was reminded of the deadline; emptied when the "
        "deadline moves, so that the new deadline is reminded too.",
    )

    def write(self, vals):
        """A rescheduled activity is reminded again, for its new deadline."""
        moved = self.browse()
        if "date_deadline" in vals and "reminder_sent" not in vals:
            deadline = fields.Date.to_date(vals["date_deadline"])
            moved = self.filtered(
                lambda activity: (
                    activity.reminder_sent and activity.date_deadline != deadline
                )
            )
        result = super().write(vals)
        if moved:
            moved.write({"reminder_sent": False})
        return result

    @api.model
    def _get_reminder_today_by_tz(self):
        """Return {time zone: today's date there} for the time zones of the
        users ('' for users without one: the server's date, UTC), so that
        "today" is each owner's own day."""
        self.env.cr.execute(
            "SELECT DISTINCT COALESCE(partner.tz, '') FROM res_users usr"
            " JOIN res_partner partner ON partner.id = usr.partner_id"
        )
        now = pytz.utc.localize(fields.Datetime.now())
        today_by_tz = {}
        for (tz,) in self.env.cr.fetchall():
            try:
                zone = pytz.timezone(tz) if tz else pytz.utc
            except pytz.UnknownTimeZoneError:
                zone = pytz.utc
            today_by_tz[tz] = now.astimezone(zone).date()
        return today_by_tz

    @api.model
    def _select_reminders(self, today_by_tz, ids=None):
        """Return the ids of the activities (among ``ids``) to remind today,
        the one definition of the rule, in id order.

        An activity is reminded when it is open (active), not reminded yet,
        its type reminds (``reminder_days`` > 0), its owner is an active user
        who wants reminders, and today (the owner's, from ``today_by_tz``;
        the server's for a time zone it lacks) is within ``reminder_days``
        days before the deadline, the deadline included: a reminder missed
        (the scheduled action did not run) is sent late rather than never,
        but never once the deadline is past.

        With ``ids`` (a batch), the rows are locked for the rest of the
        transaction, skipping those another worker holds: two runs never
        remind the same activity.
        """
        batch = ids is not None
        server_today = pytz.utc.localize(fields.Datetime.now()).date()
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT activity.id
                  FROM mail_activity activity
                  JOIN mail_activity_type activity_type
                    ON activity_type.id = activity.activity_type_id
                  JOIN res_users owner ON owner.id = activity.user_id
                  LEFT JOIN unnest(%(tzs)s::varchar[], %(days)s::date[])
                       AS owner_today(tz, day)
                    ON owner_today.tz = COALESCE(activity.user_tz, '')
                 WHERE activity.active
                   AND activity.reminder_sent IS NULL
                   AND activity_type.reminder_days > 0
                   AND owner.active
                   AND owner.activity_reminder != 'none'
                   AND activity.date_deadline
                       >= COALESCE(owner_today.day, %(server_today)s)
                   AND activity.date_deadline - activity_type.reminder_days
                       <= COALESCE(owner_today.day, %(server_today)s)
                   %(batch)s
                 ORDER BY activity.id
                 %(lock)s
                """,
                tzs=list(today_by_tz),
                days=list(today_by_tz.values()),
                server_today=server_today,
                batch=SQL("AND activity.id = ANY(%s)", ids) if batch else SQL(),
                lock=SQL("FOR NO KEY UPDATE OF activity SKIP LOCKED")
                if batch
                else SQL(),
            )
        )
        return [row[0] for row in self.env.cr.fetchall()]

    def _get_reminder_channels(self):
        """Return {activity: (inbox, email)}: how its owner is reminded.
        An owner who wants e-mails but has no address gets the reminder in
        his Inbox instead."""
        channels = {}
        for activity in self:
            owner = activity.user_id
            preference = owner.activity_reminder
            email = preference in ("email", "both") and bool(owner.email)
            inbox = preference in ("inbox", "both") or not email
            channels[activity] = (inbox, email)
        return channels

    def _prepare_reminder_message_values(self, rendered, base_values):
        """The values of the reminder of ``self`` (its rendered subject and
        body): a user notification to its owner on its document, which the
        document's chatter does not show."""
        self.ensure_one()
        return dict(
            base_values,
            model=self.res_model,
            res_id=self.res_id,
            record_name=self.res_name,
            subject=rendered["subject"],
            body=rendered["body_html"],
            partner_ids=self.user_id.partner_id.ids,
        )

    def _send_deadline_reminders(self, today_by_tz):
        """Remind the owners of the activities of ``self`` that are still to
        be reminded (see ``_select_reminders``, which locks them), and mark
        them reminded, in the same transaction as the sending.

        In bulk: one rendering of the template for all (grouped by the
        owners' languages), one insert of messages, of Inbox notifications,
        of e-mails and of their notifications. E-mails are queued: the mail
        queue sends them, and they roll back with the batch if it fails.
        Returns the activities reminded.
        """
        if not self:
            return self
        activities = self.browse(self._select_reminders(today_by_tz, self.ids))
        if not activities:
            return activities
        template = self.env.ref("lead_management.mail_template_activity_reminder")
        rendered = template._generate_template(activities.ids, ("subject", "body_html"))
        thread = self.env["mail.thread"]
        author_id, email_from = thread._message_compute_author()
        base_values = {
            "author_id": author_id,
            "email_from": email_from,
            "message_type": "user_notification",
            "subtype_id": self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note"),
            "is_internal": True,
            "record_alias_domain_id": False,
            "record_company_id": False,
            "email_add_signature": False,
            "reply_to": thread._notify_get_reply_to(default=email_from)[False],
        }
        channels = activities._get_reminder_channels()
        # sudo: the scheduled action notifies the owners on documents of any
        # model, as mail's own notifications do
        messages = (
            self.env["mail.message"]
            .sudo()
            .create(
                [
                    activity._prepare_reminder_message_values(
                        rendered[activity.id],
                        dict(
                            base_values,
                            message_id=generate_tracking_message_id("reminder"),
                        ),
                    )
                    for activity in activities
                ]
            )
        )
        notifications, mails = [], []
        for (activity, (inbox, email)), message in zip(
            channels.items(), messages, strict=True
        ):
            partner_id = activity.user_id.partner_id.id
            if inbox:
                notifications.append(
                    {
                        "author_id": author_id,
                        "mail_message_id": message.id,
                        "res_partner_id": partner_id,
                        "notification_type": "inbox",
                        "notification_status": "sent",
                    }
                )
            if email:
                mails.append(
                    {
                        "mail_message_id": message.id,
                        "body_html": rendered[activity.id]["body_html"],
                        "recipient_ids": [Command.set([partner_id])],
                        "is_notification": True,
                        "auto_delete": True,
                        "state": "outgoing",
                    }
                )
        mails = self.env["mail.mail"].sudo().create(mails)
        # a message has one notification per recipient: an owner reminded
        # both ways has his Inbox one, the e-mail is tracked for the others
        inbox_message_ids = {values["mail_message_id"] for values in notifications}
        notifications += [
            {
                "author_id": author_id,
                "mail_message_id": mail.mail_message_id.id,
                "mail_mail_id": mail.id,
                "res_partner_id": mail.recipient_ids.id,
                "notification_type": "email",
                "notification_status": "ready",
                "is_read": True,
            }
            for mail in mails
            if mail.mail_message_id.id not in inbox_message_ids
        ]
        self.env["mail.notification"].sudo().create(notifications)
        activities.write({"reminder_sent": fields.Datetime.now()})
        return activities

    @api.model
    def _cron_send_deadline_reminders(self, batch_size=PROCESS_BATCH_SIZE):
        """Scheduled action: remind the owners of the activities whose
        deadline is near (see ``_select_reminders``), batch by batch, each
        batch committed with its reminders when run by the scheduler."""
        today_by_tz = self._get_reminder_today_by_tz()
        self.browse(self._select_reminders(today_by_tz))._process_in_batches(
            lambda batch: batch._send_deadline_reminders(today_by_tz),
            batch_size,
            commit=self._process_may_commit(),
        )
