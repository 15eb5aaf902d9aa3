# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

FOLLOW_UP_UNITS = [("hours", "hours"), ("days", "days"), ("weeks", "weeks")]
PRIORITIES = [("0", "Low"), ("1", "Normal"), ("2", "High")]


class MailActivity(models.Model):
    """CRM activities as history (SPEC §9): priority, category, the contact
    persons involved, the time spent (typed in or measured with a Start /
    Pause timer), and the follow-up planned when marking done.

    Who sees an activity is Odoo's rule: its owner, and whoever may read its
    document (``mail.activity`` checks the document's access); managers see
    all leads, hence all their activities."""

    _inherit = "mail.activity"

    priority = fields.Selection(
        PRIORITIES,
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

    @api.model
    def _get_crm_models(self):
        """The documents whose activities are CRM activities (SPEC §9):
        priority, category, contact persons, time spent. Extension point."""
        return ["crm.lead", "res.partner"]

    @api.model
    def _get_crm_history_models(self):
        """The documents whose done activities are kept as history, whatever
        their type (SPEC §9): CRM activities and those of the customers'
        sales documents. Other apps' activities stay stock."""
        return [*self._get_crm_models(), "sale.order"]

    def _is_crm_history(self):
        """Whether this done activity is kept as CRM history. A partner is
        every app's (purchase, HR, helpdesk, calendar...): its activities are
        the CRM's history when a salesperson owns them; other users' stay
        stock (Odoo's calendar suite deletes an employee's done meeting of a
        partner)."""
        self.ensure_one()
        if self.res_model not in self._get_crm_history_models():
            return False
        if self.res_model == "res.partner":
            return self.user_id.has_group("sales_team.group_sale_salesman")
        return True

    @api.model
    def _get_crm_customers(self, res_model, res_ids):
        """{document id: its customer (the commercial entity of its partner)}
        of the CRM documents ``res_ids`` of ``res_model``; empty for other
        models. One read whatever the number of documents (lists).

        The documents are read as superuser, for their partner only: one may
        see an activity (one's own) on a document one may not read (another
        salesperson's lead), and the customer decides whose contacts may be
        chosen, not what the user sees of the document."""
        if res_model not in self._get_crm_models() or not res_ids:
            return {}
        # sudo: a narrow read of the documents' partner (see above)
        records = self.env[res_model].sudo().browse(res_ids).exists()
        return {
            record.id: (
                record if res_model == "res.partner" else record.partner_id
            ).commercial_partner_id
            for record in records
        }

    @api.depends("res_model", "res_id")
    def _compute_customer_id(self):
        ids_by_model = {}
        for activity in self:
            ids_by_model.setdefault(activity.res_model, set()).add(activity.res_id)
        customers = {
            model: self._get_crm_customers(model, list(filter(None, ids)))
            for model, ids in ids_by_model.items()
        }
        for activity in self:
            activity.customer_id = customers[activity.res_model].get(
                activity.res_id, False
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

    def _to_store(self, store):
        """The chatter's activities (SPEC §9, issue 24 point 7): a CRM
        activity also brings its category and contact persons by name
        (priority and time spent come with mail's own read)."""
        result = super()._to_store(store)
        crm_models = self._get_crm_models()
        for activity in self.filtered(lambda act: act.res_model in crm_models):
            store.add(
                activity,
                {
                    "is_crm_activity": True,
                    "crm_category_name": activity.category_id.display_name or "",
                    "crm_contact_names": ", ".join(
                        activity.contact_ids.mapped("display_name")
                    ),
                },
            )
        return result

    # ------------------------------------------------------------------
    # Timer
    # ------------------------------------------------------------------

    def action_timer_start(self):
        """Start (or resume) the timer; a running one keeps running.

        Through the ORM, so starting needs the right to write the activity
        and moves its ``write_date``; the rows are locked first (see
        :meth:`_lock_timers`)."""
        self._check_timer_open()
        self._lock_timers()
        self.filtered(lambda activity: not activity.timer_start).write(
            {"timer_start": self._timer_now()}
        )
        return True

    def action_timer_pause(self):
        """Stop the timer and add the time since its start to time_spent.

        A done activity has no timer to pause: Pause adds nothing to its
        history. The rows are locked first, so when two users pause at once
        the second waits for the first and finds no timer left: the time is
        never counted twice."""
        self._lock_timers()
        now = self._timer_now()
        for activity in self.filtered(lambda act: act.active and act.timer_start):
            elapsed = max((now - activity.timer_start).total_seconds(), 0) / 3600.0
            activity.write(
                {"time_spent": activity.time_spent + elapsed, "timer_start": False}
            )
        return True

    @api.model
    def _timer_now(self):
        """The wall clock in UTC (the server's time zone, as for
        ``fields.Datetime.now``), to the microsecond: a timer paused within
        the second it started still counts."""
        return datetime.now()

    def _lock_timers(self):
        """Check the right to write the activities, then lock their rows
        until the transaction ends and read their timers afresh.

        SQL only for the lock (the ORM has none): the values are then read
        and written through the ORM."""
        self.check_access("write")
        if not self:
            return
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM mail_activity WHERE id IN %s FOR NO KEY UPDATE",
                tuple(self.ids),
            )
        )
        self.invalidate_recordset(["active", "timer_start", "time_spent"])

    def _check_timer_open(self):
        if not all(self.mapped("active")):
            raise UserError(_("A done activity has no timer."))

    def _action_done(self, feedback=False, attachment_ids=None):
        """Mail marks activities done here: a running timer counts until
        then, and the activities of CRM documents are kept (archived) as
        history whatever their type's *Keep Done* (SPEC §9).

        Mail deletes the done activities of types that do not keep them with
        ``unlink()`` at its end; the context (the ids being done) tells our
        ``unlink`` to archive the CRM ones instead, so mail's own code (its
        message, attachments, chaining, every other override) runs as is."""
        self.filtered("timer_start").action_timer_pause()
        messages, next_activities = super(
            MailActivity, self.with_context(lead_management_keep_done=tuple(self.ids))
        )._action_done(feedback=feedback, attachment_ids=attachment_ids)
        return messages.with_env(self.env), next_activities.with_env(self.env)

    def unlink(self):
        done_ids = self.env.context.get("lead_management_keep_done")
        if done_ids:
            history = self.filtered(
                lambda activity: activity.id in done_ids and activity._is_crm_history()
            )
            history.action_archive()
            history._invalidate_documents()
            self -= history
        return super().unlink()

    def _invalidate_documents(self):
        """Forget what the documents of archived activities computed from
        them (``activity_type_id``, ``activity_summary``…): archiving, unlike
        deleting, leaves those values in the cache, and a document would go
        on showing a done activity as its next one until the next request."""
        for model, activities in self.grouped("res_model").items():
            Model = self.env[model]
            field_depends = Model.pool.field_depends
            fnames = [
                name
                for name, field in Model._fields.items()
                if any(
                    dep.split(".")[0] == "activity_ids"
                    for dep in field_depends.get(field, ())
                )
            ]
            Model.browse(activities.mapped("res_id")).invalidate_recordset(
                ["activity_ids", *fnames]
            )

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
