# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

FOLLOW_UP_UNITS = [("hours", "hours"), ("days", "days"), ("weeks", "weeks")]


class MailActivity(models.Model):
    """CRM activities as history (SPEC §9): priority, category, the contact
    persons involved, the time spent (typed in or measured with a Start /
    Pause timer), and the follow-up planned when marking done.

    Who sees an activity is Odoo's rule: its owner, and whoever may read its
    document (``mail.activity`` checks the document's access); managers see
    all leads, hence all their activities."""

    _inherit = "mail.activity"

    priority = fields.Selection(
        [("0", "Low"), ("1", "Normal"), ("2", "High")],
        default="1",
        index=True,
    )
    category_id = fields.Many2one("crm.activity.category", index="btree_not_null")
    # the customer of the document: its contacts may be chosen
    customer_id = fields.Many2one("res.partner", compute="_compute_customer_id")
    contact_ids = fields.Many2many(
        "res.partner",
        "mail_activity_contact_rel",
        "activity_id",
        "partner_id",
        string="Contact Persons",
        domain="[('commercial_partner_id', '=', customer_id)]",
    )
    time_spent = fields.Float(
        help="Hours spent on the activity: typed in, or added by its timer."
    )
    timer_start = fields.Datetime(
        "Timer Started", readonly=True, copy=False, help="Empty: no timer runs."
    )

    @api.depends("res_model", "res_id")
    def _compute_customer_id(self):
        """The commercial entity of the document's partner: one read per
        document model, whatever the number of activities (lists)."""
        customers = {}
        ids_by_model = {}
        for activity in self:
            if activity.res_model in self.env and activity.res_id:
                ids_by_model.setdefault(activity.res_model, set()).add(activity.res_id)
        for model, ids in ids_by_model.items():
            records = self.env[model].browse(ids).exists()
            if model == "res.partner":
                partners = {record.id: record for record in records}
            elif "partner_id" in records._fields:
                partners = {record.id: record.partner_id for record in records}
            else:
                continue
            for res_id, partner in partners.items():
                customers[model, res_id] = partner.commercial_partner_id
        for activity in self:
            activity.customer_id = customers.get(
                (activity.res_model, activity.res_id), False
            )

    @api.constrains("contact_ids", "res_model", "res_id")
    def _check_contact_ids(self):
        for activity in self.filtered("contact_ids"):
            customer = activity.customer_id
            strangers = activity.contact_ids.filtered(
                lambda contact, customer=customer: (
                    not customer or contact.commercial_partner_id != customer
                )
            )
            if strangers:
                raise ValidationError(
                    _(
                        "%(contacts)s cannot take part in this activity: only "
                        "the contacts of %(customer)s can.",
                        contacts=", ".join(strangers.mapped("display_name")),
                        customer=customer.display_name or _("its customer"),
                    )
                )

    # ------------------------------------------------------------------
    # Timer
    # ------------------------------------------------------------------

    def action_timer_start(self):
        """Start (or resume) the timer; a running one keeps running.

        The timer reads the wall clock (``CLOCK_TIMESTAMP()``), not the
        transaction's start (``NOW()``), which a long transaction or a test
        that shares one cursor would freeze."""
        self._check_timer_open()
        if not self:
            return True
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE mail_activity"
                " SET timer_start = CLOCK_TIMESTAMP() AT TIME ZONE 'UTC'"
                " WHERE id IN %s AND timer_start IS NULL",
                tuple(self.ids),
            )
        )
        self.invalidate_recordset(["timer_start"])
        return True

    def action_timer_pause(self):
        """Stop the timer and add the time since its start to time_spent.

        One UPDATE that reads and clears ``timer_start``: when two users
        pause at once, the second waits for the first's row lock and finds
        no timer left, so the time is never counted twice."""
        if not self:
            return True
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """UPDATE mail_activity
                      SET time_spent = COALESCE(time_spent, 0) + EXTRACT(EPOCH FROM
                          (CLOCK_TIMESTAMP() AT TIME ZONE 'UTC') - timer_start)
                          / 3600.0,
                          timer_start = NULL
                    WHERE id IN %s AND timer_start IS NOT NULL""",
                tuple(self.ids),
            )
        )
        self.invalidate_recordset(["timer_start", "time_spent"])
        return True

    def _check_timer_open(self):
        if not all(self.mapped("active")):
            raise UserError(_("A done activity has no timer."))

    def _action_done(self, feedback=False, attachment_ids=None):
        # a running timer counts until the activity is done
        self.filtered("timer_start").action_timer_pause()
        return super()._action_done(feedback=feedback, attachment_ids=attachment_ids)

    # ------------------------------------------------------------------
    # Follow-up
    # ------------------------------------------------------------------

    def _get_follow_up_deadline(self, delay_count, delay_unit):
        """The follow-up's due date: ``delay_count`` hours, days or weeks
        from now in the owner's time zone (a deadline is a date)."""
        self.ensure_one()
        if delay_unit not in dict(FOLLOW_UP_UNITS):
            raise UserError(_("Follow up in hours, days or weeks, not %s.", delay_unit))
        if delay_count is None or delay_count < 0:
            raise UserError(_("The follow-up delay cannot be negative."))
        tz = pytz.timezone(self.user_id.tz or self.env.user.tz or "UTC")
        now = pytz.utc.localize(fields.Datetime.now()).astimezone(tz)
        return (now + timedelta(**{delay_unit: delay_count})).date()

    def action_done_follow_up(
        self, delay_count=0, delay_unit="days", feedback=None, date_deadline=None
    ):
        """Mark the activity done and plan the next contact: the same type,
        contacts, category, priority, owner and document, in ``delay_count``
        hours / days / weeks, or on ``date_deadline``. Returns the new
        activity's id."""
        self.ensure_one()
        if not self.active:
            raise UserError(_("This activity is already done."))
        if date_deadline:
            deadline = fields.Date.to_date(date_deadline)
            if deadline < fields.Date.context_today(self):
                raise UserError(_("The follow-up cannot be in the past."))
        else:
            deadline = self._get_follow_up_deadline(delay_count, delay_unit)
        values = {
            "activity_type_id": self.activity_type_id.id,
            "res_model_id": self.res_model_id.id,
            "res_id": self.res_id,
            "user_id": self.user_id.id,
            "summary": self.summary,
            "date_deadline": deadline,
            "priority": self.priority,
            "category_id": self.category_id.id,
            "contact_ids": [fields.Command.set(self.contact_ids.ids)],
        }
        self.action_feedback(feedback=feedback or False)
        return self.env["mail.activity"].create(values).id
